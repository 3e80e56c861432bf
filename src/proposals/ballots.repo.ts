// Reads of the current votes of a proposal: the ballots projection (kept by votes.service), its replay from the
// event log, the first votes one show lists, and the tally counts kept by triggers. Every query is scoped by guild.
import { and, asc, eq, gt, isNotNull, max, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { proposalBallots, proposalElectors, proposalTallies, proposalVoters, proposalVotes, type Choice, type VoteSource } from '../db/schema/index.js';
import { emptyCounts, type Counts } from './tally.rules.js';

export interface CurrentVote {
  voterKey: string;
  userId: string | null;
  choice: Choice;
  source: VoteSource;
  reason: string | null;
  at: number;
}

export function createBallotsRepo(db: Db) {
  /**
   * The current votes replayed from the event log alone: the latest event per voter, minus withdrawals and votes
   * of members who left. The ballots projection must always equal this (votes.service verify()).
   */
  function replayVotes(guildId: string, proposalId: number): CurrentVote[] {
    const latest = db
      .select({ id: max(proposalVotes.id).as('latest_id') })
      .from(proposalVotes)
      .where(and(eq(proposalVotes.proposalId, proposalId), isNotNull(proposalVotes.voterKey)))
      .groupBy(proposalVotes.voterKey)
      .as('latest');
    return db
      .select({
        voterKey: sql<string>`${proposalVotes.voterKey}`,
        userId: proposalVotes.userId,
        choice: sql<Choice>`${proposalVotes.choice}`,
        source: proposalVotes.source,
        reason: proposalVotes.reason,
        at: proposalVotes.at,
      })
      .from(proposalVotes)
      .innerJoin(latest, eq(latest.id, proposalVotes.id))
      .where(
        and(
          eq(proposalVotes.guildId, guildId),
          isNotNull(proposalVotes.choice),
          sql`not exists (select 1 from ${proposalElectors} e where e.proposal_id = ${proposalVotes.proposalId}
            and e.user_id = ${proposalVotes.userId} and e.left_at is not null)`,
        ),
      )
      .orderBy(asc(proposalVotes.at), asc(proposalVotes.id))
      .all();
  }

  const ballotColumns = {
    voterKey: proposalBallots.voterKey,
    userId: proposalBallots.userId,
    choice: proposalBallots.choice,
    source: proposalBallots.source,
    reason: proposalBallots.reason,
    at: proposalBallots.at,
  };

  // Reconciling a proposal with its reactions (at start-up, after a reconnect) reads these for each open proposal.
  const currentVotesStatement = db
    .select(ballotColumns)
    .from(proposalBallots)
    .where(and(eq(proposalBallots.guildId, sql.placeholder('guildId')), eq(proposalBallots.proposalId, sql.placeholder('proposalId')), eq(proposalBallots.casterLeft, false)))
    .orderBy(asc(proposalBallots.at), asc(proposalBallots.eventId))
    .prepare();
  const changedSinceStatement = db
    .selectDistinct({ voterKey: proposalVotes.voterKey, userId: proposalVotes.userId })
    .from(proposalVotes)
    .where(and(eq(proposalVotes.guildId, sql.placeholder('guildId')), eq(proposalVotes.proposalId, sql.placeholder('proposalId')), gt(proposalVotes.id, sql.placeholder('eventId'))))
    .prepare();

  /** Current votes that count, from the projection. */
  function currentVotes(guildId: string, proposalId: number): CurrentVote[] {
    return currentVotesStatement.all({ guildId, proposalId });
  }

  // Prepared once: the statements behind every show and tally (building a query costs more than running these).
  const firstBallotsStatement = db
    .select({ ...ballotColumns, label: proposalVoters.label })
    .from(proposalBallots)
    .leftJoin(proposalVoters, and(eq(proposalVoters.proposalId, proposalBallots.proposalId), eq(proposalVoters.voterKey, proposalBallots.voterKey)))
    .where(and(eq(proposalBallots.guildId, sql.placeholder('guildId')), eq(proposalBallots.proposalId, sql.placeholder('proposalId')), eq(proposalBallots.casterLeft, false)))
    .orderBy(asc(proposalBallots.at), asc(proposalBallots.eventId))
    .limit(sql.placeholder('limit'))
    .prepare();
  const tallyStatement = db
    .select({ choice: proposalTallies.choice, n: proposalTallies.n })
    .from(proposalTallies)
    .where(and(eq(proposalTallies.proposalId, sql.placeholder('proposalId')), eq(proposalTallies.guildId, sql.placeholder('guildId'))))
    .prepare();
  // A reaction vote reads the voter's ballot before it writes.
  const currentVoteStatement = db
    .select(ballotColumns)
    .from(proposalBallots)
    .where(and(eq(proposalBallots.guildId, sql.placeholder('guildId')), eq(proposalBallots.proposalId, sql.placeholder('proposalId')), eq(proposalBallots.voterKey, sql.placeholder('voterKey'))))
    .prepare();

  /**
   * The first `limit` current votes that count, oldest first, each with its unit's label (a space's name): what
   * one `/proposal show` lists. Walks the (proposal, at, event) index and stops after `limit` rows, looking up
   * only those voters' labels by primary key.
   */
  function firstBallots(guildId: string, proposalId: number, limit: number): (CurrentVote & { label: string | null })[] {
    return firstBallotsStatement.all({ guildId, proposalId, limit });
  }

  /** The first `limit` reasons of the current votes that count, in text order (a secret ballot's), and how many there are. */
  function sortedReasons(guildId: string, proposalId: number, limit: number): { reasons: string[]; count: number } {
    const where = and(
      eq(proposalBallots.guildId, guildId),
      eq(proposalBallots.proposalId, proposalId),
      eq(proposalBallots.casterLeft, false),
      sql`${proposalBallots.reason} is not null and ${proposalBallots.reason} <> ''`,
    );
    const reasons = db.select({ reason: sql<string>`${proposalBallots.reason}` }).from(proposalBallots).where(where).orderBy(asc(proposalBallots.reason)).limit(limit).all();
    const count = db.select({ n: sql<number>`count(*)` }).from(proposalBallots).where(where).get()!.n;
    return { reasons: reasons.map((r) => r.reason), count };
  }

  return {
    /** Counts of the votes that count: four rows kept by triggers on the ballots (proposal_tallies). */
    tallyCounts(guildId: string, proposalId: number): Counts {
      const counts = emptyCounts();
      for (const row of tallyStatement.all({ guildId, proposalId })) counts[row.choice] = row.n;
      return counts;
    },

    /** The current vote of one unit, counted or not (null when none or withdrawn). */
    currentVoteOf(guildId: string, proposalId: number, voterKey: string): CurrentVote | null {
      return currentVoteStatement.get({ guildId, proposalId, voterKey }) ?? null;
    },

    /** The newest vote event of a proposal (0 when none): reconciliation's mark of when its read began. */
    lastEventId(guildId: string, proposalId: number): number {
      const row = db.select({ id: max(proposalVotes.id) }).from(proposalVotes).where(and(eq(proposalVotes.guildId, guildId), eq(proposalVotes.proposalId, proposalId))).get();
      return row?.id ?? 0;
    },

    /** Voters and members with a vote event after `eventId`. */
    changedSince(guildId: string, proposalId: number, eventId: number): { voterKey: string | null; userId: string | null }[] {
      return changedSinceStatement.all({ guildId, proposalId, eventId });
    },

    currentVotes,
    firstBallots,
    sortedReasons,
    replayVotes,
  };
}
