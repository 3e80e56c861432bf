// Pure vote counting and the four decision rules: the heart of "every vote counts once and the result is right".
import type { Choice, Outcome, RuleKind } from '../db/schema/index.js';

export interface Counts {
  yes: number;
  no: number;
  abstain: number;
  block: number;
}

/** The rule as frozen on a proposal when it opened. */
export interface FrozenRule {
  rule: RuleKind;
  thresholdNum: number;
  thresholdDen: number;
  /** Percent 0-100 of eligible voters who must vote; null: no quorum. */
  quorum: number | null;
}

export interface Tally {
  counts: Counts;
  /** Voters with a current vote (abstain and block included). */
  voted: number;
  eligible: number;
  /** Votes needed to reach the quorum (0 without one). */
  quorumNeeded: number;
  quorumMet: boolean;
  /** What the result would be if the proposal closed now. */
  outcome: Outcome;
}

export function emptyCounts(): Counts {
  return { yes: 0, no: 0, abstain: 0, block: 0 };
}

export function countChoices(choices: Iterable<Choice>): Counts {
  const counts = emptyCounts();
  for (const choice of choices) counts[choice] += 1;
  return counts;
}

/** Smallest number of voters that meets `quorum` percent of `eligible` (integer math: no rounding surprises). */
export function quorumNeeded(quorum: number | null, eligible: number): number {
  if (quorum === null || quorum <= 0) return 0;
  return Math.ceil((quorum * eligible) / 100);
}

/** Whether yes reaches the supermajority share of yes+no: yes/(yes+no) ≥ num/den, compared without division. */
export function meetsThreshold(counts: Counts, num: number, den: number): boolean {
  return counts.yes * den >= num * (counts.yes + counts.no);
}

export function decide(rule: FrozenRule, counts: Counts, eligible: number): Tally {
  const voted = counts.yes + counts.no + counts.abstain + counts.block;
  const needed = quorumNeeded(rule.quorum, eligible);
  const quorumMet = voted >= needed;
  let outcome: Outcome;
  if (!quorumMet) {
    outcome = 'no_quorum';
  } else {
    switch (rule.rule) {
      case 'majority':
        // A tie fails: yes must be strictly more than no.
        outcome = counts.yes > counts.no ? 'passed' : 'failed';
        break;
      case 'supermajority':
        outcome = counts.yes > counts.no && meetsThreshold(counts, rule.thresholdNum, rule.thresholdDen) ? 'passed' : 'failed';
        break;
      case 'consensus':
        outcome = counts.block === 0 && counts.yes >= 1 ? 'passed' : 'failed';
        break;
      case 'consent':
        outcome = counts.block === 0 ? 'passed' : 'failed';
        break;
    }
  }
  return { counts, voted, eligible, quorumNeeded: needed, quorumMet, outcome };
}

/** Which choices a rule offers: block only where one objection can stop a decision. */
export function choicesFor(rule: RuleKind): readonly Choice[] {
  return rule === 'consensus' || rule === 'consent' ? ['yes', 'no', 'abstain', 'block'] : ['yes', 'no', 'abstain'];
}

export const CHOICE_EMOJI: Record<Choice, string> = { yes: '✅', no: '❌', abstain: '➖', block: '🛑' };

export function choiceForEmoji(emoji: string | null | undefined): Choice | null {
  for (const [choice, symbol] of Object.entries(CHOICE_EMOJI) as [Choice, string][]) {
    // Some clients send the emoji with a variation selector.
    if (emoji === symbol || emoji?.replace(/\uFE0F/g, '') === symbol.replace(/\uFE0F/g, '')) return choice;
  }
  return null;
}

export function formatFraction(num: number, den: number): string {
  if (den === 100) return `${num}%`;
  return `${num}/${den}`;
}

