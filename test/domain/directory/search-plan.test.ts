// A text search asks the full-text index only for what narrows it cheaply (search-plan.rules.ts): a rare word in a
// big alliance is read alone and its few matches checked in SQL; a common word in a small alliance keeps the
// alliance's scope token in the index's query. Either way the same spaces come back in the same order, and the
// approved count the plan reads is kept by triggers (drizzle/0024), from old databases too.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { createDirectoryRepo } from '../../../src/directory/directory.repo.js';
import { choosePlan, planCost } from '../../../src/directory/search-plan.rules.js';
import { foldKey } from '../../../src/directory/text.rules.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { databaseBefore } from '../../support/db.js';
import { GUILD, OTHER_GUILD } from './helpers.js';

interface Seeded {
  name: string;
  description: string;
  tags?: string[];
  country?: string;
  status?: 'approved' | 'pending';
  guildId?: string;
}

function add(db: Db, space: Seeded): number {
  return createDirectoryRepo(db).insert(
    {
      guildId: space.guildId ?? GUILD, name: space.name, nameKey: foldKey(space.name), city: 'Seattle', cityKey: 'seattle', placeId: null, region: null,
      country: space.country ?? 'US', latitude: 47.6, longitude: -122.3, desks: 10, description: space.description, status: space.status ?? 'approved',
      createdBy: '1', createdAt: 1, updatedAt: 1, approvedAt: 1,
    },
    space.tags ?? [],
    ['300000000000000001'],
  ).id;
}

/** Services on a fresh database, with the full-text queries it runs recorded (values filled in). */
function watched() {
  const ran: string[] = [];
  const database = openDatabase(':memory:', { trace: (source) => ran.push(source) });
  const dir = createServices({ db: database.db, clock: manualClock('2026-03-10T12:00:00Z') }).directory;
  const matches = () => ran.filter((source) => source.includes(' MATCH '));
  return { ...database, dir, ran, matches };
}

/** A big alliance: 300 spaces with "coffee"; "zebra" in three descriptions and one name; a few women-owned, a few in Canada. */
function bigAlliance(db: Db) {
  const ids = { zebraName: 0, zebraText: [] as number[], womenOwned: [] as number[], canada: [] as number[], all: [] as number[] };
  for (let i = 0; i < 300; i++) {
    const zebraText = i === 40 || i === 150 || i === 260;
    const id = add(db, {
      name: i === 200 ? 'Zebra Loft' : `Harbor Hub ${i}`,
      description: `coffee and desks${zebraText ? ' with a zebra mural' : ''}`,
      tags: i % 50 === 7 ? ['women-owned'] : ['coworking'],
      country: i % 60 === 11 ? 'CA' : 'US',
    });
    ids.all.push(id);
    if (zebraText) ids.zebraText.push(id);
    if (i === 200) ids.zebraName = id;
    if (i % 50 === 7) ids.womenOwned.push(id);
    if (i % 60 === 11) ids.canada.push(id);
  }
  // Matches that must never show: a pending space, and another alliance's.
  add(db, { name: 'Pending Zebra', description: 'zebra coffee', status: 'pending' });
  add(db, { name: 'Elsewhere Zebra', description: 'zebra coffee', guildId: OTHER_GUILD });
  return ids;
}

describe('search plan (rules)', () => {
  const counts = { text: [200], scope: 90_000, filterWords: [], rows: 100_000, sqlFilters: true };

  it('reads a rare word alone when the alliance holds most of the index', () => {
    expect(choosePlan(counts)).toMatchObject({ scoped: false });
    // Without other filters the index's own answer needs no check, so only a much bigger alliance makes that worth it.
    expect(choosePlan({ ...counts, sqlFilters: false })).toMatchObject({ scoped: false });
    expect(choosePlan({ ...counts, scope: 20_000, rows: 20_000, sqlFilters: false })).toMatchObject({ scoped: true });
  });

  it("keeps the alliance's scope token for a common word in a small alliance of a big index", () => {
    expect(choosePlan({ ...counts, text: [40_000], scope: 50 })).toMatchObject({ scoped: true });
    expect(choosePlan({ ...counts, text: [40_000], scope: 50, sqlFilters: false })).toMatchObject({ scoped: true });
  });

  it("keeps a selective tag's words for a common word, and drops a common tag's words for a rare one", () => {
    expect(choosePlan({ ...counts, text: [40_000], filterWords: [2_000] })).toMatchObject({ filterWords: true });
    expect(choosePlan({ ...counts, text: [150], filterWords: [20_000, 60_000] })).toMatchObject({ filterWords: false });
  });

  it('costs an unknown word (a prefix kept as one) as every document', () => {
    expect(planCost({ ...counts, text: [Infinity] }, { scoped: true, filterWords: false })).toBe(planCost({ ...counts, text: [100_000] }, { scoped: true, filterWords: false }));
  });
});

