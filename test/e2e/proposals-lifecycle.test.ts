// Closing at the deadline (injected clock), early close, withdraw, the 24-hour reminder, the decision register,
// rules, and every bad input: a clear private answer and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/shared/clock.js';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { closeEarly, openProposal, react, reactionsOf, settle } from './proposals-support.js';
import { csvText } from '../support/csv.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const announcements = (a: { channel(n: string): string }) => h.bed.messages(a.channel('announcements')).map(visibleText).join('\n---\n');

describe('closing', () => {
  it('at the deadline: result in the thread and announcements, final embed, thread locked', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { closes: '2d' });
    react(h, a, 'priya', message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 1, 5000, 'the vote');
    h.clock.advance(2 * DAY);
    await h.bot.scheduler.tick();
    expect(announcements(a)).toMatch(/Proposal #1 passed: Shared printer.*✅ 1 yes/s);
    expect(visibleText(h.bed.message(message.id)!)).toMatch(/Passed.*Final tally/s);
    expect(h.bed.message(message.id)!.components).toEqual([]);
    expect(h.bed.channel(message.threadId!)?.locked).toBe(true);
    expect(h.bed.messages(message.threadId!).map(visibleText).join()).toContain('Closed at its deadline');
    react(h, a, 'sam', message.id, '❌');
    await waitUntil(() => !reactionsOf(h, message.id)['❌']?.includes(a.members.sam), 5000, 'a vote after the close to be removed');
    expect(h.bot.services.votes.tally(a.id, id).counts.no).toBe(0);
  });

  it('early by an organizer only; a member is refused and nothing changes', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { id } = await openProposal(h, a, 'marcus');
    const refused = await a.reply('marcus', 'proposal close', { proposal: id });
    expect(refused.content).toMatch(/Only organizers/);
    expect(h.bot.services.proposals.get(a.id, id).status).toBe('open');
    const closed = await closeEarly(h, a, 'olivia', id);
    expect(closed.content).toMatch(/Closed #1: \*\*Failed\*\*/);
    expect(announcements(a)).toContain('Closed early by an organizer');
    const again = await closeEarly(h, a, 'olivia', id);
    expect(again.content).toMatch(/already closed/);
  });
});

