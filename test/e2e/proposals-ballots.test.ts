// Reasons on ballots: "Vote with a reason" on secret and named ballots, reasons listed sorted and nameless for a
// secret ballot, and a block that always needs a reason (by button, by command, and by a 🛑 reaction).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { openProposal, react, reactionsOf } from './proposals-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const clickOn = (a: { id: string; channel(n: string): string }, channelId: string, userId: string, messageId: string, label: string) =>
  h.bed.driver.click({ guildId: a.id, channelId, userId, messageId, label });

describe('vote with a reason', () => {
  it('a secret ballot takes a vote with its reason from a form; /proposal show lists reasons sorted, without names', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { anonymous: true });
    const submit = async (member: 'priya' | 'sam', vote: string, reason: string) => {
      const opened = await clickOn(a, a.channel('proposals'), a.members[member], message.id, 'Vote with a reason');
      expect(opened.modal?.fields.map((f) => f.customId)).toEqual(['vote', 'reason']);
      const sent = await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('proposals'), userId: a.members[member], modal: opened.modal!, values: { vote, reason }, messageId: message.id });
      return sent.reply();
    };
    const refused = await submit('priya', 'maybe', 'Unsure');
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/vote must be one of yes, no, abstain/);
    expect(h.bot.services.votes.tally(a.id, id).voted).toBe(0);
    const first = await submit('priya', 'No', 'Zinc toner is too costly');
    expect(first.content).toMatch(/Recorded \(secret ballot\): your vote on #1 is ❌ no, with your reason\. Only you can see this/);
    await submit('sam', 'yes', 'Apples to apples, it pays off');
    const shown = visibleText(await a.reply('marcus', 'proposal show', { proposal: id }));
    expect(shown).toMatch(/Reasons given \(secret ballot: no names\)\n• Apples to apples, it pays off\n• Zinc toner is too costly/);
    expect(shown).not.toContain(a.members.priya);
    expect(shown).not.toContain(a.members.sam);
    // The form opened again shows the member's current vote.
    const again = await clickOn(a, a.channel('proposals'), a.members.priya, message.id, 'Vote with a reason');
    expect(again.modal?.fields.find((f) => f.customId === 'vote')?.value).toBe('no');
  });
});

describe('a block needs a reason', () => {
  it('the Block button of a secret ballot opens the reason form; the block counts with it', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { anonymous: true, rule: 'consensus' });
    const opened = await clickOn(a, a.channel('proposals'), a.members.sam, message.id, 'Block');
    expect(opened.modal?.title).toBe('Your reason for blocking');
    expect(opened.modal?.fields).toMatchObject([{ customId: 'reason', required: true, maxLength: 500 }]);
    expect(h.bot.services.votes.tally(a.id, id).voted).toBe(0);
    const sent = await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('proposals'), userId: a.members.sam, modal: opened.modal!, values: { reason: 'The lease forbids it' }, messageId: message.id });
    expect((await sent.reply()).content).toMatch(/your vote on #1 is 🛑 block, with your reason/);
    expect(h.bot.services.votes.tally(a.id, id).counts.block).toBe(1);
  });

  it('/proposal vote block without a reason is refused and stores nothing', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { id } = await openProposal(h, a, 'marcus', { rule: 'consent' });
    const refused = await a.reply('sam', 'proposal vote', { proposal: id, choice: 'block' });
    expect(refused.content).toMatch(/A block needs a reason/);
    expect(h.bot.services.votes.tally(a.id, id).voted).toBe(0);
  });

  it('a 🛑 reaction comes off and counts once its member gives the reason through the button in the thread', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { rule: 'consensus' });
    react(h, a, 'sam', message.id, '🛑');
    const prompt = await h.bed.waitForMessage((m) => m.channelId === message.threadId && m.content.includes('needs a reason'));
    expect(prompt.content).toContain(`<@${a.members.sam}>, a block on #1 needs a reason before it counts`);
    await waitUntil(() => !(reactionsOf(h, message.id)['🛑'] ?? []).includes(a.members.sam), 5000, 'the 🛑 without a reason to come off');
    expect(h.bot.services.votes.tally(a.id, id).voted).toBe(0);
    const notYours = await clickOn(a, message.threadId!, a.members.priya, prompt.id, 'Give my reason');
    expect((await notYours.reply()).content).toBe('This button is for the member who wanted to block.');
    const opened = await clickOn(a, message.threadId!, a.members.sam, prompt.id, 'Give my reason');
    const sent = await h.bed.driver.submitModal({ guildId: a.id, channelId: message.threadId!, userId: a.members.sam, modal: opened.modal!, values: { reason: 'Noise for the neighbours' }, messageId: prompt.id });
    expect((await sent.reply()).content).toMatch(/Recorded: your vote on #1 is 🛑 block/);
    expect(h.bot.services.votes.tally(a.id, id).counts.block).toBe(1);
    const shown = visibleText(await a.reply('priya', 'proposal show', { proposal: id }));
    expect(shown).toContain(`🛑 <@${a.members.sam}>: Noise for the neighbours`);
  });

  it('a 🛑 added while the bot was away is taken off at start-up and its member asked for the reason', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { rule: 'consent' });
    await h.bot.stop();
    react(h, a, 'priya', message.id, '🛑');
    react(h, a, 'sam', message.id, '✅');
    await h.restart();
    // Reconciliation runs after READY: the reason prompt is the last thing it does for this proposal.
    const prompts = () => h.bed.messages(message.threadId!).filter((m) => m.content.includes('needs a reason'));
    await waitUntil(() => prompts().length > 0, 5000, 'the reason prompt');
    expect(h.bot.services.votes.tally(a.id, id).counts).toMatchObject({ yes: 1, block: 0 });
    expect(reactionsOf(h, message.id)['🛑'] ?? []).not.toContain(a.members.priya);
    expect(prompts().map((m) => m.content)).toEqual([expect.stringContaining(`<@${a.members.priya}>, a block on #1 needs a reason`)]);
  });
});
