// Opening, withdrawing and closing proposals: frozen rules, fixed electorate, durable deadlines, clear errors.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/shared/clock.js';
import type { AgendaPort } from '../../../src/proposals/ports.js';
import { actor, basic, BOARD, G1, G2, members, organizer, people, setup } from './setup.js';
import { englishError } from '../../support/english.js';
import { sayIn, sayRef } from '../../../src/i18n/translate.js';

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    return (error as { problems?: { field: string }[] }).problems?.map((p) => p.field) ?? [String(error)];
  }
  return [];
}

describe('opening a proposal', () => {
  it('freezes the type’s rule, quorum and deadline and fixes the eligible voters', () => {
    const { services, clock } = setup();
    services.rules.set(organizer(), { type: 'spending', rule: 'supermajority', threshold: '3/4', quorum: 50, period: '3d' });
    const p = services.proposals.create(actor(members[0]), { ...basic, type: 'spending' }, people);
    expect(p).toMatchObject({ number: 1, rule: 'supermajority', thresholdNum: 3, thresholdDen: 4, quorum: 50, eligible: 5, status: 'open' });
    expect(p.closesAt).toBe(clock.now().getTime() + 3 * DAY);
    services.rules.set(organizer(), { type: 'spending', rule: 'consent', quorum: 10 });
    expect(services.proposals.get(G1, p.id)).toMatchObject({ rule: 'supermajority', quorum: 50 });
  });

  it('schedules the close at the deadline and a reminder 24 hours before', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), { ...basic, closes: '3d' }, people);
    expect(services.jobs.byKey(`proposal-close:${p.id}`)).toMatchObject({ kind: 'proposal-close', dueAt: p.closesAt, status: 'pending' });
    expect(services.jobs.byKey(`proposal-reminder:${p.id}`)).toMatchObject({ dueAt: p.closesAt - DAY, expiresAt: p.closesAt });
  });

  it('skips the reminder when the vote is shorter than a day', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), { ...basic, closes: '12h' }, people);
    expect(services.jobs.byKey(`proposal-reminder:${p.id}`)).toBeNull();
  });

  it('numbers proposals per alliance', () => {
    const { services } = setup();
    services.proposals.create(actor(members[0]), basic, people);
    const second = services.proposals.create(actor(members[0]), basic, people);
    const other = services.proposals.create(actor(members[0], G2), basic, people);
    expect([second.number, other.number]).toEqual([2, 1]);
  });

  it('limits voters to role holders when voters is role', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), { ...basic, voters: 'role', voterRoleId: BOARD }, people);
    expect(p.eligible).toBe(2);
    expect(englishError(() => services.votes.vote(actor(members[3]), { proposalId: p.id, choice: 'yes' }))).toMatch(/not among the eligible voters/);
  });

  it('gives each approved space one vote, cast by any host present in the server', () => {
    const spaces = { approvedSpaces: () => [
      { id: 1, name: 'Hive', hostUserIds: [members[0], members[1]] },
      { id: 2, name: 'Loft', hostUserIds: [members[2], '999999999999999999'] },
    ] };
    const { services } = setup({ spaces });
    const p = services.proposals.create(actor(members[0]), { ...basic, voters: 'spaces' }, people);
    expect(p.eligible).toBe(2);
    expect(englishError(() => services.votes.vote(actor('999999999999999999'), { proposalId: p.id, choice: 'yes' }))).toMatch(/not among/);
  });

  it('refuses voters=spaces while the directory is not wired', () => {
    const { services } = setup();
    expect(fields(() => services.proposals.create(actor(members[0]), { ...basic, voters: 'spaces' }, people))).toEqual(['voters']);
  });

  it('refuses a proposal no one could vote on', () => {
    const { services } = setup();
    expect(fields(() => services.proposals.create(actor(members[0]), { ...basic, voters: 'role', voterRoleId: '777777777777777777' }, people))).toEqual(['voters']);
  });

  it.each([
    [{ closes: '2020-01-01 10:00' }, ['closes']],
    [{ closes: '100d' }, ['closes']],
    [{ quorum: 101 }, ['quorum']],
    [{ quorum: -5 }, ['quorum']],
    [{ rule: 'dictatorship' }, ['rule']],
    [{ title: 'x'.repeat(151) }, ['title']],
    [{ summary: 'x'.repeat(1001) }, ['summary']],
    [{ need: 'x'.repeat(1001), measure: 'y'.repeat(1001) }, ['need', 'measure']],
    [{ voters: 'role' }, ['voter-role']],
    [{ fromItemId: 12 }, ['from-item']],
  ])('refuses bad input %j, naming the field, and stores nothing', (extra, expected) => {
    const { services } = setup();
    expect(fields(() => services.proposals.create(actor(members[0]), { ...basic, ...(extra as object) }, people))).toEqual(expected);
    expect(services.proposals.list(G1, 'open').total).toBe(0);
    expect(services.jobs.list(G1)).toHaveLength(0);
  });

  it('needs a proposals channel', () => {
    const { services } = setup();
    expect(fields(() => services.proposals.plan(actor(members[0], '900000000000000009'), basic))).toEqual(['proposals-channel']);
  });

  it('lets authors override the rule only where the type’s rules allow it', () => {
    const { services } = setup();
    services.rules.set(organizer(), { type: 'admission', rule: 'consensus', quorum: 50, period: '7d', allowOverride: false });
    const author = actor(members[0]);
    expect(fields(() => services.proposals.plan(author, { ...basic, type: 'admission', rule: 'majority', quorum: 10 }))).toEqual(['rule', 'quorum']);
    expect(fields(() => services.proposals.plan(author, { ...basic, type: 'admission', closes: '2d' }))).toEqual(['closes']);
    expect(services.proposals.plan(author, { ...basic, type: 'admission', closes: '10d' }).closesAt).toBeGreaterThan(0);
    // Restating the type's own values is not an override.
    expect(services.proposals.plan(author, { ...basic, type: 'admission', rule: 'consensus', quorum: 50 }).rule).toBe('consensus');
    // The built-in default allows overrides.
    expect(services.proposals.plan(author, { ...basic, type: 'dues', rule: 'consent', quorum: 0 })).toMatchObject({ rule: 'consent', quorum: null });
  });
});

