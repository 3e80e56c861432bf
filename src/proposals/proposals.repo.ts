// Drizzle queries for proposals, their fixed electorate and the vote event log; every query is scoped by guild.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { chunks } from '../shared/chunks.js';
import { createBallotsRepo, type CurrentVote } from './ballots.repo.js';
import { createReminderPrefsRepo } from './reminder-prefs.repo.js';
import {
  proposalBallots,
  proposalElectors,
  proposalReminderPrefs,
  proposals,
  proposalVoters,
  proposalVotes,
  type Choice,
  type ProposalStatus,
  type VoteSource,
} from '../db/schema/index.js';

export type ProposalRow = typeof proposals.$inferSelect;
export type NewProposal = Omit<typeof proposals.$inferInsert, 'id' | 'number' | 'guildId'>;
export type VoteEventRow = typeof proposalVotes.$inferSelect;
export type { CurrentVote };

export interface VoterUnit {
  voterKey: string;
  label: string | null;
  /** Members who may cast this unit's vote. */
  userIds: string[];
}

export interface NewVoteEvent {
  voterKey: string;
  userId: string;
  choice: Choice | null;
  source: VoteSource;
  reason: string | null;
  at: number;
}

export function createProposalsRepo(db: Db) {
  // Prepared once: read by every show (building the query costs more than running it).
  const byIdStatement = db
    .select()
    .from(proposals)
    .where(and(eq(proposals.guildId, sql.placeholder('guildId')), eq(proposals.id, sql.placeholder('id'))))
    .prepare();
  // A reaction vote: the proposal behind the message, the member's voter units, and the one event with its ballot.
  const byMessageStatement = db
    .select()
    .from(proposals)
    .where(and(eq(proposals.messageId, sql.placeholder('messageId')), eq(proposals.guildId, sql.placeholder('guildId'))))
    .prepare();
  const electorKeysStatement = db
    .select({ voterKey: proposalElectors.voterKey, leftAt: proposalElectors.leftAt })
    .from(proposalElectors)
    .where(and(eq(proposalElectors.guildId, sql.placeholder('guildId')), eq(proposalElectors.proposalId, sql.placeholder('proposalId')), eq(proposalElectors.userId, sql.placeholder('userId'))))
    .prepare();
  // `+guild_id` keeps the guild scope but stops SQLite from picking the (guild, user) index, which walks every
  // elector of every proposal of the alliance (~200 ms at 500 proposals): the primary key finds this proposal's.
  const electorsStatement = db
    .select({ userId: proposalElectors.userId, voterKey: proposalElectors.voterKey, leftAt: proposalElectors.leftAt })
    .from(proposalElectors)
    .where(and(sql`+${proposalElectors.guildId} = ${sql.placeholder('guildId')}`, eq(proposalElectors.proposalId, sql.placeholder('proposalId'))))
    .prepare();
  const voteRow = {
    guildId: sql.placeholder('guildId'), proposalId: sql.placeholder('proposalId'), voterKey: sql.placeholder('voterKey'), userId: sql.placeholder('userId'),
    choice: sql.placeholder('choice'), source: sql.placeholder('source'), reason: sql.placeholder('reason'), at: sql.placeholder('at'),
  };
  const oneEvent = db.insert(proposalVotes).values(voteRow).returning({ id: proposalVotes.id }).prepare();
  const dropOneBallot = db
    .delete(proposalBallots)
    .where(and(eq(proposalBallots.proposalId, sql.placeholder('proposalId')), eq(proposalBallots.voterKey, sql.placeholder('voterKey'))))
    .prepare();
  const ballotReplaced = {
    target: [proposalBallots.proposalId, proposalBallots.voterKey],
    set: {
      userId: sql`excluded.user_id`,
      choice: sql`excluded.choice`,
      source: sql`excluded.source`,
      reason: sql`excluded.reason`,
      at: sql`excluded.at`,
      eventId: sql`excluded.event_id`,
      casterLeft: sql`excluded.caster_left`,
    },
  };
  const oneBallot = db
    .insert(proposalBallots)
    .values({ ...voteRow, eventId: sql.placeholder('eventId'), casterLeft: false })
    .onConflictDoUpdate(ballotReplaced)
    .prepare();
  const ballots = createBallotsRepo(db);
  const reminderPrefs = createReminderPrefsRepo(db);
  // A named object, not `this`: a method handed around on its own still reaches its siblings. The ballots' and
  // reminder preferences' queries are named one by one (no spread).
  const repo = {
    tallyCounts: ballots.tallyCounts,
    currentVoteOf: ballots.currentVoteOf,
    lastEventId: ballots.lastEventId,
    changedSince: ballots.changedSince,
    currentVotes: ballots.currentVotes,
    firstBallots: ballots.firstBallots,
    sortedReasons: ballots.sortedReasons,
    replayVotes: ballots.replayVotes,
    insert(guildId: string, values: NewProposal, units: VoterUnit[]): ProposalRow {
      return db.transaction((tx) => {
        const next = tx
          .select({ n: sql<number>`coalesce(max(${proposals.number}), 0) + 1` })
          .from(proposals)
          .where(eq(proposals.guildId, guildId))
          .get()!.n;
        const row = tx.insert(proposals).values({ ...values, guildId, number: next }).returning().get();
        for (const part of chunks(units)) {
          tx.insert(proposalVoters)
            .values(part.map((u) => ({ proposalId: row.id, guildId, voterKey: u.voterKey, label: u.label })))
            .run();
        }
        const electors = units.flatMap((u) => u.userIds.map((userId) => ({ proposalId: row.id, guildId, userId, voterKey: u.voterKey })));
        for (const part of chunks(electors)) tx.insert(proposalElectors).values(part).onConflictDoNothing().run();
        return row;
      });
    },

    get(guildId: string, id: number): ProposalRow | null {
      return byIdStatement.get({ guildId, id }) ?? null;
    },

    byMessage(guildId: string, messageId: string): ProposalRow | null {
      return byMessageStatement.get({ messageId, guildId }) ?? null;
    },

    update(guildId: string, id: number, patch: Partial<Omit<ProposalRow, 'id' | 'guildId' | 'number'>>): void {
      db.update(proposals).set(patch).where(and(eq(proposals.guildId, guildId), eq(proposals.id, id))).run();
    },

    /** Deletes a proposal that never got posted (its rows cascade). */
    remove(guildId: string, id: number): void {
      db.delete(proposals).where(and(eq(proposals.guildId, guildId), eq(proposals.id, id))).run();
    },

    list(guildId: string, status: ProposalStatus | 'decided', limit: number, offset: number): ProposalRow[] {
      const where =
        status === 'decided'
          ? and(eq(proposals.guildId, guildId), inArray(proposals.status, ['closed', 'withdrawn']))
          : and(eq(proposals.guildId, guildId), eq(proposals.status, status));
      const order = status === 'open' ? [asc(proposals.closesAt)] : [desc(proposals.closedAt), desc(proposals.id)];
      return db.select().from(proposals).where(where).orderBy(...order).limit(limit).offset(offset).all();
    },

    count(guildId: string, status: ProposalStatus | 'decided'): number {
      const where =
        status === 'decided'
          ? and(eq(proposals.guildId, guildId), inArray(proposals.status, ['closed', 'withdrawn']))
          : and(eq(proposals.guildId, guildId), eq(proposals.status, status));
      return db.select({ n: sql<number>`count(*)` }).from(proposals).where(where).get()!.n;
    },

    search(guildId: string, query: string, status: ProposalStatus | null, limit: number): ProposalRow[] {
      const escaped = query.replace(/[\\%_]/g, (c) => `\\${c}`);
      const conditions = [eq(proposals.guildId, guildId), sql`(${proposals.title} like ${`%${escaped}%`} escape '\\' or cast(${proposals.number} as text) = ${query.replace(/^#/, '')})`];
      if (status) conditions.push(eq(proposals.status, status));
      return db.select().from(proposals).where(and(...conditions)).orderBy(desc(proposals.id)).limit(limit).all();
    },

    /** Every open proposal of every alliance: start-up reconciliation walks these. */
    allOpen(): ProposalRow[] {
      return db.select().from(proposals).where(eq(proposals.status, 'open')).orderBy(asc(proposals.closesAt)).all();
    },

    /** One alliance's open proposals (proposals_guild_status_idx): start-up reconciliation runs once per alliance. */
    openIn(guildId: string): ProposalRow[] {
      return db.select().from(proposals).where(and(eq(proposals.guildId, guildId), eq(proposals.status, 'open'))).orderBy(asc(proposals.closesAt)).all();
    },

    decidedBetween(guildId: string, from: number, to: number): ProposalRow[] {
      return db
        .select()
        .from(proposals)
        .where(and(eq(proposals.guildId, guildId), eq(proposals.status, 'closed'), gte(proposals.closedAt, from), lt(proposals.closedAt, to)))
        .orderBy(asc(proposals.closedAt))
        .all();
    },

    /** The voter units a member may vote for on a proposal (themself, or the spaces they host). */
    electorKeys(guildId: string, proposalId: number, userId: string): { voterKey: string; leftAt: number | null }[] {
      return electorKeysStatement.all({ guildId, proposalId, userId });
    },

    electorsOf(guildId: string, proposalId: number): { userId: string; voterKey: string; leftAt: number | null }[] {
      return electorsStatement.all({ guildId, proposalId });
    },

    voters(guildId: string, proposalId: number): { voterKey: string; label: string | null }[] {
      return db
        .select({ voterKey: proposalVoters.voterKey, label: proposalVoters.label })
        .from(proposalVoters)
        .where(and(eq(proposalVoters.guildId, guildId), eq(proposalVoters.proposalId, proposalId)))
        .all();
    },

    /**
     * Appends events and brings the ballots projection in line, in one transaction, one event after the other (so
     * several events of one voter keep their order). Each event is two statements prepared once: a reconcile of 100
     * reactions costs less this way than building and preparing multi-row statements of each batch's length.
     */
    appendVotes(guildId: string, proposalId: number, events: NewVoteEvent[]): void {
      if (events.length === 0) return;
      db.transaction(() => {
        for (const event of events) {
          const eventId = oneEvent.get({ ...event, guildId, proposalId })!.id;
          if (event.choice === null) dropOneBallot.run({ proposalId, voterKey: event.voterKey });
          else oneBallot.run({ ...event, guildId, proposalId, eventId });
        }
      });
    },

    eventCount(guildId: string, proposalId: number): number {
      return db
        .select({ n: sql<number>`count(*)` })
        .from(proposalVotes)
        .where(and(eq(proposalVotes.guildId, guildId), eq(proposalVotes.proposalId, proposalId)))
        .get()!.n;
    },

    events(guildId: string, proposalId: number): VoteEventRow[] {
      return db
        .select()
        .from(proposalVotes)
        .where(and(eq(proposalVotes.guildId, guildId), eq(proposalVotes.proposalId, proposalId)))
        .orderBy(asc(proposalVotes.id))
        .all();
    },

    /** Marks a member as gone on every open proposal of the alliance. Returns the proposals touched. */
    markLeft(guildId: string, userId: string, at: number): number[] {
      const open = db
        .select({ id: proposals.id })
        .from(proposals)
        .where(and(eq(proposals.guildId, guildId), eq(proposals.status, 'open')));
      return db.transaction((tx) => {
        tx.update(proposalBallots)
          .set({ casterLeft: true })
          .where(and(eq(proposalBallots.guildId, guildId), eq(proposalBallots.userId, userId), inArray(proposalBallots.proposalId, open)))
          .run();
        return tx
          .update(proposalElectors)
          .set({ leftAt: at })
          .where(and(eq(proposalElectors.guildId, guildId), eq(proposalElectors.userId, userId), isNull(proposalElectors.leftAt), inArray(proposalElectors.proposalId, open)))
          .returning({ proposalId: proposalElectors.proposalId })
          .all()
          .map((r) => r.proposalId);
      });
    },

    markReturned(guildId: string, proposalId: number, userId: string): void {
      db.transaction((tx) => {
        tx.update(proposalElectors)
          .set({ leftAt: null })
          .where(and(eq(proposalElectors.guildId, guildId), eq(proposalElectors.proposalId, proposalId), eq(proposalElectors.userId, userId)))
          .run();
        tx.update(proposalBallots)
          .set({ casterLeft: false })
          .where(and(eq(proposalBallots.guildId, guildId), eq(proposalBallots.proposalId, proposalId), eq(proposalBallots.userId, userId)))
          .run();
      });
    },

    /**
     * Erases who voted on a proposal, keeping choices, times and which events belong together: each voter key
     * becomes a random pseudonym, so the current votes can still be derived but no longer traced to a member.
     */
    eraseVoters(guildId: string, proposalId: number, userId?: string): void {
      const scope = [eq(proposalVotes.guildId, guildId), eq(proposalVotes.proposalId, proposalId)];
      if (userId) scope.push(eq(proposalVotes.userId, userId));
      const keys = db.selectDistinct({ voterKey: proposalVotes.voterKey }).from(proposalVotes).where(and(...scope)).all();
      for (const { voterKey } of keys) {
        if (voterKey === null || voterKey.startsWith('anon:')) continue;
        const pseudonym = { userId: null, voterKey: `anon:${randomUUID()}` };
        db.update(proposalVotes)
          .set(pseudonym)
          .where(and(eq(proposalVotes.guildId, guildId), eq(proposalVotes.proposalId, proposalId), eq(proposalVotes.voterKey, voterKey)))
          .run();
        db.update(proposalBallots)
          .set(pseudonym)
          .where(and(eq(proposalBallots.guildId, guildId), eq(proposalBallots.proposalId, proposalId), eq(proposalBallots.voterKey, voterKey)))
          .run();
      }
    },

    /** Proposals (any status) on which the member has a vote event. */
    votedOn(guildId: string, userId: string): number[] {
      return db
        .selectDistinct({ id: proposalVotes.proposalId })
        .from(proposalVotes)
        .where(and(eq(proposalVotes.guildId, guildId), eq(proposalVotes.userId, userId)))
        .all()
        .map((row) => row.id);
    },

    /** Privacy: the member's place in electorates and their reminder choice (call after markLeft and eraseVoters). */
    dropMember(guildId: string, userId: string): void {
      db.delete(proposalElectors).where(and(eq(proposalElectors.guildId, guildId), eq(proposalElectors.userId, userId))).run();
      db.delete(proposalVoters).where(and(eq(proposalVoters.guildId, guildId), eq(proposalVoters.voterKey, userId))).run();
      db.delete(proposalReminderPrefs).where(and(eq(proposalReminderPrefs.guildId, guildId), eq(proposalReminderPrefs.userId, userId))).run();
    },

    reminderPref: reminderPrefs.reminderPref,
    setReminderPref: reminderPrefs.setReminderPref,
    usersWithReminders: reminderPrefs.usersWithReminders,
  };
  return repo;
}

export type ProposalsRepo = ReturnType<typeof createProposalsRepo>;
