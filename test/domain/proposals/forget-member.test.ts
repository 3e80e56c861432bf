// Privacy for votes: forgetting a member keeps closed proposals' results as anonymous counts and takes their vote
// out of open proposals (as if they had left), with no row naming them left behind.
import { describe, expect, it } from 'vitest';
import { createProposalsRepo } from '../../../src/proposals/proposals.repo.js';
import { actor, basic, G1, G2, members, organizer, people, setup } from './setup.js';

const [ana, ben, cat] = members;

function twoProposals() {
  const ctx = setup();
  const closed = ctx.services.proposals.create(actor(ana), basic, people);
  const open = ctx.services.proposals.create(actor(ana), { ...basic, title: 'Shared coffee' }, people);
  ctx.services.proposals.attachMessage(G1, closed.id, { channelId: '1', messageId: '700000000000000001', threadId: null });
  ctx.services.proposals.attachMessage(G1, open.id, { channelId: '1', messageId: '700000000000000002', threadId: null });
  for (const [id, message] of [[closed.id, '700000000000000001'], [open.id, '700000000000000002']] as const) {
    for (const [userId, emoji] of [[ben, '✅'], [cat, '❌']] as const) ctx.services.votes.reactionAdded({ guildId: G1, messageId: message, userId, emoji, isBot: false });
  }
  ctx.services.votes.setReminders(actor(ben!), true);
  ctx.services.proposals.close(G1, closed.id, organizer());
  const other = ctx.services.proposals.create(actor(ana, G2), basic, people);
  return { ...ctx, closed, open, other };
}

const namingBen = (sqlite: import('better-sqlite3').Database) =>
  (sqlite.prepare("SELECT COUNT(*) AS n FROM proposal_votes WHERE user_id = ? OR voter_key = ?").get(ben, ben) as { n: number }).n +
  (sqlite.prepare('SELECT COUNT(*) AS n FROM proposal_ballots WHERE user_id = ? OR voter_key = ?').get(ben, ben) as { n: number }).n +
  (sqlite.prepare('SELECT COUNT(*) AS n FROM proposal_electors WHERE guild_id = ? AND user_id = ?').get(G1, ben) as { n: number }).n +
  (sqlite.prepare('SELECT COUNT(*) AS n FROM proposal_voters WHERE guild_id = ? AND voter_key = ?').get(G1, ben) as { n: number }).n +
  (sqlite.prepare('SELECT COUNT(*) AS n FROM proposal_reminder_prefs WHERE guild_id = ? AND user_id = ?').get(G1, ben) as { n: number }).n;

describe('forgetting a member in proposals', () => {
  it('keeps the closed result as anonymous counts and drops their vote from the open tally', () => {
    const { services, db, closed, open } = twoProposals();
    const before = services.votes.tally(G1, closed.id).counts;
    expect(services.votes.tally(G1, open.id).counts).toMatchObject({ yes: 1, no: 1 });
    services.votes.forgetMember(G1, ben!);
    expect(services.votes.tally(G1, closed.id).counts).toEqual(before);
    expect(services.votes.tally(G1, open.id).counts).toMatchObject({ yes: 0, no: 1 });
    expect(namingBen(db.sqlite)).toBe(0);
  });

  it('their reaction still on the open proposal does not bring the vote back on reconciliation', () => {
    const { services, open } = twoProposals();
    services.votes.forgetMember(G1, ben!);
    services.votes.reconcile(G1, open.id, [{ userId: ben!, choice: 'yes' }, { userId: cat!, choice: 'no' }]);
    expect(services.votes.tally(G1, open.id).counts).toMatchObject({ yes: 0, no: 1 });
  });

  it('leaves other alliances alone', () => {
    const { services, db, other } = twoProposals();
    const electors = () => createProposalsRepo(db.db).electorsOf(G2, other.id).length;
    const count = electors();
    services.votes.forgetMember(G1, ben!);
    expect(electors()).toBe(count);
  });
});

describe('results stay verifiable after a delete', () => {
  it('verify() of a proposal that was open when a voter deleted their data agrees with the stored tally', () => {
    const { services, open, closed } = twoProposals();
    services.votes.forgetMember(G1, ben!);
    expect(services.votes.verify(G1, open.id)).toMatchObject({ consistent: true, stored: { yes: 0, no: 1 } });
    expect(services.votes.verify(G1, closed.id).consistent).toBe(true);
    services.proposals.close(G1, open.id, organizer());
    expect(services.votes.verify(G1, open.id)).toMatchObject({ consistent: true, stored: { yes: 0, no: 1 } });
  });
});
