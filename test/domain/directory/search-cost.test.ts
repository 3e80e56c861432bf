// What a search costs in queries, watched through the connection's trace of every statement it runs: the index's
// vocabulary is read once per typed prefix until the index changes, trimming a member's parked searches reads
// their rows from an index instead of scanning every parked search, and a page turn before the count's cap reads
// only its listings from the ids the search found (searching again when a space on it is gone).
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { createDirectoryRepo } from '../../../src/directory/directory.repo.js';
import { foldKey } from '../../../src/directory/text.rules.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { GUILD, MEMBER } from './helpers.js';

/** Services on a fresh database, with every statement run recorded in order (SQL text, values filled in). */
function watched() {
  const ran: string[] = [];
  const database = openDatabase(':memory:', { trace: (source) => ran.push(source) });
  ran.length = 0; // the migrations
  const services = createServices({ db: database.db, clock: manualClock('2026-03-10T12:00:00Z') });
  const addSpace = (name: string, description: string) => {
    const repo = createDirectoryRepo(database.db);
    return repo.insert(
      {
        guildId: GUILD, name, nameKey: foldKey(name), city: 'Seattle', cityKey: 'seattle', placeId: null, region: null, country: 'US',
        latitude: 47.6, longitude: -122.3, desks: 10, description, status: 'approved', createdBy: '1', createdAt: 1, updatedAt: 1, approvedAt: 1,
      },
      [],
      ['300000000000000001'],
    );
  };
  return { ...database, dir: services.directory, ran, addSpace };
}

const vocabularyReads = (ran: string[]) => ran.filter((source) => source.includes('spaces_fts_terms')).length;

