// Dates as members type and read them, end to end: "in 3 hours" counted from now in any zone (also the night the
// clocks change), one parser for every date option, calendar days in words, examples that never lie in the past.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/shared/clock.js';
import { dayOfInstant } from '../../src/shared/day-words.js';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const understood = (text: string): number => Number(/I understood \*\*<t:(\d+):F>\*\*/.exec(text)?.[1]) * 1000;

describe('"in N hours" is counted from now, in any zone', () => {
  it.each([
    // 04:59 in Chicago: the time the bug was seen ("01:59 has already passed").
    ['America/Chicago', '2026-12-06T10:59:00Z', 'in 3 hours', 3 * HOUR],
    ['Asia/Kolkata', '2026-12-06T10:59:00Z', 'in 30 minutes', HOUR / 2],
    ['Pacific/Auckland', '2026-12-06T10:59:00Z', 'in 1 hour', HOUR],
    // 01:30 CDT on the night Chicago's clocks go back: three hours later is 03:30 CST.
    ['America/Chicago', '2026-11-01T06:30:00Z', 'in 3 hours', 3 * HOUR],
    // 01:30 CET in Berlin the night the clocks go forward (29 March 2026): two hours later is 04:30 CEST.
    ['Europe/Berlin', '2026-03-29T00:30:00Z', 'in 2 hours', 2 * HOUR],
  ])('%s at %s: "%s"', async (zone, now, when, ahead) => {
    const a = await h.newAlliance();
    await a.setup({ timezone: zone });
    h.clock.set(now);
    const preview = await a.reply('marcus', 'meeting schedule', { title: 'Quick call', when });
    expect(visibleText(preview)).not.toContain('already passed');
    expect(understood(visibleText(preview))).toBe(Date.parse(now) + ahead);
  });
});

describe('every date option reads the same words, in the alliance zone, and restates what matters', () => {
  it('/proposal create closes:"friday 5pm" restates the deadline before anything is stored, and opens until then', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'America/Chicago' });
    h.clock.set('2026-12-07T15:00:00Z'); // Monday 09:00 in Chicago
    const opened = await a.run('marcus', 'proposal create', { title: 'Shared printer', closes: 'friday 5pm' });
    expect(opened.modal?.title).toBe('New proposal · closes Fri 11 Dec 2026, 17:00');
    expect(h.bot.services.proposals.list(a.id, 'open', 0, 10).total).toBe(0);
    const submitted = await h.bed.driver.submitModal({
      guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: opened.modal!, values: { title: 'Shared printer', summary: 'Buy one.' },
    });
    const reply = await submitted.reply();
    // 17:00 CST is 23:00 UTC.
    expect(reply.content).toContain(`open until <t:${Date.parse('2026-12-11T23:00:00Z') / 1000}:F>`);
  });

  it('/proposal create closes:"in 3 days" counts from now; a time the clocks skip is refused', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Europe/Berlin' });
    h.clock.set('2027-03-25T10:00:00Z');
    const skipped = await a.reply('marcus', 'proposal create', { title: 'Shared printer', closes: '2027-03-28 02:30' });
    expect(skipped.ephemeral).toBe(true);
    expect(skipped.content).toContain('does not exist in Europe/Berlin');
    const opened = await a.run('marcus', 'proposal create', { title: 'Shared printer', closes: 'in 3 days' });
    // The same time of day three days on, though the clocks go forward on the way.
    expect(opened.modal?.title).toBe('New proposal · closes Sun 28 Mar 2027, 11:00');
  });

  it('/skills need by:"friday" is stored as that day and said back in words', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Pacific/Auckland' });
    h.clock.set('2026-12-06T12:00:00Z'); // already Monday 7 December in Auckland
    const answer = await a.reply('sam', 'skills need', { skill: 'photography', by: 'friday' });
    expect(answer.content).toContain('Needed by Friday 11 December 2026.');
    expect(answer.content).toMatch(/It lapses on \w+day \d+ \w+ 2027/);
    expect(answer.content).not.toMatch(/<t:\d+:D>/);
    expect(visibleText(await a.reply('sam', 'skills mine'))).toContain('needed by Friday 11 December 2026');
  });

  it('/coworkingday settings week-start:"august 3" and /coworkingday show write Coworking Day and the week as days', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'America/Chicago' });
    h.clock.set('2027-06-01T12:00:00Z');
    const saved = await a.reply('olivia', 'coworkingday settings', { 'week-name': 'KC Coworking Week', 'week-start': 'august 3' });
    expect(visibleText(saved)).toContain('**KC Coworking Week**, Tuesday 3 August 2027 to Monday 9 August 2027');
    const show = visibleText(await a.reply('sam', 'coworkingday show'));
    expect(show).toContain('on Monday 9 August 2027');
    expect(show).toContain('runs from Tuesday 3 August 2027 to Monday 9 August 2027');
    expect(show).not.toMatch(/<t:\d+:D>/);
  });
});

describe('examples are never in the past', () => {
  it('no registered description shows a fixed date, in any language', () => {
    const descriptions: string[] = [];
    const collect = (item: { description?: string; description_localizations?: Record<string, string> | null }) => {
      descriptions.push(item.description ?? '', ...Object.values(item.description_localizations ?? {}));
    };
    const walk = (options: unknown): void => {
      for (const option of (options as { description?: string; options?: unknown }[] | undefined) ?? []) {
        collect(option);
        walk(option.options);
      }
    };
    for (const command of h.bed.commands()) {
      collect(command as never);
      walk(command.options);
    }
    expect(descriptions.length).toBeGreaterThan(200);
    expect(descriptions.filter((d) => /\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/.test(d))).toEqual([]);
  });

  it('a refused date hints with a day a week from today', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'America/Chicago' });
    h.clock.set('2031-05-02T15:00:00Z');
    const answer = await a.reply('marcus', 'meeting schedule', { title: 'Quick call', when: 'whenever suits' });
    expect(answer.content).toContain('"2031-05-09 18:00"');
  });
});

describe('due dates', () => {
  it('/meeting outcome due:"in 2 weeks" records that day and says it in words', async () => {
    // The test bed checks a scheduled event's start against the real clock.
    h.clock.set(Math.floor(Date.now() / HOUR) * HOUR);
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Asia/Kolkata' });
    const preview = await a.reply('olivia', 'meeting schedule', { title: 'Dates meetup', when: 'in 3 hours' });
    await (await h.bed.driver.click({ guildId: a.id, channelId: preview.channelId, userId: a.members.olivia, messageId: preview.id, label: 'Confirm' })).updated();
    const base = { guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia };
    const meeting = Number((await h.bed.driver.autocomplete({ ...base, name: 'agenda', subcommand: 'show', focused: 'meeting', options: { meeting: 'Dates' } }))[0]!.value);
    await a.reply('olivia', 'agenda add', { meeting, topic: 'Shared insurance', minutes: 20 });
    const item = Number((await h.bed.driver.autocomplete({ ...base, name: 'meeting', subcommand: 'outcome', focused: 'item', options: { meeting, item: 'Shared' } }))[0]!.value);
    h.clock.advance(4 * HOUR); // outcomes are recorded once the meeting has started
    const recorded = await a.reply('olivia', 'meeting outcome', { meeting, item, result: 'action', owner: a.members.priya, due: 'in 2 weeks' });
    const due = dayOfInstant(h.clock.now().getTime() + 14 * DAY, 'Asia/Kolkata');
    expect(recorded.content).toContain(`due ${due}`);
  });
});
