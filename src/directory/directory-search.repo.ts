// Directory reads for finding spaces: FTS5 text search, filters, the bounding-box prefilter for `near`, stats and
// autocomplete. Approved spaces of one guild only, unless a query says otherwise.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.js';
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
}

export interface SearchFilters {
  /** A prepared FTS5 query (see ftsQuery), or null for no text. */
  match: string | null;
  cityKey?: string;
  country?: string;
  tag?: string;
  minDesks?: number;
  maxDesks?: number;
}

const LISTING = sql`s.id AS id, s.name AS name, s.city AS city, s.region AS region, s.country AS country,
  s.desks AS desks, s.day_pass AS dayPass, s.website AS website, s.tags AS tags, s.latitude AS latitude,
  s.longitude AS longitude`;

const ALL_COLUMNS = 'name city region tags description';
const SHORT_COLUMNS = 'name city region tags';

/**
 * Relevance as tiers rather than bm25 (bm25 must score every match, ~40 ms for 7,000 matches here): every word in
 * the name first, then all words within name/city/region/tags, then the rest (description). Within a tier, oldest
 * first: FTS streams rowids in order, so a page reads only offset + limit rows of each tier.
 */
function tierMatches(guildId: string, terms: string): string[] {
  const scope = `scope : "a${guildId}"`;
  return [
    `${scope} AND ({name} : (${terms}))`,
    `${scope} AND ({${SHORT_COLUMNS}} : (${terms})) NOT ({name} : (${terms}))`,
    `${scope} AND ({${ALL_COLUMNS}} : (${terms})) NOT ({${SHORT_COLUMNS}} : (${terms}))`,
  ];
}

/** The FTS query for one alliance's approved spaces matching `terms` (ftsQuery output) in the given columns. */
export function scopedMatch(guildId: string, terms: string, columns = ALL_COLUMNS): string {
  return `scope : "a${guildId}" AND ({${columns}} : (${terms}))`;
}