describe('search cost', () => {
  it('reads the words a typed prefix stands for once, until a space is written', () => {
    const { dir, ran, addSpace, close } = watched();
    try {
      addSpace('Harbor Loft', 'good coffee all day');
      expect(dir.search(GUILD, { text: 'coffe' }).items.map((s) => s.name)).toEqual(['Harbor Loft']);
      const afterFirst = vocabularyReads(ran);
      expect(afterFirst).toBe(1);
      dir.search(GUILD, { text: 'coffe' });
      dir.search(GUILD, { text: 'coffe' }, MEMBER);
      expect(vocabularyReads(ran)).toBe(afterFirst);
      // A new word under the same prefix: the remembered words are stale and must be read again.
      addSpace('Union Hub', 'a coffeehouse downstairs');
      expect(dir.search(GUILD, { text: 'coffe' }).items.map((s) => s.name)).toEqual(['Harbor Loft', 'Union Hub']);
      expect(vocabularyReads(ran)).toBe(afterFirst + 1);
    } finally {
      close();
    }
  });

  it("trims a member's parked searches from an index, never a scan of every parked search", () => {
    const { dir, ran, sqlite, addSpace, close } = watched();
    try {
      addSpace('Harbor Loft', 'quiet desks');
      dir.search(GUILD, { text: 'quiet' }, MEMBER);
      const stashQueries = ran.filter((source) => /directory_stash/.test(source) && /user_id/.test(source));
      expect(stashQueries.length).toBeGreaterThan(0);
      for (const source of stashQueries) {
        const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all() as { detail: string }[]).map((row) => row.detail);
        expect(plan.join('\n')).not.toMatch(/SCAN directory_stash\b(?! USING)/);
      }
    } finally {
      close();
    }
  });

  it("counts the spaces with a tag from the tag's own rows when an empty search suggests dropping the words", () => {
    const { dir, ran, sqlite, addSpace, close } = watched();
    try {
      addSpace('Harbor Loft', 'quiet desks');
      sqlite.prepare("INSERT INTO space_tags (space_id, guild_id, tag) SELECT id, guild_id, 'women-owned' FROM spaces").run();
      const before = ran.length;
      const result = dir.search(GUILD, { text: 'zebra', tag: 'women-owned', country: 'US', minDesks: 5 });
      expect(result.total).toBe(0);
      const counts = ran.slice(before).filter((source) => source.includes('count(*)') && source.includes('space_tags') && !source.includes('MATCH'));
      expect(counts.length).toBeGreaterThan(0);
      for (const source of counts) {
        const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all() as { detail: string }[]).map((row) => row.detail);
        // The tag's rows lead; the space is then one rowid lookup (not a walk of every space with desks).
        expect(plan.find((detail) => detail.startsWith('SEARCH'))).toMatch(/^SEARCH t USING COVERING INDEX space_tags_guild_tag_space_idx/);
      }
    } finally {
      close();
    }
  });

  it('turns to a page before the cap from the ids the search found, without searching again', () => {
    const { dir, ran, addSpace, close } = watched();
    try {
      for (let i = 0; i < 25; i++) addSpace(`Loft ${String(i).padStart(2, '0')}`, 'quiet desks');
      const first = dir.search(GUILD, { text: 'quiet' }, MEMBER);
      expect(first).toMatchObject({ total: 25, totalCapped: false, pageCount: 3 });
      const before = ran.length;
      const third = dir.searchPage(GUILD, first.searchId, 2);
      expect(third).toMatchObject({ page: 2, total: 25, pageCount: 3, query: { text: 'quiet' } });
      expect(third.items.map((s) => s.name)).toEqual(['Loft 20', 'Loft 21', 'Loft 22', 'Loft 23', 'Loft 24']);
      expect(ran.slice(before).filter((source) => source.includes('MATCH'))).toEqual([]);
    } finally {
      close();
    }
  });

  it('past the ids it holds, finds those up to the page and a hundred more once, so later pages only read listings', () => {
    const { dir, ran, addSpace, close } = watched();
    try {
      const names = Array.from({ length: 230 }, (_, i) => `Loft ${String(i).padStart(3, '0')}`);
      for (const name of names) addSpace(name, 'quiet desks');
      const first = dir.search(GUILD, { text: 'quiet' }, MEMBER);
      expect(first).toMatchObject({ total: 100, totalCapped: true });
      const searches = () => ran.filter((source) => source.includes('MATCH')).length;
      const seen = first.items.map((s) => s.name);
      const searchedAt: number[] = [];
      let page = first;
      while (page.page + 1 < page.pageCount) {
        const before = searches();
        page = dir.searchPage(GUILD, first.searchId, page.page + 1);
        if (searches() > before) searchedAt.push(page.page);
        seen.push(...page.items.map((s) => s.name));
      }
      expect(seen).toEqual(names);
      // Page 10 (the last of the first hundred ids needs to know of a next page) and page 20 search; the rest do not.
      expect(searchedAt).toEqual([9, 19]);
      expect(page).toMatchObject({ page: 22, total: 230, totalCapped: false, pageCount: 23 });
      // Turning back reads the kept ids too.
      const before = searches();
      expect(dir.searchPage(GUILD, first.searchId, 15).items.map((s) => s.name)).toEqual(names.slice(150, 160));
      expect(searches()).toBe(before);
    } finally {
      close();
    }
  });

  it('searches again when a space on the page was removed since, and counts what is left', () => {
    const { dir, ran, addSpace, sqlite, close } = watched();
    try {
      const ids = Array.from({ length: 15 }, (_, i) => addSpace(`Hub ${String(i).padStart(2, '0')}`, 'quiet desks'));
      const first = dir.search(GUILD, { text: 'quiet' }, MEMBER);
      sqlite.prepare('DELETE FROM spaces WHERE id = ?').run(ids[12]!.id);
      const before = ran.length;
      const second = dir.searchPage(GUILD, first.searchId, 1);
      expect(second).toMatchObject({ page: 1, total: 14, pageCount: 2 });
      expect(second.items.map((s) => s.name)).toEqual(['Hub 10', 'Hub 11', 'Hub 13', 'Hub 14']);
      expect(ran.slice(before).some((source) => source.includes('MATCH'))).toBe(true);
    } finally {
      close();
    }
  });
});
