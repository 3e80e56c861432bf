// Directory reads for finding spaces: FTS5 text search, filters, the bounding-box prefilter for `near`, stats and
// autocomplete. Approved spaces of one guild only, unless a query says otherwise.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { createSqlStatements } from '../db/prepared.js';
import { isIdentityTag } from './directory.rules.js';
import { createFtsVocabulary, MAX_WORDS_PER_PREFIX, type IndexCounts } from './fts-vocabulary.js';
import { choosePlan, type SearchPlan } from './search-plan.rules.js';
import { ALL_COLUMNS, ALL_COLUMNS_NO_TAGS, filterTerms, narrowingWords, scopedMatch, tierCanMatch, tierMatches, type ColumnDocs, type FtsTable } from './fts-query.rules.js';
import type { BoundingBox } from './text.rules.js';

export interface SpaceListing {
  id: number;
  name: string;
  city: string;
  region: string | null;
  country: string;
  desks: number | null;
  dayPass: string | null;
  website: string | null;
  tags: string;
  latitude: number;
  longitude: number;
  /** The host's second consent (1): identity tags may be shown on the public page. */
  publicTags?: number;
}

export interface SearchFilters {
  /** A prepared FTS5 query (see ftsQuery), or null for no text. */
  match: string | null;
  cityKey?: string;
  country?: string;
  tag?: string;
  minDesks?: number;
  maxDesks?: number;
  /** The public web page: only spaces whose host agreed; an identity tag filter only matches with the second consent. */
  publicOnly?: boolean;
  /** Text is not looked up in tags (a public search whose words name an identity tag must not reveal it). */
  textWithoutTags?: boolean;
}

const LISTING = sql`s.id AS id, s.name AS name, s.city AS city, s.region AS region, s.country AS country,
  s.desks AS desks, s.day_pass AS dayPass, s.website AS website, s.tags AS tags, s.latitude AS latitude,
  s.longitude AS longitude, s.public_tags AS publicTags`;

/**
 * Ids as one JSON parameter (json_each): one statement for any number of them, still one rowid lookup each. An IN
 * list padded to a fixed length was one statement too, but SQLite scanned a table of 100 spaces for 32 entries.
 */
const idList = (ids: number[]): SQL => sql`SELECT value FROM json_each(${JSON.stringify(ids)})`;

/** A box's longitudes as one or two ranges (two when it crosses the antimeridian). */
const lonRanges = (box: BoundingBox): [number, number][] =>
  box.minLon <= box.maxLon ? [[box.minLon, box.maxLon]] : [[box.minLon, 180], [-180, box.maxLon]];

/** The R*Tree's overlap test for a box in one alliance (its number in spaces_geo_guilds ± 0.25, drizzle/0024). */
const geoWhere = (guildId: string, box: BoundingBox, minLon: number, maxLon: number): SQL =>
  sql`min_lat <= ${box.maxLat} AND max_lat >= ${box.minLat} AND min_lon <= ${maxLon} AND max_lon >= ${minLon}
    AND min_g <= (SELECT n FROM spaces_geo_guilds WHERE guild_id = ${guildId}) AND max_g >= (SELECT n FROM spaces_geo_guilds WHERE guild_id = ${guildId})`;

