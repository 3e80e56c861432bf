// The decision register and its CSV export, and the monthly update section built from it.
import { describe, expect, it } from 'vitest';
import { createProposalsUpdateSection } from '../../../src/proposals/proposals.update-section.js';
import { DAY } from '../../../src/shared/clock.js';
import { actor, basic, G1, G2, members, organizer, people, setup } from './setup.js';
import { englishSection } from '../../support/english.js';

describe('decision register', () => {
  it('lists closed and withdrawn proposals, newest first, and only this alliance’s', () => {
    const { services, clock } = setup();
    const a = services.proposals.create(actor(members[0]), { ...basic, title: 'A' }, people);
    const b = services.proposals.create(actor(members[0]), { ...basic, title: 'B' }, people);
    services.proposals.create(actor(members[0]), { ...basic, title: 'Still open' }, people);
    services.proposals.create(actor(members[0], G2), basic, people);
    services.proposals.close(G1, a.id, organizer());
    clock.advance(1000);
    services.proposals.withdraw(actor(members[0]), b.id);
    expect(services.decisions.list(G1)).toMatchObject({ total: 2, items: [{ title: 'B', status: 'withdrawn' }, { title: 'A', status: 'closed' }] });
    expect(services.decisions.list(G2).total).toBe(0);
  });

  it('exports CSV with frozen counts, safe quoting and no formula injection', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), { ...basic, title: '=HYPERLINK("x"), "quoted"' }, people);
    services.votes.vote(actor(members[1]), { proposalId: p.id, choice: 'yes' });
    services.votes.vote(actor(members[2]), { proposalId: p.id, choice: 'no' });
    services.proposals.close(G1, p.id, organizer());
    const { csv, count } = services.decisions.exportCsv(G1);
    expect(count).toBe(1);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('number,title,type,status,outcome,rule,threshold,quorum_percent,eligible,voted,yes,no,abstain,block,opened_at,closes_at,closed_at,author_id,secret_ballot,summary');
    expect(row).toContain(`1,"'=HYPERLINK(""x""), ""quoted""",general,closed,failed,majority,,,5,2,1,1,0,0,2026-11-24T10:00:00.000Z`);
  });
});

describe('monthly update section', () => {
  it('shows last month’s decisions with results and the open proposals with deadlines', () => {
    const { services, clock } = setup();
    const from = clock.now().getTime();
    const p = services.proposals.create(actor(members[0]), { ...basic, title: 'Printer', closes: '2d' }, people);
    services.votes.vote(actor(members[1]), { proposalId: p.id, choice: 'yes' });
    const open = services.proposals.create(actor(members[0]), { ...basic, title: 'Garden', closes: '20d' }, people);
    clock.advance(2 * DAY);
    services.proposals.close(G1, p.id, null);
    const section = englishSection(createProposalsUpdateSection(services).build({ guildId: G1, from, to: from + 10 * DAY, aheadTo: from + 40 * DAY, now: from + 10 * DAY, timezone: 'UTC' }));
    expect(section).toEqual([
      { title: 'Decisions', lines: ['**#1 Printer**: Passed (1 yes, 0 no, 0 abstain; 1 of 5 voted)'] },
      { title: 'Open proposals: have your say', lines: [`**#2 Garden**: voting closes <t:${Math.floor(open.closesAt / 1000)}:F> (0 of 5 voted)`] },
    ]);
  });

  it('says nothing when there is nothing to say', () => {
    const { services } = setup();
    expect(createProposalsUpdateSection(services).build({ guildId: G1, from: 0, to: 1, aheadTo: 2, now: 1, timezone: 'UTC' })).toBeNull();
  });
});

describe('shell samples', () => {
  it('open a proposal with two votes under the alliance default rule, once', async () => {
    const { seedProposalsSamples } = await import('../../../src/shell/demo/proposals-samples.js');
    const { services } = setup();
    const demo = { guildId: G1, members: { olivia: '400000000000000000', marcus: members[0], priya: members[1], sam: members[2], lee: members[3] } };
    seedProposalsSamples(services, demo);
    seedProposalsSamples(services, demo);
    const open = services.proposals.list(G1, 'open');
    expect(open.total).toBe(1);
    expect(open.items[0]).toMatchObject({ rule: 'majority', quorum: 40, eligible: 5, voted: 2 });
  });
});
