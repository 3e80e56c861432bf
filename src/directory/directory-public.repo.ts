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
  return {
    /** Every public space of the alliance, by name (the map and spaces.json). */
    all(guildId: string) {
      return db.select(PUBLIC_COLUMNS).from(spaces).where(and(eq(spaces.guildId, guildId), listed)).orderBy(asc(spaces.nameKey), asc(spaces.id)).all();
    },
    /** How many public spaces and their newest change: changes whenever what the page shows may have changed. */
    version(guildId: string): { count: number; updatedAt: number } {
      const row = db.get<{ count: number; updatedAt: number | null }>(
        sql`SELECT count(*) AS count, max(updated_at) AS updatedAt FROM spaces WHERE guild_id = ${guildId} AND public_listing = 1 AND status = 'approved'`,
      );
      return { count: row?.count ?? 0, updatedAt: row?.updatedAt ?? 0 };
    },
    /** The public spaces' ids by name, with their name key and last change: what a rebuild compares to read only what changed. */
    listing(guildId: string): ListingRow[] {
      return db.select(LISTING_COLUMNS).from(spaces).where(and(eq(spaces.guildId, guildId), listed)).orderBy(asc(spaces.nameKey), asc(spaces.id)).all();
    },
    /** Public spaces changed at or after `since` (ms), from the index on the last change: a few rows after one edit. */
    changedSince(guildId: string, since: number): ListingRow[] {
      return db.select(LISTING_COLUMNS).from(spaces).where(and(eq(spaces.guildId, guildId), listed, gte(spaces.updatedAt, since))).all();
    },
    /** These public spaces (any order; ids that are not public are left out). */
    byIds(guildId: string, ids: readonly number[]) {
      // SQLite caps bound parameters per statement; 500 ids a query stays far below it.
      const chunks: number[][] = [];
      for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
      return chunks.flatMap((chunk) => db.select(PUBLIC_COLUMNS).from(spaces).where(and(eq(spaces.guildId, guildId), inArray(spaces.id, chunk), listed)).all());
    },
    byId(guildId: string, id: number) {
      return db.select(PUBLIC_COLUMNS).from(spaces).where(and(eq(spaces.guildId, guildId), eq(spaces.id, id), listed)).get() ?? null;
    },
  };
}

export type DirectoryPublicRepo = ReturnType<typeof createDirectoryPublicRepo>;
