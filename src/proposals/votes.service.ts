// Voting use cases: cast, change and withdraw a vote (reaction, command, button), decide what to do with a
// reaction, reconcile after downtime, members who left, the tally, and the 24-hour reminder.
import { z } from 'zod';
import { CHOICES, type Choice, type VoteSource } from '../db/schema/index.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { conflict, forbidden, invalid, invalidFields, isDomainError, msg, notFound } from '../shared/errors.js';
import { issueProblem } from '../shared/validate.js';
import type { ProposalDraftsRepo } from './drafts.repo.js';
import type { CurrentVote, NewVoteEvent, ProposalRow, ProposalsRepo } from './proposals.repo.js';
import { toView, tallyOf, type ProposalView } from './proposals.views.js';
import { planReconcile, type PresentReaction } from './reconcile.rules.js';
import { choiceForEmoji, choicesFor, countChoices, type Counts, type Tally } from './tally.rules.js';

export const voteInputSchema = z.object({
  proposalId: z.number({ error: 'proposals.error.notAProposal' }).int('proposals.error.notAProposal').positive('proposals.error.notAProposal'),
  /** null withdraws the current vote. */
  choice: z.enum(CHOICES).nullable(),
  reason: z.string().trim().max(500).optional().transform((v) => v || undefined),
});

/** Secret ballots and hide-results proposals vote with buttons: reactions would show each choice as it is made. */
export const votesByButtons = (row: Pick<ProposalRow, 'anonymous' | 'hideResults'>) => row.anonymous || row.hideResults;

/** Under consensus and consent a block stops the decision, so it always comes with a reason (as Loomio asks). */
export const BLOCK_REASON_TEXT = msg('proposals.error.blockNeedsReason', { limit: 500 });
export type VoteInput = z.input<typeof voteInputSchema>;

export interface CastResult {
  proposalId: number;
  /** False when the vote was already exactly this (nothing stored). */
  changed: boolean;
  /** Older reactions the bot should take off the message (a replaced vote of the same member or space). */
  removeReactions: PresentReaction[];
}

export type ReactionDecision =
  | { kind: 'ignore' }
  | { kind: 'remove'; proposalId: number; reason: string }
  | { kind: 'recorded'; proposalId: number; removeReactions: PresentReaction[] }
  /** A 🛑 without a reason: the reaction comes off and the member is asked for the reason; then the block counts. */
  | { kind: 'needs_reason'; proposalId: number };

export interface ReconcileResult {
  proposalId: number;
  recorded: number;
  withdrawn: number;
  remove: PresentReaction[];
  /** Members whose 🛑 came off because a block needs a reason: they are asked for one. */
  askReason: string[];
}

export interface ReminderInfo {
  proposal: ProposalView;
  /** Eligible voters (members or spaces) without a vote yet. */
  notVoted: number;
  /** Members to DM: they have not voted (nor has their space) and turned reminders on. */
  dmUserIds: string[];
}

/** What `/proposal show` lists under a proposal. */
export interface Ballots {
  /** Null for a secret ballot, and while hide-results keeps an open proposal's votes secret. */
  voters: CurrentVote[] | null;
  reasons: string[];
  /** Reasons in all (more than `reasons` when limited). */
  reasonCount: number;
  /** Names of the spaces among `voters`, by voter key. */
  labels: Record<string, string>;
}

export interface VotesDeps {
  repo: ProposalsRepo;
  /** Forgotten with the member: a /proposal create form they never sent. */
  drafts: ProposalDraftsRepo;
  clock: Clock;
  transaction: <T>(work: () => T) => T;
}

