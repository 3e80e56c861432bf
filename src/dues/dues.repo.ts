// Queries over the dues plan, the append-only ledger and hosts' reminder preferences; every one scoped by guild.
import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open.js';
import { duesEntries, duesPlans, duesReminderPrefs } from '../db/schema/index.js';

export type DuesPlanRow = typeof duesPlans.$inferSelect;
export type DuesEntryRow = typeof duesEntries.$inferSelect;
export type NewDuesEntry = Omit<typeof duesEntries.$inferInsert, 'id' | 'number' | 'guildId'>;

const reversal = alias(duesEntries, 'reversal');

export function createDuesRepo(db: Db) {
  // The reminder planner's read, every minute.
  const planGuilds = db.selectDistinct({ guildId: duesPlans.guildId }).from(duesPlans).prepare();
  // Paid-through of each space: one index seek per space from its newest covers-until down to the first payment no
  // reversal cancelled (almost always the first), so 500 spaces with 10 years of payments answer in milliseconds.
  const paidThroughStatement = db
    .select({
      spaceId: sql<number>`j.value`,
      coversUntil: sql<string | null>`(select e.covers_until from ${duesEntries} e where e.guild_id = ${sql.placeholder('guildId')} and e.kind = 'payment' and e.space_id = j.value and not exists (select 1 from ${duesEntries} r where r.reverses_id = e.id) order by e.covers_until desc limit 1)`,
    })
    .from(sql`json_each(${sql.placeholder('spaceIds')}) j`)
    .prepare();
  const planStatement = db
    .select()
    .from(duesPlans)
    .where(eq(duesPlans.guildId, sql.placeholder('guildId')))
    .orderBy(desc(duesPlans.id))
    .limit(1)
    .prepare();

  return {
    /** The plan in force: the newest one set. */
    plan(guildId: string): DuesPlanRow | null {
      return planStatement.get({ guildId }) ?? null;
    },

    insertPlan(guildId: string, values: Omit<typeof duesPlans.$inferInsert, 'id' | 'guildId'>): DuesPlanRow {
      return db.insert(duesPlans).values({ guildId, ...values }).returning().get();
    },

    /** Guilds that have a dues plan (the reminder planner walks these). */
    guildsWithPlan(): string[] {
      return planGuilds.all().map((r) => r.guildId);
    },

    /** Appends one entry with the next per-alliance number (call inside a transaction). */
    append(guildId: string, entry: NewDuesEntry): DuesEntryRow {
      const last = db.select({ n: max(duesEntries.number) }).from(duesEntries).where(eq(duesEntries.guildId, guildId)).get();
      return db.insert(duesEntries).values({ ...entry, guildId, number: (last?.n ?? 0) + 1 }).returning().get();
    },

    entryByNumber(guildId: string, number: number): DuesEntryRow | null {
      return db.select().from(duesEntries).where(and(eq(duesEntries.guildId, guildId), eq(duesEntries.number, number))).get() ?? null;
    },

    reversalOf(guildId: string, entryId: number): DuesEntryRow | null {
      return db.select().from(duesEntries).where(and(eq(duesEntries.guildId, guildId), eq(duesEntries.reversesId, entryId))).get() ?? null;
    },

    /** Newest covers-until of each space's payments that no reversal cancelled (spaces that never paid are left out). */
    paidThrough(guildId: string, spaceIds: readonly number[]): Map<number, string> {
      const result = new Map<number, string>();
      for (const row of paidThroughStatement.all({ guildId, spaceIds: JSON.stringify(spaceIds) })) if (row.coversUntil) result.set(Number(row.spaceId), row.coversUntil);
      return result;
    },

    paidThroughOf(guildId: string, spaceId: number): string | null {
      return paidThroughStatement.get({ guildId, spaceIds: JSON.stringify([spaceId]) })?.coversUntil ?? null;
    },

    /** The ledger in order, optionally for some spaces, each payment with the number of the reversal that cancels it. */
    ledger(guildId: string, spaceIds?: readonly number[]): (DuesEntryRow & { reversedBy: number | null })[] {
      const where = spaceIds ? and(eq(duesEntries.guildId, guildId), inArray(duesEntries.spaceId, [...spaceIds])) : eq(duesEntries.guildId, guildId);
      return db
        .select({ entry: duesEntries, reversedBy: reversal.number })
        .from(duesEntries)
        .leftJoin(reversal, eq(reversal.reversesId, duesEntries.id))
        .where(where)
        .orderBy(asc(duesEntries.number))
        .all()
        .map((row) => ({ ...row.entry, reversedBy: row.reversedBy }));
    },

    remindersOff(guildId: string): Set<string> {
      const rows = db
        .select({ userId: duesReminderPrefs.userId })
        .from(duesReminderPrefs)
        .where(and(eq(duesReminderPrefs.guildId, guildId), eq(duesReminderPrefs.remindersOff, true)))
        .all();
      return new Set(rows.map((r) => r.userId));
    },

    setReminders(guildId: string, userId: string, off: boolean, now: number): void {
      db.insert(duesReminderPrefs)
        .values({ guildId, userId, remindersOff: off, updatedAt: now })
        .onConflictDoUpdate({ target: [duesReminderPrefs.guildId, duesReminderPrefs.userId], set: { remindersOff: off, updatedAt: now } })
        .run();
    },

    /** Privacy: the member's id leaves the ledger and the plans (entries stay as the space's records). */
    forgetMember(guildId: string, userId: string): { entries: number; plans: number; preferences: number } {
      const entries = db.update(duesEntries).set({ recordedBy: null }).where(and(eq(duesEntries.guildId, guildId), eq(duesEntries.recordedBy, userId))).run().changes;
      const plans = db.update(duesPlans).set({ createdBy: null }).where(and(eq(duesPlans.guildId, guildId), eq(duesPlans.createdBy, userId))).run().changes;
      const preferences = db.delete(duesReminderPrefs).where(and(eq(duesReminderPrefs.guildId, guildId), eq(duesReminderPrefs.userId, userId))).run().changes;
      return { entries, plans, preferences };
    },

  };
}

export type DuesRepo = ReturnType<typeof createDuesRepo>;
