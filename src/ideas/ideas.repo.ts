// Queries over the idea parking lot, dot votes and the alliance's priorities; every query scoped by guild.
import { and, asc, count, desc, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { ideas, ideaVotes, priorities } from '../db/schema/index.js';

export type IdeaRow = typeof ideas.$inferSelect;
export type PriorityRow = typeof priorities.$inferSelect;
export type RankedIdea = IdeaRow & { dots: number };

export function createIdeasRepo(db: Db) {
  const dotsOf = sql<number>`coalesce(sum(${ideaVotes.dots}), 0)`;
  /** Ideas with their dots summed (a join, so column names stay qualified). */
  const ranked = () =>
    db
      .select({ ...ideaColumns(), dots: dotsOf })
      .from(ideas)
      .leftJoin(ideaVotes, and(eq(ideaVotes.ideaId, ideas.id), eq(ideaVotes.guildId, ideas.guildId)));
  // The alliance's priorities, beside every agenda shown: built once.
  const active = db
    .select()
    .from(priorities)
    .where(and(eq(priorities.guildId, sql.placeholder('guildId')), eq(priorities.status, 'active')))
    .orderBy(asc(priorities.rank))
    .prepare();

  return {
    insertIdea(values: Omit<typeof ideas.$inferInsert, 'id'>): IdeaRow {
      return db.insert(ideas).values(values).returning().get();
    },

    idea(guildId: string, id: number): RankedIdea | null {
      return ranked().where(and(eq(ideas.guildId, guildId), eq(ideas.id, id))).groupBy(ideas.id).get() ?? null;
    },

    /** Parked ideas ranked by dots (older first on a tie, so early ideas are not buried by later ones). */
    parked(guildId: string, limit = 100): RankedIdea[] {
      return ranked()
        .where(and(eq(ideas.guildId, guildId), eq(ideas.status, 'parked')))
        .groupBy(ideas.id)
        .orderBy(desc(dotsOf), asc(ideas.createdAt), asc(ideas.id))
        .limit(limit)
        .all();
    },

    parkedCountBy(guildId: string, authorId: string): number {
      return (
        db
          .select({ n: count() })
          .from(ideas)
          .where(and(eq(ideas.guildId, guildId), eq(ideas.authorId, authorId), eq(ideas.status, 'parked')))
          .get()?.n ?? 0
      );
    },

    setIdeaStatus(guildId: string, id: number, status: IdeaRow['status'], promotedTo: string | null = null): void {
      db.update(ideas).set({ status, promotedTo }).where(and(eq(ideas.guildId, guildId), eq(ideas.id, id))).run();
    },

    addDots(values: Omit<typeof ideaVotes.$inferInsert, 'id'>): void {
      db.insert(ideaVotes).values(values).run();
    },

    dotsSpent(guildId: string, userId: string, month: string): number {
      const row = db
        .select({ total: sum(ideaVotes.dots) })
        .from(ideaVotes)
        .where(and(eq(ideaVotes.guildId, guildId), eq(ideaVotes.userId, userId), eq(ideaVotes.month, month)))
        .get();
      return Number(row?.total ?? 0);
    },

    activePriorities(guildId: string): PriorityRow[] {
      return active.all({ guildId });
    },

    priority(guildId: string, id: number): PriorityRow | null {
      return db.select().from(priorities).where(and(eq(priorities.guildId, guildId), eq(priorities.id, id))).get() ?? null;
    },

    /** Priorities closed (achieved, cleared or replaced) after `since`, newest first. */
    closedSince(guildId: string, since: number): PriorityRow[] {
      return db
        .select()
        .from(priorities)
        .where(
          and(
            eq(priorities.guildId, guildId),
            inArray(priorities.status, ['achieved', 'cleared', 'replaced']),
            sql`${priorities.closedAt} >= ${since}`,
          ),
        )
        .orderBy(desc(priorities.closedAt), desc(priorities.id))
        .all();
    },

    insertPriority(values: Omit<typeof priorities.$inferInsert, 'id'>): PriorityRow {
      return db.insert(priorities).values(values).returning().get();
    },

    closePriority(guildId: string, id: number, status: 'achieved' | 'cleared' | 'replaced', now: number): void {
      db.update(priorities)
        .set({ status, closedAt: now })
        .where(and(eq(priorities.guildId, guildId), eq(priorities.id, id)))
        .run();
    },

    /** Deletes a member's ideas and dots (privacy). */
    forgetMember(guildId: string, userId: string): number {
      db.delete(ideaVotes).where(and(eq(ideaVotes.guildId, guildId), eq(ideaVotes.userId, userId))).run();
      const mine = db
        .delete(ideas)
        .where(and(eq(ideas.guildId, guildId), eq(ideas.authorId, userId)))
        .returning({ id: ideas.id })
        .all();
      if (mine.length) {
        db.delete(ideaVotes)
          .where(and(eq(ideaVotes.guildId, guildId), inArray(ideaVotes.ideaId, mine.map((row) => row.id))))
          .run();
      }
      return mine.length;
    },
  };
}

function ideaColumns() {
  return {
    id: ideas.id,
    guildId: ideas.guildId,
    text: ideas.text,
    authorId: ideas.authorId,
    status: ideas.status,
    promotedTo: ideas.promotedTo,
    createdAt: ideas.createdAt,
  };
}

export type IdeasRepo = ReturnType<typeof createIdeasRepo>;
