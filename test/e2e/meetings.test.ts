// Meetings end to end through the test bed with the real bot: natural-language scheduling with Confirm, the
// Discord event, a timeboxed agenda, the automatic posts (once each, across a restart), attendance, outcomes,
// reminders, ideas and priorities, DST questions and every bad input refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/shared/clock.js';
import { zonedParts } from '../../src/shared/zoned-time.js';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

// The test bed checks event times against the real clock, so the bot's clock starts at the real "now".
const NOW = Math.floor(Date.now() / HOUR) * HOUR;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: new Date(NOW).toISOString() });
});
afterAll(async () => {
  await h?.stop();
});

/** "YYYY-MM-DD" of the day `days` after the bot's today, in `zone`. */
function day(days: number, zone = 'Europe/Berlin'): string {
  const p = zonedParts(h.clock.now().getTime() + days * DAY, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

const unix = (text: string): number => Number(/<t:(\d+):F>/.exec(text)?.[1]) * 1000;

async function itemId(a: Alliance, member: string, meetingId: number, query: string): Promise<number> {
  const choices = await h.bed.driver.autocomplete({
    guildId: a.id, channelId: a.channel('general'), userId: a.userId(member), name: 'meeting', subcommand: 'outcome', focused: 'item', options: { meeting: meetingId, item: query },
  });
  return Number(choices[0]!.value);
}

async function meetingId(a: Alliance, query: string): Promise<number> {
  const choices = await h.bed.driver.autocomplete({
    guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: 'agenda', subcommand: 'show', focused: 'meeting', options: { meeting: query },
  });
  return Number(choices.find((c) => c.name.startsWith(query))!.value);
}

/** /meeting schedule, then Confirm (or the button with `label`); returns the confirmed message. */
async function schedule(a: Alliance, member: string, options: Record<string, string | number | boolean>, label = 'Confirm'): Promise<MessageView> {
  const preview = await a.reply(member, 'meeting schedule', options);
  const clicked = await h.bed.driver.click({ guildId: a.id, channelId: preview.channelId, userId: a.userId(member), messageId: preview.id, label });
  return clicked.updated();
}

const channelPosts = (a: Alliance, name: string) => h.bed.messages(a.channel(name)).filter((m) => m.fromBot);

describe('a meeting from scheduling to notes', () => {
  it('runs the whole cycle a member sees', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Europe/Berlin' });

    // Natural language → how it was understood → Confirm → Discord event.
    const preview = await a.reply('marcus', 'meeting schedule', { title: 'December meetup', when: `${day(10)} 18:00`, where: 'The Loft, 2nd floor' });
    expect(preview.ephemeral).toBe(true);
    expect(visibleText(preview)).toMatch(/I understood \*\*<t:\d+:F>\*\*/);
    expect(h.bed.scheduledEvents(a.id)).toEqual([]);
    const startsAt = unix(visibleText(preview));
    const confirmed = await (await h.bed.driver.click({ guildId: a.id, channelId: preview.channelId, userId: a.members.marcus, messageId: preview.id, label: 'Confirm' })).updated();
    expect(confirmed.content).toContain('Scheduled');
    const [event] = h.bed.scheduledEvents(a.id);
    expect(event).toMatchObject({ name: 'December meetup', location: 'The Loft, 2nd floor', status: 1, entityType: 3 });
    expect(Date.parse(event!.scheduledStartTime)).toBe(startsAt);
    const id = await meetingId(a, 'December meetup');

    // Three items, the third over time; the organizer moves it first.
    await a.reply('marcus', 'agenda add', { meeting: id, topic: 'Shared insurance', minutes: 30 });
    await a.reply('priya', 'agenda add', { meeting: id, topic: 'Events calendar', minutes: 20 });
    const third = await a.reply('sam', 'agenda add', { meeting: id, topic: 'Website refresh', minutes: 25 });
    expect(third.content).toContain('15 min over the structured block');
    const moved = await a.reply('olivia', 'agenda move', { item: await itemId(a, 'olivia', id, 'Website'), position: 1 });
    expect(visibleText(moved)).toMatch(/1\. Website refresh\*\* \(25 min\)[^\n]*\n[^\n]*2\. Shared insurance/);
    expect(visibleText(moved)).toMatch(/Events calendar[^\n]*over time/);

    // The 24-hour agenda post and the 10-minute post: once each, also across a restart.
    h.clock.set(startsAt - DAY);
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    expect(channelPosts(a, 'meetings').map((m) => visibleText(m))).toEqual([expect.stringContaining('Agenda: December meetup')]);
    await h.restart();
    h.clock.set(startsAt - 10 * MINUTE);
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    const posts = channelPosts(a, 'meetings');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.content).toContain('December meetup** is starting');

    // Attendance via the button on the "starting now" post.
    const present = await h.bed.driver.click({ guildId: a.id, channelId: posts[1]!.channelId, userId: a.members.priya, messageId: posts[1]!.id, label: "I'm here" });
    expect((await present.reply()).content).toContain('marked present');

    // Next meeting, then outcomes: one carried over, one action with a reminder the day before at 10:00.
    await schedule(a, 'olivia', { title: 'January meetup', when: `${day(17)} 18:00` });
    h.clock.set(startsAt + 2 * HOUR);
    const carried = await a.reply('olivia', 'meeting outcome', { meeting: id, item: await itemId(a, 'olivia', id, 'Events'), result: 'carry-over' });
    expect(carried.content).toContain('January meetup');
    const nextId = await meetingId(a, 'January meetup');
    expect(visibleText(await a.reply('marcus', 'agenda show', { meeting: nextId }))).toContain('Events calendar');
    const due = day(7);
    await a.reply('olivia', 'meeting outcome', { meeting: id, item: await itemId(a, 'olivia', id, 'Shared'), result: 'action', owner: a.members.priya, due, note: 'Collect three quotes' });
    const notes = await a.reply('sam', 'meeting notes', { meeting: id });
    expect(visibleText(notes)).toMatch(/carried over/);
    expect(visibleText(notes)).toContain('Collect three quotes');
    expect(visibleText(notes)).toContain(`<@${a.members.priya}>`);

    const [y, mo, d] = due.split('-').map(Number) as [number, number, number];
    const dayBefore10 = Date.UTC(y, mo - 1, d - 1, 9, 0); // 10:00 Berlin in winter (UTC+1)
    h.clock.set(dayBefore10 - MINUTE);
    await h.bot.scheduler.tick();
    expect(h.bed.dmChannel(a.members.priya)).toBeUndefined();
    h.clock.set(dayBefore10 + MINUTE);
    await h.bot.scheduler.tick();
    const dms = h.bed.messages(h.bed.dmChannel(a.members.priya)!.id);
    expect(dms.map((m) => m.content)).toEqual([expect.stringContaining('Collect three quotes')]);
  });
});