describe('closing early asks first', () => {
  it('says how many eligible voters have not voted; "Keep it open" changes nothing, "Close now" closes', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus');
    react(h, a, 'priya', message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 1, 5000, 'the vote');
    const asked = await a.reply('olivia', 'proposal close', { proposal: id });
    expect(asked.ephemeral).toBe(true);
    expect(asked.content).toMatch(/Close \*\*#1 Shared printer\*\* now, before its deadline <t:\d+:F>\? 3 eligible voters have not voted yet\./);
    expect(asked.components.flatMap((r) => r.components ?? []).map((c) => c.label)).toEqual(['Close now', 'Keep it open']);
    const byMember = await h.bed.driver.click({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, messageId: asked.id, label: 'Close now', force: true });
    expect((await byMember.reply()).content).toMatch(/Only organizers/);
    const kept = await (await h.bed.driver.click({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, messageId: asked.id, label: 'Keep it open' })).updated();
    expect(kept.content).toBe('#1 stays open until its deadline.');
    expect(h.bot.services.proposals.get(a.id, id).status).toBe('open');
    const closed = await closeEarly(h, a, 'olivia', id);
    expect(closed.content).toMatch(/Closed #1: \*\*Passed\*\*/);
    expect(announcements(a)).toMatch(/Passed: 1 yes to 0 no, more yes than no\./);
    expect(visibleText(h.bed.message(message.id)!)).toMatch(/\*\*Passed\*\* · closed <t:\d+:F>\nPassed: 1 yes to 0 no, more yes than no\./);
  });

  it('after the deadline it closes at once, without asking', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { id } = await openProposal(h, a, 'marcus', { closes: '1d' });
    h.clock.advance(2 * DAY);
    const answer = await a.reply('olivia', 'proposal close', { proposal: id });
    expect(answer.components).toEqual([]);
    expect(answer.content).toMatch(/Closed #1: \*\*No quorum\*\*|Closed #1: \*\*Failed\*\*/);
  });
});

describe('withdrawing', () => {
  it('the author may before any vote; after a vote only an organizer; never someone else', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const first = await openProposal(h, a, 'marcus');
    expect((await a.reply('priya', 'proposal withdraw', { proposal: first.id })).content).toMatch(/Only the author or an organizer/);
    expect((await a.reply('marcus', 'proposal withdraw', { proposal: first.id })).content).toMatch(/Withdrew #1/);
    expect(visibleText(h.bed.message(first.message.id)!)).toContain('Withdrawn');
    const second = await openProposal(h, a, 'marcus');
    react(h, a, 'sam', second.message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, second.id).voted === 1, 5000, 'the vote');
    expect((await a.reply('marcus', 'proposal withdraw', { proposal: second.id })).content).toMatch(/only an organizer can withdraw/);
    expect((await a.reply('olivia', 'proposal withdraw', { proposal: second.id })).content).toMatch(/Withdrew #2/);
    react(h, a, 'priya', second.message.id, '✅');
    await settle();
    await waitUntil(() => !reactionsOf(h, second.message.id)['✅']?.includes(a.members.priya), 5000, 'a vote on a withdrawn proposal to be removed');
  });
});

describe('the 24-hour reminder', () => {
  it('posts how many have not voted in the thread (no pings) and DMs those who asked', async () => {
    const a = await h.newAlliance();
    await a.setup();
    await a.reply('sam', 'proposal reminders on');
    await a.reply('priya', 'proposal reminders on');
    const { message } = await openProposal(h, a, 'marcus', { closes: '3d' });
    react(h, a, 'priya', message.id, '✅');
    await settle();
    h.clock.advance(2 * DAY + HOUR);
    await h.bot.scheduler.tick();
    const reminder = h.bed.messages(message.threadId!).find((m) => m.content.includes('not voted yet'))!;
    expect(reminder.content).toContain('3 of 4 eligible voters have not voted yet');
    expect(reminder.pings.users).toEqual([]);
    const dm = h.bed.dmChannel(a.members.sam);
    expect(h.bed.messages(dm!.id).map((m) => m.content).join()).toContain('You have not voted on **#1 Shared printer**');
    expect(h.bed.dmChannel(a.members.priya)).toBeUndefined();
  });
});

describe('decision register', () => {
  it('lists decisions and exports them as CSV', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', {}, { summary: 'Printer, "colour", shared' });
    react(h, a, 'priya', message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 1, 5000, 'the vote');
    await closeEarly(h, a, 'olivia', id);
    expect(visibleText(await a.reply('sam', 'decisions list'))).toMatch(/#1.*Shared printer.*Passed/s);
    const exported = await a.reply('sam', 'decisions export');
    const csv = csvText(exported.attachments[0]!);
    expect(exported.attachments[0]!.filename).toBe('decisions.csv');
    expect(csv.split('\r\n')[0]).toMatch(/^number,title,type,status,outcome/);
    expect(csv).toContain('1,Shared printer,general,closed,passed,majority,,,4,1,1,0,0,0,');
    expect(csv).toContain('"Printer, ""colour"", shared"');
  });
});

describe('rules', () => {
  it('organizers set a rule per type; proposals of that type take it; members cannot set rules', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const set = await a.reply('olivia', 'rules set', { type: 'spending', rule: 'supermajority', threshold: '3/4', quorum: 50, period: '5d' });
    expect(set.content).toContain('spending rule is saved');
    expect(visibleText(await a.reply('olivia', 'rules show'))).toMatch(/spending\nSupermajority \(yes ≥ 3\/4 of yes\+no\) · quorum 50% · 5 day/);
    const { message } = await openProposal(h, a, 'marcus', { type: 'spending' });
    expect(visibleText(message)).toContain('Supermajority (yes ≥ 3/4 of yes+no)');
    // /rules is visible to members (they read /rules show); set is refused on the server.
    const refused = await a.reply('sam', 'rules set', { type: 'policy', rule: 'consent' });
    expect(refused.content).toMatch(/Only organizers/);
  });

  it('once locked, /rules set opens a general proposal that changes the rule only if it passes', async () => {
    const a = await h.newAlliance();
    await a.setup();
    await a.reply('olivia', 'rules lock');
    const reply = await a.reply('olivia', 'rules set', { type: 'policy', rule: 'consent' });
    expect(reply.content).toMatch(/opened proposal #1/);
    const post = h.bed.messages(a.channel('proposals')).find((m) => m.embeds[0]?.title?.startsWith('#1'))!;
    expect(visibleText(post)).toContain('The **policy** rule becomes Consent');
    expect(h.bot.services.rules.forType(a.id, 'policy').rule).toBe('majority');
    react(h, a, 'priya', post.id, '✅');
    const id = h.bot.services.proposals.byMessage(a.id, post.id)!.id;
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 1, 5000, 'the vote');
    await closeEarly(h, a, 'olivia', id);
    expect(h.bot.services.rules.forType(a.id, 'policy').rule).toBe('consent');
  });
});

