// Integrity across downtime: votes changed while the bot was offline are reconciled from the reactions before
// a deadline that passed meanwhile is processed; a gateway reconnect reconciles too; bursts are debounced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/clock.js';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { openProposal, react, reactionsOf, settle, unreact } from './proposals-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('restart', () => {
  it('reconciles votes changed while offline, then closes the proposal whose deadline passed meanwhile', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { closes: '1d' });
    react(h, a, 'priya', message.id, '❌');
    react(h, a, 'sam', message.id, '❌');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 2, 5000, 'the live votes');
    await h.bot.stop();
    // While the bot is away: sam changes to yes (adds ✅, removes ❌), priya withdraws, marcus votes yes.
    react(h, a, 'sam', message.id, '✅');
    unreact(h, a, 'sam', message.id, '❌');
    unreact(h, a, 'priya', message.id, '❌');
    react(h, a, 'marcus', message.id, '✅');
    h.clock.advance(2 * DAY);
    await h.restart();
    const result = h.bed.messages(a.channel('announcements')).find((m) => visibleText(m).includes('Proposal #1'));
    expect(visibleText(result!)).toMatch(/Proposal #1 passed.*✅ 2 yes · ❌ 0 no/s);
    expect(h.bot.services.votes.verify(a.id, id).consistent).toBe(true);
  });

  it('a reaction added offline replaces the stored one (the older is removed); a member who left no longer counts', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { closes: '5d' });
    react(h, a, 'priya', message.id, '✅');
    react(h, a, 'sam', message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 2, 5000, 'the live votes');
    await h.bot.stop();
    react(h, a, 'priya', message.id, '➖');
    a.guild.removeMember(a.members.sam);
    await h.restart();
    // Reconciliation runs after READY (proposals-startup.test.ts): wait for it.
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).counts.abstain === 1, 5000, 'the offline change to be counted');
    expect(h.bot.services.votes.tally(a.id, id).counts).toEqual({ yes: 0, no: 0, abstain: 1, block: 0 });
    await waitUntil(() => reactionsOf(h, message.id)['✅']?.length === 1, 5000, 'the older reaction to be removed');
    expect(reactionsOf(h, message.id)['✅']).toEqual([h.bed.botUserId]);
  });

  it('reads reactions 100 per page: no more requests than pages needed', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const many = a.guild.addManyMembers(250, 'voter');
    const { message, id } = await openProposal(h, a, 'marcus', { closes: '5d' });
    await h.bot.stop();
    for (const userId of many) h.bed.driver.react({ channelId: a.channel('proposals'), messageId: message.id, userId, emoji: '✅' });
    const before = h.bed.requests.length;
    await h.restart();
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).counts.yes === 250, 5000, 'the offline votes to be counted');
    const reads = h.bed.requests.slice(before).filter((r) => r.method === 'GET' && r.path.startsWith(`/channels/${a.channel('proposals')}/messages/${message.id}/reactions`));
    // 250 voters plus the bot's own reaction: 251 users → 3 pages of 100.
    expect(reads).toHaveLength(3);
    expect(h.bot.services.votes.tally(a.id, id).counts.yes).toBe(250);
  });
});

describe('reconnect', () => {
  it('after the gateway comes back, the bot re-reads open proposals and counts a vote made while it was down', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus');
    const before = h.bed.requests.length;
    h.bed.gateway.drop();
    react(h, a, 'sam', message.id, '✅');
    await h.bed.gateway.waitForSession();
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).counts.yes === 1, 8000, 'the missed vote to be counted');
    const read = () => h.bed.requests.slice(before).some((r) => r.method === 'GET' && r.path === `/channels/${a.channel('proposals')}/messages/${message.id}`);
    await waitUntil(read, 8000, 'the reconnect reconciliation to read the proposal message');
  });
});

describe('a slow read', () => {
  it('a vote changed while reconciliation reads the reactions is not undone by the older snapshot', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus');
    react(h, a, 'sam', message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).counts.yes === 1, 5000, 'sam\'s vote');
    const noPage = new RegExp(`/messages/${message.id}/reactions/(%E2%9D%8C|❌)`);
    // The ❌ page is read after the ✅ page; a 429 on it keeps the read going while sam switches.
    h.bed.fault({ method: 'GET', route: noPage, status: 429, retryAfter: 1.5 });
    const before = h.bed.requests.length;
    h.bed.gateway.drop();
    react(h, a, 'priya', message.id, '❌');
    const since = () => h.bed.requests.slice(before).filter((r) => r.method === 'GET' && noPage.test(r.path));
    await waitUntil(() => since().some((r) => r.status === 429), 10_000, 'the rate-limited reaction read');
    react(h, a, 'sam', message.id, '❌');
    unreact(h, a, 'sam', message.id, '✅');
    await waitUntil(() => since().some((r) => r.status === 200), 10_000, 'the reaction read to resume');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 2, 5000, 'both votes');
    await settle(500);
    const votes = Object.fromEntries(h.bot.services.votes.ballots(a.id, id).voters!.map((v) => [v.userId, v.choice]));
    const onMessage: Record<string, string> = {};
    for (const [emoji, users] of Object.entries(reactionsOf(h, message.id))) for (const user of users) if (user !== h.bed.botUserId) onMessage[user] = emoji;
    expect(votes).toEqual({ [a.members.sam]: 'no', [a.members.priya]: 'no' });
    expect(onMessage).toEqual({ [a.members.sam]: '❌', [a.members.priya]: '❌' });
    expect(h.bot.services.votes.verify(a.id, id).consistent).toBe(true);
  });
});

describe('live tally', () => {
  it('a burst of votes edits the proposal message at most once per 2 seconds', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const voters = a.guild.addManyMembers(20, 'burst');
    const { message, id } = await openProposal(h, a, 'marcus');
    const before = h.bed.requests.length;
    for (const userId of voters) h.bed.driver.react({ channelId: a.channel('proposals'), messageId: message.id, userId, emoji: '✅' });
    await waitUntil(() => visibleText(h.bed.message(message.id)!).includes('✅ 20 yes'), 10_000, 'the tally to catch up');
    const edits = h.bed.requests.slice(before).filter((r) => r.method === 'PATCH' && r.path === `/channels/${a.channel('proposals')}/messages/${message.id}`);
    expect(edits.length).toBeLessThanOrEqual(3);
    expect(h.bot.services.votes.tally(a.id, id).voted).toBe(20);
    await settle();
  });
});
