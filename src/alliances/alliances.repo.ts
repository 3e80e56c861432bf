// Reads and writes the alliances table: one row per guild.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { alliances } from '../db/schema/index.js';

export type AllianceRow = typeof alliances.$inferSelect;
export type AlliancePatch = Partial<Omit<AllianceRow, 'guildId' | 'createdAt' | 'updatedAt'>>;

export function createAlliancesRepo(db: Db) {
  return {
    get(guildId: string): AllianceRow | null {
      return db.select().from(alliances).where(eq(alliances.guildId, guildId)).get() ?? null;
    },
    upsert(guildId: string, patch: AlliancePatch, now: Date): AllianceRow {
      return db
        .insert(alliances)
        .values({ guildId, ...patch, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: alliances.guildId, set: { ...patch, updatedAt: now } })
        .returning()
        .get();
    },
    all(): AllianceRow[] {
      return db.select().from(alliances).all();
    },
  };
}

export type AlliancesRepo = ReturnType<typeof createAlliancesRepo>;