describe('search plan (searches)', () => {
  it('a rare word with a broad filter: its own few matches read alone, in relevance order, never pending or elsewhere', () => {
    const { db, dir, matches, close } = watched();
    try {
      const ids = bigAlliance(db);
      const before = matches().length;
      const result = dir.search(GUILD, { text: 'zebra', country: 'US', tag: 'coworking' });
      expect(result.items.map((s) => s.id)).toEqual([ids.zebraName, ...ids.zebraText]);
      expect(result).toMatchObject({ total: 4, totalCapped: false });
      const asked = matches().slice(before);
      expect(asked.length).toBeGreaterThan(0);
      for (const source of asked) expect(source).not.toMatch(/scope :|\{tags\} :/);
      // The same word without filters: the same spaces in the same order, whichever plan.
      expect(dir.search(GUILD, { text: 'zebra' }).items.map((s) => s.id)).toEqual([ids.zebraName, ...ids.zebraText]);
    } finally {
      close();
    }
  });

  it('a common word with a selective tag: the tagged spaces, oldest first', () => {
    const { db, dir, close } = watched();
    try {
      const ids = bigAlliance(db);
      const result = dir.search(GUILD, { text: 'coffee', tag: 'women-owned' });
      expect(result).toMatchObject({ total: ids.womenOwned.length, totalCapped: false });
      expect(result.items.map((s) => s.id)).toEqual(ids.womenOwned.slice(0, 10));
    } finally {
      close();
    }
  });

  it('counts up to the cap: 100+ past it, the exact number below it', () => {
    const { db, dir, close } = watched();
    try {
      const ids = bigAlliance(db);
      expect(dir.search(GUILD, { text: 'coffee' })).toMatchObject({ total: 100, totalCapped: true });
      expect(dir.search(GUILD, { text: 'coffee', country: 'US' })).toMatchObject({ total: 100, totalCapped: true });
      const canada = dir.search(GUILD, { text: 'coffee', country: 'CA' });
      expect(canada).toMatchObject({ total: ids.canada.length, totalCapped: false });
      expect(canada.items.map((s) => s.id)).toEqual(ids.canada);
    } finally {
      close();
    }
  });

  it('an empty rare-word search suggests which filter to drop, counting only approved spaces of this alliance', () => {
    const { db, dir, close } = watched();
    try {
      bigAlliance(db);
      const result = dir.search(GUILD, { text: 'zebra', tag: 'women-owned' });
      expect(result.total).toBe(0);
      expect(result.suggestions).toContainEqual({ key: 'directory.suggest.remove', values: { filter: 'tag', count: 4 } });
    } finally {
      close();
    }
  });

  it("asks with the alliance's scope token for a common word in a small alliance beside a big one", () => {
    const { db, dir, matches, close } = watched();
    try {
      bigAlliance(db);
      const small = [
        add(db, { name: 'Small One', description: 'coffee', guildId: OTHER_GUILD }),
        add(db, { name: 'Small Two', description: 'coffee and tea', guildId: OTHER_GUILD, country: 'CA' }),
      ];
      const before = matches().length;
      const result = dir.search(OTHER_GUILD, { text: 'coffee', country: 'CA' });
      expect(result.items.map((s) => s.name)).toEqual(['Small Two']);
      expect(dir.search(OTHER_GUILD, { text: 'coffee' }).items.map((s) => s.id)).toEqual([expect.any(Number), ...small]);
      for (const source of matches().slice(before)) expect(source).toContain(`scope : "a${OTHER_GUILD}"`);
    } finally {
      close();
    }
  });
});

describe('approved counts (drizzle/0024)', () => {
  const approved = (db: { $client: { prepare(sql: string): { all(): unknown[] } } }) =>
    db.$client.prepare('SELECT guild_id AS guildId, approved FROM directory_versions WHERE approved > 0 ORDER BY guild_id').all();
  const recount = (db: { $client: { prepare(sql: string): { all(): unknown[] } } }) =>
    db.$client.prepare("SELECT guild_id AS guildId, count(*) AS approved FROM spaces WHERE status = 'approved' GROUP BY guild_id ORDER BY guild_id").all();

  it('follow every insert, approval, move and removal', () => {
    const { db, sqlite, close } = watched();
    try {
      const a = add(db, { name: 'A', description: 'x' });
      const b = add(db, { name: 'B', description: 'x', status: 'pending' });
      add(db, { name: 'C', description: 'x', guildId: OTHER_GUILD });
      expect(approved(db)).toEqual(recount(db));
      sqlite.prepare("UPDATE spaces SET status = 'approved' WHERE id = ?").run(b);
      expect(approved(db)).toEqual([{ guildId: GUILD, approved: 2 }, { guildId: OTHER_GUILD, approved: 1 }]);
      sqlite.prepare('UPDATE spaces SET guild_id = ? WHERE id = ?').run(OTHER_GUILD, a);
      sqlite.prepare("UPDATE spaces SET name = 'B2', status = 'approved' WHERE id = ?").run(b);
      expect(approved(db)).toEqual(recount(db));
      sqlite.prepare("UPDATE spaces SET status = 'pending' WHERE id = ?").run(b);
      sqlite.prepare('DELETE FROM spaces WHERE id = ?').run(a);
      expect(approved(db)).toEqual(recount(db));
      expect(approved(db)).toEqual([{ guildId: OTHER_GUILD, approved: 1 }]);
    } finally {
      close();
    }
  });

  it('are counted for the spaces a database held before them', () => {
    const { dir, path, old, remove } = databaseBefore('directory_approved_counts');
    try {
      bigAlliance(old.db);
      // A space written before drizzle/0023 has no version row: its alliance gets one with its count.
      old.sqlite.prepare('DELETE FROM directory_versions WHERE guild_id = ?').run(OTHER_GUILD);
      old.close();
      copyFileSync(path, join(dir, 'copy.db'));
      const upgraded = openDatabase(path);
      try {
        expect(approved(upgraded.db)).toEqual([{ guildId: GUILD, approved: 300 }, { guildId: OTHER_GUILD, approved: 1 }]);
        const found = createServices({ db: upgraded.db, clock: manualClock('2026-03-10T12:00:00Z') }).directory.search(GUILD, { text: 'zebra' });
        expect(found).toMatchObject({ total: 4, totalCapped: false });
      } finally {
        upgraded.close();
      }
    } finally {
      remove();
    }
  });
});
