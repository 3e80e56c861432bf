// Reads of the spaces whose hosts agreed to a public listing (approved ones only), for the public web page.
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { spaces } from '../db/schema/index.js';

const PUBLIC_COLUMNS = {
  id: spaces.id,
  name: spaces.name,
  city: spaces.city,
  region: spaces.region,
  country: spaces.country,
  latitude: spaces.latitude,
  longitude: spaces.longitude,
  desks: spaces.desks,
  website: spaces.website,
  dayPass: spaces.dayPass,
  tags: spaces.tags,
  publicTags: spaces.publicTags,
  description: spaces.description,
  hours: spaces.hours,
  contact: spaces.contact,
  accessibility: spaces.accessibility,
  updatedAt: spaces.updatedAt,
};

const LISTING_COLUMNS = { id: spaces.id, nameKey: spaces.nameKey, updatedAt: spaces.updatedAt };

/** A public space's place in the listing (by name key, then id) and its last change. */
export interface ListingRow {
  id: number;
  nameKey: string;
  updatedAt: number | null;
}

export function createDirectoryPublicRepo(db: Db) {
  const listed = and(eq(spaces.status, 'approved'), eq(spaces.publicListing, true));
  const ofGuild = eq(spaces.guildId, sql.placeholder('guildId'));
  // The page's thread asks these on every request (the version, a space) or rebuild (the listing): built once.
  const allStatement = db.select(PUBLIC_COLUMNS).from(spaces).where(and(ofGuild, listed)).orderBy(asc(spaces.nameKey), asc(spaces.id)).prepare();
  const versionStatement = db
    .select({ count: sql<number>`count(*)`, updatedAt: sql<number | null>`max(${spaces.updatedAt})` })
    .from(spaces)
    .where(and(ofGuild, eq(spaces.publicListing, true), eq(spaces.status, 'approved')))
    .prepare();
  const listingStatement = db.select(LISTING_COLUMNS).from(spaces).where(and(ofGuild, listed)).orderBy(asc(spaces.nameKey), asc(spaces.id)).prepare();
  const changedSinceStatement = db.select(LISTING_COLUMNS).from(spaces).where(and(ofGuild, listed, gte(spaces.updatedAt, sql.placeholder('since')))).prepare();
  const byIdStatement = db.select(PUBLIC_COLUMNS).from(spaces).where(and(ofGuild, eq(spaces.id, sql.placeholder('id')), listed)).prepare();
  return {
    /** Every public space of the alliance, by name (the map and spaces.json). */
    all(guildId: string) {
      return allStatement.all({ guildId });
    },
    /** How many public spaces and their newest change: changes whenever what the page shows may have changed. */
    version(guildId: string): { count: number; updatedAt: number } {
      const row = versionStatement.get({ guildId });
      return { count: row?.count ?? 0, updatedAt: row?.updatedAt ?? 0 };
    },
    /** The public spaces' ids by name, with their name key and last change: what a rebuild compares to read only what changed. */
    listing(guildId: string): ListingRow[] {
      return listingStatement.all({ guildId });
    },
    /** Public spaces changed at or after `since` (ms), from the index on the last change: a few rows after one edit. */
    changedSince(guildId: string, since: number): ListingRow[] {
      return changedSinceStatement.all({ guildId, since });
    },
    /** These public spaces (any order; ids that are not public are left out). */
    byIds(guildId: string, ids: readonly number[]) {
      // SQLite caps bound parameters per statement; 500 ids a query stays far below it.
      const chunks: number[][] = [];
      for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
      return chunks.flatMap((chunk) => db.select(PUBLIC_COLUMNS).from(spaces).where(and(eq(spaces.guildId, guildId), inArray(spaces.id, chunk), listed)).all());
    },
    byId(guildId: string, id: number) {
      return byIdStatement.get({ guildId, id }) ?? null;
    },
  };
}

export type DirectoryPublicRepo = ReturnType<typeof createDirectoryPublicRepo>;
