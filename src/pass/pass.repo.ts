// Pass queries: space terms, passes, visits and the month's report. Every query is scoped by guild id.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { passes, passMonthPasses, passMonthSpaces, passSpaces, passVisits } from '../db/schema/index.js';

export type PassRow = typeof passes.$inferSelect;
export type VisitRow = typeof passVisits.$inferSelect;
export type NewPass = Omit<typeof passes.$inferInsert, 'id'>;

export function createPassRepo(db: Db) {
  // /pass visits reads the monthly counters the migration's triggers keep: a few dozen rows, however many visits.
  const bySpace = db
    .select({ spaceId: passMonthSpaces.spaceId, spaceName: passMonthSpaces.spaceName, visits: passMonthSpaces.visits })
    .from(passMonthSpaces)
    .where(and(eq(passMonthSpaces.guildId, sql.placeholder('guildId')), eq(passMonthSpaces.month, sql.placeholder('month'))))
    .orderBy(desc(passMonthSpaces.visits), asc(passMonthSpaces.spaceId))
    .prepare();
  const topPasses = db
    .select({ passId: passMonthPasses.passId, visits: passMonthPasses.visits })
    .from(passMonthPasses)
    .where(and(eq(passMonthPasses.guildId, sql.placeholder('guildId')), eq(passMonthPasses.month, sql.placeholder('month'))))
    .orderBy(desc(passMonthPasses.visits), desc(passMonthPasses.passId))
    .limit(sql.placeholder('limit'))
    .prepare();
  const usedOf = db
    .select({ n: count() })
    .from(passVisits)
    .where(and(eq(passVisits.guildId, sql.placeholder('guildId')), eq(passVisits.passId, sql.placeholder('passId'))))
    .prepare();
  // Every directory search and page marks the spaces that accept the pass.
  const accepting = db
    .select({ id: passSpaces.spaceId })
    .from(passSpaces)
    .where(and(eq(passSpaces.guildId, sql.placeholder('guildId')), eq(passSpaces.accepts, true)))
    .prepare();

  return {
    transaction<T>(work: () => T): T {
      return db.transaction(() => work());
    },

    terms(guildId: string, spaceId: number): { accepts: boolean; terms: string | null } | null {
      return db.select({ accepts: passSpaces.accepts, terms: passSpaces.terms }).from(passSpaces).where(and(eq(passSpaces.guildId, guildId), eq(passSpaces.spaceId, spaceId))).get() ?? null;
    },

    acceptingSpaceIds(guildId: string): number[] {
      return accepting.all({ guildId }).map((r) => r.id);
    },

    setTerms(guildId: string, spaceId: number, accepts: boolean, terms: string | null, now: number): void {
      db.insert(passSpaces)
        .values({ guildId, spaceId, accepts, terms, updatedAt: now })
        .onConflictDoUpdate({ target: passSpaces.spaceId, set: { accepts, terms, updatedAt: now } })
        .run();
    },

    /** Inserts a pass; null when its code is taken in this alliance (the caller draws another). */
    insertPass(values: NewPass): PassRow | null {
      return db.insert(passes).values(values).onConflictDoNothing().returning().get() ?? null;
    },

    byCode(guildId: string, code: string): PassRow | null {
      return db.select().from(passes).where(and(eq(passes.guildId, guildId), eq(passes.code, code))).get() ?? null;
    },

    byIds(guildId: string, ids: number[]): PassRow[] {
      if (!ids.length) return [];
      return db.select().from(passes).where(and(eq(passes.guildId, guildId), sql`${passes.id} in (select value from json_each(${JSON.stringify(ids)}))`)).all();
    },

    ofHolder(guildId: string, userId: string): PassRow[] {
      return db.select().from(passes).where(and(eq(passes.guildId, guildId), eq(passes.holderUserId, userId))).orderBy(asc(passes.validUntil), asc(passes.id)).all();
    },

    used(guildId: string, passId: number): number {
      return usedOf.get({ guildId, passId })?.n ?? 0;
    },

    visitOn(guildId: string, passId: number, spaceId: number, day: string): VisitRow | null {
      return db.select().from(passVisits).where(and(eq(passVisits.guildId, guildId), eq(passVisits.passId, passId), eq(passVisits.spaceId, spaceId), eq(passVisits.day, day))).get() ?? null;
    },

    /** Records a visit; null when that pass already visited that space that day. */
    insertVisit(values: Omit<VisitRow, 'id'>): VisitRow | null {
      return db.insert(passVisits).values(values).onConflictDoNothing().returning().get() ?? null;
    },

    /** Visits per space in a month (YYYY-MM), most first. */
    visitsBySpace(guildId: string, month: string) {
      return bySpace.all({ guildId, month });
    },

    /** The passes used most in a month, at most `limit`. */
    topPasses(guildId: string, month: string, limit: number) {
      return topPasses.all({ guildId, month, limit });
    },

    /** Every visit with its pass, oldest first: the export. */
    allVisits(guildId: string) {
      return db
        .select({ visit: passVisits, code: passes.code, holderUserId: passes.holderUserId, holderName: passes.holderName })
        .from(passVisits)
        .innerJoin(passes, eq(passes.id, passVisits.passId))
        .where(eq(passVisits.guildId, guildId))
        .orderBy(asc(passVisits.day), asc(passVisits.id))
        .all();
    },

    /** The holder and whoever issued or checked in stop being named; passes and visits stay as the spaces' records. */
    forget(guildId: string, userId: string): { passes: number; visits: number } {
      const held = db.update(passes).set({ holderUserId: null, holderName: null }).where(and(eq(passes.guildId, guildId), eq(passes.holderUserId, userId))).run().changes;
      db.update(passes).set({ issuedBy: null }).where(and(eq(passes.guildId, guildId), eq(passes.issuedBy, userId))).run();
      const visits = db.update(passVisits).set({ checkedInBy: null }).where(and(eq(passVisits.guildId, guildId), eq(passVisits.checkedInBy, userId))).run().changes;
      return { passes: held, visits };
    },

  };
}

export type PassRepo = ReturnType<typeof createPassRepo>;
