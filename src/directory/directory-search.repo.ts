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

/** Column weights for bm25: a hit in the name counts most, then tags and city, the description least. */
const BM25 = sql`bm25(spaces_fts, 10.0, 4.0, 2.0, 5.0, 1.0)`;

export function createDirectorySearchRepo(db: Db) {
  function where(guildId: string, filters: SearchFilters): SQL {
    const parts: SQL[] = [sql`s.guild_id = ${guildId}`, sql`s.status = 'approved'`];
    if (filters.match) parts.push(sql`spaces_fts MATCH ${filters.match}`);
    if (filters.cityKey) parts.push(sql`s.city_key = ${filters.cityKey}`);
    if (filters.country) parts.push(sql`s.country = ${filters.country}`);
    if (filters.tag) {
      parts.push(sql`s.id IN (SELECT space_id FROM space_tags WHERE guild_id = ${guildId} AND tag = ${filters.tag})`);
    }
    if (filters.minDesks !== undefined) parts.push(sql`s.desks >= ${filters.minDesks}`);
    if (filters.maxDesks !== undefined) parts.push(sql`s.desks <= ${filters.maxDesks}`);
    return sql.join(parts, sql` AND `);
  }

  const from = (filters: SearchFilters) =>
    filters.match ? sql`spaces_fts JOIN spaces s ON s.id = spaces_fts.rowid` : sql`spaces s`;

  return {
    /** One page of matches: by relevance when there is text, else by name. */
    search(guildId: string, filters: SearchFilters, limit: number, offset: number): SpaceListing[] {
      const order = filters.match ? sql`${BM25}, s.name_key, s.id` : sql`s.name_key, s.id`;
      return db.all<SpaceListing>(
        sql`SELECT ${LISTING} FROM ${from(filters)} WHERE ${where(guildId, filters)} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      );
    },

    count(guildId: string, filters: SearchFilters): number {
      const row = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${from(filters)} WHERE ${where(guildId, filters)}`);
      return row?.n ?? 0;
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

    /** Name autocomplete: word-prefix match on the name column through FTS, or the first names when empty. */
    namesLike(
      guildId: string,
      match: string | null,
      opts: { hostedBy?: string; limit: number },
    ): { id: number; name: string; city: string }[] {
      const scope = opts.hostedBy
        ? sql`s.id IN (SELECT space_id FROM space_hosts WHERE guild_id = ${guildId} AND user_id = ${opts.hostedBy})`
        : sql`s.status = 'approved'`;
      if (!match) {
        return db.all(
          sql`SELECT s.id AS id, s.name AS name, s.city AS city FROM spaces s WHERE s.guild_id = ${guildId} AND ${scope}
            ORDER BY s.name_key, s.id LIMIT ${opts.limit}`,
        );
      }
      return db.all(
        sql`SELECT s.id AS id, s.name AS name, s.city AS city FROM spaces_fts JOIN spaces s ON s.id = spaces_fts.rowid
          WHERE spaces_fts MATCH ${`name : (${match})`} AND s.guild_id = ${guildId} AND ${scope}
          ORDER BY s.name_key, s.id LIMIT ${opts.limit}`,
      );
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
