// International Coworking Day through the test bed with the real bot: /coworkingday show, host (a Discord scheduled
// event), settings, bad input, and the reminders at 10:00 local on the right dates. A stand-in directory says who
// hosts which space until the directory feature is wired in. Tests share one clock that only moves forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostedSpace, SpacesDirectory } from '../../src/rhythm/ports.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

const hosted = new Map<string, HostedSpace[]>();
const directory: SpacesDirectory = {
  spacesHostedBy: (guildId, userId) => hosted.get(`${guildId}:${userId}`) ?? [],
  spaceAutocomplete: (guildId, query, { hostedBy }) =>
    (hostedBy ? (hosted.get(`${guildId}:${hostedBy}`) ?? []) : [])
      .filter((space) => space.name.toLowerCase().includes(query.toLowerCase()))
      .map((space) => ({ ...space, city: 'Kansas City' })),
};

let h: Harness;
let spaceIds = 0;
beforeAll(async () => {
  h = await startHarness({ now: '2027-06-01T12:00:00Z', ports: { directory } });
});
afterAll(async () => {
  await h?.stop();
});

const tick = () => h.bot.scheduler.tick();

function hosts(a: Alliance, member: string, name: string): number {
  const space = { id: ++spaceIds, name };
  const key = `${a.id}:${a.userId(member)}`;
  hosted.set(key, [...(hosted.get(key) ?? []), space]);
  return space.id;
}

async function alliance(timezone: string): Promise<Alliance> {
  const a = await h.newAlliance();
  await a.setup({ timezone });
  return a;
}

