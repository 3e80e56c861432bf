// The sentences of voting: why a proposal passed or failed, votes cast, ballot confirmations, the close
// confirmation and the block-needs-a-reason prompt (pure: domain data and a `say` in, text out).
import { RULE_KINDS, type Choice, type RuleChange, type RuleKind } from '../../db/schema/index.js';
import type { Say } from '../../i18n/translate.js';
import type { ProposalView } from '../../proposals/proposals.views.js';
import { CHOICE_EMOJI, type Tally } from '../../proposals/tally.rules.js';
import { timestamp } from '../format.js';

const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');

/** A supermajority threshold as people write it: 2/3, or a percentage in the reader's conventions (75 %). */
export const thresholdText = (say: Say, num: number, den: number) => (den === 100 ? say('proposals.threshold.percent', { share: num / 100 }) : `${num}/${den}`);

/** A rule in words: "Majority (yes > no; a tie fails)". */
export function describeRule(say: Say, rule: { rule: RuleKind; thresholdNum: number; thresholdDen: number }): string {
  if (rule.rule === 'supermajority') return say('proposals.rule.supermajority', { threshold: thresholdText(say, rule.thresholdNum, rule.thresholdDen) });
  return say(`proposals.rule.${rule.rule}`);
}

/** A vote period in words ("1 week", "48 hours"). */
export function durationText(say: Say, minutes: number): string {
  if (minutes % (7 * 24 * 60) === 0) return say('proposals.duration.weeks', { count: minutes / (7 * 24 * 60) });
  if (minutes % (24 * 60) === 0) return say('proposals.duration.days', { count: minutes / (24 * 60) });
  if (minutes % 60 === 0) return say('proposals.duration.hours', { count: minutes / 60 });
  return say('proposals.duration.minutes', { count: minutes });
}

/** A kind of decision or rule scope ("general", "default") as the reader's language names it. */
export const scopeName = (say: Say, scope: string) => say(`commands.rules.set.options.type.choices.${scope}`);
/** Who votes, as a choice value names it ("everyone", "spaces"). */
export const votersName = (say: Say, voters: string) => say(`commands.rules.set.options.voters.choices.${voters}`);
/** A choice as a word ("yes", "sí", "pour"). */
export const choiceWord = (say: Say, choice: Choice) => say(`proposals.choice.${choice}`);
export const outcomeLabel = (say: Say, outcome: NonNullable<ProposalView['outcome']>) => say(`proposals.outcomeLabel.${outcome}`);

export const votesCast = (say: Say, n: number) => say('proposals.votesCast', { count: n });

/** Why the result is what it is, in words: "Failed: 2 of 3 yes is 67%, short of the 3/4 needed". */
export function outcomeReason(say: Say, p: Pick<ProposalView, 'rule' | 'thresholdNum' | 'thresholdDen' | 'voters'>, tally: Tally): string {
  const { yes, no, block } = tally.counts;
  if (!tally.quorumMet) {
    return say('proposals.outcome.noQuorum', { voted: tally.voted, eligible: tally.eligible, needed: tally.quorumNeeded, who: p.voters === 'spaces' ? 'spaces' : 'voters' });
  }
  const passed = tally.outcome === 'passed';
  switch (p.rule) {
    case 'majority':
      if (passed) return say('proposals.outcome.majorityPassed', { yes, no });
      return yes === no ? say('proposals.outcome.majorityTie', { yes, no }) : say('proposals.outcome.majorityFailed', { yes, no });
    case 'supermajority': {
      const needed = thresholdText(say, p.thresholdNum, p.thresholdDen);
      if (yes + no === 0) return say('proposals.outcome.supermajorityNoVotes', { needed });
      const values = { yes, total: yes + no, share: Math.round((yes * 100) / (yes + no)) / 100, needed };
      return passed ? say('proposals.outcome.supermajorityPassed', values) : say('proposals.outcome.supermajorityFailed', values);
    }
    case 'consensus':
      if (block > 0) return say('proposals.outcome.consensusBlocked', { blocks: block });
      return passed ? say('proposals.outcome.consensusPassed', { yes }) : say('proposals.outcome.consensusNoYes');
    case 'consent':
      return block > 0 ? say('proposals.outcome.consentBlocked', { blocks: block }) : say('proposals.outcome.consentPassed');
  }
}

const choiceText = (say: Say, choice: Choice | null) => (choice ? `${CHOICE_EMOJI[choice]} ${choiceWord(say, choice)}` : say('proposals.choice.withdrawn'));

/** The private answer to a ballot button or form. */
export function ballotConfirmation(say: Say, p: Pick<ProposalView, 'number' | 'anonymous' | 'closesAt'>, changed: boolean, mine: Choice | null, reason: string | null): string {
  return say('proposals.ballot.confirmed', {
    changed: yesNo(changed),
    secret: yesNo(p.anonymous),
    number: p.number,
    vote: choiceText(say, mine),
    withReason: yesNo(Boolean(reason)),
    closes: timestamp(p.closesAt, 'F'),
  });
}