export function createDirectorySearchRepo(db: Db) {
  // The reads below serve searches, page turns, `near` and autocompletes: each SQL text (one per shape of filters
  // or tier) is prepared once; the rare maintenance writes use `db`.
  const statements = createSqlStatements(db);
  /** The non-text filters on `spaces s`. The tag is an EXISTS on space_tags' primary key, so a query stops early. */
  function filterSql(guildId: string, filters: SearchFilters, tagDriven = false): SQL[] {
    const parts: SQL[] = [];
    if (filters.cityKey) parts.push(sql`s.city_key = ${filters.cityKey}`);
    if (filters.country) parts.push(sql`s.country = ${filters.country}`);
    if (filters.tag && !tagDriven) parts.push(sql`EXISTS (SELECT 1 FROM space_tags t WHERE t.space_id = s.id AND t.tag = ${filters.tag} AND t.guild_id = ${guildId})`);
    if (filters.minDesks !== undefined) parts.push(sql`s.desks >= ${filters.minDesks}`);
    if (filters.maxDesks !== undefined) parts.push(sql`s.desks <= ${filters.maxDesks}`);
    if (filters.publicOnly) parts.push(sql`s.public_listing = 1`);
    if (filters.publicOnly && filters.tag && isIdentityTag(filters.tag)) parts.push(sql`s.public_tags = 1`);
    return parts;
  }

  const hasFilters = (f: SearchFilters) => filterSql('', f).length > 0;

  const vocabulary = createFtsVocabulary(statements);

  /**
   * `"montre"*` → `("montreal")`: each prefix term as the whole words of the index it stands for, when they are
   * few. FTS5 evaluates a prefix term by merging the doclists of every word it matches into memory first, which is
   * linear in the spaces containing them ("coffee"* read 50,000 entries at 100,000 spaces for a 10-row page);
   * whole words are streamed and skipped through. Many words (a 2-letter prefix) keep the prefix term. `groups`:
   * the documents holding each typed word's words (Infinity for a kept prefix), for the plan; `words`: those words
   * (null for a kept prefix, or one the vocabulary does not hold as typed), for the tiers' column counts.
   */
  function wholeWords(index: IndexCounts, terms: string): { terms: string; groups: number[]; words: (string[] | null)[] } {
    const groups = [...terms.matchAll(/"([^"]+)"\*/g)].map(([prefixTerm, word]) => {
      const words = index.wordsStartingWith(word ?? '');
      if (words.length > MAX_WORDS_PER_PREFIX) return { term: prefixTerm, docs: Infinity, words: null };
      if (words.length === 0) return { term: prefixTerm, docs: 0, words: null };
      return { term: `(${words.map((w) => `"${w.term}"`).join(' OR ')})`, docs: words.reduce((sum, w) => sum + w.docs, 0), words: words.map((w) => w.term) };
    });
    // FTS5's implicit AND joins phrases only, not parenthesized groups.
    return groups.length
      ? { terms: groups.map((g) => g.term).join(' AND '), groups: groups.map((g) => g.docs), words: groups.map((g) => g.words) }
      : { terms, groups: [Infinity], words: [null] };
  }

  /** Each typed word's documents per column: its whole words' counts added up (a word is in a column when one of them is). */
  const columnDocs = (index: IndexCounts, words: (string[] | null)[]): (ColumnDocs | null)[] =>
    words.map((group) => {
      if (!group) return null;
      const total: ColumnDocs = {};
      for (const [column, docs] of group.flatMap((word) => Object.entries(index.columns(word)))) total[column] = (total[column] ?? 0) + (docs ?? 0);
      return total;
    });

  /** The alliance's approved spaces, as triggers count them (drizzle/0025): its scope token's documents. */
  const approvedCount = (guildId: string): number =>
    statements.get<{ n: number }>(sql`SELECT approved AS n FROM directory_versions WHERE guild_id = ${guildId}`)?.n ?? 0;

  /**
   * What the full-text query holds beside the text (search-plan.rules.ts): the scope token, and each filter's rarest
   * word (narrowingWords) as `filterTerms`, ready to append ('' when the plan leaves the filters to SQL).
   */
  function planOf(index: IndexCounts, guildId: string, filters: SearchFilters, groups: number[]): SearchPlan & { filterTerms: string } {
    const words = narrowingWords(filters, index.docs);
    const plan = choosePlan({
      text: groups, scope: approvedCount(guildId), filterWords: [...words.city, ...words.tag].map((w) => index.docs(w)), rows: index.rows(), sqlFilters: hasFilters(filters),
    });
    return { ...plan, filterTerms: plan.filterWords ? filterTerms(words) : '' };
  }

  /** What SQL checks of each row FTS returns: the alliance (and status, when FTS's scope did not), and the filters. */
  const checks = (guildId: string, filters: SearchFilters, scoped: boolean): SQL =>
    sql.join([sql`s.guild_id = ${guildId}`, ...(scoped ? [] : [sql`s.status = 'approved'`]), ...filterSql(guildId, filters)], sql` AND `);

  /**
   * Ids matching an FTS query (and the filters), in rowid order, at most `limit`. FTS is the outer loop
   * (CROSS JOIN): SQLite otherwise re-runs the MATCH per candidate row. With LIMIT and no ORDER BY, FTS streams
   * and stops as soon as enough rows passed, so a page costs about its own size, not the number of matches.
   */
  function matchingIds(guildId: string, table: FtsTable, match: string, filters: SearchFilters, limit: number, scoped: boolean): number[] {
    const fts = sql.identifier(table);
    const query = hasFilters(filters) || !scoped
      ? sql`SELECT s.id AS id FROM ${fts} CROSS JOIN spaces s ON s.id = ${fts}.rowid
          WHERE ${fts} MATCH ${match} AND ${checks(guildId, filters, scoped)} LIMIT ${limit}`
      : sql`SELECT rowid AS id FROM ${fts} WHERE ${fts} MATCH ${match} LIMIT ${limit}`;
    return statements.all<{ id: number }>(query).map((row) => row.id);
  }

  function withoutTextSql(guildId: string, filters: SearchFilters, columns: SQL): SQL {
    const where = [sql`s.guild_id = ${guildId}`, sql`s.status = 'approved'`, ...filterSql(guildId, filters)];
    return sql`SELECT ${columns} FROM spaces s WHERE ${sql.join(where, sql` AND `)}`;
  }

  /** Without text: by name, from the (guild, status, name_key) index, stopping after the page. */
  function byNameSql(guildId: string, filters: SearchFilters, columns: SQL): SQL {
    return sql`${withoutTextSql(guildId, filters, columns)} ORDER BY s.name_key, s.id`;
  }

  function listings(guildId: string, ids: number[], approvedOnly = false): SpaceListing[] {
    if (!ids.length) return [];
    // `+s.guild_id`: keeps SQLite on rowid lookups; with a plain guild_id term it scanned the guild's whole index (4 ms).
    const rows = statements.all<SpaceListing>(
      sql`SELECT ${LISTING} FROM spaces s WHERE s.id IN (${idList(ids)}) AND +s.guild_id = ${guildId}${approvedOnly ? sql` AND +s.status = 'approved'` : sql``}`,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The first `limit` text matches, tier after tier (see tierMatches). */
  function textIds(guildId: string, filters: SearchFilters & { match: string }, limit: number): number[] {
    const ids: number[] = [];
    const index = vocabulary();
    const { terms, groups, words } = wholeWords(index, filters.match);
    const plan = planOf(index, guildId, filters, groups);
    let columns: (ColumnDocs | null)[] | null = null;
    for (const tier of tierMatches(plan.scoped ? guildId : null, terms, filters.textWithoutTags)) {
      const wanted = limit - ids.length;
      if (wanted <= 0) break;
      columns ??= columnDocs(index, words);
      if (!tierCanMatch(tier.tier, columns, filters.textWithoutTags)) continue;
      // The name index has no city or tags column: those filters stay in SQL for the first tier.
      const match = tier.table === 'spaces_name_fts' ? tier.match : `(${tier.match})${plan.filterTerms}`;
      ids.push(...matchingIds(guildId, tier.table, match, filters, wanted, plan.scoped));
    }
    return ids;
  }

  return {
    /**
     * Matches from `offset`, at most `limit`: by relevance tier when there is text, else by name. Tiers are read
     * one after the other with a LIMIT, so page 1 of a word matching 9,000 spaces reads about 11 rows.
     */
    search(guildId: string, filters: SearchFilters, limit: number, offset: number): SpaceListing[] {
      if (!filters.match) {
        return statements.all<SpaceListing>(sql`${byNameSql(guildId, filters, LISTING)} LIMIT ${limit} OFFSET ${offset}`);
      }
      return listings(guildId, textIds(guildId, { ...filters, match: filters.match }, offset + limit).slice(offset, offset + limit));
    },

    /**
     * The ids of the first `limit` matches in the order `search` pages them: a first page and the count up to a cap
     * in one pass, kept so later pages need only their listings.
     */
    searchIds(guildId: string, filters: SearchFilters, limit: number): number[] {
      if (!filters.match) return statements.all<{ id: number }>(sql`${byNameSql(guildId, filters, sql`s.id AS id`)} LIMIT ${limit}`).map((row) => row.id);
      return textIds(guildId, { ...filters, match: filters.match }, limit);
    },

    /** The alliance's directory version: it moves on every write to its spaces or their tags (drizzle/0023). */
    version: (guildId: string): number => statements.get<{ v: number }>(sql`SELECT version AS v FROM directory_versions WHERE guild_id = ${guildId}`)?.v ?? 0,
    /** How many match, counting no further than `cap` (a count of every match was most of a search's cost). */
    count(guildId: string, filters: SearchFilters, cap: number): number {
      const columns = filters.textWithoutTags ? ALL_COLUMNS_NO_TAGS : ALL_COLUMNS;
      const index = filters.match ? vocabulary() : null;
      const text = index && filters.match ? wholeWords(index, filters.match) : null;
      const plan = index && text ? planOf(index, guildId, filters, text.groups) : null;
      const inner = text && plan
        ? hasFilters(filters) || !plan.scoped
          ? sql`SELECT 1 FROM spaces_fts CROSS JOIN spaces s ON s.id = spaces_fts.rowid
              WHERE spaces_fts MATCH ${`${scopedMatch(plan.scoped ? guildId : null, text.terms, columns)}${plan.filterTerms}`} AND ${checks(guildId, filters, plan.scoped)}`
          : sql`SELECT 1 FROM spaces_fts WHERE spaces_fts MATCH ${scopedMatch(guildId, text.terms, columns)}`
        : filters.tag
          ? // Driven by the tag's rows (guild, tag, space id): the planner preferred the desks index and checked the
            // tag per space, 16× slower at 10,000 spaces when most spaces have desks.
            sql`SELECT 1 FROM space_tags t CROSS JOIN spaces s ON s.id = t.space_id WHERE t.guild_id = ${guildId} AND t.tag = ${filters.tag}
              AND +s.guild_id = ${guildId} AND s.status = 'approved' AND ${sql.join(filterSql(guildId, filters, true).concat(sql`1`), sql` AND `)}`
          : withoutTextSql(guildId, filters, sql`1`); // no ORDER BY: a count may use any index and stop at the cap
      return statements.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${inner} LIMIT ${cap})`)?.n ?? 0;
    },

    /** Approved spaces inside the box: ids and coordinates only, from the covering (guild, status, lat, lon) index. */
    inBox(guildId: string, box: BoundingBox): { id: number; latitude: number; longitude: number }[] {
      const lon =
        box.minLon <= box.maxLon
          ? sql`s.longitude BETWEEN ${box.minLon} AND ${box.maxLon}`
          : sql`(s.longitude >= ${box.minLon} OR s.longitude <= ${box.maxLon})`;
      return statements.all(
        sql`SELECT s.id AS id, s.latitude AS latitude, s.longitude AS longitude FROM spaces s
          WHERE s.guild_id = ${guildId} AND s.status = 'approved' AND s.latitude BETWEEN ${box.minLat} AND ${box.maxLat} AND ${lon}`,
      );
    },

    /**
     * Approved spaces in the box from the R*Tree (drizzle/0022), at most `limit` (-1: all): ids and coordinates as
     * the tree keeps them (32-bit floats rounded outwards, so the middle is within a metre of the space's own).
     * The alliance is a dimension of the tree: nothing of another alliance is read.
     */
    geoBox(guildId: string, box: BoundingBox, limit: number): { id: number; latitude: number; longitude: number }[] {
      const rows: { id: number; latitude: number; longitude: number }[] = [];
      for (const [minLon, maxLon] of lonRanges(box)) {
        // As arrays: a whole 50 km circle is read when it holds fewer than the count cap (113 spaces at 10,000).
        const read = statements.rows(
          sql`SELECT id, (min_lat + max_lat) / 2, (min_lon + max_lon) / 2 FROM spaces_geo WHERE ${geoWhere(guildId, box, minLon, maxLon)} LIMIT ${limit}`,
        ) as [number, number, number][];
        for (const [id, latitude, longitude] of read) rows.push({ id, latitude, longitude });
      }
      return limit >= 0 ? rows.slice(0, limit) : rows;
    },

    /**
     * The `limit` approved spaces of the box nearest to a point, nearest first (ties by id), as the tree's
     * coordinates say: SQLite measures (haversine) and keeps the nearest in C, so a box of thousands of spaces costs
     * no JavaScript object per space.
     */
    geoNearest(guildId: string, box: BoundingBox, lat: number, lon: number, limit: number): { id: number; latitude: number; longitude: number }[] {
      const rad = Math.PI / 180;
      const cosLat = Math.cos(lat * rad);
      const rows: { id: number; latitude: number; longitude: number; d: number }[] = [];
      for (const [minLon, maxLon] of lonRanges(box)) {
        rows.push(
          ...statements.all<{ id: number; latitude: number; longitude: number; d: number }>(
            sql`SELECT id, latitude, longitude,
                power(sin((latitude - ${lat}) * ${rad / 2}), 2) + ${cosLat} * cos(latitude * ${rad}) * power(sin((longitude - ${lon}) * ${rad / 2}), 2) AS d
              FROM (SELECT id, (min_lat + max_lat) / 2 AS latitude, (min_lon + max_lon) / 2 AS longitude FROM spaces_geo WHERE ${geoWhere(guildId, box, minLon, maxLon)})
              ORDER BY d, id LIMIT ${limit}`,
          ),
        );
      }
      return rows.sort((a, b) => a.d - b.d || a.id - b.id).slice(0, limit);
    },

    /** How many approved spaces the box holds, counting no further than `cap` (the R*Tree alone, no row read). */
    geoCount(guildId: string, box: BoundingBox, cap: number): number {
      let n = 0;
      for (const [minLon, maxLon] of lonRanges(box)) {
        n += statements.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM spaces_geo WHERE ${geoWhere(guildId, box, minLon, maxLon)} LIMIT ${cap})`)?.n ?? 0;
      }
      return Math.min(n, cap);
    },

    /** The spaces' own coordinates, for ids of this alliance (near settles the few the tree cannot order alone). */
    coordinates(guildId: string, ids: number[]): { id: number; latitude: number; longitude: number }[] {
      if (!ids.length) return [];
      return statements.all(
        sql`SELECT id, latitude, longitude FROM spaces WHERE id IN (${idList(ids)}) AND +guild_id = ${guildId}`,
      );
    },

    /** Full listings for ids (a page of `near`), in the order given. */
    listings,

    /**
     * Merges the FTS index into one segment. Row-by-row writes leave many small segments, and every prefix term
     * is then read from each of them: a two-word search took twice as long. Run at start-up and after an import.
     */
    optimizeIndex(): void {
      for (const table of ['spaces_fts', 'spaces_short_fts', 'spaces_name_fts'] as const) {
        db.run(sql`INSERT INTO ${sql.identifier(table)}(${sql.identifier(table)}) VALUES ('optimize')`);
      }
    },

    /**
     * Fresh planner statistics for the directory's tables (bounded by analysis_limit, see db/open.ts), after they
     * grew at once (an import) or when the bot starts: the best index for a filtered search depends on them.
     */
    refreshStatistics(): void {
      db.run(sql`ANALYZE spaces`);
      db.run(sql`ANALYZE space_tags`);
    },

    countsByCountry(guildId: string, limit: number): { country: string; count: number }[] {
      return statements.all(
        sql`SELECT country, count(*) AS count FROM spaces WHERE guild_id = ${guildId} AND status = 'approved'
          GROUP BY country ORDER BY count DESC, country LIMIT ${limit}`,
      );
    },

    countsByCity(guildId: string, limit: number): { city: string; country: string; count: number }[] {
      return statements.all(
        sql`SELECT min(city) AS city, country, count(*) AS count FROM spaces WHERE guild_id = ${guildId} AND status = 'approved'
          GROUP BY city_key, country ORDER BY count DESC, city_key LIMIT ${limit}`,
      );
    },

    countsByTag(guildId: string, limit: number): { tag: string; count: number }[] {
      return statements.all(
        sql`SELECT t.tag AS tag, count(*) AS count FROM space_tags t JOIN spaces s ON s.id = t.space_id
          WHERE t.guild_id = ${guildId} AND s.status = 'approved' GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT ${limit}`,
      );
    },

    /** Approved spaces whose whole name starts with the key (index range on guild, status, name_key). */
    namesStartingWith(guildId: string, keyPrefix: string, limit: number): { id: number; name: string; city: string }[] {
      return statements.all(
        sql`SELECT id, name, city FROM spaces WHERE guild_id = ${guildId} AND status = 'approved'
          AND name_key >= ${keyPrefix} AND name_key < ${`${keyPrefix}\uffff`} ORDER BY name_key, id LIMIT ${limit}`,
      );
    },

    /** Approved spaces with a word of the name starting with each term (the name's own FTS index), oldest first. */
    namesMatching(guildId: string, terms: string, limit: number): { id: number; name: string; city: string }[] {
      const ids = statements
        .all<{ id: number }>(
          sql`SELECT rowid AS id FROM spaces_name_fts WHERE spaces_name_fts MATCH ${scopedMatch(guildId, wholeWords(vocabulary(), terms).terms, 'name')} LIMIT ${limit}`,
        )
        .map((row) => row.id);
      return listings(guildId, ids).map(({ id, name, city }) => ({ id, name, city }));
    },

    /** Cities that have approved spaces, by key prefix (index on guild, status, … scans only this guild). */
    citiesLike(guildId: string, keyPrefix: string, limit: number): { city: string; country: string; count: number }[] {
      return statements.all(
        sql`SELECT min(city) AS city, country, count(*) AS count FROM spaces
          WHERE guild_id = ${guildId} AND status = 'approved' AND city_key >= ${keyPrefix} AND city_key < ${`${keyPrefix}\uffff`}
          GROUP BY city_key, country ORDER BY count DESC, city_key LIMIT ${limit}`,
      );
    },

    tagsLike(guildId: string, prefix: string, limit: number): { tag: string; count: number }[] {
      return statements.all(
        sql`SELECT tag, count(*) AS count FROM space_tags WHERE guild_id = ${guildId}
          AND tag >= ${prefix} AND tag < ${`${prefix}\uffff`} GROUP BY tag ORDER BY count DESC, tag LIMIT ${limit}`,
      );
    },
  };
}

export type DirectorySearchRepo = ReturnType<typeof createDirectorySearchRepo>;