describe('International Coworking Day on Discord', () => {
  it('/coworkingday host offers only your spaces and creates a Discord event that /coworkingday show lists', async () => {
    const a = await alliance('America/Chicago');
    const hive = hosts(a, 'priya', 'Hive');
    hosts(a, 'marcus', 'Nest');
    const choices = await h.bed.driver.autocomplete({
      guildId: a.id, channelId: a.channel('general'), userId: a.members.priya, name: 'coworkingday', subcommand: 'host', options: { space: '' }, focused: 'space',
    });
    expect(choices).toEqual([{ name: 'Hive · Kansas City', value: String(hive) }]);

    const answer = await a.reply('priya', 'coworkingday host', {
      space: String(hive), title: 'Open doors and breakfast', when: '09:00-17:00', link: 'https://hive.example/icd',
    });
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain('Registered');
    const events = h.bed.scheduledEvents(a.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: 'Open doors and breakfast',
      entityType: 3,
      location: 'https://hive.example/icd',
      // 09:00 to 17:00 on August 9 in Chicago (CDT, UTC-5).
      scheduledStartTime: '2027-08-09T14:00:00.000Z',
      scheduledEndTime: '2027-08-09T22:00:00.000Z',
    });
    expect(answer.content).toContain(`https://discord.com/events/${a.id}/${events[0]!.id}`);

    const show = await a.reply('sam', 'coworkingday show');
    expect(show.ephemeral).toBe(true);
    const text = visibleText(show);
    expect(text).toContain('International Coworking Day 2027 is in **69 days**');
    expect(text).toContain('**Hive**: Open doors and breakfast');
    expect(text).toContain(`hosted by <@${a.members.priya}>`);
    expect(show.pings.users).toEqual([]);

    const shared = await a.reply('sam', 'coworkingday show', { share: true });
    expect(shared.ephemeral).toBe(false);
    expect(shared.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
  });

  it('refuses an event outside August 9 (or the coworking week) and a space you do not host, storing nothing', async () => {
    const a = await alliance('America/Chicago');
    const hive = hosts(a, 'priya', 'Hive');
    const nest = hosts(a, 'marcus', 'Nest');
    const host = (member: string, options: Record<string, string>) => a.reply(member, 'coworkingday host', { title: 'Cowork with us', ...options });

    const early = await host('priya', { space: String(hive), when: '2027-08-05 10:00' });
    expect(early.ephemeral).toBe(true);
    expect(early.content).toContain('**when** must be on International Coworking Day (Monday 9 August 2027)');
    const notYours = await host('priya', { space: String(nest), when: '10:00' });
    expect(notYours.content).toContain('**space** must be one of the spaces you host');
    const typed = await host('priya', { space: 'Hive', when: '10:00' });
    expect(typed.content).toContain('**space** must be picked from the list');
    const none = await host('sam', { space: String(hive), when: '25:00' });
    expect(none.content).toContain('Please fix these');
    expect(none.content).toContain('**space** must be one you host');
    expect(none.content).toContain('**when** has a time that does not exist');
    expect(h.bed.scheduledEvents(a.id)).toHaveLength(0);
    expect(visibleText(await a.reply('sam', 'coworkingday show'))).toContain('No space has registered an event yet');

    // With a coworking week, its days are fine too.
    const week = await a.reply('olivia', 'coworkingday settings', { 'week-name': 'KC Coworking Week', 'week-start': '2027-08-03' });
    expect(visibleText(week)).toContain('**KC Coworking Week**, Tuesday 3 August 2027 to Monday 9 August 2027');
    const inWeek = await host('priya', { space: String(hive), when: '2027-08-05 10:00' });
    expect(inWeek.content).toContain('Registered');
    expect(h.bed.scheduledEvents(a.id)).toHaveLength(1);
  });

  it('keeps /coworkingday settings to organizers and names the bad field', async () => {
    const a = await alliance('UTC');
    const refused = await a.reply('marcus', 'coworkingday settings', { reminders: false });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('Only organizers can do that');
    expect((await a.reply('olivia', 'coworkingday settings', { which: '30,14' })).content).toContain('**which** must list reminders among 30, 7, 1 and 0');
    expect((await a.reply('olivia', 'coworkingday settings', { 'week-name': 'Week', 'week-start': '2027-08-10' })).content).toContain(
      '**week-start** must begin a week that includes August 9',
    );
    const shown = visibleText(await a.reply('olivia', 'coworkingday settings'));
    expect(shown).toContain('On, at 10:00 (UTC)');
    expect(shown).toContain('30 days before (July 10)');
    expect(shown).toContain('events must be on August 9');
  });

  it('posts the reminders at 10:00 local on July 10, August 2, 8 and 9, and only the ones chosen', async () => {
    const all = await alliance('America/Chicago');
    const hive = hosts(all, 'priya', 'Hive');
    await all.reply('priya', 'coworkingday host', { space: String(hive), title: 'Open doors', when: '10:00' });
    const some = await alliance('Asia/Kolkata');
    await some.reply('olivia', 'coworkingday settings', { which: '0', 'week-name': 'Pune Coworking Week', 'week-start': '2027-08-06' });
    // Only Coworking Day posts in these announcement channels.
    for (const a of [all, some]) await a.reply('olivia', 'updates settings', { enabled: false });
    await tick();
    const posts = (a: Alliance) => h.bed.messages(a.channel('announcements')).map(visibleText);

    // Chicago is UTC-5 in summer; Kolkata UTC+5:30.
    const steps: [string, number, number, string?][] = [
      ['2027-07-10T14:59:00Z', 0, 0],
      ['2027-07-10T15:00:00Z', 1, 0, 'International Coworking Day is 30 days away'],
      ['2027-08-02T15:00:00Z', 2, 0, 'One week to International Coworking Day'],
      ['2027-08-06T04:30:00Z', 2, 1, 'Pune Coworking Week starts today!'],
      ['2027-08-08T15:00:00Z', 3, 1, 'International Coworking Day is tomorrow'],
      ['2027-08-09T04:30:00Z', 3, 2, 'Happy International Coworking Day!'],
      ['2027-08-09T15:00:00Z', 4, 2, 'Happy International Coworking Day!'],
    ];
    let before = [0, 0];
    for (const [moment, allCount, someCount, title] of steps) {
      h.clock.set(moment);
      await tick();
      expect([posts(all).length, posts(some).length], moment).toEqual([allCount, someCount]);
      const fresh = [...posts(all).slice(before[0]), ...posts(some).slice(before[1])];
      if (title) expect(fresh.map((text) => text.split('\n')[0]), moment).toEqual([title]);
      before = [allCount, someCount];
    }
    expect(posts(all)[0]).toContain('**Hive**: Open doors');
    expect(posts(all)[0]).toContain('/coworkingday host');
  });
});
