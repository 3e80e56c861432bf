// The page's thread looks up the alliance behind an address once per change of the database: repeated requests do
// not ask again, and a page the bot turns off is gone at the very next request.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openReadOnlyDatabase, type OpenDatabase } from '../../src/db/open.js';
import { createServices } from '../../src/services.js';
import { manualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createAllianceLookup } from '../../src/web/alliance-lookup.js';
import { createWebApp } from '../../src/web/app.js';

const opened: OpenDatabase[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

const organizer = { guildId: 'g1', userId: 'u1', isOrganizer: true, roleIds: [] };

function bothConnections() {
  const path = join(mkdtempSync(join(tmpdir(), 'alliance-lookup-')), 'alliance.db');
  const clock = manualClock('2026-11-24T15:00:00Z');
  const writer = openDatabase(path);
  const reader = openReadOnlyDatabase(path);
  opened.push(reader, writer);
  const version = reader.sqlite.prepare('PRAGMA data_version').pluck();
  const bot = createServices({ db: writer.db, clock });
  bot.alliances.update(organizer, { publicPage: true, publicSlug: 'harbour' });
  return { clock, bot, web: createServices({ db: reader.db, clock }), dataVersion: () => version.get() as number };
}

describe('the alliance behind a page address', () => {
  it('is asked of the database once while nothing changed, and again after the bot wrote', () => {
    const { bot, web, dataVersion } = bothConnections();
    const asked: string[] = [];
    const lookup = createAllianceLookup((slug) => (asked.push(slug), web.alliances.publicPage(slug)), dataVersion);
    for (let i = 0; i < 5; i++) expect(lookup('harbour')?.guildId).toBe('g1');
    expect(asked).toEqual(['harbour']);
    bot.alliances.update(organizer, { timezone: 'Europe/Paris' });
    expect(lookup('harbour')?.timezone).toBe('Europe/Paris');
    expect(asked).toEqual(['harbour', 'harbour']);
  });

  it('is not remembered when no alliance has it, so a page turned on later is found', () => {
    const { bot, web, dataVersion } = bothConnections();
    const lookup = createAllianceLookup(web.alliances.publicPage, dataVersion);
    expect(lookup('lighthouse')).toBeNull();
    bot.alliances.update({ ...organizer, guildId: 'g2' }, { publicPage: true, publicSlug: 'lighthouse' });
    expect(lookup('lighthouse')?.guildId).toBe('g2');
  });

  it('answers 404 at the next request once the bot turned the page off', async () => {
    const { clock, bot, web, dataVersion } = bothConnections();
    const app = createWebApp({
      services: web, clock, logger: silentLogger, publicUrl: 'http://localhost', dataVersion,
      health: () => ({ ok: true, checks: { database: 'ok', gateway: 'ok', scheduler: 'ok' } }),
    });
    expect((await app.request('/a/harbour/')).status).toBe(200);
    expect((await app.request('/a/harbour/')).status).toBe(200);
    bot.alliances.update(organizer, { publicPage: false });
    expect((await app.request('/a/harbour/')).status).toBe(404);
  });
});
