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
export function tierMatches(guildId: string | null, terms: string, withoutTags = false): { table: FtsTable; match: string }[] {
  const short = withoutTags ? SHORT_COLUMNS_NO_TAGS : SHORT_COLUMNS;
  const all = withoutTags ? ALL_COLUMNS_NO_TAGS : ALL_COLUMNS;
  return [
    { table: 'spaces_name_fts', match: within(guildId, `({name} : (${terms}))`) },
    { table: 'spaces_short_fts', match: within(guildId, `({${short}} : (${terms})) NOT ({name} : (${terms}))`) },
    { table: 'spaces_fts', match: within(guildId, `({${all}} : (${terms})) NOT ({${short}} : (${terms}))`) },
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
 * FTS terms implied by the city and tag filters, added to a text search when its plan says so (search-plan.rules.ts),
 * so FTS intersects them with the words (a row-by-row check of 5,000 "coffee" matches for one city took 4 ms). They
 * may over-match ("kansas city" as two words, "women-owned" as women + owned); the SQL filters stay and decide. Only
 * plain a-z/0-9 tokens are used, where FTS's tokenizer and foldKey surely agree; other tokens are left to SQL alone.
 */
export function filterTerms(filters: CityAndTag): string {
  const { city, tag } = filterWords(filters);
  const quoted = (words: string[]) => words.map((w) => `"${w}"`).join(' ');
  const parts: string[] = [];
  if (city.length) parts.push(`{city} : (${quoted(city)})`);
  if (tag.length) parts.push(`{tags} : (${quoted(tag)})`);
  return parts.map((part) => ` AND ${part}`).join('');
}
