// Queries over agenda items: ordered per meeting, positions kept dense, every query scoped by guild.
import { and, asc, count, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { agendaItems, meetings } from '../db/schema/index.js';
import { containsPattern } from './meetings.repo.js';

export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type NewAgendaItem = Omit<typeof agendaItems.$inferInsert, 'id' | 'position'>;
export type AgendaItemPatch = Partial<Pick<AgendaItemRow, 'outcome' | 'decision' | 'carriedToId' | 'presenterId' | 'priorityId'>>;

export function createAgendaRepo(db: Db) {
  // A meeting's agenda, on every /agenda show: built once.
  const itemsOf = db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.guildId, sql.placeholder('guildId')), eq(agendaItems.meetingId, sql.placeholder('meetingId'))))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .prepare();
  function items(guildId: string, meetingId: number): AgendaItemRow[] {
    return itemsOf.all({ guildId, meetingId });
  }

  function setOrder(guildId: string, ordered: readonly number[]): void {
    ordered.forEach((id, index) => {
      db.update(agendaItems)
        .set({ position: index + 1 })
        .where(and(eq(agendaItems.guildId, guildId), eq(agendaItems.id, id)))
        .run();
    });
  }

  // A named object, not `this`: a method handed around on its own still reaches its siblings.
  const repo = {
    items,
    setOrder,

    get(guildId: string, id: number): AgendaItemRow | null {
      return db.select().from(agendaItems).where(and(eq(agendaItems.guildId, guildId), eq(agendaItems.id, id))).get() ?? null;
    },

    count(guildId: string, meetingId: number): number {
      return (
        db
          .select({ n: count() })
          .from(agendaItems)
          .where(and(eq(agendaItems.guildId, guildId), eq(agendaItems.meetingId, meetingId)))
          .get()?.n ?? 0
      );
    },

    /** Agenda lengths of several meetings at once (for lists). */
    counts(guildId: string, meetingIds: readonly number[]): Map<number, number> {
      if (meetingIds.length === 0) return new Map();
      const rows = db
        .select({ meetingId: agendaItems.meetingId, n: count() })
        .from(agendaItems)
        .where(and(eq(agendaItems.guildId, guildId), inArray(agendaItems.meetingId, [...meetingIds])))
        .groupBy(agendaItems.meetingId)
        .all();
      return new Map(rows.map((row) => [row.meetingId, row.n]));
    },

    /** Items a member proposed themselves for a meeting (carried-over ones were proposed for an earlier one). */
    proposedCount(guildId: string, meetingId: number, userId: string): number {
      return (
        db
          .select({ n: count() })
          .from(agendaItems)
          .where(
            and(
              eq(agendaItems.guildId, guildId),
              eq(agendaItems.meetingId, meetingId),
              eq(agendaItems.proposedBy, userId),
              isNull(agendaItems.carriedFromId),
            ),
          )
          .get()?.n ?? 0
      );
    },

    /** Appends at the end of the meeting's agenda. */
    insert(values: NewAgendaItem): AgendaItemRow {
      const position = repo.count(values.guildId, values.meetingId) + 1;
      return db.insert(agendaItems).values({ ...values, position }).returning().get();
    },

    update(guildId: string, id: number, patch: AgendaItemPatch): void {
      db.update(agendaItems).set(patch).where(and(eq(agendaItems.guildId, guildId), eq(agendaItems.id, id))).run();
    },

    /** Deletes the item and closes the gap it leaves. */
    remove(guildId: string, item: AgendaItemRow): void {
      db.delete(agendaItems).where(and(eq(agendaItems.guildId, guildId), eq(agendaItems.id, item.id))).run();
      setOrder(
        guildId,
        items(guildId, item.meetingId).map((row) => row.id),
      );
    },

    /** Items without an outcome on scheduled meetings starting from `from`, matching `query` in topic or title. */
    openItems(guildId: string, from: number, query: string, limit: number) {
      const like = containsPattern(query);
      return db
        .select({ id: agendaItems.id, topic: agendaItems.topic, meetingId: meetings.id, meetingTitle: meetings.title, startsAt: meetings.startsAt })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(
          and(
            eq(agendaItems.guildId, guildId),
            eq(meetings.guildId, guildId),
            eq(meetings.status, 'scheduled'),
            gte(meetings.startsAt, from),
            isNull(agendaItems.outcome),
            sql`(${agendaItems.topic} LIKE ${like} ESCAPE '\\' OR ${meetings.title} LIKE ${like} ESCAPE '\\')`,
          ),
        )
        .orderBy(asc(meetings.startsAt), asc(agendaItems.position))
        .limit(limit)
        .all();
    },

    withMeetingTitle(guildId: string, id: number) {
      return (
        db
          .select({ id: agendaItems.id, topic: agendaItems.topic, meetingId: meetings.id, meetingTitle: meetings.title })
          .from(agendaItems)
          .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
          .where(and(eq(agendaItems.guildId, guildId), eq(meetings.guildId, guildId), eq(agendaItems.id, id)))
          .get() ?? null
      );
    },

    /** Removes what a member proposed (privacy) and their name as presenter elsewhere. */
    forgetMember(guildId: string, userId: string): number {
      db.update(agendaItems)
        .set({ presenterId: null })
        .where(and(eq(agendaItems.guildId, guildId), eq(agendaItems.presenterId, userId), ne(agendaItems.proposedBy, userId)))
        .run();
      const mine = db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.guildId, guildId), eq(agendaItems.proposedBy, userId)))
        .all();
      for (const item of mine) repo.remove(guildId, item);
      return mine.length;
    },
  };
  return repo;
}

export type AgendaRepo = ReturnType<typeof createAgendaRepo>;
