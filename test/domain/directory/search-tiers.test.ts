// A search skips a relevance tier its words cannot match (their counts per column, drizzle/0026) and narrows the
// full-text query by each filter's rarest word only: a skipped tier must be one that truly has no match, so the ids
// found, and their order, are compared with a reference that reads every space's columns word by word.
import type { Statement } from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { createDirectoryRepo } from '../../../src/directory/directory.repo.js';
import { createDirectorySearchRepo } from '../../../src/directory/directory-search.repo.js';
import { ftsQuery } from '../../../src/directory/directory.rules.js';
import { narrowingWords, tierCanMatch, type ColumnDocs } from '../../../src/directory/fts-query.rules.js';
import { foldKey } from '../../../src/directory/text.rules.js';
import { GUILD, OTHER_GUILD } from './helpers.js';

describe('which tiers can match (rules)', () => {
  const onlyName: ColumnDocs = { name: 40 };
  const nameAndTags: ColumnDocs = { name: 3, tags: 900 };
  const onlyDescription: ColumnDocs = { description: 5_000 };
  const none: ColumnDocs = {};

  it('the name tier needs every word in some name', () => {
    expect(tierCanMatch('name', [onlyName, nameAndTags])).toBe(true);
    expect(tierCanMatch('name', [onlyName, onlyDescription])).toBe(false);
    expect(tierCanMatch('name', [none])).toBe(false);
  });

  it('the short tier needs every word within name, city, region and tags, and one of them beyond the name', () => {
    expect(tierCanMatch('short', [onlyName, onlyName])).toBe(false);
    expect(tierCanMatch('short', [onlyName, nameAndTags])).toBe(true);
    expect(tierCanMatch('short', [onlyName, { city: 2 }])).toBe(true);
    expect(tierCanMatch('short', [nameAndTags, onlyDescription])).toBe(false);
    // A public search that leaves tags out: a word found only in tags does not count.
    expect(tierCanMatch('short', [onlyName, { tags: 900 }], true)).toBe(false);
    expect(tierCanMatch('short', [onlyName, { region: 1 }], true)).toBe(true);
  });

  it('the last tier needs every word somewhere and one of them in a description', () => {
    expect(tierCanMatch('rest', [onlyName, nameAndTags])).toBe(false);
    expect(tierCanMatch('rest', [onlyName, onlyDescription])).toBe(true);
    expect(tierCanMatch('rest', [onlyDescription, none])).toBe(false);
  });

  it('a word whose counts are unknown (a prefix kept as one) may be anywhere', () => {
    for (const tier of ['name', 'short', 'rest'] as const) expect(tierCanMatch(tier, [null])).toBe(true);
    expect(tierCanMatch('rest', [onlyName, null])).toBe(true);
    expect(tierCanMatch('name', [onlyDescription, null])).toBe(false);
  });

  it("narrows by each filter's rarest word", () => {
    const docs: Record<string, number> = { women: 17_707, owned: 65_750, kansas: 300, city: 9_000 };
    expect(narrowingWords({ tag: 'women-owned', cityKey: 'kansas city' }, (w) => docs[w] ?? 0)).toEqual({ city: ['kansas'], tag: ['women'] });
    expect(narrowingWords({ tag: 'quiet' }, (w) => docs[w] ?? 0)).toEqual({ city: [], tag: ['quiet'] });
    expect(narrowingWords({}, (w) => docs[w] ?? 0)).toEqual({ city: [], tag: [] });
  });
});

interface Seeded {
  name: string;
  city?: string;
  region?: string | null;
  tags?: string[];
  description: string;
  status?: 'approved' | 'pending';
  guildId?: string;
}

/** Spaces whose words sit in chosen columns: a word in names only, one in tags only, one in descriptions only, one everywhere. */
const SPACES: Seeded[] = [
  { name: 'Rainier Works', description: 'quiet desks and coffee', tags: ['women-owned'] },
  { name: 'Rainier Hub', description: 'workshops every week', tags: ['coworking'] },
  { name: 'Harbor Works', description: 'rainier views, quiet', tags: ['women-owned', 'quiet'] },
  { name: 'Quiet Loft', description: 'a loft for writers', tags: ['studio'] },
  { name: 'Loft Commons', city: 'Tacoma', description: 'coffee', tags: ['quiet', 'black-owned'] },
  { name: 'Maple Yard', city: 'Rainier', region: 'Washington', description: 'garden works', tags: ['makerspace'] },
  { name: 'Cedar Place', description: 'podcast booth and coffee', tags: ['podcast-room', 'women-owned'] },
  { name: 'Union Lab', description: 'desks', tags: ['women-owned'], status: 'pending' },
  { name: 'Rainier Works Annex', description: 'quiet desks', tags: ['women-owned'], guildId: OTHER_GUILD },
  { name: 'Summit Studio', description: 'quiet loft, coffee, rainier works', tags: ['studio', 'lgbtq-owned'] },
];

