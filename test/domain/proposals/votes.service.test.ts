// Votes: every vote counts once, replacement and withdrawal by reaction, eligibility, secret ballots,
// members who left, reconciliation after downtime and the 24-hour reminder.
import { describe, expect, it } from 'vitest';
import { createProposalsRepo } from '../../../src/proposals/proposals.repo.js';
import { DAY } from '../../../src/shared/clock.js';
import { actor, basic, G1, G2, members, organizer, people, setup } from './setup.js';
import { englishError } from '../../support/english.js';

const MSG = '700000000000000001';
const [ana, ben, cat, dan] = members;

function opened(options: Parameters<ReturnType<typeof setup>['services']['proposals']['create']>[1] = basic, extra: Parameters<typeof setup>[0] = {}) {
  const ctx = setup(extra);
  const p = ctx.services.proposals.create(actor(ana), options, people);
  ctx.services.proposals.attachMessage(G1, p.id, { channelId: '1', messageId: MSG, threadId: null });
  const react = (userId: string, emoji: string, isBot = false) => ctx.services.votes.reactionAdded({ guildId: G1, messageId: MSG, userId, emoji, isBot });
  const unreact = (userId: string, emoji: string) => ctx.services.votes.reactionRemoved({ guildId: G1, messageId: MSG, userId, emoji });
  const counts = () => ctx.services.votes.tally(G1, p.id).counts;
  return { ...ctx, p, react, unreact, counts, repo: createProposalsRepo(ctx.db.db) };
}

describe('voting by reaction', () => {
  it('a reaction is a vote', () => {
    const { react, counts } = opened();
    expect(react(ben, '✅')).toMatchObject({ kind: 'recorded', removeReactions: [] });
    expect(counts()).toEqual({ yes: 1, no: 0, abstain: 0, block: 0 });
  });

  it('another option replaces the vote and asks the bot to remove the older reaction', () => {
    const { react, counts } = opened();
    react(ben, '✅');
    expect(react(ben, '❌')).toMatchObject({ kind: 'recorded', removeReactions: [{ userId: ben, choice: 'yes' }] });
    expect(counts()).toEqual({ yes: 0, no: 1, abstain: 0, block: 0 });
  });

  it('the bot taking off the older reaction does not withdraw the new vote', () => {
    const { react, unreact, counts } = opened();
    react(ben, '✅');
    react(ben, '❌');
    expect(unreact(ben, '✅')).toEqual({ kind: 'ignore' });
    expect(counts().no).toBe(1);
  });

  it('removing the reaction withdraws the vote', () => {
    const { react, unreact, counts } = opened();
    react(ben, '➖');
    expect(unreact(ben, '➖')).toMatchObject({ kind: 'withdrawn' });
    expect(counts()).toEqual({ yes: 0, no: 0, abstain: 0, block: 0 });
  });

  it('the same reaction twice is stored once', () => {
    const { react, repo, p } = opened();
    react(ben, '✅');
    react(ben, '✅');
    expect(repo.events(G1, p.id)).toHaveLength(1);
  });

  it('reactions from bots, with other emoji, or from ineligible members are removed and not counted', () => {
    const { react, counts } = opened({ ...basic, voters: 'role', voterRoleId: '300000000000000003' });
    expect(react('800000000000000008', '✅', true)).toMatchObject({ kind: 'remove' });
    expect(react(ben, '👍')).toMatchObject({ kind: 'remove' });
    expect(react(cat, '✅')).toMatchObject({ kind: 'remove', reason: 'proposals.error.notEligible' });
    expect(counts().yes).toBe(0);
  });

  it('block is removed under majority; under consensus it counts only once a reason is given', () => {
    expect(opened().react(ben, '🛑')).toMatchObject({ kind: 'remove' });
    const consensus = opened({ ...basic, rule: 'consensus' });
    expect(consensus.react(ben, '🛑')).toMatchObject({ kind: 'needs_reason' });
    expect(consensus.counts().block).toBe(0);
    expect(englishError(() => consensus.services.votes.vote(actor(ben), { proposalId: consensus.p.id, choice: 'block' }))).toMatch(/A block needs a reason/);
    consensus.services.votes.voteByForm(actor(ben), { proposalId: consensus.p.id, choice: 'block', reason: 'We cannot afford it.' });
    expect(consensus.counts().block).toBe(1);
  });

  it('reconciliation takes off a 🛑 that has no reason and asks for one, but keeps a block given with a reason', () => {
    const { services, p, counts } = opened({ ...basic, rule: 'consent' });
    services.votes.vote(actor(cat), { proposalId: p.id, choice: 'block', reason: 'Too soon.' });
    const result = services.votes.reconcile(G1, p.id, [{ userId: ben, choice: 'block' }]);
    expect(result).toMatchObject({ recorded: 0, askReason: [ben], remove: [{ userId: ben, choice: 'block' }] });
    expect(counts()).toMatchObject({ block: 1 });
  });

  it('ignores reactions on messages that are not proposals', () => {
    const { services } = opened();
    expect(services.votes.reactionAdded({ guildId: G1, messageId: '123456789012345678', userId: ben, emoji: '✅', isBot: false })).toEqual({ kind: 'ignore' });
    expect(services.votes.reactionAdded({ guildId: G2, messageId: MSG, userId: ben, emoji: '✅', isBot: false })).toEqual({ kind: 'ignore' });
  });

  it('a reaction on a closed or withdrawn proposal, or after the deadline, is removed and nothing is stored', () => {
    const closed = opened();
    closed.services.proposals.close(G1, closed.p.id, organizer());
    expect(closed.react(ben, '✅')).toMatchObject({ kind: 'remove' });
    expect(closed.repo.events(G1, closed.p.id)).toHaveLength(0);

    const late = opened({ ...basic, closes: '1d' });
    late.clock.advance(DAY);
    expect(late.react(ben, '✅')).toMatchObject({ kind: 'remove', reason: 'proposals.error.votingClosedAtDeadline' });

    const withdrawn = opened();
    withdrawn.services.proposals.withdraw(actor(ana), withdrawn.p.id);
    expect(withdrawn.react(ben, '✅')).toMatchObject({ kind: 'remove' });
    expect(withdrawn.repo.events(G1, withdrawn.p.id)).toHaveLength(0);
  });
});

