// A decision on an agenda item is stored as a sentence by key; rows written before that keep their English text.
import { describe, expect, it } from 'vitest';
import { decisionOf, storedDecision } from '../../../src/meetings/agenda-decision.rules.js';

describe('agenda item decisions', () => {
  it('come back as the sentence by key they were stored as', () => {
    const decision = { key: 'proposals.agendaDecision.closed', values: { outcome: 'passed', number: 4, yes: 3, no: 1, abstain: 0, block: 0, withBlock: 'no' } };
    expect(decisionOf(storedDecision(decision))).toEqual(decision);
  });

  it('show older English text as written, and nothing when there is none', () => {
    expect(decisionOf('Passed (proposal #1: 1 yes, 0 no, 0 abstain)')).toBe('Passed (proposal #1: 1 yes, 0 no, 0 abstain)');
    expect(decisionOf('{not json')).toBe('{not json');
    expect(decisionOf('{"no":"key"}')).toBe('{"no":"key"}');
    expect(decisionOf(null)).toBeNull();
  });
});
