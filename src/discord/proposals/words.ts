// The sentences of voting: why a proposal passed or failed, votes cast, ballot confirmations, the close
// confirmation and the block-needs-a-reason prompt (pure: domain data in, text out).
import { RULE_KINDS, type Choice, type RuleChange, type RuleKind } from '../../db/schema/index.js';
import type { ProposalView } from '../../proposals/proposals.views.js';
import { CHOICE_EMOJI, describeRule, formatFraction, type Tally } from '../../proposals/tally.rules.js';
import { timestamp } from '../format.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const votesCast = (n: number) => `${plural(n, 'vote', 'votes')} cast`;

/** Why the result is what it is, in words: "Failed: 2 of 3 yes is 67%, short of the 3/4 needed". */
export function outcomeReason(p: Pick<ProposalView, 'rule' | 'thresholdNum' | 'thresholdDen' | 'voters'>, tally: Tally): string {
  const { yes, no, block } = tally.counts;
  if (!tally.quorumMet) {
    const who = p.voters === 'spaces' ? 'spaces' : 'voters';
    return `No quorum: ${tally.voted} of ${tally.eligible} eligible ${who} voted, ${tally.quorumNeeded} needed.`;
  }
  const passed = tally.outcome === 'passed';
  switch (p.rule) {
    case 'majority':
      if (passed) return `Passed: ${yes} yes to ${no} no, more yes than no.`;
      return yes === no ? `Failed: ${yes} yes to ${no} no is a tie, and a tie fails.` : `Failed: ${yes} yes to ${no} no, not more yes than no.`;
    case 'supermajority': {
      const needed = formatFraction(p.thresholdNum, p.thresholdDen);
      if (yes + no === 0) return `Failed: no one voted yes or no, and ${needed} yes is needed.`;
      const share = `${yes} of ${yes + no} yes is ${Math.round((yes * 100) / (yes + no))}%`;
      return passed ? `Passed: ${share}, at least the ${needed} needed.` : `Failed: ${share}, short of the ${needed} needed.`;
    }
    case 'consensus':
      if (block > 0) return `Failed: ${plural(block, 'block', 'blocks')}; one block stops a consensus.`;
      return passed ? `Passed: no blocks and ${yes} yes.` : 'Failed: no one voted yes, and consensus needs at least one.';
    case 'consent':
      return block > 0 ? `Failed: ${plural(block, 'block', 'blocks')}; consent passes only when no one blocks.` : 'Passed: no one blocked.';
  }
}

const choiceText = (choice: Choice | null) => (choice ? `${CHOICE_EMOJI[choice]} ${choice}` : 'withdrawn');

/** The private answer to a ballot button or form. */
export function ballotConfirmation(p: Pick<ProposalView, 'number' | 'anonymous' | 'closesAt'>, changed: boolean, mine: Choice | null, reason: string | null): string {
  const head = `${changed ? 'Recorded' : 'Unchanged'}${p.anonymous ? ' (secret ballot)' : ''}: your vote on #${p.number} is ${choiceText(mine)}${reason ? ', with your reason' : ''}.`;
  const who = p.anonymous
    ? 'Only you can see this'
    : 'It is shown with your name after the close; until then only you can see it';
  return `${head} ${who}; you can change it until ${timestamp(p.closesAt, 'F')}.`;
}

export const commandVoteConfirmation = (number: number, changed: boolean, choice: Choice | null) =>
  `${changed ? 'Recorded' : 'Unchanged'}: your vote on #${number} is ${choiceText(choice)}.`;

/** Asked before an organizer closes a vote early. */
export function closeQuestion(p: Pick<ProposalView, 'number' | 'title' | 'closesAt' | 'voters' | 'eligible' | 'voted'>): string {
  const missing = Math.max(0, p.eligible - p.voted);
  const unit = p.voters === 'spaces' ? plural(missing, 'eligible space has', 'eligible spaces have') : plural(missing, 'eligible voter has', 'eligible voters have');
  const waiting = missing === 0 ? 'Everyone eligible has voted.' : `${unit} not voted yet.`;
  return `Close **#${p.number} ${p.title}** now, before its deadline ${timestamp(p.closesAt, 'F')}? ${waiting}`;
}

