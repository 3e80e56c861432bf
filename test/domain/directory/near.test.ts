// `near` over the R*Tree (drizzle/*_directory_near_rtree.sql): the same nearest spaces, page after page, as measuring
// every space; a busy circle's count capped like a search's; the tree kept in step with approvals, moves and
// removals; and filled from the spaces already listed when the migration runs.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { createNearFinder } from '../../../src/directory/directory-near.service.js';
import { createDirectoryRepo } from '../../../src/directory/directory.repo.js';
import { createDirectorySearchRepo } from '../../../src/directory/directory-search.repo.js';
import { worldGazetteer } from '../../../src/directory/gazetteer.js';
import { foldKey, haversineKm } from '../../../src/directory/text.rules.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import type { Db } from '../../../src/db/open.js';
import { databaseBefore, GUILD, OTHER_GUILD, setup } from './helpers.js';

const SEATTLE = worldGazetteer().lookup('Seattle', 'US')[0]!;

/** Deterministic spaces scattered within `spreadKm` of a point (no two at the same distance from anywhere nearby). */
function scatter(db: Db, guildId: string, n: number, at: { lat: number; lon: number }, spreadKm: number, status: 'approved' | 'pending' = 'approved', seed = 7) {
  const repo = createDirectoryRepo(db);
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const name = `Space ${guildId.slice(-2)} ${status} ${seed} ${i}`;
    const latitude = at.lat + ((rand() - 0.5) * 2 * spreadKm) / 111.2;
    const longitude = at.lon + ((rand() - 0.5) * 2 * spreadKm) / (111.2 * Math.cos((at.lat * Math.PI) / 180));
    const row = repo.insert(
      {
        guildId, name, nameKey: foldKey(name), city: 'Seattle', cityKey: 'seattle', placeId: null, region: 'Washington', country: 'US',
        latitude, longitude, desks: 10, description: null, status, createdBy: '1', createdAt: i, updatedAt: i, approvedAt: status === 'approved' ? i : null,
      },
      [],
      ['300000000000000001'],
    );
    ids.push(row.id);
  }
  return ids;
}

/** What near must answer: every approved space of the alliance measured, nearest first, ties by id. */
function measured(sqlite: ReturnType<typeof setup>['sqlite'], guildId: string, radiusKm: number) {
  const rows = sqlite.prepare("SELECT id, latitude, longitude FROM spaces WHERE guild_id = ? AND status = 'approved'").all(guildId) as { id: number; latitude: number; longitude: number }[];
  return rows
    .map((r) => ({ id: r.id, km: haversineKm(SEATTLE.lat, SEATTLE.lon, r.latitude, r.longitude) }))
    .filter((d) => d.km <= radiusKm)
    .sort((a, b) => a.km - b.km || a.id - b.id);
}