export function createDirectorySearchRepo(db: Db) {
  function where(guildId: string, filters: SearchFilters): SQL {
    const parts: SQL[] = filters.match
      ? [sql`spaces_fts MATCH ${scopedMatch(guildId, filters.match)}`, sql`s.guild_id = ${guildId}`]
      : [sql`s.guild_id = ${guildId}`, sql`s.status = 'approved'`];
    if (filters.cityKey) parts.push(sql`s.city_key = ${filters.cityKey}`);
    if (filters.country) parts.push(sql`s.country = ${filters.country}`);
    if (filters.tag) {
      parts.push(sql`s.id IN (SELECT space_id FROM space_tags WHERE guild_id = ${guildId} AND tag = ${filters.tag})`);
    }
    if (filters.minDesks !== undefined) parts.push(sql`s.desks >= ${filters.minDesks}`);
    if (filters.maxDesks !== undefined) parts.push(sql`s.desks <= ${filters.maxDesks}`);
    return sql.join(parts, sql` AND `);
  }

  const onlyText = (f: SearchFilters) =>
    f.match !== null && !f.cityKey && !f.country && !f.tag && f.minDesks === undefined && f.maxDesks === undefined;
  // CROSS JOIN keeps FTS as the outer loop: SQLite would otherwise re-run the MATCH for every candidate row.
  const from = (filters: SearchFilters) =>
    filters.match ? sql`spaces_fts CROSS JOIN spaces s ON s.id = spaces_fts.rowid` : sql`spaces s`;

  function listings(guildId: string, ids: number[]): SpaceListing[] {
    if (!ids.length) return [];
    const rows = db.all<SpaceListing>(
      sql`SELECT ${LISTING} FROM spaces s WHERE s.guild_id = ${guildId} AND s.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  return {
    /** One page of matches: by relevance tier when there is text, else by name. */
    search(guildId: string, filters: SearchFilters, limit: number, offset: number): SpaceListing[] {
      if (onlyText(filters)) {
        // Text alone is answered inside FTS, tier by tier, then only the page's rows are read.
        const ids: number[] = [];
        let skip = offset;
        for (const match of tierMatches(guildId, filters.match!)) {
          if (ids.length >= limit) break;
          const inTier = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM spaces_fts WHERE spaces_fts MATCH ${match}`)?.n ?? 0;
          if (skip >= inTier) {
            skip -= inTier;
            continue;
          }
          const rows = db.all<{ id: number }>(
            sql`SELECT rowid AS id FROM spaces_fts WHERE spaces_fts MATCH ${match} LIMIT ${limit - ids.length} OFFSET ${skip}`,
          );
          ids.push(...rows.map((row) => row.id));
          skip = 0;
        }
        return listings(guildId, ids);
      }
      const [nameTier, shortTier] = filters.match ? tierMatches(guildId, filters.match) : [];
      const order = filters.match
        ? sql`CASE WHEN s.id IN (SELECT rowid FROM spaces_fts WHERE spaces_fts MATCH ${nameTier}) THEN 0
            WHEN s.id IN (SELECT rowid FROM spaces_fts WHERE spaces_fts MATCH ${shortTier}) THEN 1 ELSE 2 END, s.id`
        : sql`s.name_key, s.id`;
      return db.all<SpaceListing>(
        sql`SELECT ${LISTING} FROM ${from(filters)} WHERE ${where(guildId, filters)} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      );
    },

    count(guildId: string, filters: SearchFilters): number {
      const query = onlyText(filters)
        ? sql`SELECT count(*) AS n FROM spaces_fts WHERE spaces_fts MATCH ${scopedMatch(guildId, filters.match!)}`
        : sql`SELECT count(*) AS n FROM ${from(filters)} WHERE ${where(guildId, filters)}`;
      return db.get<{ n: number }>(query)?.n ?? 0;
    },

    /** Approved spaces inside the box (index on guild, status, latitude; longitude checked on those rows). */
    inBox(guildId: string, box: BoundingBox): SpaceListing[] {
      const lon =
        box.minLon <= box.maxLon
          ? sql`s.longitude BETWEEN ${box.minLon} AND ${box.maxLon}`
          : sql`(s.longitude >= ${box.minLon} OR s.longitude <= ${box.maxLon})`;
      return db.all<SpaceListing>(
        sql`SELECT ${LISTING} FROM spaces s WHERE s.guild_id = ${guildId} AND s.status = 'approved'
          AND s.latitude BETWEEN ${box.minLat} AND ${box.maxLat} AND ${lon}`,
      );
    },

    countsByCountry(guildId: string, limit: number): { country: string; count: number }[] {
      return db.all(
        sql`SELECT country, count(*) AS count FROM spaces WHERE guild_id = ${guildId} AND status = 'approved'
          GROUP BY country ORDER BY count DESC, country LIMIT ${limit}`,
      );
    },

    countsByCity(guildId: string, limit: number): { city: string; country: string; count: number }[] {
      return db.all(
        sql`SELECT min(city) AS city, country, count(*) AS count FROM spaces WHERE guild_id = ${guildId} AND status = 'approved'
          GROUP BY city_key, country ORDER BY count DESC, city_key LIMIT ${limit}`,
      );
    },

    countsByTag(guildId: string, limit: number): { tag: string; count: number }[] {
      return db.all(
        sql`SELECT t.tag AS tag, count(*) AS count FROM space_tags t JOIN spaces s ON s.id = t.space_id
          WHERE t.guild_id = ${guildId} AND s.status = 'approved' GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT ${limit}`,
      );
    },

    /** Approved spaces whose whole name starts with the key (index range on guild, status, name_key). */
    namesStartingWith(guildId: string, keyPrefix: string, limit: number): { id: number; name: string; city: string }[] {
      return db.all(
        sql`SELECT id, name, city FROM spaces WHERE guild_id = ${guildId} AND status = 'approved'
          AND name_key >= ${keyPrefix} AND name_key < ${`${keyPrefix}\uffff`} ORDER BY name_key, id LIMIT ${limit}`,
      );
    },

    /** Approved spaces with a word of the name starting with each term (FTS name column), best first. */
    namesMatching(guildId: string, terms: string, limit: number): { id: number; name: string; city: string }[] {
      const ids = db
        .all<{ id: number }>(
          sql`SELECT rowid AS id FROM spaces_fts WHERE spaces_fts MATCH ${scopedMatch(guildId, terms, 'name')} LIMIT ${limit}`,
        )
        .map((row) => row.id);
      return listings(guildId, ids).map(({ id, name, city }) => ({ id, name, city }));
    },

    /** Cities that have approved spaces, by key prefix (index on guild, status, … scans only this guild). */
    citiesLike(guildId: string, keyPrefix: string, limit: number): { city: string; country: string; count: number }[] {
      return db.all(
        sql`SELECT min(city) AS city, country, count(*) AS count FROM spaces
          WHERE guild_id = ${guildId} AND status = 'approved' AND city_key >= ${keyPrefix} AND city_key < ${`${keyPrefix}\uffff`}
          GROUP BY city_key, country ORDER BY count DESC, city_key LIMIT ${limit}`,
      );
    },

    tagsLike(guildId: string, prefix: string, limit: number): { tag: string; count: number }[] {
      return db.all(
        sql`SELECT tag, count(*) AS count FROM space_tags WHERE guild_id = ${guildId}
          AND tag >= ${prefix} AND tag < ${`${prefix}\uffff`} GROUP BY tag ORDER BY count DESC, tag LIMIT ${limit}`,
      );
    },
  };
}

export type DirectorySearchRepo = ReturnType<typeof createDirectorySearchRepo>;
