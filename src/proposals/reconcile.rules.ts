// Pure plan for bringing stored votes in line with the reactions on a proposal message after the bot was away.
import { CHOICES, type Choice } from '../db/schema/index.js';
import type { CurrentVote } from './proposals.repo.js';

export interface PresentReaction {
  userId: string;
  choice: Choice;
}

export interface ReconcileInput {
  /** userId → the voter keys that member may vote for (left members already removed). */
  electors: Map<string, string[]>;
  /** voterKey → current stored vote. */
  current: Map<string, CurrentVote>;
  reactions: PresentReaction[];
  offered: readonly Choice[];
  /** A ballot voted with buttons (secret or hide-results): no reaction is a vote there. */
  anonymous: boolean;
  /**
   * Voter keys and members with a vote event newer than the start of the read: the snapshot is stale for them,
   * so their stored votes and their reactions are left as the live events made them.
   */
  changed?: { keys: ReadonlySet<string>; users: ReadonlySet<string> };
  /** Choices a reaction alone cannot record (a block needs a reason): taken off, and the member asked for one. */
  needsReason?: readonly Choice[];
}

export interface ReconcilePlan {
  record: { voterKey: string; userId: string; choice: Choice }[];
  withdraw: { voterKey: string; userId: string }[];
  /** Reactions to take off the message: ineligible, not offered, or superseded. */
  remove: PresentReaction[];
  /** Members whose reaction needs a reason before it counts (it is in `remove` too). */
  askReason: PresentReaction[];
}

const order = (r: PresentReaction) => CHOICES.indexOf(r.choice);
const same = (a: PresentReaction, b: PresentReaction) => a.userId === b.userId && a.choice === b.choice;

/**
 * A reaction that differs from the stored vote was added while the bot was away, so it is the newer intent and
 * replaces the stored vote. If a voter added several, the order they were added in cannot be read back from
 * Discord: the first in ✅ ❌ ➖ 🛑 order is kept (and stays visible, so the member sees what counts).
 * A stored reaction vote whose reaction is gone is withdrawn; command and button votes have no reaction to lose.
 */
export function planReconcile(input: ReconcileInput): ReconcilePlan {
  const plan: ReconcilePlan = { record: [], withdraw: [], remove: [], askReason: [] };
  const needsReason = input.needsReason ?? [];
  const keep: PresentReaction[] = [];
  const byKey = new Map<string, PresentReaction[]>();
  const changedKeys = input.changed?.keys ?? new Set<string>();
  const changedUsers = input.changed?.users ?? new Set<string>();
  for (const reaction of input.reactions) {
    const keys = input.electors.get(reaction.userId);
    if (input.anonymous || !keys?.length || !input.offered.includes(reaction.choice)) continue;
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), reaction]);
  }
  const keysSeen = new Set([...byKey.keys(), ...input.current.keys()]);
  for (const key of keysSeen) {
    if (changedKeys.has(key)) continue;
    const present = byKey.get(key) ?? [];
    const stored = input.current.get(key);
    const storedReaction = stored?.userId ? { userId: stored.userId, choice: stored.choice } : null;
    const unreasoned = present.filter((r) => needsReason.includes(r.choice) && (!storedReaction || !same(r, storedReaction)));
    for (const r of unreasoned) if (!plan.askReason.some((a) => same(a, r))) plan.askReason.push(r);
    const newer = present.filter((r) => (!storedReaction || !same(r, storedReaction)) && !unreasoned.includes(r)).sort((a, b) => order(a) - order(b) || a.userId.localeCompare(b.userId));
    if (newer.length > 0) {
      const pick = newer[0]!;
      plan.record.push({ voterKey: key, userId: pick.userId, choice: pick.choice });
      keep.push(pick);
    } else if (stored && storedReaction && present.some((r) => same(r, storedReaction))) {
      keep.push(storedReaction);
    } else if (!input.anonymous && stored && stored.source === 'reaction' && stored.userId) {
      // Only on reaction ballots: on a ballot voted with buttons a reaction vote from before it did (a hide-results
      // proposal opened by an older version) stays counted while its public reaction is taken off.
      plan.withdraw.push({ voterKey: key, userId: stored.userId });
    }
  }
  const seen = new Set<string>();
  for (const reaction of input.reactions) {
    const id = `${reaction.userId}:${reaction.choice}`;
    if (seen.has(id) || keep.some((k) => same(k, reaction)) || changedUsers.has(reaction.userId)) continue;
    seen.add(id);
    plan.remove.push(reaction);
  }
  return plan;
}
