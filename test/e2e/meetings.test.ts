// Meetings end to end through the test bed with the real bot: natural-language scheduling with Confirm, the
// Discord event, a timeboxed agenda, the automatic posts (once each, across a restart), attendance, outcomes,
// reminders, ideas and priorities, DST questions and every bad input refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/shared/clock.js';
import { dayInWords } from '../../src/shared/day-words.js';
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
    expect(visibleText(moved)).toMatch(/Over time\*\* from here[^\n]*\n[^\n]*3\. Events calendar/);

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

describe('time zones with DST', () => {
  it('asks which 01:30 was meant in Chicago on the night clocks go back, and books the chosen one', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'America/Chicago' });
    const preview = await a.reply('olivia', 'meeting schedule', { title: 'Night owls', when: '2027-11-07 01:30' });
    expect(visibleText(preview)).toMatch(/happens twice/);
    const labels = preview.components.flatMap((row) => row.components ?? []).map((c) => c.label);
    expect(labels).toEqual(['First 01:30 (UTC-05:00)', 'Second 01:30 (UTC-06:00)', 'Cancel']);
    await (await h.bed.driver.click({ guildId: a.id, channelId: preview.channelId, userId: a.members.olivia, messageId: preview.id, label: 'Second 01:30 (UTC-06:00)' })).updated();
    expect(h.bed.scheduledEvents(a.id).map((e) => e.scheduledStartTime)).toEqual(['2027-11-07T07:30:00.000Z']);
  });

  it('refuses a time in the spring-forward gap in Berlin, storing nothing', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Europe/Berlin' });
    const refused = await a.reply('olivia', 'meeting schedule', { title: 'Gap', when: '2027-03-28 02:30' });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/does not exist in Europe\/Berlin/);
    expect(visibleText(await a.reply('olivia', 'meeting list'))).toMatch(/No upcoming meetings/);
  });
});

describe('rescheduling and cancelling keep the Discord event in step', () => {
  it('moves the event with the meeting, then cancels it; a voice meeting becomes a voice event', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await schedule(a, 'sam', { title: 'Call', when: `${day(5, 'UTC')} 17:00`, where: `voice:${a.channel('Coworking call')}` });
    expect(h.bed.scheduledEvents(a.id)[0]).toMatchObject({ entityType: 2, channelId: a.channel('Coworking call') });
    const id = await meetingId(a, 'Call');
    const preview = await a.reply('sam', 'meeting reschedule', { meeting: id, when: `${day(6, 'UTC')} 18:00` });
    await (await h.bed.driver.click({ guildId: a.id, channelId: preview.channelId, userId: a.members.sam, messageId: preview.id, label: 'Confirm' })).updated();
    expect(h.bed.scheduledEvents(a.id)[0]!.scheduledStartTime).toBe(`${day(6, 'UTC')}T18:00:00.000Z`);
    const refused = await a.reply('marcus', 'meeting cancel', { meeting: id });
    expect(refused.content).toMatch(/Only organizers or the meeting's creator/);
    const cancelled = await a.reply('sam', 'meeting cancel', { meeting: id });
    expect(cancelled.content).toContain('Cancelled');
    expect(h.bed.scheduledEvents(a.id)[0]!.status).toBe(4);
  });
});

describe('the idea machine', () => {
  it('parks ideas within the quota, ranks them by dots, promotes one to the agenda and one to a priority', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Europe/Berlin' });
    await schedule(a, 'olivia', { title: 'Ideas night', when: `${day(9)} 18:00` });
    const id = await meetingId(a, 'Ideas night');
    for (const text of ['Coworking passport', 'Shared printer', 'Skill-share breakfast']) await a.reply('marcus', 'ideas add', { text });
    expect((await a.reply('marcus', 'ideas add', { text: 'A fourth idea' })).content).toMatch(/already have 3 open ideas/);
    const ideaChoices = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.priya, name: 'ideas', subcommand: 'vote', focused: 'idea', options: { idea: 'printer' } });
    const printer = Number(ideaChoices[0]!.value);
    expect((await a.reply('priya', 'ideas vote', { idea: printer, dots: 3 })).content).toMatch(/now has 3 dots\. You have 0 dots left this month/);
    expect((await a.reply('priya', 'ideas vote', { idea: printer, dots: 1 })).content).toMatch(/0 dots left this month/);
    expect(visibleText(await a.reply('sam', 'ideas list'))).toMatch(/^1\. \*\*3\*\* ● Shared printer/m);

    expect((await a.reply('marcus', 'ideas promote', { idea: printer, to: 'agenda', meeting: id }, { force: true })).content).toMatch(/Only organizers/);
    const promoted = await a.reply('olivia', 'ideas promote', { idea: printer, to: 'agenda', meeting: id, minutes: 15 });
    expect(promoted.content).toContain('Shared printer** is now on the agenda of **Ideas night');
    const agendaShown = visibleText(await a.reply('sam', 'agenda show', { meeting: id }));
    expect(agendaShown).toContain('Shared printer** (15 min)');
    expect(agendaShown).not.toContain('serves no current priority'); // no priorities yet

    const passport = Number((await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: 'ideas', subcommand: 'promote', focused: 'idea', options: { idea: 'passport' } }))[0]!.value);
    await a.reply('olivia', 'ideas promote', { idea: passport, to: 'priority', rank: 1, 'target-date': day(60) });
    await a.reply('olivia', 'priorities set', { rank: 2, text: 'Spring open-doors day' });
    const shown = visibleText(await a.reply('sam', 'priorities show'));
    expect(shown).toContain(`**1.** Coworking passport · target ${dayInWords(day(60))}`);
    expect(shown).toContain('**2.** Spring open\\-doors day'); // markdown-escaped, shows as typed
    await a.reply('olivia', 'priorities achieved', { rank: 1 });
    expect((await a.reply('olivia', 'priorities achieved', { rank: 2 })).content).toMatch(/priority refresh meeting/);
  });
});

