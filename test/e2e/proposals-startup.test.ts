// Start-up order: the bot says it is ready before it reconciles open proposals with their reactions, and a
// deadline (or reminder) that fell due while it was down still waits for its own proposal's reconciliation, however
// slow the read.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { openProposal, react, unreact } from './proposals-support.js';

const lines: { msg: string; proposalId?: number }[] = [];
let h: Harness;
beforeAll(async () => {
  const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk)) as (typeof lines)[number]), done()) }));
  h = await startHarness({ logger });
});
afterAll(async () => {
  await h?.stop();
});

/** Every read of the message's reactions answers 429 once (discord.js waits `seconds` and reads again). */
const slowReactionReads = (messageId: string, seconds: number) =>
  h.bed.fault({ method: 'GET', route: new RegExp(`/messages/${messageId}/reactions/`), status: 429, retryAfter: seconds });

describe('start-up', () => {
  it('is ready before it has read the reactions of open proposals, and counts the votes made offline afterwards', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { closes: '5d' });
    await h.bot.stop();
    react(h, a, 'sam', message.id, '✅');
    slowReactionReads(message.id, 1.5);
    const from = lines.length;
    await h.restart();
    const since = () => lines.slice(from);
    const ready = since().findIndex((line) => line.msg === 'Alliance bot is ready');
    expect(ready).toBeGreaterThanOrEqual(0);
    expect(since().some((line) => line.msg === 'proposal reconciled' && line.proposalId === id)).toBe(false);
    const reconciled = () => since().findIndex((line) => line.msg === 'proposal reconciled' && line.proposalId === id);
    await waitUntil(() => reconciled() >= 0, 10_000, 'the proposal to be reconciled');
    expect(reconciled()).toBeGreaterThan(ready);
    expect(h.bot.services.votes.tally(a.id, id).counts.yes).toBe(1);
  });

  it('a deadline that passed while the bot was down closes the proposal only once its reactions are read', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { closes: '1d' });
    react(h, a, 'priya', message.id, '❌');
    react(h, a, 'sam', message.id, '❌');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 2, 5000, 'the live votes');
    await h.bot.stop();
    // While the bot is away: sam changes to yes, priya withdraws, marcus votes yes; the stored tally says 0 yes, 2 no.
    react(h, a, 'sam', message.id, '✅');
    unreact(h, a, 'sam', message.id, '❌');
    unreact(h, a, 'priya', message.id, '❌');
    react(h, a, 'marcus', message.id, '✅');
    slowReactionReads(message.id, 1.5);
    h.clock.advance(2 * DAY);
    await h.restart();
    const announced = () => h.bed.messages(a.channel('announcements')).find((m) => visibleText(m).includes(`Proposal #1`));
    await waitUntil(() => announced() !== undefined, 10_000, 'the result to be announced');
    expect(visibleText(announced()!)).toMatch(/Proposal #1 passed.*✅ 2 yes · ❌ 0 no/s);
    expect(h.bot.services.votes.verify(a.id, id).consistent).toBe(true);
  });

  it('a 24-hour reminder that fell due while the bot was down does not remind a member who voted meanwhile', async () => {
    const a = await h.newAlliance();
    await a.setup();
    await a.reply('sam', 'proposal reminders on');
    const { message } = await openProposal(h, a, 'marcus', { closes: '3d' });
    await h.bot.stop();
    react(h, a, 'sam', message.id, '✅');
    slowReactionReads(message.id, 1.5);
    h.clock.advance(2 * DAY + HOUR);
    await h.restart();
    const reminder = () => h.bed.messages(message.threadId!).find((m) => m.content.includes('not voted yet'));
    await waitUntil(() => reminder() !== undefined, 10_000, 'the reminder');
    expect(reminder()!.content).toContain('3 of 4 eligible voters have not voted yet');
    expect(h.bed.dmChannel(a.members.sam)).toBeUndefined();
  });
});