export function createVotesService(deps: VotesDeps) {
  const { repo, clock } = deps;

  function mustGet(guildId: string, id: number): ProposalRow {
    const row = repo.get(guildId, id);
    if (!row) throw notFound(msg('proposals.error.notFound', { number: id }));
    return row;
  }

  function assertOpen(row: ProposalRow, now: number): void {
    if (row.status !== 'open') throw conflict(msg('proposals.error.votingOver', { number: row.number, status: row.status }));
    if (now >= row.closesAt) throw conflict(msg('proposals.error.votingClosedAtDeadline', { number: row.number }));
  }

  function cast(guildId: string, userId: string, input: VoteInput, source: VoteSource): CastResult {
    const parsed = voteInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path[0] === 'proposalId' ? 'proposal' : String(issue.path[0] ?? 'choice');
      throw invalidFields([issueProblem(issue, field)]);
    }
    const { proposalId, choice, reason } = parsed.data;
    const row = mustGet(guildId, proposalId);
    const now = clock.now().getTime();
    assertOpen(row, now);
    if (row.anonymous && source !== 'button') throw invalid('choice', msg('proposals.error.secretUseButtons'));
    if (row.hideResults && source === 'reaction') throw invalid('choice', msg('proposals.error.hiddenUseButtons'));
    if (!votesByButtons(row) && source === 'button') throw invalid('proposal', msg('proposals.error.notSecret'));
    if (choice && !choicesFor(row.rule).includes(choice)) {
      throw invalid('choice', msg('proposals.error.choiceNotOffered', { choice, rule: row.rule, choices: choicesFor(row.rule).join(', ') }));
    }
    if (choice === 'block' && !reason) throw invalid('reason', BLOCK_REASON_TEXT);
    const keys = repo.electorKeys(guildId, proposalId, userId);
    if (keys.length === 0) throw forbidden(msg('proposals.error.notEligible', { number: row.number }));

    const events: NewVoteEvent[] = [];
    const removeReactions: PresentReaction[] = [];
    for (const { voterKey } of keys) {
      const current = repo.currentVoteOf(guildId, proposalId, voterKey);
      if (choice === null) {
        // A reaction taken off withdraws only the vote it stands for (not a newer one that replaced it).
        if (!current || current.userId !== userId) continue;
        events.push({ voterKey, userId, choice: null, source, reason: null, at: now });
        continue;
      }
      if (current && current.userId === userId && current.choice === choice && (reason === undefined || reason === current.reason)) continue;
      events.push({ voterKey, userId, choice, source, reason: reason ?? null, at: now });
      if (current?.userId && current.source === 'reaction' && !(current.userId === userId && current.choice === choice)) {
        removeReactions.push({ userId: current.userId, choice: current.choice });
      }
    }
    if (events.length > 0) {
      deps.transaction(() => {
        if (keys.some((k) => k.leftAt !== null)) repo.markReturned(guildId, proposalId, userId);
        repo.appendVotes(guildId, proposalId, events);
      });
    }
    return { proposalId, changed: events.length > 0, removeReactions };
  }

  function withdrawReaction(guildId: string, proposalId: number, userId: string, choice: Choice): boolean {
    const keys = repo.electorKeys(guildId, proposalId, userId);
    const now = clock.now().getTime();
    const events: NewVoteEvent[] = [];
    for (const { voterKey } of keys) {
      const current = repo.currentVoteOf(guildId, proposalId, voterKey);
      if (current && current.userId === userId && current.choice === choice) {
        events.push({ voterKey, userId, choice: null, source: 'reaction', reason: null, at: now });
      }
    }
    repo.appendVotes(guildId, proposalId, events);
    return events.length > 0;
  }

  return {
    /** `/proposal vote` (and the withdraw choice). */
    vote(actor: Actor, input: VoteInput): CastResult {
      return cast(actor.guildId, actor.userId, input, 'command');
    },

    /** A ballot button: the member gets an ephemeral confirmation, nothing public. */
    voteByButton(actor: Actor, input: VoteInput): CastResult {
      return cast(actor.guildId, actor.userId, input, 'button');
    },

    /** The "vote with a reason" form: a ballot vote where the proposal votes with buttons, else like the command. */
    voteByForm(actor: Actor, input: VoteInput): CastResult {
      const row = repo.get(actor.guildId, Number(input.proposalId));
      return cast(actor.guildId, actor.userId, input, row && votesByButtons(row) ? 'button' : 'command');
    },

    /** What to do with a reaction someone added: record it as their vote, or take it off. */
    reactionAdded(event: { guildId: string; messageId: string; userId: string; emoji: string | null; isBot: boolean }): ReactionDecision {
      const row = repo.byMessage(event.guildId, event.messageId);
      if (!row) return { kind: 'ignore' };
      if (event.isBot) return { kind: 'remove', proposalId: row.id, reason: 'bots do not vote' };
      const choice = choiceForEmoji(event.emoji);
      if (!choice) return { kind: 'remove', proposalId: row.id, reason: 'not a voting reaction' };
      try {
        const result = cast(event.guildId, event.userId, { proposalId: row.id, choice }, 'reaction');
        return { kind: 'recorded', proposalId: row.id, removeReactions: result.removeReactions };
      } catch (error) {
        if (isDomainError(error) && choice === 'block' && error.problems[0]?.field === 'reason') return { kind: 'needs_reason', proposalId: row.id };
        if (isDomainError(error)) return { kind: 'remove', proposalId: row.id, reason: error.message };
        throw error;
      }
    },

    /** A reaction taken off withdraws the vote it stood for; anything else (e.g. the bot's own clean-up) is ignored. */
    reactionRemoved(event: { guildId: string; messageId: string; userId: string; emoji: string | null }): { kind: 'ignore' } | { kind: 'withdrawn'; proposalId: number } {
      const row = repo.byMessage(event.guildId, event.messageId);
      const choice = choiceForEmoji(event.emoji);
      if (!row || !choice || votesByButtons(row) || row.status !== 'open' || clock.now().getTime() >= row.closesAt) return { kind: 'ignore' };
      return withdrawReaction(event.guildId, row.id, event.userId, choice) ? { kind: 'withdrawn', proposalId: row.id } : { kind: 'ignore' };
    },

    /**
     * Brings stored votes in line with the reactions on the message (read after downtime). Runs before deadline
     * processing, so reactions present now count even if the deadline passed while the bot was away.
     */
    readMark(guildId: string, proposalId: number): number {
      return repo.lastEventId(guildId, proposalId);
    },

    /**
     * `mark` (from readMark, taken before the reactions were read) keeps a vote event that arrived during the read
     * from being undone by the older snapshot.
     */
    reconcile(guildId: string, proposalId: number, reactions: PresentReaction[], mark = Number.MAX_SAFE_INTEGER): ReconcileResult {
      const row = mustGet(guildId, proposalId);
      if (row.status !== 'open') return { proposalId, recorded: 0, withdrawn: 0, remove: [], askReason: [] };
      const electors = new Map<string, string[]>();
      for (const e of repo.electorsOf(guildId, proposalId)) {
        if (e.leftAt !== null) continue;
        electors.set(e.userId, [...(electors.get(e.userId) ?? []), e.voterKey]);
      }
      const current = new Map<string, CurrentVote>(repo.currentVotes(guildId, proposalId).map((v) => [v.voterKey, v]));
      const newer = repo.changedSince(guildId, proposalId, mark);
      const changed = {
        keys: new Set(newer.flatMap((e) => (e.voterKey ? [e.voterKey] : []))),
        users: new Set(newer.flatMap((e) => (e.userId ? [e.userId] : []))),
      };
      const plan = planReconcile({ electors, current, reactions, offered: choicesFor(row.rule), anonymous: votesByButtons(row), changed, needsReason: ['block'] });
      const now = clock.now().getTime();
      deps.transaction(() =>
        repo.appendVotes(guildId, proposalId, [
          ...plan.record.map((r) => ({ ...r, source: 'reaction' as const, reason: null, at: now })),
          ...plan.withdraw.map((w) => ({ ...w, choice: null, source: 'reaction' as const, reason: null, at: now })),
        ]),
      );
      return { proposalId, recorded: plan.record.length, withdrawn: plan.withdraw.length, remove: plan.remove, askReason: plan.askReason.map((r) => r.userId) };
    },

    /** A member left the server: their votes on open proposals stop counting. Returns the proposals affected. */
    memberLeft(guildId: string, userId: string): number[] {
      return repo.markLeft(guildId, userId, clock.now().getTime());
    },

    /**
     * Privacy: the member's votes stop counting on open proposals (as if they had left) and every vote they cast
     * becomes an anonymous pseudonym, so closed results stay verifiable as counts. Returns the open proposals touched.
     */
    forgetMember(guildId: string, userId: string): { openProposals: number[]; anonymizedProposals: number } {
      return deps.transaction(() => {
        const now = clock.now().getTime();
        const voted = repo.votedOn(guildId, userId);
        // On an open proposal the deleted vote is withdrawn in the log itself: once the voter is pseudonymized the
        // replay can no longer tell that it belonged to someone who left, so verify() would count it.
        for (const id of voted) {
          if (repo.get(guildId, id)?.status !== 'open') continue;
          const mine = repo.electorKeys(guildId, id, userId).map(({ voterKey }) => repo.currentVoteOf(guildId, id, voterKey)).filter((v) => v?.userId === userId);
          repo.appendVotes(guildId, id, mine.map((v) => ({ voterKey: v!.voterKey, userId, choice: null, source: v!.source, reason: null, at: now })));
        }
        const openProposals = repo.markLeft(guildId, userId, now);
        for (const id of voted) repo.eraseVoters(guildId, id, userId);
        repo.dropMember(guildId, userId);
        deps.drafts.forget(guildId, userId);
        return { openProposals, anonymizedProposals: voted.length };
      });
    },

    /** After downtime: everyone on an open proposal's electorate who is no longer a member has left. */
    syncMembers(guildId: string, presentUserIds: ReadonlySet<string>): number[] {
      const touched = new Set<number>();
      for (const row of repo.openIn(guildId)) {
        for (const e of repo.electorsOf(guildId, row.id)) {
          if (e.leftAt === null && !presentUserIds.has(e.userId)) repo.markLeft(guildId, e.userId, clock.now().getTime()).forEach((id) => touched.add(id));
        }
      }
      return [...touched];
    },

    tally(guildId: string, proposalId: number): Tally {
      return tallyOf(repo, mustGet(guildId, proposalId));
    },

    /**
     * The first `limit` current votes (oldest first) with who cast them, or only reasons for a secret ballot (sorted,
     * so their order gives nothing away; `reasonCount` says how many there are in all); `labels` names the spaces
     * among the votes returned. How many votes there are in all is the view's `voted`. Without `limit`, all of them.
     */
    ballots(guildId: string, proposalId: number, limit = -1): Ballots {
      const row = mustGet(guildId, proposalId);
      if (row.anonymous) {
        const { reasons, count } = repo.sortedReasons(guildId, proposalId, limit);
        return { voters: null, reasons, reasonCount: count, labels: {} };
      }
      if (row.hideResults && row.status === 'open') return { voters: null, reasons: [], reasonCount: 0, labels: {} };
      const labels: Record<string, string> = {};
      const voters = repo.firstBallots(guildId, proposalId, limit).map(({ label, ...vote }) => {
        if (label) labels[vote.voterKey] = label;
        return vote;
      });
      const reasons = voters.map((v) => v.reason).filter((r): r is string => !!r);
      return { voters, reasons, reasonCount: reasons.length, labels };
    },

    /**
     * Replays the event log and compares it with the stored current votes (and a closed proposal's frozen counts):
     * anyone can check that the result follows from the votes cast.
     */
    verify(guildId: string, proposalId: number): { consistent: boolean; replayed: Counts; stored: Counts } {
      const row = mustGet(guildId, proposalId);
      const replay = repo.replayVotes(guildId, proposalId);
      const replayed = countChoices(replay.map((v) => v.choice));
      const stored = tallyOf(repo, row).counts;
      const key = (v: CurrentVote) => `${v.voterKey}|${v.userId}|${v.choice}|${v.reason}`;
      const projection = repo.currentVotes(guildId, proposalId).map(key).sort();
      const sameVotes = row.status === 'closed' || JSON.stringify(projection) === JSON.stringify(replay.map(key).sort());
      const sameCounts = (Object.keys(replayed) as (keyof Counts)[]).every((k) => replayed[k] === stored[k]);
      return { consistent: sameVotes && sameCounts, replayed, stored };
    },

    /** The member's own vote (for the secret-ballot confirmation). */
    myVote(guildId: string, proposalId: number, userId: string): Choice | null {
      const keys = repo.electorKeys(guildId, proposalId, userId);
      for (const { voterKey } of keys) {
        const current = repo.currentVoteOf(guildId, proposalId, voterKey);
        if (current?.userId === userId) return current.choice;
      }
      return null;
    },

    setReminders(actor: Actor, enabled: boolean): boolean {
      repo.setReminderPref(actor.guildId, actor.userId, enabled);
      return enabled;
    },

    /** What the 24-hour reminder says; null when the proposal is no longer open or was already reminded. */
    reminder(guildId: string, proposalId: number): ReminderInfo | null {
      const row = repo.get(guildId, proposalId);
      if (!row || row.status !== 'open' || row.reminderSentAt !== null) return null;
      const votedKeys = new Set(repo.currentVotes(guildId, proposalId).map((v) => v.voterKey));
      const notVotedKeys = new Set(repo.voters(guildId, proposalId).map((v) => v.voterKey).filter((k) => !votedKeys.has(k)));
      const candidates = [
        ...new Set(repo.electorsOf(guildId, proposalId).filter((e) => e.leftAt === null && notVotedKeys.has(e.voterKey)).map((e) => e.userId)),
      ];
      const opted = repo.usersWithReminders(guildId, candidates);
      return { proposal: toView(repo, row), notVoted: notVotedKeys.size, dmUserIds: candidates.filter((id) => opted.has(id)) };
    },

    markReminderSent(guildId: string, proposalId: number): void {
      repo.update(guildId, proposalId, { reminderSentAt: clock.now().getTime() });
    },
  };
}

export type VotesService = ReturnType<typeof createVotesService>;
