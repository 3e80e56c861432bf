// Lead queries: sending, answering, outcomes, per-space stats and the month's count. Always scoped by guild id.
import { and, count, desc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { leads, type LeadOutcome, type LeadStatus } from '../db/schema/index.js';

export type LeadRow = typeof leads.$inferSelect;
export type NewLead = Omit<typeof leads.$inferInsert, 'id'>;

export function createLeadsRepo(db: Db) {
  return {
    transaction<T>(work: () => T): T {
      return db.transaction(() => work());
    },

    insert(values: NewLead): LeadRow {
      return db.insert(leads).values(values).returning().get();
    },

    get(guildId: string, id: number): LeadRow | null {
      return db.select().from(leads).where(and(eq(leads.guildId, guildId), eq(leads.id, id))).get() ?? null;
    },

    /** Open leads of a sending space: not passed on and no outcome recorded yet (the limit counts these). */
    countOpenFrom(guildId: string, fromSpaceId: number): number {
      return db.select({ n: count() }).from(leads).where(and(eq(leads.guildId, guildId), eq(leads.fromSpaceId, fromSpaceId), isNull(leads.outcome), ne(leads.status, 'passed'))).get()?.n ?? 0;
    },

    /** Answers an open lead; false when it was already answered (a second click). */
    answer(guildId: string, id: number, status: Exclude<LeadStatus, 'open'>, by: string, at: number): boolean {
      return db.update(leads).set({ status, answeredBy: by, answeredAt: at }).where(and(eq(leads.guildId, guildId), eq(leads.id, id), eq(leads.status, 'open'))).run().changes > 0;
    },

    setOutcome(guildId: string, id: number, outcome: LeadOutcome, at: number): void {
      db.update(leads).set({ outcome, outcomeAt: at }).where(and(eq(leads.guildId, guildId), eq(leads.id, id))).run();
    },

    /** Newest first: leads sent from these spaces (the outcome autocomplete). */
    sentFrom(guildId: string, spaceIds: number[], limit: number): LeadRow[] {
      if (!spaceIds.length) return [];
      return db.select().from(leads).where(and(eq(leads.guildId, guildId), inArray(leads.fromSpaceId, spaceIds))).orderBy(desc(leads.id)).limit(limit).all();
    },

    /** Per space since an instant: sent (as sender) and received and won (as receiver). */
    stats(guildId: string, since: number) {
      const sent = db
        .select({ spaceId: leads.fromSpaceId, name: sql<string>`max(${leads.fromSpaceName})`, n: count() })
        .from(leads)
        .where(and(eq(leads.guildId, guildId), gte(leads.createdAt, since)))
        .groupBy(leads.fromSpaceId)
        .all();
      const received = db
        .select({ spaceId: leads.toSpaceId, name: sql<string>`max(${leads.toSpaceName})`, n: count(), won: sql<number>`sum(${leads.outcome} = 'won')` })
        .from(leads)
        .where(and(eq(leads.guildId, guildId), gte(leads.createdAt, since)))
        .groupBy(leads.toSpaceId)
        .all();
      return { sent, received };
    },

    countBetween(guildId: string, from: number, to: number): number {
      return db.select({ n: count() }).from(leads).where(and(eq(leads.guildId, guildId), gte(leads.createdAt, from), lt(leads.createdAt, to))).get()?.n ?? 0;
    },

    /** The member stops being named; the leads stay as the spaces' records. */
    forget(guildId: string, userId: string): { leads: number } {
      const sent = db.update(leads).set({ sentBy: null }).where(and(eq(leads.guildId, guildId), eq(leads.sentBy, userId))).run().changes;
      const answered = db.update(leads).set({ answeredBy: null }).where(and(eq(leads.guildId, guildId), eq(leads.answeredBy, userId))).run().changes;
      return { leads: sent + answered };
    },
  };
}

export type LeadsRepo = ReturnType<typeof createLeadsRepo>;