describe('withdrawing', () => {
  it('lets the author withdraw before any vote and cancels the deadline', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), basic, people);
    const result = services.proposals.withdraw(actor(members[0]), p.id);
    expect(result.proposal.status).toBe('withdrawn');
    expect(services.jobs.byKey(`proposal-close:${p.id}`)?.status).toBe('cancelled');
  });

  it('after a vote only an organizer can withdraw', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), basic, people);
    services.votes.vote(actor(members[1]), { proposalId: p.id, choice: 'no' });
    expect(englishError(() => services.proposals.withdraw(actor(members[0]), p.id))).toMatch(/only an organizer/);
    expect(services.proposals.withdraw(organizer(), p.id).proposal.status).toBe('withdrawn');
  });

  it('refuses someone else’s proposal and one already closed', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), basic, people);
    expect(englishError(() => services.proposals.withdraw(actor(members[1]), p.id))).toMatch(/Only the author or an organizer/);
    services.proposals.close(G1, p.id, organizer());
    expect(englishError(() => services.proposals.withdraw(organizer(), p.id))).toMatch(/already closed/);
  });
});

describe('closing', () => {
  it('at the deadline freezes the counts and the outcome', () => {
    const { services, clock } = setup();
    const p = services.proposals.create(actor(members[0]), { ...basic, closes: '2d' }, people);
    services.votes.vote(actor(members[0]), { proposalId: p.id, choice: 'yes' });
    services.votes.vote(actor(members[1]), { proposalId: p.id, choice: 'yes' });
    services.votes.vote(actor(members[2]), { proposalId: p.id, choice: 'no' });
    expect(englishError(() => services.proposals.close(G1, p.id, null))).toMatch(/not due/);
    clock.advance(2 * DAY);
    const closed = services.proposals.close(G1, p.id, null);
    expect(closed.proposal).toMatchObject({ status: 'closed', outcome: 'passed', closedBy: null, tally: { counts: { yes: 2, no: 1, abstain: 0, block: 0 } } });
    expect(closed.announcementsChannelId).toBe('600000000000000001');
  });

  it('early only by an organizer, and cancels the deadline and reminder jobs', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), basic, people);
    expect(englishError(() => services.proposals.close(G1, p.id, actor(members[0])))).toMatch(/Only organizers/);
    services.proposals.close(G1, p.id, organizer());
    expect(services.jobs.byKey(`proposal-close:${p.id}`)?.status).toBe('cancelled');
    expect(services.jobs.byKey(`proposal-reminder:${p.id}`)?.status).toBe('cancelled');
  });

  it('a closed proposal never changes: no votes, no second close', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), basic, people);
    services.votes.vote(actor(members[1]), { proposalId: p.id, choice: 'yes' });
    services.proposals.close(G1, p.id, organizer());
    expect(englishError(() => services.votes.vote(actor(members[2]), { proposalId: p.id, choice: 'no' }))).toMatch(/over/);
    expect(englishError(() => services.proposals.close(G1, p.id, organizer()))).toMatch(/already closed/);
    expect(services.votes.memberLeft(G1, members[1])).toEqual([]);
    expect(services.proposals.get(G1, p.id).tally?.counts.yes).toBe(1);
  });

  it('writes the outcome back onto the agenda item it came from', () => {
    const recorded: string[] = [];
    const agenda: AgendaPort = {
      agendaItemsForProposal: () => [{ id: 7, label: 'Printer' }],
      agendaItem: (_g, id) => (id === 7 ? { id: 7, topic: 'Printer', meetingId: 1, meetingTitle: 'November' } : null),
      recordItemDecision: (_g, id, decision) => void recorded.push(`${id}: ${sayRef(sayIn('en'), decision)}`),
    };
    const { services } = setup({ agenda });
    const p = services.proposals.create(actor(members[0]), { ...basic, fromItemId: 7 }, people);
    services.votes.vote(actor(members[1]), { proposalId: p.id, choice: 'yes' });
    expect(services.proposals.close(G1, p.id, organizer()).agendaUpdated).toBe(true);
    expect(recorded).toEqual(['7: Passed (proposal #1: 1 yes, 0 no, 0 abstain)']);
    const withdrawn = services.proposals.create(actor(members[0]), { ...basic, fromItemId: 7 }, people);
    services.proposals.withdraw(organizer(), withdrawn.id);
    expect(recorded[1]).toBe('7: Proposal #2 withdrawn');
  });

  it('a secret ballot keeps only anonymous counts once closed', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), { ...basic, anonymous: true }, people);
    services.votes.voteByButton(actor(members[1]), { proposalId: p.id, choice: 'yes', reason: 'Needed' });
    services.votes.voteByButton(actor(members[2]), { proposalId: p.id, choice: 'no' });
    services.proposals.close(G1, p.id, organizer());
    const ballots = services.votes.ballots(G1, p.id);
    expect(ballots).toMatchObject({ voters: null, reasons: ['Needed'] });
    expect(services.proposals.get(G1, p.id).tally?.counts).toEqual({ yes: 1, no: 1, abstain: 0, block: 0 });
  });
});

