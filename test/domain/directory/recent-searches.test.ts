// What a search or `near` found is remembered per alliance and question while the alliance's directory version
// stands: the same question again runs no full-text or spatial query, and any write to the alliance's spaces or tags — through the repo, in raw
// SQL, or from another connection to the same file — makes the next search look again.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { createDirectoryRepo } from '../../../src/directory/directory.repo.js';
import { createRecentSearches } from '../../../src/directory/recent-searches.js';
import { foldKey } from '../../../src/directory/text.rules.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { GUILD, MEMBER, OTHER_GUILD } from './helpers.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

function world() {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-recent-'));
  const path = join(dir, 'alliance.db');
  const ran: string[] = [];
  const database = openDatabase(path, { trace: (source) => ran.push(source) });
  const other = new Database(path);
  cleanup.push(() => {
    other.close();
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const services = createServices({ db: database.db, clock: manualClock('2026-03-10T12:00:00Z') });
  const repo = createDirectoryRepo(database.db);
  const add = (guildId: string, name: string, desks: number, status: 'approved' | 'pending' = 'approved') =>
    repo.insert(
      {
        guildId, name, nameKey: foldKey(name), city: 'Seattle', cityKey: 'seattle', placeId: null, region: null, country: 'US',
        latitude: 47.6, longitude: -122.3, desks, description: 'quiet desks and good coffee', status, createdBy: '1', createdAt: 1, updatedAt: 1,
        approvedAt: status === 'approved' ? 1 : null,
      },
      [],
      ['300000000000000001'],
    ).id;
  const searches = () => ran.filter((source) => source.includes(' MATCH ')).length;
  const spatial = () => ran.filter((source) => source.includes('spaces_geo')).length;
  const names = (query: Parameters<typeof services.directory.search>[1], guildId = GUILD) => services.directory.search(guildId, query, MEMBER).items.map((s) => s.name);
  return { sqlite: database.sqlite, other, ran, dir: services.directory, add, searches, spatial, names };
}

describe('remembered searches', () => {
  it('answers the same search again without a full-text query, and other filters with one', () => {
    const w = world();
    w.add(GUILD, 'Harbor Loft', 10);
    w.add(GUILD, 'Union Hub', 40);
    expect(w.names({ text: 'coffee' })).toEqual(['Harbor Loft', 'Union Hub']);
    const once = w.searches();
    expect(w.names({ text: 'coffee' })).toEqual(['Harbor Loft', 'Union Hub']);
    expect(w.dir.search(GUILD, { text: 'coffee' })).toMatchObject({ total: 2, totalCapped: false });
    expect(w.searches()).toBe(once);
    expect(w.names({ text: 'coffee', minDesks: 20 })).toEqual(['Union Hub']);
    expect(w.searches()).toBeGreaterThan(once);
  });

  it('looks again after any write to the alliance’s spaces or tags, however it was made', () => {
    const w = world();
    const harbor = w.add(GUILD, 'Harbor Loft', 10);
    const pending = w.add(GUILD, 'Union Hub', 40, 'pending');
    const query = { text: 'coffee', minDesks: 20 };
    expect(w.names(query)).toEqual([]);
    // Approved in raw SQL on the bot's connection, then a change of desks from another connection.
    w.sqlite.prepare("UPDATE spaces SET status = 'approved' WHERE id = ?").run(pending);
    expect(w.names(query)).toEqual(['Union Hub']);
    w.other.prepare('UPDATE spaces SET desks = 25 WHERE id = ?').run(harbor);
    expect(w.names(query)).toEqual(['Harbor Loft', 'Union Hub']);
    // A tag added from the other connection as the repo writes one (its row and the space's tags column).
    expect(w.names({ text: 'coffee', tag: 'women-owned' })).toEqual([]);
    w.other.transaction(() => {
      w.other.prepare('INSERT INTO space_tags (space_id, guild_id, tag) VALUES (?, ?, ?)').run(harbor, GUILD, 'women-owned');
      w.other.prepare("UPDATE spaces SET tags = 'women-owned' WHERE id = ?").run(harbor);
    })();
    expect(w.names({ text: 'coffee', tag: 'women-owned' })).toEqual(['Harbor Loft']);
    w.other.prepare('DELETE FROM spaces WHERE id = ?').run(pending);
    expect(w.names(query)).toEqual(['Harbor Loft']);
  });

  it('keeps an alliance’s searches when another alliance writes', () => {
    const w = world();
    w.add(GUILD, 'Harbor Loft', 10);
    expect(w.names({ text: 'coffee' })).toEqual(['Harbor Loft']);
    const once = w.searches();
    w.add(OTHER_GUILD, 'Elsewhere Hub', 10);
    expect(w.names({ text: 'coffee' })).toEqual(['Harbor Loft']);
    expect(w.searches()).toBe(once);
    expect(w.names({ text: 'coffee' }, OTHER_GUILD)).toEqual(['Elsewhere Hub']);
  });

  it('answers the same `near` again without reading the spatial index, and sees a space that moved', () => {
    const w = world();
    const harbor = w.add(GUILD, 'Harbor Loft', 10);
    w.add(GUILD, 'Union Hub', 40);
    const near = () => w.dir.near(GUILD, { place: 'Seattle', radiusKm: 50 }, MEMBER).items.map((s) => s.name);
    expect(near()).toEqual(['Harbor Loft', 'Union Hub']);
    const once = w.spatial();
    expect(near()).toEqual(['Harbor Loft', 'Union Hub']);
    expect(w.spatial()).toBe(once);
    // Moved to Spokane from the other connection: out of a 50 km circle around Seattle.
    w.other.prepare('UPDATE spaces SET latitude = 47.66, longitude = -117.43 WHERE id = ?').run(harbor);
    expect(near()).toEqual(['Union Hub']);
    expect(w.spatial()).toBeGreaterThan(once);
  });

  it('answers the same `near` page again without reading its listings, and shows a space renamed since', () => {
    const w = world();
    const harbor = w.add(GUILD, 'Harbor Loft', 10);
    w.add(GUILD, 'Union Hub', 40);
    const near = () => w.dir.near(GUILD, { place: 'Seattle', radiusKm: 50 }, MEMBER).items.map((s) => s.name);
    const listings = () => w.ran.filter((source) => source.includes('s.public_tags AS')).length;
    expect(near()).toEqual(['Harbor Loft', 'Union Hub']);
    const once = listings();
    expect(near()).toEqual(['Harbor Loft', 'Union Hub']);
    expect(listings()).toBe(once);
    // Renamed from the other connection, where it stands: the same spaces, one of them with a new name.
    w.other.prepare("UPDATE spaces SET name = 'Harbor Commons' WHERE id = ?").run(harbor);
    expect(near()).toEqual(['Harbor Commons', 'Union Hub']);
    expect(listings()).toBeGreaterThan(once);
  });

  it('answers the same search again without reading its first page’s listings, and shows a space renamed since', () => {
    const w = world();
    const harbor = w.add(GUILD, 'Harbor Loft', 10);
    w.add(GUILD, 'Union Hub', 40);
    const listings = () => w.ran.filter((source) => source.includes('s.public_tags AS')).length;
    expect(w.names({ text: 'coffee' })).toEqual(['Harbor Loft', 'Union Hub']);
    const once = listings();
    expect(w.names({ text: 'coffee' })).toEqual(['Harbor Loft', 'Union Hub']);
    expect(listings()).toBe(once);
    // Renamed from the other connection, where it stands: the same spaces, one of them with a new name.
    w.other.prepare("UPDATE spaces SET name = 'Harbor Commons' WHERE id = ?").run(harbor);
    expect(w.names({ text: 'coffee' })).toEqual(['Harbor Commons', 'Union Hub']);
    expect(listings()).toBeGreaterThan(once);
  });

  it('answers the same next page again without reading its listings, and shows a space renamed or withdrawn since', () => {
    const w = world();
    const ids = Array.from({ length: 12 }, (_, i) => w.add(GUILD, `Loft ${String(i + 1).padStart(2, '0')}`, 10 + i));
    const listings = () => w.ran.filter((source) => source.includes('s.public_tags AS')).length;
    const first = w.dir.search(GUILD, { text: 'coffee' }, MEMBER);
    expect(first.pageCount).toBe(2);
    const second = () => w.dir.searchPage(GUILD, first.searchId, 1).items.map((s) => s.name);
    expect(second()).toEqual(['Loft 11', 'Loft 12']);
    const once = listings();
    expect(second()).toEqual(['Loft 11', 'Loft 12']);
    // Another member's search of the same words parks the same ids: its page 2 is the same hits, not read again.
    const other = w.dir.search(GUILD, { text: 'coffee' }, '300000000000000002');
    expect(w.dir.searchPage(GUILD, other.searchId, 1).items).toBe(w.dir.searchPage(GUILD, first.searchId, 1).items);
    expect(listings()).toBe(once);
    w.other.prepare("UPDATE spaces SET name = 'Loft Twelve' WHERE id = ?").run(ids[11]);
    expect(second()).toEqual(['Loft 11', 'Loft Twelve']);
    expect(listings()).toBeGreaterThan(once);
    // Withdrawn (no longer approved): the page is not served from the ids the search parked, which still hold it.
    w.sqlite.prepare("UPDATE spaces SET status = 'pending' WHERE id = ?").run(ids[10]);
    expect(second()).toEqual(['Loft Twelve']);
  });

  it('remembers a bounded number of searches, the least recently used going first', () => {
    let version = 0;
    const recent = createRecentSearches({ version: () => version }, 2);
    let runs = 0;
    const ids = (text: string) => recent.recall(GUILD, `search ${text}`, () => (runs++, [runs]));
    ids('a');
    ids('b');
    ids('a'); // a is now the most recent
    ids('c'); // b goes
    expect(runs).toBe(3);
    ids('a');
    expect(runs).toBe(3);
    ids('b');
    expect(runs).toBe(4);
    version++;
    ids('b');
    expect(runs).toBe(5);
  });
});
