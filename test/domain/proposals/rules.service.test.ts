// Decision rules per type: organizers set them, types inherit the default, locked rules need a proposal.
import { describe, expect, it } from 'vitest';
import { actor, G1, G2, members, organizer, people, setup } from './setup.js';
import { englishError } from '../../support/english.js';

describe('rules service', () => {
  it('shows the built-in default for every type until the alliance sets rules', () => {
    const { services } = setup();
    const overview = services.rules.show(G1);
    expect(overview.locked).toBe(false);
    expect(overview.rules).toHaveLength(7);
    expect(overview.rules.every((r) => r.rule === 'majority')).toBe(true);
    expect(overview.rules.filter((r) => r.inherited).map((r) => r.scope)).toEqual(['admission', 'dues', 'spending', 'policy', 'statement', 'general']);
  });

  it('lets an organizer set a type’s rule; other types keep the default', () => {
    const { services } = setup();
    const result = services.rules.set(organizer(), { type: 'policy', rule: 'supermajority', threshold: '3/4', quorum: 40, period: '5d' });
    expect(result).toMatchObject({ status: 'applied', rule: { scope: 'policy', rule: 'supermajority', thresholdNum: 3, thresholdDen: 4, quorum: 40, periodMinutes: 7200 } });
    expect(services.rules.forType(G1, 'policy').rule).toBe('supermajority');
    expect(services.rules.forType(G1, 'dues').rule).toBe('majority');
  });

  it('lets the alliance default cover types without their own rule', () => {
    const { services } = setup();
    services.rules.set(organizer(), { type: 'default', rule: 'consent', quorum: 20 });
    expect(services.rules.forType(G1, 'spending')).toMatchObject({ rule: 'consent', quorum: 20 });
    expect(services.rules.show(G1).rules.find((r) => r.scope === 'spending')).toMatchObject({ rule: 'consent', inherited: true });
  });

  it('keeps unchanged fields when an organizer changes one thing', () => {
    const { services } = setup();
    services.rules.set(organizer(), { type: 'dues', rule: 'consensus', quorum: 60 });
    services.rules.set(organizer(), { type: 'dues', period: '2w' });
    expect(services.rules.forType(G1, 'dues')).toMatchObject({ rule: 'consensus', quorum: 60, periodMinutes: 20160 });
  });

  it('refuses members who are not organizers', () => {
    const { services } = setup();
    expect(englishError(() => services.rules.set(actor(members[0]), { type: 'policy', rule: 'consent' }))).toMatch(/Only organizers/);
    expect(englishError(() => services.rules.lock(actor(members[0])))).toMatch(/Only organizers/);
  });

  it('names every wrong field at once and stores nothing', () => {
    const { services } = setup();
    try {
      services.rules.set(organizer(), { type: 'policy', threshold: '1/3', period: '200d', voters: 'role' });
      expect.unreachable();
    } catch (error) {
      expect((error as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual(['threshold', 'period', 'voter-role']);
    }
    expect(englishError(() => services.rules.set(organizer(), { type: 'policy', rule: 'dictator' as never }))).toMatch(/\*\*rule\*\* must be one of/);
    expect(englishError(() => services.rules.set(organizer(), { type: 'policy', quorum: 101 }))).toMatch(/between 0 and 100/);
    expect(englishError(() => services.rules.set(organizer(), { type: 'policy', quorum: -1 }))).toMatch(/between 0 and 100/);
    expect(services.rules.show(G1).rules.every((r) => r.rule === 'majority')).toBe(true);
  });

  it('keeps each alliance’s rules to itself', () => {
    const { services } = setup();
    services.rules.set(organizer(G1), { type: 'policy', rule: 'consensus' });
    services.rules.lock(organizer(G1));
    expect(services.rules.forType(G2, 'policy').rule).toBe('majority');
    expect(services.rules.isLocked(G2)).toBe(false);
  });

  it('once locked, a rule change becomes a general proposal that applies only if it passes', () => {
    const { services, clock } = setup();
    services.rules.lock(organizer());
    const result = services.rules.set(organizer(), { type: 'policy', rule: 'consent' });
    expect(result.status).toBe('needs-proposal');
    expect(services.rules.forType(G1, 'policy').rule).toBe('majority');
    if (result.status !== 'needs-proposal') return;
    const proposal = services.proposals.create(organizer(), { type: 'general', title: 'Policy decisions by consent', summary: 'Use consent for policy.', ruleChange: result.change }, people);
    services.votes.vote(actor(members[0]), { proposalId: proposal.id, choice: 'yes' });
    clock.advance(8 * 24 * 3600_000);
    services.proposals.close(G1, proposal.id, null);
    expect(services.rules.forType(G1, 'policy').rule).toBe('consent');
  });

  it('a failed rule-change proposal leaves the rules as they were', () => {
    const { services, clock } = setup();
    services.rules.lock(organizer());
    const result = services.rules.set(organizer(), { type: 'policy', rule: 'consent' });
    if (result.status !== 'needs-proposal') throw new Error('expected a proposal');
    const proposal = services.proposals.create(organizer(), { title: 'Consent for policy', summary: 'Use consent.', ruleChange: result.change }, people);
    services.votes.vote(actor(members[0]), { proposalId: proposal.id, choice: 'no' });
    clock.advance(8 * 24 * 3600_000);
    expect(services.proposals.close(G1, proposal.id, null).proposal.outcome).toBe('failed');
    expect(services.rules.forType(G1, 'policy').rule).toBe('majority');
  });
});