describe('reading', () => {
  it('lists open proposals by deadline and closed ones, per alliance', () => {
    const { services } = setup();
    const late = services.proposals.create(actor(members[0]), { ...basic, title: 'Late', closes: '10d' }, people);
    const soon = services.proposals.create(actor(members[0]), { ...basic, title: 'Soon', closes: '2d' }, people);
    services.proposals.create(actor(members[0], G2), basic, people);
    expect(services.proposals.list(G1, 'open').items.map((p) => p.id)).toEqual([soon.id, late.id]);
    services.proposals.close(G1, late.id, organizer());
    expect(services.proposals.list(G1, 'closed')).toMatchObject({ total: 1, items: [{ id: late.id }] });
    expect(services.proposals.search(G1, 'soo').map((s) => [s.number, s.title, s.status])).toEqual([[2, 'Soon', 'open']]);
    expect(services.proposals.search(G1, '#1').map((s) => [s.number, s.title, s.status])).toEqual([[1, 'Late', 'closed']]);
    expect(englishError(() => services.proposals.get(G2, soon.id))).toMatch(/no proposal/);
  });

  it('hides the tally of a hide-results proposal until it closes, but shows how many voted', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), { ...basic, hideResults: true }, people);
    services.votes.vote(actor(members[1]), { proposalId: p.id, choice: 'yes' });
    expect(services.proposals.get(G1, p.id)).toMatchObject({ voted: 1, tally: null });
    expect(services.votes.ballots(G1, p.id).voters).toBeNull();
    services.proposals.close(G1, p.id, organizer());
    expect(services.proposals.get(G1, p.id).tally?.counts.yes).toBe(1);
  });

  it('finds a proposal by its message only within the alliance', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), basic, people);
    services.proposals.attachMessage(G1, p.id, { channelId: '1', messageId: '700000000000000001', threadId: null });
    expect(services.proposals.byMessage(G1, '700000000000000001')?.id).toBe(p.id);
    expect(services.proposals.byMessage(G2, '700000000000000001')).toBeNull();
  });

  it('abandons a proposal whose post failed, with its jobs', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), basic, people);
    services.proposals.abandon(G1, p.id);
    expect(services.proposals.list(G1, 'open').total).toBe(0);
    expect(services.jobs.byKey(`proposal-close:${p.id}`)?.status).toBe('cancelled');
  });
});
