// The shape of `near`'s R*Tree (drizzle/0024): each alliance's entries span its number ± 0.25, so the tree groups
// spaces by place whatever order they arrive in (with a width of zero every volume was zero and each space went down
// the first subtree); and a database migrated before 0024 gets its tree rebuilt that way, its answers unchanged.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeSpaces } from '../../../bench/seed/directory.js';
import { openDatabase } from '../../../src/db/open.js';
import { worldGazetteer } from '../../../src/directory/gazetteer.js';
import { haversineKm } from '../../../src/directory/text.rules.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { databaseBefore, GUILD, OTHER_GUILD, setup } from './helpers.js';

const SEATTLE = worldGazetteer().lookup('Seattle', 'US')[0]!;
const HOSTS = ['300000000000000001', '300000000000000002'];

/** Each leaf of the tree: how many degrees of latitude its spaces span (rtreenode lists a node's cells). */
function leafSpans(sqlite: Database.Database): number[] {
  const leaves = sqlite.prepare('SELECT rtreenode(3, data) AS cells FROM spaces_geo_node WHERE nodeno IN (SELECT DISTINCT nodeno FROM spaces_geo_rowid)').all() as { cells: string }[];
  return leaves.map(({ cells }) => {
    const lats = [...cells.matchAll(/\{(\S+) (\S+) (\S+)/g)].map((m) => Number(m[2]));
    return Math.max(...lats) - Math.min(...lats);
  });
}

/** Every approved space of the alliance within 50 km of Seattle, nearest first, ties by id. */
function measured(sqlite: Database.Database, guildId: string) {
  const rows = sqlite.prepare("SELECT id, latitude, longitude FROM spaces WHERE guild_id = ? AND status = 'approved'").all(guildId) as { id: number; latitude: number; longitude: number }[];
  return rows
    .map((r) => ({ id: r.id, km: haversineKm(SEATTLE.lat, SEATTLE.lon, r.latitude, r.longitude) }))
    .filter((d) => d.km <= 50)
    .sort((a, b) => a.km - b.km || a.id - b.id);
}

describe("near's spatial index", () => {
  it('groups spaces by place in its leaves, whatever order they were listed in', () => {
    const ctx = setup();
    // 4,000 spaces over 400 North American cities, listed in no order of place (the bench's own rows).
    writeSpaces(ctx.sqlite, GUILD, 0, 4000, HOSTS);
    const spans = leafSpans(ctx.sqlite).sort((a, b) => a - b);
    expect(spans.length).toBeGreaterThan(30);
    // A leaf holds a few neighbouring cities (each spreads its spaces over 0.2°); a tree that took the first subtree
    // for every space held spaces from the whole continent in each leaf (about 30° of latitude).
    expect(spans[Math.floor(spans.length / 2)]).toBeLessThan(3);
  });

  it('rebuilds the tree of a database migrated before it, with the same answers for each alliance', () => {
    const { path, old, remove } = databaseBefore('directory_near_rtree_extent');
    try {
      writeSpaces(old.sqlite, GUILD, 0, 3000, HOSTS);
      writeSpaces(old.sqlite, OTHER_GUILD, 3000, 5000, HOSTS);
      const zeroWide = old.sqlite.prepare('SELECT count(*) AS n FROM spaces_geo WHERE min_g = max_g').get();
      old.close();
      expect(zeroWide).toEqual({ n: 5000 });

      const upgraded = openDatabase(path);
      try {
        const spans = upgraded.sqlite.prepare(`SELECT g.guild_id AS guild, count(*) AS n FROM spaces_geo t JOIN spaces_geo_guilds g
          ON t.min_g = g.n - 0.25 AND t.max_g = g.n + 0.25 GROUP BY g.guild_id ORDER BY g.guild_id`).all();
        expect(spans).toEqual([{ guild: GUILD, n: 3000 }, { guild: OTHER_GUILD, n: 2000 }]);
        const spansAfter = leafSpans(upgraded.sqlite).sort((a, b) => a - b);
        expect(spansAfter[Math.floor(spansAfter.length / 2)]).toBeLessThan(3);
        const dirService = createServices({ db: upgraded.db, clock: manualClock('2026-03-10T12:00:00Z') }).directory;
        for (const guild of [GUILD, OTHER_GUILD]) {
          const expected = measured(upgraded.sqlite, guild);
          expect(expected.length).toBeGreaterThan(10);
          const page = dirService.near(guild, { place: String(SEATTLE.id), radiusKm: 50 });
          expect(page.items.map((s) => s.id)).toEqual(expected.slice(0, 10).map((e) => e.id));
          expect(page).toMatchObject({ total: Math.min(expected.length, 100), totalCapped: expected.length >= 100 });
        }
        // Still kept in step: a new space of the other alliance is its own, at its own place in the tree.
        writeSpaces(upgraded.sqlite, OTHER_GUILD, 5000, 5100, HOSTS);
        expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM spaces_geo WHERE min_g = max_g').get()).toEqual({ n: 0 });
      } finally {
        upgraded.close();
      }
    } finally {
      remove();
    }
  });
});