describe('voting by command and button', () => {
  it('records a command vote with its reason, replacing an earlier reaction vote', () => {
    const { react, services, p, counts } = opened();
    react(ben, '✅');
    const result = services.votes.vote(actor(ben), { proposalId: p.id, choice: 'no', reason: 'Too expensive' });
    expect(result).toMatchObject({ changed: true, removeReactions: [{ userId: ben, choice: 'yes' }] });
    expect(counts().no).toBe(1);
    expect(services.votes.ballots(G1, p.id)).toMatchObject({ voters: [{ voterKey: ben, choice: 'no', reason: 'Too expensive', source: 'command' }], reasons: ['Too expensive'] });
  });

  it('withdraws by command', () => {
    const { services, p, counts } = opened();
    services.votes.vote(actor(ben), { proposalId: p.id, choice: 'yes' });
    services.votes.vote(actor(ben), { proposalId: p.id, choice: null });
    expect(counts().yes).toBe(0);
  });

  it('refuses bad votes with the field named', () => {
    const { services, p } = opened();
    expect(englishError(() => services.votes.vote(actor(ben), { proposalId: p.id, choice: 'maybe' as never }))).toMatch(/\*\*choice\*\* must be one of/);
    expect(englishError(() => services.votes.vote(actor(ben), { proposalId: p.id, choice: 'yes', reason: 'x'.repeat(501) }))).toMatch(/\*\*reason\*\* must be at most 500/);
    expect(englishError(() => services.votes.vote(actor(ben), { proposalId: 9999, choice: 'yes' }))).toMatch(/no proposal #9999/);
    expect(englishError(() => services.votes.vote(actor(ben, G2), { proposalId: p.id, choice: 'yes' }))).toMatch(/no proposal/);
  });

  it('a secret ballot takes votes by button only and never shows who voted what', () => {
    const { services, p, react, counts } = opened({ ...basic, anonymous: true });
    expect(react(ben, '✅')).toMatchObject({ kind: 'remove' });
    expect(englishError(() => services.votes.vote(actor(ben), { proposalId: p.id, choice: 'yes' }))).toMatch(/secret ballot/);
    services.votes.voteByButton(actor(ben), { proposalId: p.id, choice: 'yes', reason: 'Zebra' });
    services.votes.voteByButton(actor(cat), { proposalId: p.id, choice: 'no', reason: 'Apple' });
    expect(services.votes.myVote(G1, p.id, ben)).toBe('yes');
    expect(counts()).toMatchObject({ yes: 1, no: 1 });
    expect(services.votes.ballots(G1, p.id)).toMatchObject({ voters: null, reasons: ['Apple', 'Zebra'] });
    expect(services.votes.ballots(G1, p.id, 1)).toMatchObject({ voters: null, reasons: ['Apple'], reasonCount: 2 });
  });

  it('refuses a button vote on a public proposal (a tampered button)', () => {
    const { services, p } = opened();
    expect(englishError(() => services.votes.voteByButton(actor(ben), { proposalId: p.id, choice: 'yes' }))).toMatch(/not a secret ballot/);
  });
});

describe('the event log', () => {
  it('keeps every change, in order, and derives the current vote from the last one', () => {
    const { react, unreact, repo, p, counts } = opened();
    react(ben, '✅');
    react(ben, '❌');
    unreact(ben, '❌');
    react(ben, '➖');
    expect(repo.events(G1, p.id).map((e) => [e.userId, e.choice, e.source])).toEqual([
      [ben, 'yes', 'reaction'],
      [ben, 'no', 'reaction'],
      [ben, null, 'reaction'],
      [ben, 'abstain', 'reaction'],
    ]);
    expect(counts()).toEqual({ yes: 0, no: 0, abstain: 1, block: 0 });
  });
});

describe('spaces', () => {
  const spaces = { approvedSpaces: () => [{ id: 1, name: 'Hive', hostUserIds: [ana, ben] }, { id: 2, name: 'Loft', hostUserIds: [cat] }] };

  it('one vote per space: the last host’s vote counts and the other host’s reaction is removed', () => {
    const { react, counts } = opened({ ...basic, voters: 'spaces' }, { spaces });
    react(ana, '✅');
    expect(react(ben, '❌')).toMatchObject({ kind: 'recorded', removeReactions: [{ userId: ana, choice: 'yes' }] });
    react(cat, '✅');
    expect(counts()).toEqual({ yes: 1, no: 1, abstain: 0, block: 0 });
  });

  it('a host withdrawing does not take back the vote another host cast for the space', () => {
    const { react, services, p, counts } = opened({ ...basic, voters: 'spaces' }, { spaces });
    react(ana, '✅');
    expect(services.votes.vote(actor(ben), { proposalId: p.id, choice: null }).changed).toBe(false);
    expect(counts().yes).toBe(1);
  });

  it('/proposal show reads only the first votes, in the order cast, and names only their spaces', () => {
    const { react, services, p } = opened({ ...basic, voters: 'spaces' }, { spaces });
    react(ana, '✅');
    react(cat, '❌');
    expect(services.votes.ballots(G1, p.id, 1)).toEqual({
      voters: [expect.objectContaining({ voterKey: 'space:1', userId: ana, choice: 'yes' })],
      reasons: [],
      reasonCount: 0,
      labels: { 'space:1': 'Hive' },
    });
    expect(services.votes.ballots(G1, p.id)).toMatchObject({ voters: [{ voterKey: 'space:1' }, { voterKey: 'space:2' }], labels: { 'space:1': 'Hive', 'space:2': 'Loft' } });
  });

  it('a member who is not a host cannot vote', () => {
    const { react } = opened({ ...basic, voters: 'spaces' }, { spaces });
    expect(react(dan, '✅')).toMatchObject({ kind: 'remove' });
  });
});

describe('members who leave', () => {
  it('their votes stop counting; a vote after returning counts again', () => {
    const { react, services, counts, p } = opened();
    react(ben, '✅');
    react(cat, '✅');
    expect(services.votes.memberLeft(G1, ben)).toEqual([p.id]);
    expect(counts().yes).toBe(1);
    react(ben, '❌');
    expect(counts()).toMatchObject({ yes: 1, no: 1 });
  });

  it('the stored counts follow every change of the current votes (kept by triggers on the ballots)', () => {
    const { react, unreact, services, p, db } = opened();
    const stored = () => db.sqlite.prepare('SELECT choice, n FROM proposal_tallies WHERE proposal_id = ? AND n > 0 ORDER BY choice').all(p.id);
    const counted = () => db.sqlite.prepare('SELECT choice, count(*) AS n FROM proposal_ballots WHERE proposal_id = ? AND caster_left = 0 GROUP BY choice ORDER BY choice').all(p.id);
    react(ben, '✅');
    react(cat, '✅');
    react(dan, '❌');
    react(ben, '➖');
    unreact(dan, '❌');
    services.votes.memberLeft(G1, cat);
    expect(stored()).toEqual([{ choice: 'abstain', n: 1 }]);
    react(cat, '❌');
    expect(services.votes.verify(G1, p.id).consistent).toBe(true);
    services.votes.forgetMember(G1, ben);
    expect(stored()).toEqual(counted());
    expect(stored()).toEqual([{ choice: 'no', n: 1 }]);
  });

  it('syncMembers marks everyone missing after downtime', () => {
    const { react, services, counts } = opened();
    react(ben, '✅');
    react(cat, '✅');
    services.votes.syncMembers(G1, new Set([ana, cat]));
    expect(counts().yes).toBe(1);
  });
});

describe('reconciliation after downtime', () => {
  it('adds votes whose reactions appeared and withdraws reaction votes whose reactions vanished', () => {
    const { react, services, p, counts } = opened();
    react(ben, '✅');
    react(cat, '❌');
    services.votes.vote(actor(dan), { proposalId: p.id, choice: 'abstain' });
    const result = services.votes.reconcile(G1, p.id, [
      { userId: ben, choice: 'yes' },
      { userId: ana, choice: 'yes' },
    ]);
    expect(result).toMatchObject({ recorded: 1, withdrawn: 1, remove: [] });
    // Dan voted by command: no reaction to lose, the vote stays.
    expect(counts()).toEqual({ yes: 2, no: 0, abstain: 1, block: 0 });
  });

  it('a reaction added offline next to the stored one replaces it, and the old reaction is removed', () => {
    const { react, services, p, counts } = opened();
    react(ben, '✅');
    const result = services.votes.reconcile(G1, p.id, [
      { userId: ben, choice: 'yes' },
      { userId: ben, choice: 'no' },
    ]);
    expect(result.remove).toEqual([{ userId: ben, choice: 'yes' }]);
    expect(counts()).toMatchObject({ yes: 0, no: 1 });
  });

  it('removes reactions from ineligible members and options the rule does not offer', () => {
    const { services, p, counts } = opened({ ...basic, voters: 'role', voterRoleId: '300000000000000003' });
    const result = services.votes.reconcile(G1, p.id, [
      { userId: cat, choice: 'yes' },
      { userId: ana, choice: 'block' },
      { userId: ben, choice: 'yes' },
    ]);
    expect(result.remove).toEqual([{ userId: cat, choice: 'yes' }, { userId: ana, choice: 'block' }]);
    expect(counts().yes).toBe(1);
  });

  it('counts reactions present at reconciliation even if the deadline passed while the bot was down', () => {
    const { services, p, clock } = opened({ ...basic, closes: '1d' });
    clock.advance(2 * DAY);
    services.votes.reconcile(G1, p.id, [{ userId: ben, choice: 'yes' }]);
    expect(services.proposals.close(G1, p.id, null).proposal).toMatchObject({ outcome: 'passed', tally: { counts: { yes: 1 } } });
  });

  it('is idempotent: a second pass over the same reactions stores nothing', () => {
    const { services, p, repo } = opened();
    const reactions = [{ userId: ben, choice: 'yes' as const }, { userId: cat, choice: 'no' as const }];
    services.votes.reconcile(G1, p.id, reactions);
    const before = repo.events(G1, p.id).length;
    expect(services.votes.reconcile(G1, p.id, reactions)).toMatchObject({ recorded: 0, withdrawn: 0 });
    expect(repo.events(G1, p.id)).toHaveLength(before);
  });

  it('a vote event after the read began wins over the snapshot: stored vote and reactions stay as the live events left them', () => {
    const { services, p, react, unreact, counts } = opened();
    react(ben, '✅');
    const mark = services.votes.readMark(G1, p.id);
    // While the reactions are read, ben switches ✅ → ❌ and cat withdraws; the snapshot still shows both old reactions.
    react(ben, '❌');
    unreact(ben, '✅');
    const result = services.votes.reconcile(G1, p.id, [{ userId: ben, choice: 'yes' }, { userId: ben, choice: 'no' }, { userId: cat, choice: 'abstain' }], mark);
    expect(result).toMatchObject({ recorded: 1, withdrawn: 0, remove: [] });
    expect(services.votes.myVote(G1, p.id, ben)).toBe('no');
    expect(counts()).toMatchObject({ yes: 0, no: 1, abstain: 1 });
  });

  it('on a hide-results proposal a reaction vote from before it voted by buttons stays counted while its reaction comes off', () => {
    const { services, p, repo, counts } = opened({ ...basic, hideResults: true });
    repo.appendVotes(G1, p.id, [{ voterKey: ben, userId: ben, choice: 'yes', source: 'reaction', reason: null, at: 0 }]);
    const result = services.votes.reconcile(G1, p.id, [{ userId: ben, choice: 'yes' }, { userId: cat, choice: 'no' }]);
    expect(result).toMatchObject({ recorded: 0, withdrawn: 0, remove: [{ userId: ben, choice: 'yes' }, { userId: cat, choice: 'no' }] });
    expect(counts()).toMatchObject({ yes: 1, no: 0 });
  });

  it('leaves closed proposals alone', () => {
    const { services, p, repo } = opened();
    services.proposals.close(G1, p.id, organizer());
    expect(services.votes.reconcile(G1, p.id, [{ userId: ben, choice: 'yes' }]).recorded).toBe(0);
    expect(repo.events(G1, p.id)).toHaveLength(0);
  });
});

describe('the 24-hour reminder', () => {
  it('counts who has not voted and DMs only those who turned reminders on', () => {
    const { services, p, react } = opened();
    services.votes.setReminders(actor(cat), true);
    services.votes.setReminders(actor(ben), true);
    services.votes.setReminders(actor(dan), false);
    react(ben, '✅');
    const info = services.votes.reminder(G1, p.id);
    expect(info).toMatchObject({ notVoted: 4, dmUserIds: [cat] });
    services.votes.markReminderSent(G1, p.id);
    expect(services.votes.reminder(G1, p.id)).toBeNull();
  });

  it('reminder preferences belong to one alliance', () => {
    const { services, p } = opened();
    services.votes.setReminders(actor(cat, G2), true);
    expect(services.votes.reminder(G1, p.id)?.dmUserIds).toEqual([]);
  });
});
