// Perk queries, always scoped by guild id.
import { and, asc, count, eq, gte, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { perks } from '../db/schema/index.js';

export type PerkRow = typeof perks.$inferSelect;
export type NewPerk = Omit<typeof perks.$inferInsert, 'id'>;

export function createPerksRepo(db: Db) {
  return {
    insert(values: NewPerk): PerkRow {
      return db.insert(perks).values(values).returning().get();
    },
    /** Perks still offered on `today` (no end, or ending today or later), by title. */
    current(guildId: string, today: string): PerkRow[] {
      return db.select().from(perks).where(and(eq(perks.guildId, guildId), or(isNull(perks.until), gte(perks.until, today)))).orderBy(asc(perks.title), asc(perks.id)).all();
    },
    countCurrent(guildId: string, today: string): number {
      return db.select({ n: count() }).from(perks).where(and(eq(perks.guildId, guildId), or(isNull(perks.until), gte(perks.until, today)))).get()?.n ?? 0;
    },
    get(guildId: string, id: number): PerkRow | null {
      return db.select().from(perks).where(and(eq(perks.guildId, guildId), eq(perks.id, id))).get() ?? null;
    },
    delete(guildId: string, id: number): void {
      db.delete(perks).where(and(eq(perks.guildId, guildId), eq(perks.id, id))).run();
    },
    /** The organizer stops being named; the perk stays for members. */
    forget(guildId: string, userId: string): { perks: number } {
      return { perks: db.update(perks).set({ createdBy: null }).where(and(eq(perks.guildId, guildId), eq(perks.createdBy, userId))).run().changes };
    },
  };
}

export type PerksRepo = ReturnType<typeof createPerksRepo>;
