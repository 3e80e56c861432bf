// Table tests for the four decision rules, quorum and ties: the result must be right in every corner.
import { describe, expect, it } from 'vitest';
import { choiceForEmoji, choicesFor, countChoices, decide, quorumNeeded, type FrozenRule } from '../../../src/proposals/tally.rules.js';

const rule = (r: FrozenRule['rule'], quorum: number | null = null, num = 2, den = 3): FrozenRule => ({ rule: r, quorum, thresholdNum: num, thresholdDen: den });
const c = (yes: number, no: number, abstain = 0, block = 0) => ({ yes, no, abstain, block });

describe('decide', () => {
  const cases: [string, FrozenRule, ReturnType<typeof c>, number, string][] = [
    // majority
    ['majority passes when yes > no', rule('majority'), c(3, 2), 10, 'passed'],
    ['majority fails on a tie', rule('majority'), c(2, 2), 10, 'failed'],
    ['majority fails when no > yes', rule('majority'), c(1, 2), 10, 'failed'],
    ['majority fails with no votes at all', rule('majority'), c(0, 0), 10, 'failed'],
    ['majority ignores abstentions in the comparison', rule('majority'), c(1, 0, 5), 10, 'passed'],
    ['majority: no quorum when too few voted', rule('majority', 50), c(3, 1), 10, 'no_quorum'],
    ['majority: quorum met exactly at the share', rule('majority', 50), c(3, 2), 10, 'passed'],
    ['majority: abstentions count toward quorum', rule('majority', 50), c(1, 0, 4), 10, 'passed'],
    ['majority: tie with quorum met still fails', rule('majority', 40), c(2, 2), 10, 'failed'],
    // supermajority
    ['supermajority passes at exactly 2/3', rule('supermajority'), c(2, 1), 10, 'passed'],
    ['supermajority fails just under 2/3', rule('supermajority'), c(65, 34), 200, 'failed'],
    ['supermajority passes at 66 of 99 (exactly 2/3)', rule('supermajority'), c(66, 33), 200, 'passed'],
    ['supermajority fails on a tie', rule('supermajority', null, 1, 2 + 0), c(2, 2), 10, 'failed'],
    ['supermajority fails with no yes/no votes', rule('supermajority'), c(0, 0, 3), 10, 'failed'],
    ['supermajority with a 3/4 threshold fails at 2/3', rule('supermajority', null, 3, 4), c(2, 1), 10, 'failed'],
    ['supermajority with a 75% threshold passes at 3 of 4', rule('supermajority', null, 75, 100), c(3, 1), 10, 'passed'],
    ['supermajority: no quorum wins over the count', rule('supermajority', 60), c(5, 0), 10, 'no_quorum'],
    // consensus
    ['consensus passes with quorum, no block and a yes', rule('consensus', 50), c(3, 1, 1), 10, 'passed'],
    ['consensus fails with one block', rule('consensus', 50), c(4, 0, 0, 1), 10, 'failed'],
    ['consensus fails without any yes', rule('consensus', 50), c(0, 0, 5), 10, 'failed'],
    ['consensus: no quorum', rule('consensus', 50), c(4, 0), 10, 'no_quorum'],
    ['consensus without a quorum set passes on one yes', rule('consensus'), c(1, 0), 10, 'passed'],
    ['consensus passes even when no outnumbers yes (no is not a block)', rule('consensus'), c(1, 3), 10, 'passed'],
    // consent
    ['consent passes with no votes and no quorum', rule('consent'), c(0, 0), 10, 'passed'],
    ['consent fails on a block', rule('consent'), c(5, 0, 0, 1), 10, 'failed'],
    ['consent passes on only abstentions', rule('consent'), c(0, 0, 2), 10, 'passed'],
    ['consent with a quorum: no quorum', rule('consent', 30), c(2, 0), 10, 'no_quorum'],
    ['consent with a quorum met passes', rule('consent', 30), c(2, 0, 1), 10, 'passed'],
    ['consent with a quorum met but a block fails', rule('consent', 30), c(2, 0, 0, 1), 10, 'failed'],
    // quorum edges
    ['quorum 100 needs everyone', rule('majority', 100), c(9, 0), 10, 'no_quorum'],
    ['quorum 100 met when everyone voted', rule('majority', 100), c(9, 0, 1), 10, 'passed'],
    ['quorum 0 is no quorum', rule('majority', 0), c(1, 0), 10, 'passed'],
    ['quorum rounds up: 34% of 3 needs 2 voters', rule('majority', 34), c(1, 0), 3, 'no_quorum'],
  ];
  it.each(cases)('%s', (_name, r, counts, eligible, outcome) => {
    expect(decide(r, counts, eligible).outcome).toBe(outcome);
  });

  it('reports voters, the quorum needed and whether it is met', () => {
    const tally = decide(rule('majority', 50), c(2, 1, 1, 0), 9);
    expect(tally).toMatchObject({ voted: 4, eligible: 9, quorumNeeded: 5, quorumMet: false, outcome: 'no_quorum' });
  });
});

describe('quorumNeeded', () => {
  it.each([
    [null, 10, 0],
    [50, 10, 5],
    [50, 11, 6],
    [33, 3, 1],
    [67, 3, 3],
    [100, 7, 7],
  ] as const)('quorum %s%% of %s eligible needs %s voters', (quorum, eligible, needed) => {
    expect(quorumNeeded(quorum, eligible)).toBe(needed);
  });
});

describe('choices and emoji', () => {
  it('offers block only under consensus and consent', () => {
    expect(choicesFor('majority')).not.toContain('block');
    expect(choicesFor('supermajority')).not.toContain('block');
    expect(choicesFor('consensus')).toContain('block');
    expect(choicesFor('consent')).toContain('block');
  });
  it('maps the voting emoji (with or without a variation selector) and nothing else', () => {
    expect(choiceForEmoji('✅')).toBe('yes');
    expect(choiceForEmoji('❌')).toBe('no');
    expect(choiceForEmoji('➖')).toBe('abstain');
    expect(choiceForEmoji('🛑')).toBe('block');
    expect(choiceForEmoji('🛑\uFE0F')).toBe('block');
    expect(choiceForEmoji('👍')).toBeNull();
    expect(choiceForEmoji(null)).toBeNull();
  });
  it('counts choices', () => {
    expect(countChoices(['yes', 'yes', 'no', 'block', 'abstain'])).toEqual(c(2, 1, 1, 1));
  });
});
