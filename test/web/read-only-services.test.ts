// The public page's thread reads through the same services as the commands, over its own read-only connection:
// it sees what the bot writes (WAL), plans with the statistics the bot refreshes, and any write through it fails
// without changing anything.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openReadOnlyDatabase, PAGE_CACHE_KIB, type OpenDatabase } from '../../src/db/open.js';
import { createServices } from '../../src/services.js';
import { manualClock } from '../../src/shared/clock.js';
import { writeSpaces } from '../../bench/seed/directory.js';

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
  return { writer, reader, bot: createServices({ db: writer.db, clock }), web: createServices({ db: reader.db, clock }) };
}

/** The public page's filtered search (country and desks, by name), with its values bound as the repo binds them. */
const FILTERED_PAGE = `SELECT id FROM spaces WHERE guild_id = ? AND status = 'approved' AND country = ? AND desks >= ?
  AND public_listing = 1 ORDER BY name_key, id LIMIT ? OFFSET ?`;
const FILTERS = ['g1', 'US', 50, 10, 0];
/** How a connection would run it now: SQLite's plan. */
const planOf = (database: OpenDatabase) =>
  (database.sqlite.prepare(`EXPLAIN QUERY PLAN ${FILTERED_PAGE}`).all(...FILTERS) as { detail: string }[]).map((row) => row.detail).join('; ');

const organizer = { guildId: 'g1', userId: 'u1', isOrganizer: true, roleIds: [] };

describe('the public page’s read-only services', () => {
  it('keep no more database pages in memory than the bot’s own connection (not better-sqlite3’s 16 MB)', () => {
    const { writer, reader } = bothConnections();
    expect(reader.sqlite.pragma('cache_size', { simple: true })).toBe(PAGE_CACHE_KIB);
    expect(writer.sqlite.pragma('cache_size', { simple: true })).toBe(PAGE_CACHE_KIB);
  });

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

  it('plan a directory that grew with the statistics the bot refreshed, not the ones they opened with', () => {
    const { writer, reader, bot, web } = bothConnections();
    const spaces = reader.sqlite.prepare(FILTERED_PAGE);
    expect(spaces.all(...FILTERS)).toEqual([]);
    writeSpaces(writer.sqlite, 'g1', 0, 10_000, ['u1', 'u2']);
    writer.sqlite.prepare("UPDATE spaces SET public_listing = 1 WHERE guild_id = 'g1'").run();
    bot.directory.warmUp();
    // SQLite loads statistics with the schema: the bot's ANALYZE does not reach a connection already open.
    expect(planOf(reader)).not.toBe(planOf(writer));
    reader.optimize();
    expect(planOf(reader)).toBe(planOf(writer));
    expect(planOf(reader)).not.toMatch(/TEMP B-TREE/);
    // Statements prepared before plan again, and still answer.
    expect(spaces.all(...FILTERS)).toHaveLength(10);
    expect(web.directory.publicSearch('g1', { country: 'US', minDesks: 50 }, 0).items).toHaveLength(10);
  });
});
