// The full-text queries a directory search asks of the FTS5 indexes (drizzle/0004, 0009): relevance tiers, the
// alliance's scope token, and the words the city and tag filters add. Pure text; directory-search.repo.ts runs them.

/** A search's city (folded key) and tag filters. */
interface CityAndTag {
  cityKey?: string;
  tag?: string;
}

export const ALL_COLUMNS = 'name city region tags description';
const SHORT_COLUMNS = 'name city region tags';
export const ALL_COLUMNS_NO_TAGS = 'name city region description';
const SHORT_COLUMNS_NO_TAGS = 'name city region';

/** The full-text indexes (drizzle/0004 and 0009): everything, the short columns, the name alone. */
export type FtsTable = 'spaces_fts' | 'spaces_short_fts' | 'spaces_name_fts';

/** The relevance tiers: every word in the name; within name, city, region and tags; with the description. */
export type Tier = 'name' | 'short' | 'rest';

/** Documents holding a word (or any of the words a typed word stands for) in each column of spaces_fts; absent: none. */
export type ColumnDocs = Partial<Record<string, number>>;

/** The columns a tier's words must all be within, and those of them an earlier tier does not read. */
function tierColumns(tier: Tier, withoutTags: boolean): { within: string[]; beyond: string[] } {
  const beside = withoutTags ? ['city', 'region'] : ['city', 'region', 'tags'];
  if (tier === 'name') return { within: ['name'], beyond: ['name'] };
  if (tier === 'short') return { within: ['name', ...beside], beyond: beside };
  return { within: ['name', ...beside, 'description'], beyond: ['description'] };
}

/**
 * Whether a tier can have a match at all, from each typed word's documents per column (null: not known, as for a
 * prefix kept as a prefix). A row of a tier holds every word within the tier's columns and, since the earlier tiers'
 * rows are left out (its NOT), at least one word in a column beyond them (the short tier: city, region or tags; the
 * last: the description). The counts are over every alliance and status, so a zero is sure and a skipped tier is
 * one with no match: "rainier works", in names only, no longer reads both words' doclists in the short index to
 * find nothing.
 */
export function tierCanMatch(tier: Tier, words: (ColumnDocs | null)[], withoutTags = false): boolean {
  const { within, beyond } = tierColumns(tier, withoutTags);
  const inAny = (docs: ColumnDocs | null, columns: string[]) => docs === null || columns.some((column) => (docs[column] ?? 0) > 0);
  return words.every((docs) => inAny(docs, within)) && words.some((docs) => inAny(docs, beyond));
}

/** `expr` within the alliance's approved spaces (their scope token, drizzle/0004), or alone when SQL checks them. */
const within = (guildId: string | null, expr: string) => (guildId === null ? expr : `scope : "a${guildId}" AND ${expr}`);

/**
 * Relevance as tiers rather than bm25 (bm25 must score every match, ~40 ms for 7,000 matches here): every word in
 * the name first, then all words within name/city/region/tags, then the rest (description). Within a tier, oldest
 * first: FTS streams rowids in order, so a page reads only offset + limit rows of each tier. Each tier is asked of
 * the smallest index that holds its columns, so an empty tier costs nothing; a NOT only skips rows of an earlier
 * tier, and a later tier is read only when the earlier ones had fewer rows than the page needs. `guildId` null: the
 * alliance and status are left to SQL (see search-plan.rules.ts).
 */
export function tierMatches(guildId: string | null, terms: string, withoutTags = false): { tier: Tier; table: FtsTable; match: string }[] {
  const short = withoutTags ? SHORT_COLUMNS_NO_TAGS : SHORT_COLUMNS;
  const all = withoutTags ? ALL_COLUMNS_NO_TAGS : ALL_COLUMNS;
  return [
    { tier: 'name', table: 'spaces_name_fts', match: within(guildId, `({name} : (${terms}))`) },
    { tier: 'short', table: 'spaces_short_fts', match: within(guildId, `({${short}} : (${terms})) NOT ({name} : (${terms}))`) },
    { tier: 'rest', table: 'spaces_fts', match: within(guildId, `({${all}} : (${terms})) NOT ({${short}} : (${terms}))`) },
  ];
}

/** The FTS query for one alliance's approved spaces matching `terms` (ftsQuery output) in the given columns. */
export function scopedMatch(guildId: string | null, terms: string, columns = ALL_COLUMNS): string {
  return within(guildId, `({${columns}} : (${terms}))`);
}

/** The plain a-z/0-9 words of the city and tag filters, where FTS's tokenizer and foldKey surely agree. */
export function filterWords(filters: CityAndTag): { city: string[]; tag: string[] } {
  const plain = (words: string[]) => words.filter((w) => /^[a-z0-9]+$/.test(w));
  return { city: plain((filters.cityKey ?? '').split(' ')), tag: plain((filters.tag ?? '').split('-')) };
}

/**
 * Of each filter's words, the one with the fewest documents (`docs`: the index's count). A row the filter keeps holds
 * all of its words, so its rarest narrows the full-text query about as much as all of them, and each other word
 * costs its whole doclist for little: with "women-owned", "owned" (every *-owned tag, 65,750 of 100,000 spaces) took
 * 0.39 ms of a 0.83 ms tier and removed none of the 62 rows "women" left.
 */
export function narrowingWords(filters: CityAndTag, docs: (word: string) => number): { city: string[]; tag: string[] } {
  const rarest = (words: string[]) => (words.length ? [words.reduce((best, word) => (docs(word) < docs(best) ? word : best))] : []);
  const { city, tag } = filterWords(filters);
  return { city: rarest(city), tag: rarest(tag) };
}

/**
 * FTS terms implied by the city and tag filters (narrowingWords), added to a text search when its plan says so
 * (search-plan.rules.ts), so FTS intersects them with the words (a row-by-row check of 5,000 "coffee" matches for one
 * city took 4 ms). They may over-match ("kansas" for Kansas City, "women" for women-owned); the SQL filters stay and
 * decide. Only plain a-z/0-9 tokens are used, where FTS's tokenizer and foldKey surely agree; other tokens are left
 * to SQL alone.
 */
export function filterTerms(words: { city: string[]; tag: string[] }): string {
  const quoted = (list: string[]) => list.map((w) => `"${w}"`).join(' ');
  const parts: string[] = [];
  if (words.city.length) parts.push(`{city} : (${quoted(words.city)})`);
  if (words.tag.length) parts.push(`{tags} : (${quoted(words.tag)})`);
  return parts.map((part) => ` AND ${part}`).join('');
}