describe('bad input', () => {
  it('is refused privately with the field named, and nothing is stored', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Europe/Berlin' });
    const refusals: [string, string, Record<string, string | number>, RegExp][] = [
      ['marcus', 'meeting schedule', { title: 'Past', when: 'yesterday 18:00' }, /already passed/],
      ['marcus', 'meeting schedule', { title: 'Vague', when: 'sometime next week' }, /time of day|could not read|understood/],
      ['marcus', 'meeting schedule', { title: 'Short', when: `${day(3)} 18:00`, 'duration-minutes': 10 }, /\*\*duration-minutes\*\* must be between 15 and 480/],
      ['marcus', 'meeting schedule', { title: 'Odd', when: `${day(3)} 18:00`, 'duration-minutes': 60, 'structured-minutes': 90 }, /structured-minutes.*longer than the meeting/],
      ['marcus', 'agenda add', { meeting: 999999, topic: 'x', minutes: 10 }, /no meeting #999999/],
    ];
    for (const [member, path, options, expected] of refusals) {
      const answer = await a.reply(member, path, options);
      expect(answer.ephemeral, path).toBe(true);
      expect(answer.content, JSON.stringify(options)).toMatch(expected);
    }
    expect(visibleText(await a.reply('marcus', 'meeting list'))).toMatch(/No upcoming meetings/);

    await schedule(a, 'olivia', { title: 'Full house', when: `${day(4)} 18:00` });
    const id = await meetingId(a, 'Full house');
    expect((await a.reply('marcus', 'agenda add', { meeting: id, topic: 'Too long', minutes: 121 })).content).toMatch(/\*\*minutes\*\* must be between 1 and 120/);
    await a.reply('marcus', 'agenda add', { meeting: id, topic: 'Mine', minutes: 5 });
    expect((await a.reply('priya', 'agenda remove', { item: await itemId(a, 'priya', id, 'Mine') })).content).toMatch(/only remove agenda items you proposed/);
    for (let i = 2; i <= 25; i++) await a.reply('olivia', 'agenda add', { meeting: id, topic: `Item ${i}`, minutes: 1 });
    expect((await a.reply('olivia', 'agenda add', { meeting: id, topic: 'Item 26', minutes: 1 })).content).toMatch(/full \(25 items\)/);
    const agenda = await a.reply('marcus', 'agenda show', { meeting: id });
    expect(visibleText(agenda)).toContain('25. Item 25');
    expect(visibleText(agenda)).not.toContain('Item 26');
    expect(visibleText(agenda)).not.toContain('Too long');
  });
});

describe('posting and participation', () => {
  it('organizers post the agenda on demand and see who attended', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await schedule(a, 'olivia', { title: 'Posted meetup', when: `${day(3, 'UTC')} 18:00` });
    const id = await meetingId(a, 'Posted meetup');
    await a.reply('marcus', 'agenda add', { meeting: id, topic: 'Newsletter', minutes: 10 });
    expect((await a.reply('marcus', 'agenda post', { meeting: id })).content).toMatch(/Only organizers or the meeting's creator/);
    expect((await a.reply('olivia', 'agenda post', { meeting: id })).content).toContain('Posted in');
    expect(visibleText(channelPosts(a, 'meetings').at(-1)!)).toContain('Newsletter');

    const startsAt = Date.parse(`${day(3, 'UTC')}T18:00:00Z`);
    h.clock.set(startsAt - 10 * MINUTE);
    await h.bot.scheduler.tick();
    const start = channelPosts(a, 'meetings').at(-1)!;
    await h.bed.driver.click({ guildId: a.id, channelId: start.channelId, userId: a.members.marcus, messageId: start.id, label: "I'm here" });
    h.clock.set(startsAt + 3 * HOUR);
    const report = await a.reply('olivia', 'participation report', { months: 1 });
    expect(report.ephemeral).toBe(true);
    expect(visibleText(report)).toContain(`<@${a.members.marcus}> · attended 1/1`);
    expect(visibleText(report)).toContain(`<@${a.members.priya}> · attended 0/1`);
    expect(report.pings.users).toEqual([]);
  });
});