function seed(db: Db): void {
  const repo = createDirectoryRepo(db);
  for (const [i, space] of SPACES.entries()) {
    const city = space.city ?? 'Seattle';
    repo.insert(
      {
        guildId: space.guildId ?? GUILD, name: space.name, nameKey: foldKey(space.name), city, cityKey: foldKey(city), placeId: null,
        region: space.region ?? null, country: 'US', latitude: 47.6, longitude: -122.3, desks: 10 + i, description: space.description,
        status: space.status ?? 'approved', createdBy: '1', createdAt: i, updatedAt: i, approvedAt: i,
      },
      space.tags ?? [],
      ['300000000000000001'],
    );
  }
}

/** The reference: every word of the text as a prefix of some word of the columns, tier by tier, oldest first. */
function reference(text: string, tag?: string): string[] {
  const words = foldKey(text).split(' ');
  const has = (columns: string[]) => words.every((w) => columns.some((c) => foldKey(c).split(' ').some((token) => token.startsWith(w))));
  const ranked = SPACES.filter((s) => (s.status ?? 'approved') === 'approved' && (s.guildId ?? GUILD) === GUILD && (!tag || s.tags?.includes(tag))).flatMap((s) => {
    const name = [s.name];
    const short = [...name, s.city ?? 'Seattle', s.region ?? '', ...(s.tags ?? [])];
    const tier = has(name) ? 0 : has(short) ? 1 : has([...short, s.description]) ? 2 : -1;
    return tier < 0 ? [] : [{ name: s.name, tier }];
  });
  return ranked.sort((a, b) => a.tier - b.tier).map((s) => s.name);
}

/** The spaces above on a fresh database, with the statements it runs recorded (values filled in, long ones cut short). */
function seeded() {
  const ran: string[] = [];
  const database = openDatabase(':memory:', { trace: (source) => ran.push(source) });
  seed(database.db);
  return { ...database, ran, search: createDirectorySearchRepo(database.db) };
}

describe('tiers skipped and filters narrowed (searches)', () => {
  const texts = ['rainier works', 'rainier', 'works', 'quiet loft', 'quiet', 'loft', 'coffee', 'podcast', 'tacoma', 'washington', 'women', 'rain wor', 'zebra', 'co'];

  it('finds the same spaces in the same order as a reading of every column, with and without a tag', () => {
    const { search, close } = seeded();
    try {
      const names = new Map(SPACES.map((s, i) => [i + 1, s.name]));
      for (const text of texts) {
        for (const tag of [undefined, 'women-owned', 'quiet']) {
          const ids = search.searchIds(GUILD, { match: ftsQuery(text), ...(tag ? { tag } : {}) }, 100);
          expect(ids.map((id) => names.get(id)), `${text} ${tag ?? ''}`).toEqual(reference(text, tag));
        }
      }
    } finally {
      close();
    }
  });

  it('asks nothing of a tier its words cannot match, and narrows by the rarest word of a tag', () => {
    const database = seeded();
    const { search, ran } = database;
    try {
      const asked = (text: string, tag?: string) => {
        const before = ran.length;
        search.searchIds(GUILD, { match: ftsQuery(text), ...(tag ? { tag } : {}) }, 100);
        return ran.slice(before).filter((source) => source.includes(' MATCH '));
      };
      // "cedar" is only ever in a name: neither the short tier nor the description's is read.
      const cedar = asked('cedar');
      expect(cedar.some((source) => source.includes('spaces_name_fts'))).toBe(true);
      expect(cedar.some((source) => source.includes('spaces_short_fts') || source.includes('"spaces_fts"'))).toBe(false);
      // "garden" is only in a description: only the last tier is read.
      const garden = asked('garden');
      expect(garden.map((source) => /spaces_name_fts|spaces_short_fts/.test(source))).toEqual([false]);
      // "tacoma" is a city: the short tier, never the name's.
      expect(asked('tacoma').some((source) => source.includes('spaces_name_fts'))).toBe(false);
      // A tag's words narrow the full-text query by the rarest alone: with 200 more black-owned coffee spaces, "women"
      // is worth intersecting with "coffee", and "owned" (in every *-owned tag) is not asked for.
      const repo = createDirectoryRepo(database.db);
      for (let i = 0; i < 200; i++) {
        repo.insert(
          {
            guildId: GUILD, name: `Filler ${i}`, nameKey: `filler ${i}`, city: 'Seattle', cityKey: 'seattle', placeId: null, region: null, country: 'US',
            latitude: 47.6, longitude: -122.3, desks: 5, description: 'coffee', status: 'approved', createdBy: '1', createdAt: 100 + i, updatedAt: 1, approvedAt: 1,
          },
          ['black-owned'],
          ['300000000000000001'],
        );
      }
      // The trace cuts a long value short, so the full-text queries are read from the values statements are run with.
      const statements: Statement = Object.getPrototypeOf(database.sqlite.prepare('SELECT 1'));
      const run = vi.spyOn(statements, 'all');
      let values: unknown[] = [];
      try {
        expect(createDirectorySearchRepo(database.db).searchIds(GUILD, { match: ftsQuery('coffee'), tag: 'women-owned' }, 100).length).toBe(2);
        values = run.mock.calls.flat();
      } finally {
        run.mockRestore();
      }
      const matches = values.filter((value): value is string => typeof value === 'string' && value.includes(' : '));
      expect(matches.some((match) => match.includes('{tags} : ("women")'))).toBe(true);
      for (const match of matches) expect(match).not.toContain('"owned"');
    } finally {
      database.close();
    }
  });
});
