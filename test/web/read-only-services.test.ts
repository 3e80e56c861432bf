// The public page's thread reads through the same services as the commands, over its own read-only connection:
// it sees what the bot writes (WAL), and any write through it fails without changing anything.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openReadOnlyDatabase, type OpenDatabase } from '../../src/db/open.js';
import { createServices } from '../../src/services.js';
import { manualClock } from '../../src/shared/clock.js';

const opened: OpenDatabase[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

function bothConnections() {
  const path = join(mkdtempSync(join(tmpdir(), 'alliance-readonly-')), 'alliance.db');
  const clock = manualClock('2026-11-24T15:00:00Z');
  const writer = openDatabase(path);
  const reader = openReadOnlyDatabase(path);
  opened.push(reader, writer);
  return { bot: createServices({ db: writer.db, clock }), web: createServices({ db: reader.db, clock }) };
}

const organizer = { guildId: 'g1', userId: 'u1', isOrganizer: true, roleIds: [] };

describe('the public page’s read-only services', () => {
  it('see a page the bot turned on, at once', () => {
    const { bot, web } = bothConnections();
    expect(web.alliances.publicPage('harbour')).toBeNull();
    bot.alliances.update(organizer, { publicPage: true, publicSlug: 'harbour' });
    expect(web.alliances.publicPage('harbour')).toMatchObject({ guildId: 'g1', publicSlug: 'harbour' });
  });

  it('refuse to write, and leave the database as it was', () => {
    const { bot, web } = bothConnections();
    expect(() => web.alliances.update(organizer, { publicPage: true, publicSlug: 'harbour' })).toThrow(/readonly|read-only/i);
    expect(bot.alliances.publicPage('harbour')).toBeNull();
  });
});