export const commandVoteConfirmation = (say: Say, number: number, changed: boolean, choice: Choice | null) =>
  say('proposals.vote.confirmed', { changed: yesNo(changed), number, vote: choiceText(say, choice) });

/** Asked before an organizer closes a vote early. */
export function closeQuestion(say: Say, p: Pick<ProposalView, 'number' | 'title' | 'closesAt' | 'voters' | 'eligible' | 'voted'>): string {
  const missing = Math.max(0, p.eligible - p.voted);
  return say('proposals.close.question', { number: p.number, title: p.title, closes: timestamp(p.closesAt, 'F'), missing, who: p.voters === 'spaces' ? 'spaces' : 'voters' });
}

export const closeKept = (say: Say, p: Pick<ProposalView, 'number' | 'status'>) =>
  p.status === 'open' ? say('proposals.close.kept', { number: p.number }) : say('proposals.close.alreadyDone', { number: p.number, status: p.status });

export const closedNow = (say: Say, p: Pick<ProposalView, 'number' | 'outcome'>) => say('proposals.close.done', { number: p.number, outcome: outcomeLabel(say, p.outcome ?? 'failed') });

/** Posted when a 🛑 reaction arrives without a reason: the block counts once the member gives one. */
export const blockNeedsReason = (say: Say, userId: string, number: number) => say('proposals.block.needsReason', { user: `<@${userId}>`, number });

/** The reason form's title and labels (Discord: title ≤ 45, label ≤ 45; test/discord/proposals-words.test.ts checks every language). */
export function reasonFormWords(say: Say) {
  return {
    title: say('proposals.reasonForm.title'),
    blockTitle: say('proposals.reasonForm.blockTitle'),
    voteLabel: say('proposals.reasonForm.voteLabel'),
    votePlaceholder: choiceWord(say, 'yes'),
    reasonLabel: say('proposals.reasonForm.reasonLabel'),
    blockReasonLabel: say('proposals.reasonForm.blockReasonLabel'),
  };
}

/** The answer once a proposal is posted, with a link to vote. */
export const proposalOpened = (say: Say, p: Pick<ProposalView, 'number' | 'closesAt' | 'guildId' | 'channelId' | 'messageId'>) =>
  say('proposals.opened', { number: p.number, closes: timestamp(p.closesAt, 'F'), link: messageLink(p) });

/** A link to the proposal's post, or nothing before it is posted. */
export function messageLink(p: Pick<ProposalView, 'guildId' | 'channelId' | 'messageId'>): string {
  return p.channelId && p.messageId ? `https://discord.com/channels/${p.guildId}/${p.channelId}/${p.messageId}` : '';
}

/** A proposal in autocomplete: "#3 Shared printer (closed)". */
export const proposalChoiceName = (say: Say, p: Pick<ProposalView, 'number' | 'title' | 'status'>) => say('proposals.choiceName', { number: p.number, title: p.title, status: p.status });

export const withdrew = (say: Say, number: number) => say('proposals.withdrew', { number });

export const remindersSet = (say: Say, on: boolean) => (on ? say('proposals.reminders.on') : say('proposals.reminders.off'));

const isRuleKind = (value: string): value is RuleKind => (RULE_KINDS as readonly string[]).includes(value);

/** The proposal that carries a rule change while the rules are locked (public: in the alliance's language). */
export function ruleChangeProposal(say: Say, change: Extract<RuleChange, { kind: 'set' }>): { title: string; summary: string } {
  const rule = isRuleKind(change.rule) ? describeRule(say, { rule: change.rule, thresholdNum: change.thresholdNum, thresholdDen: change.thresholdDen }) : change.rule;
  const scope = scopeName(say, change.scope);
  return { title: say('rules.change.title', { scope }), summary: say('rules.change.summary', { scope, rule }) };
}

export const ruleChangeOpened = (say: Say, number: number) => say('rules.change.opened', { number });

/** The 24-hour reminder in the proposal's thread. */
export const reminderInThread = (say: Say, p: Pick<ProposalView, 'number' | 'title' | 'closesAt' | 'eligible' | 'voters'>, notVoted: number) =>
  say('proposals.reminder.thread', {
    number: p.number,
    title: p.title,
    closes: timestamp(p.closesAt, 'R'),
    notVoted,
    eligible: p.eligible,
    who: p.voters === 'spaces' || p.voters === 'spaces-in-good-standing' ? 'spaces' : 'voters',
  });

/** The 24-hour reminder by DM to a member who has not voted. */
export function reminderDm(say: Say, p: Pick<ProposalView, 'number' | 'title' | 'closesAt' | 'guildId' | 'channelId' | 'messageId'>): string {
  const link = messageLink(p);
  return say('proposals.reminder.dm', { number: p.number, title: p.title, closes: timestamp(p.closesAt, 'F'), link: link ? ` ${link}` : '' });
}

export const ruleSaved = (say: Say, scope: string) => say('rules.saved', { scope: scopeName(say, scope) });

export const rulesLocked = (say: Say) => say('rules.locked');
