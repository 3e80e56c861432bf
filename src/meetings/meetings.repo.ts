// Queries over meetings, recurring series, confirm drafts and attendance; every one scoped by guild.
import { and, asc, desc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { meetingAttendance, meetingDrafts, meetings, meetingSeries } from '../db/schema/index.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type SeriesRow = typeof meetingSeries.$inferSelect;
export type DraftRow = typeof meetingDrafts.$inferSelect;
export type MeetingPatch = Partial<Omit<MeetingRow, 'id' | 'guildId'>>;

/** A LIKE pattern matching `query` anywhere, with LIKE's own wildcards escaped (use with ESCAPE '\\'). */
export function containsPattern(query: string): string {
  return `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** A meeting's end instant as SQL, for "not over yet" filters. */
const endsAt = sql`${meetings.startsAt} + ${meetings.durationMinutes} * 60000`;

export function createMeetingsRepo(db: Db) {
  // Every /agenda show and meeting button reads its meeting: built once.
  const byId = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.guildId, sql.placeholder('guildId')), eq(meetings.id, sql.placeholder('id'))))
    .prepare();
  // The series planner's read, every minute.
  const active = db.select().from(meetingSeries).where(eq(meetingSeries.active, true)).prepare();
  return {
    insert(values: NewMeeting): MeetingRow {
      return db.insert(meetings).values(values).returning().get();
    },

    get(guildId: string, id: number): MeetingRow | null {
      return byId.get({ guildId, id }) ?? null;
    },

    update(guildId: string, id: number, patch: MeetingPatch): void {
      db.update(meetings).set(patch).where(and(eq(meetings.guildId, guildId), eq(meetings.id, id))).run();
    },

    /** Scheduled meetings that have not ended yet, soonest first. */
    upcoming(guildId: string, now: number, limit = 25): MeetingRow[] {
      return db
        .select()
        .from(meetings)
        .where(and(eq(meetings.guildId, guildId), eq(meetings.status, 'scheduled'), sql`${endsAt} > ${now}`))
        .orderBy(asc(meetings.startsAt), asc(meetings.id))
        .limit(limit)
        .all();
    },

    /** The first scheduled meeting starting after `startsAt`: where carried-over and late items go. */
    nextAfter(guildId: string, startsAt: number): MeetingRow | null {
      return (
        db
          .select()
          .from(meetings)
          .where(and(eq(meetings.guildId, guildId), eq(meetings.status, 'scheduled'), gt(meetings.startsAt, startsAt)))
          .orderBy(asc(meetings.startsAt), asc(meetings.id))
          .get() ?? null
      );
    },

    /** Scheduled meetings starting from `from` whose title contains `query`: for autocomplete. */
    search(guildId: string, from: number, query: string, limit: number): MeetingRow[] {
      const like = containsPattern(query);
      return db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.guildId, guildId),
            eq(meetings.status, 'scheduled'),
            gte(meetings.startsAt, from),
            sql`${meetings.title} LIKE ${like} ESCAPE '\\'`,
          ),
        )
        .orderBy(asc(meetings.startsAt))
        .limit(limit)
        .all();
    },

    /** Scheduled meetings that started in [from, to), oldest first. */
    startedBetween(guildId: string, from: number, to: number): MeetingRow[] {
      return db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.guildId, guildId),
            eq(meetings.status, 'scheduled'),
            gte(meetings.startsAt, from),
            lt(meetings.startsAt, to),
          ),
        )
        .orderBy(asc(meetings.startsAt))
        .all();
    },

    insertSeries(values: typeof meetingSeries.$inferInsert): SeriesRow {
      return db.insert(meetingSeries).values(values).returning().get();
    },

    series(guildId: string, id: number): SeriesRow | null {
      return (
        db.select().from(meetingSeries).where(and(eq(meetingSeries.guildId, guildId), eq(meetingSeries.id, id))).get() ??
        null
      );
    },

    /** Every active series of every guild: the planner keeps their next occurrences in place. */
    activeSeries(): SeriesRow[] {
      return active.all();
    },

    endSeries(guildId: string, id: number): void {
      db.update(meetingSeries)
        .set({ active: false })
        .where(and(eq(meetingSeries.guildId, guildId), eq(meetingSeries.id, id)))
        .run();
    },

    /** The occurrence of a series with the highest index (cancelled ones included: they keep their slot). */
    lastOccurrence(guildId: string, seriesId: number): MeetingRow | null {
      return (
        db
          .select()
          .from(meetings)
          .where(and(eq(meetings.guildId, guildId), eq(meetings.seriesId, seriesId)))
          .orderBy(desc(meetings.occurrence))
          .get() ?? null
      );
    },

    futureOccurrences(guildId: string, seriesId: number, now: number): MeetingRow[] {
      return db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.guildId, guildId),
            eq(meetings.seriesId, seriesId),
            eq(meetings.status, 'scheduled'),
            gt(meetings.startsAt, now),
          ),
        )
        .orderBy(asc(meetings.startsAt))
        .all();
    },

    insertDraft(values: typeof meetingDrafts.$inferInsert): DraftRow {
      return db.insert(meetingDrafts).values(values).returning().get();
    },

    draft(guildId: string, id: number): DraftRow | null {
      return (
        db.select().from(meetingDrafts).where(and(eq(meetingDrafts.guildId, guildId), eq(meetingDrafts.id, id))).get() ??
        null
      );
    },

    deleteDraft(guildId: string, id: number): void {
      db.delete(meetingDrafts).where(and(eq(meetingDrafts.guildId, guildId), eq(meetingDrafts.id, id))).run();
    },

    /** Privacy: drafts a member started (they hold what the member typed). */
    forgetDrafts(guildId: string, userId: string): number {
      return db.delete(meetingDrafts).where(and(eq(meetingDrafts.guildId, guildId), eq(meetingDrafts.userId, userId))).run().changes;
    },

    purgeDrafts(now: number): number {
      return db.delete(meetingDrafts).where(lt(meetingDrafts.expiresAt, now)).run().changes;
    },

    /** True when newly marked; marking twice is harmless. */
    markPresent(guildId: string, meetingId: number, userId: string, now: number): boolean {
      return (
        db.insert(meetingAttendance).values({ guildId, meetingId, userId, markedAt: now }).onConflictDoNothing().run()
          .changes > 0
      );
    },

    attendees(guildId: string, meetingId: number): string[] {
      return db
        .select({ userId: meetingAttendance.userId })
        .from(meetingAttendance)
        .where(and(eq(meetingAttendance.guildId, guildId), eq(meetingAttendance.meetingId, meetingId)))
        .orderBy(asc(meetingAttendance.markedAt))
        .all()
        .map((row) => row.userId);
    },

    /** (meeting, member) pairs of attendance at meetings that started in [from, to). */
    attendanceBetween(guildId: string, from: number, to: number): { meetingId: number; userId: string }[] {
      return db
        .select({ meetingId: meetingAttendance.meetingId, userId: meetingAttendance.userId })
        .from(meetingAttendance)
        .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
        .where(
          and(
            eq(meetingAttendance.guildId, guildId),
            eq(meetings.guildId, guildId),
            eq(meetings.status, 'scheduled'),
            gte(meetings.startsAt, from),
            lt(meetings.startsAt, to),
          ),
        )
        .all();
    },

    forgetAttendance(guildId: string, userId: string): number {
      return db
        .delete(meetingAttendance)
        .where(and(eq(meetingAttendance.guildId, guildId), eq(meetingAttendance.userId, userId)))
        .run().changes;
    },
  };
}

export type MeetingsRepo = ReturnType<typeof createMeetingsRepo>;