describe('bad input gets a clear private answer and stores nothing', () => {
  const cases: [string, Record<string, string | number | boolean>, RegExp][] = [
    ['a deadline in the past', { closes: '2020-01-01 10:00' }, /closes must be in the future/],
    ['a deadline beyond 90 days', { closes: '120d' }, /at most 90 days/],
    ['an unreadable deadline', { closes: 'soonish' }, /closes must be a duration/],
    ['a quorum above 100', { quorum: 140 }, /\*\*quorum\*\* must be between 0 and 100\./],
    ['a negative quorum', { quorum: -1 }, /\*\*quorum\*\* must be between 0 and 100\./],
    ['an unknown rule', { rule: 'dictatorship' }, /\*\*rule\*\* must be one of/],
    ['an over-long title', { title: 'x'.repeat(151) }, /\*\*title\*\* must be at most 150 characters\./],
    ['voters=role without a role', { voters: 'role' }, /voter-role is needed/],
  ];
  it.each(cases)('%s', async (_name, options, expected) => {
    const a = await h.newAlliance();
    await a.setup();
    const result = await a.run('marcus', 'proposal create', { title: 'Shared printer', ...options }, { force: true });
    const reply = await result.reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(expected);
    expect(h.bot.services.proposals.list(a.id, 'open').total).toBe(0);
  });

  it('an over-long summary in the form', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const result = await a.run('marcus', 'proposal create', { title: 'Printer' });
    const submitted = await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: { ...result.modal!, fields: result.modal!.fields.map((f) => ({ ...f, maxLength: undefined })) }, values: { title: 'Printer', summary: 'x'.repeat(1001) } });
    expect((await submitted.reply()).content).toMatch(/\*\*summary\*\* must be at most 1,000 characters\./);
    expect(h.bot.services.proposals.list(a.id, 'open').total).toBe(0);
    expect(h.bed.messages(a.channel('proposals'))).toHaveLength(0);
  });

  it('a proposal without a proposals channel', async () => {
    const a = await h.newAlliance();
    const reply = await a.reply('marcus', 'proposal create', { title: 'Printer' });
    expect(reply.content).toMatch(/No proposals channel is set/);
  });
});

describe('a voter deletes their data while a proposal is open', () => {
  it('verify() still agrees with the stored tally after /privacy delete, and after the close', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus');
    react(h, a, 'priya', message.id, '✅');
    react(h, a, 'sam', message.id, '❌');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 2, 5000, 'the votes');
    const confirm = await a.reply('priya', 'privacy delete');
    const done = await (await h.bed.driver.click({ guildId: a.id, channelId: confirm.channelId, userId: a.members.priya, messageId: confirm.id, label: 'Delete my data' })).updated();
    expect(done.content).toContain('deleted');
    expect(h.bot.services.votes.verify(a.id, id)).toMatchObject({ consistent: true, stored: { yes: 0, no: 1 } });
    await closeEarly(h, a, 'olivia', id);
    expect(h.bot.services.votes.verify(a.id, id)).toMatchObject({ consistent: true, stored: { yes: 0, no: 1 } });
  });
});
