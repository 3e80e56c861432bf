// Reads and writes the alliances table: one row per guild.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { alliances } from '../db/schema/index.js';

export type AllianceRow = typeof alliances.$inferSelect;
export type AlliancePatch = Partial<Omit<AllianceRow, 'guildId' | 'createdAt' | 'updatedAt'>>;

export function createAlliancesRepo(db: Db) {
  // Read on every interaction: the query is built once (drizzle builds the SQL anew on each call otherwise).
  const byGuild = db.select().from(alliances).where(eq(alliances.guildId, sql.placeholder('guildId'))).prepare();
  // Every alliance: the scheduler's planners walk them every minute.
  const every = db.select().from(alliances).prepare();
  return {
    get(guildId: string): AllianceRow | null {
      return byGuild.get({ guildId }) ?? null;
    },
    upsert(guildId: string, patch: AlliancePatch, now: Date): AllianceRow {
      return db
        .insert(alliances)
        .values({ guildId, ...patch, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: alliances.guildId, set: { ...patch, updatedAt: now } })
        .returning()
        .get();
    },
    /** The alliance whose public page has this slug (on or off: the service decides). */
    bySlug(slug: string): AllianceRow | null {
      return db.select().from(alliances).where(eq(alliances.publicSlug, slug)).get() ?? null;
    },
    all(): AllianceRow[] {
      return every.all();
    },
  };
}

export type AlliancesRepo = ReturnType<typeof createAlliancesRepo>;