describe('near over the spatial index', () => {
  it('lists a busy circle page by page exactly as measuring every space would, its count capped at 100+', () => {
    const ctx = setup();
    scatter(ctx.db, GUILD, 800, SEATTLE, 70);
    scatter(ctx.db, GUILD, 40, SEATTLE, 20, 'pending', 11);
    scatter(ctx.db, OTHER_GUILD, 300, SEATTLE, 10, 'approved', 13);
    const expected = measured(ctx.sqlite, GUILD, 50);
    expect(expected.length).toBeGreaterThan(150);

    const first = ctx.dir.near(GUILD, { place: String(SEATTLE.id), radiusKm: 50 });
    expect(first).toMatchObject({ total: 100, totalCapped: true, page: 0 });
    expect(first.pageCount).toBeGreaterThanOrEqual(10);
    const seen: number[] = [];
    let page = first;
    for (let p = 0; p < 40 && page.items.length; p++) {
      page = p === 0 ? first : ctx.dir.nearPage(GUILD, first.searchId, p);
      if (page.page !== p) break;
      seen.push(...page.items.map((s) => s.id));
      for (const item of page.items) {
        const exact = expected.find((e) => e.id === item.id)!;
        expect(item.distanceKm).toBe(Math.round(exact.km * 10) / 10);
      }
    }
    expect(seen).toEqual(expected.map((e) => e.id));
    // The last page knows the whole circle: its total is exact.
    expect(page).toMatchObject({ total: expected.length, totalCapped: false });
  });

  it('counts a quiet circle exactly, beyond the cap when the circle is read whole', () => {
    const ctx = setup();
    // Most spaces far from the centre: fewer than 100 in the inner box, so the circle is read whole.
    scatter(ctx.db, GUILD, 30, SEATTLE, 3);
    scatter(ctx.db, GUILD, 400, { lat: SEATTLE.lat + 0.4, lon: SEATTLE.lon }, 8, 'approved', 21);
    const expected = measured(ctx.sqlite, GUILD, 50);
    expect(expected.length).toBeGreaterThan(100);
    const first = ctx.dir.near(GUILD, { place: String(SEATTLE.id), radiusKm: 50 });
    expect(first.items.map((s) => s.id)).toEqual(expected.slice(0, 10).map((e) => e.id));
    expect(first).toMatchObject({ total: expected.length, totalCapped: false });
  });

  it('reads a small box first for a page near a busy centre, and wider boxes only when it holds too few', () => {
    const ctx = setup();
    // One alliance with a dense core and two busy towns 30 km away; another with the towns only (an empty centre).
    for (const guild of [GUILD, OTHER_GUILD]) {
      if (guild === GUILD) scatter(ctx.db, guild, 60, SEATTLE, 1.5);
      scatter(ctx.db, guild, 300, { lat: SEATTLE.lat + 0.27, lon: SEATTLE.lon }, 6, 'approved', 17);
      scatter(ctx.db, guild, 300, { lat: SEATTLE.lat - 0.27, lon: SEATTLE.lon + 0.1 }, 6, 'approved', 19);
    }
    const repo = createDirectorySearchRepo(ctx.db);
    const boxes: number[] = [];
    const finder = createNearFinder({
      // Each box read for the nearest is first read with a limit (then measured by SQLite if it holds many more).
      search: { ...repo, geoBox: (g, box, limit) => (limit >= 0 && boxes.push(box.maxLat - box.minLat), repo.geoBox(g, box, limit)) },
      countCap: 100,
    });
    const circle = 100 / 111.0;
    const firstBox = (circle * Math.sqrt(11 / 100)) / 8;
    for (const guild of [GUILD, OTHER_GUILD]) {
      const expected = measured(ctx.sqlite, guild, 50);
      for (const want of [11, 21, 61, 71, 201, expected.length + 1]) {
        boxes.length = 0;
        const { found } = finder.nearest(guild, SEATTLE.lat, SEATTLE.lon, 50, want);
        expect(found.map((f) => f.id)).toEqual(expected.slice(0, want).map((e) => e.id));
        expect(Math.max(...boxes)).toBeLessThanOrEqual(circle + 1e-9);
        // A first page: ten from the core in a box a 24th as wide as the circle's; with no core, boxes twice as wide
        // each time until one reaches the towns 24 km away (16 times as wide: 33 km).
        if (want === 11) expect(boxes).toEqual((guild === GUILD ? [1] : [1, 2, 4, 8, 16]).map((k) => expect.closeTo(k * firstBox, 6)));
      }
    }
  });

  it('orders spaces at one point by id, whether the box read is measured by SQLite (many) or here (few)', () => {
    const ctx = setup();
    // 150 spaces on the centre itself (registered without their own coordinates) and 300 around it.
    scatter(ctx.db, GUILD, 150, SEATTLE, 0);
    scatter(ctx.db, GUILD, 300, SEATTLE, 30, 'approved', 23);
    const repo = createDirectorySearchRepo(ctx.db);
    let bySqlite = 0;
    const finder = createNearFinder({ search: { ...repo, geoNearest: (...args) => (bySqlite++, repo.geoNearest(...args)) }, countCap: 100 });
    const expected = measured(ctx.sqlite, GUILD, 50);
    // 11 asked: the first box holds 150 (over 4 × 31), measured by SQLite; 201 asked: the box holds fewer than 4 × 221.
    for (const [want, sqlite] of [[11, 1], [201, 0]] as const) {
      bySqlite = 0;
      const { found, total, capped } = finder.nearest(GUILD, SEATTLE.lat, SEATTLE.lon, 50, want);
      expect(found.map((f) => f.id)).toEqual(expected.slice(0, want).map((e) => e.id));
      expect({ total, capped }).toEqual({ total: Math.max(100, want), capped: true });
      expect(bySqlite).toBe(sqlite);
    }
  });

  it('counts the circle exactly just below the cap, and "100+" from the cap on', () => {
    for (const n of [99, 100]) {
      const ctx = setup();
      // All within the inner box (5 km of the centre), which is what the count reads first.
      scatter(ctx.db, GUILD, n, SEATTLE, 5);
      const page = ctx.dir.near(GUILD, { place: String(SEATTLE.id), radiusKm: 50 });
      expect(page.items.map((s) => s.id)).toEqual(measured(ctx.sqlite, GUILD, 50).slice(0, 10).map((e) => e.id));
      expect(page).toMatchObject({ total: n, totalCapped: n === 100 });
    }
  });

  it('finds a space where it is now: approved, moved, sent back to pending, removed', () => {
    const ctx = setup();
    const [pending] = scatter(ctx.db, GUILD, 1, SEATTLE, 1, 'pending');
    const near = () => ctx.dir.near(GUILD, { place: String(SEATTLE.id), radiusKm: 50 }).items.map((s) => s.id);
    expect(near()).toEqual([]);
    ctx.sqlite.prepare("UPDATE spaces SET status = 'approved' WHERE id = ?").run(pending);
    expect(near()).toEqual([pending]);
    // Moved to Spokane: out of a 50 km circle around Seattle.
    ctx.sqlite.prepare('UPDATE spaces SET latitude = 47.66, longitude = -117.43 WHERE id = ?').run(pending);
    expect(near()).toEqual([]);
    ctx.sqlite.prepare('UPDATE spaces SET latitude = ?, longitude = ? WHERE id = ?').run(SEATTLE.lat, SEATTLE.lon, pending);
    expect(near()).toEqual([pending]);
    ctx.sqlite.prepare("UPDATE spaces SET status = 'pending' WHERE id = ?").run(pending);
    expect(near()).toEqual([]);
    ctx.sqlite.prepare("UPDATE spaces SET status = 'approved' WHERE id = ?").run(pending);
    ctx.sqlite.prepare('DELETE FROM spaces WHERE id = ?').run(pending);
    expect(near()).toEqual([]);
    expect(ctx.sqlite.prepare('SELECT count(*) AS n FROM spaces_geo').get()).toEqual({ n: 0 });
  });

  it('fills the index from the spaces already listed when the migration runs', () => {
    // A database as it was before the spatial index.
    const { dir, path, old, remove } = databaseBefore('directory_near_rtree');
    try {
      const ids = scatter(old.db, GUILD, 120, SEATTLE, 20);
      scatter(old.db, GUILD, 5, SEATTLE, 5, 'pending', 3);
      old.close();
      copyFileSync(path, join(dir, 'copy.db'));

      const upgraded = openDatabase(path);
      try {
        const dirService = createServices({ db: upgraded.db, clock: manualClock('2026-03-10T12:00:00Z') }).directory;
        expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM spaces_geo').get()).toEqual({ n: ids.length });
        const expected = measured(upgraded.sqlite, GUILD, 50);
        const page = dirService.near(GUILD, { place: String(SEATTLE.id), radiusKm: 50 });
        expect(page.items.map((s) => s.id)).toEqual(expected.slice(0, 10).map((e) => e.id));
        expect(page).toMatchObject({ total: 100, totalCapped: true });
      } finally {
        upgraded.close();
      }
    } finally {
      remove();
    }
  });
});