export const closeKept = (p: Pick<ProposalView, 'number' | 'status'>) =>
  p.status === 'open' ? `#${p.number} stays open until its deadline.` : `Nothing changed: #${p.number} is already ${p.status}.`;

export const closedNow = (p: Pick<ProposalView, 'number'>, outcomeLabel: string) => `Closed #${p.number}: **${outcomeLabel}**.`;

/** Posted when a 🛑 reaction arrives without a reason: the block counts once the member gives one. */
export const blockNeedsReason = (userId: string, number: number) =>
  `🛑 <@${userId}>, a block on #${number} needs a reason before it counts. I took the reaction off: press the button to give your reason (or use /proposal vote with choice block and a reason).`;

export const blockButtonNotYours = 'This button is for the member who wanted to block.';

/** The reason form: titles and labels (Discord: title ≤ 45, label ≤ 45). */
export const REASON_FORM = {
  title: 'Vote with a reason',
  blockTitle: 'Your reason for blocking',
  voteLabel: 'Your vote: yes, no, abstain or block',
  votePlaceholder: 'yes',
  reasonLabel: 'Your reason',
  blockReasonLabel: 'What would have to change?',
} as const;

export const voteFieldProblem = (offered: readonly string[]) => `vote must be one of ${offered.join(', ')}`;

/** The answer once a proposal is posted, with a link to vote. */
export const proposalOpened = (p: Pick<ProposalView, 'number' | 'closesAt' | 'guildId' | 'channelId' | 'messageId'>) =>
  `Proposal #${p.number} is open until ${timestamp(p.closesAt, 'F')}: ${messageLink(p)}`;

/** A link to the proposal's post, or nothing before it is posted. */
export function messageLink(p: Pick<ProposalView, 'guildId' | 'channelId' | 'messageId'>): string {
  return p.channelId && p.messageId ? `https://discord.com/channels/${p.guildId}/${p.channelId}/${p.messageId}` : '';
}

export const withdrew = (number: number) => `Withdrew #${number}.`;

export const remindersSet = (on: boolean) =>
  on ? '🔔 I will DM you 24 hours before a vote closes if you have not voted.' : '🔕 Vote reminders are off.';

const isRuleKind = (value: string): value is RuleKind => (RULE_KINDS as readonly string[]).includes(value);

/** The proposal that carries a rule change while the rules are locked. */
export function ruleChangeProposal(change: Extract<RuleChange, { kind: 'set' }>): { title: string; summary: string } {
  const rule = isRuleKind(change.rule) ? describeRule({ rule: change.rule, thresholdNum: change.thresholdNum, thresholdDen: change.thresholdDen }) : change.rule;
  return {
    title: `Change the ${change.scope} decision rule`,
    summary: `Rules are locked, so this change needs the alliance's approval: the ${change.scope} rule would become ${rule}.`,
  };
}

export const ruleChangeOpened = (number: number) => `🔒 Rules are locked, so I opened proposal #${number} for this change; it applies if it passes.`;

/** The 24-hour reminder in the proposal's thread. */
export const reminderInThread = (p: Pick<ProposalView, 'number' | 'title' | 'closesAt' | 'eligible' | 'voters'>, notVoted: number) =>
  `⏰ Voting on **#${p.number} ${p.title}** closes ${timestamp(p.closesAt, 'R')}: ${notVoted} of ${p.eligible} eligible ${p.voters === 'spaces' || p.voters === 'spaces-in-good-standing' ? 'spaces have' : 'voters have'} not voted yet.`;

/** The 24-hour reminder by DM to a member who has not voted. */
export function reminderDm(p: Pick<ProposalView, 'number' | 'title' | 'closesAt' | 'guildId' | 'channelId' | 'messageId'>): string {
  const link = messageLink(p);
  return `⏰ You have not voted on **#${p.number} ${p.title}** yet; voting closes ${timestamp(p.closesAt, 'F')}.${link ? ` ${link}` : ''}\n(Turn these off with /proposal reminders off.)`;
}

export const ruleSaved = (scope: string) => `✅ The ${scope} rule is saved.`;

export const rulesLocked = '🔒 Rules locked: a rule change is now a proposal of type general.';
