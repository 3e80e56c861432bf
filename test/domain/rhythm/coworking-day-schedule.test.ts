// Coworking Day reminders on the scheduler: the four reminders at 10:00 local on the right dates (also in a leap
// year and in UTC-10/+5:30/+13), late only within their own day, switchable, and the week announced on day one.
import { describe, expect, it } from 'vitest';
import type { JobRunner } from '../../../src/scheduler/runner.js';
import { HOUR, MINUTE } from '../../../src/shared/clock.js';
import { localToInstant } from '../../../src/shared/zoned-time.js';
import { ANNOUNCEMENTS, harness, localText, runUntil, type Harness } from './harness.js';

const G = '300000000000000002';
const DATES = ['07-10', '08-02', '08-08', '08-09'];

/** Ticks every 30 minutes through each given local day, and every 6 hours in between. */
async function runThroughDays(h: Harness, runner: JobRunner, zone: string, year: number, days: string[], until: string) {
  for (const day of days) {
    const [month, date] = day.split('-').map(Number) as [number, number];
    const start = localToInstant({ year, month, day: date, hour: 0, minute: 0 }, zone);
    await runUntil(h, runner, start - 30 * MINUTE, 6 * HOUR);
    await runUntil(h, runner, start + 24 * HOUR, 30 * MINUTE);
  }
  await runUntil(h, runner, until, 6 * HOUR);
}

/** Coworking Day posts only (the monthly update goes to the same channel). */
function icdPosts(h: Harness) {
  return h.discord.in(ANNOUNCEMENTS).filter((post) => post.key.startsWith('icd'));
}

function titles(h: Harness): string[] {
  return icdPosts(h).map((post) => post.messages[0]!.embeds[0]!.title);
}

describe('Coworking Day reminders on the scheduler', () => {
  for (const [zone, year] of [
    ['Pacific/Honolulu', 2028],
    ['Asia/Kolkata', 2026],
    ['Pacific/Tongatapu', 2028],
  ] as const) {
    it(`go out at 10:00 local on July 10, August 2, 8 and 9 in ${zone} (${year})`, async () => {
      const h = harness({ start: `${year}-06-28T00:00:00Z` });
      h.setupAlliance(G, zone);
      await runThroughDays(h, h.startProcess(), zone, year, DATES, `${year}-08-12T00:00:00Z`);
      const posts = icdPosts(h);
      expect(posts.map((post) => localText(post.at, zone))).toEqual(DATES.map((date) => `${year}-${date} 10:00`));
      expect(titles(h)).toEqual([
        'International Coworking Day is 30 days away',
        'One week to International Coworking Day',
        'International Coworking Day is tomorrow',
        'Happy International Coworking Day!',
      ]);
    });
  }

  it('a reminder missed for its whole day is never posted later; one back the same afternoon still goes out', async () => {
    const h = harness({ start: '2026-07-09T00:00:00Z' });
    h.setupAlliance(G, 'UTC');
    await h.startProcess().tick();
    // Down all of July 10: the 30-day reminder is skipped.
    h.clock.set('2026-07-11T00:00:00Z');
    await h.startProcess().tick();
    expect(h.services.jobs.byKey(`icd:${G}:2026:30d`)?.status).toBe('skipped');
    // Down from 09:00 to 15:00 on August 2: the 7-day reminder goes out at 15:00.
    h.clock.set('2026-08-02T15:00:00Z');
    await h.startProcess().tick();
    expect(icdPosts(h).map((post) => `${post.key} ${localText(post.at, 'UTC')}`)).toEqual([`icd:${G}:2026:7d 2026-08-02 15:00`]);
  });

  it('sends only the chosen reminders, none when switched off, and announces the week on its first day', async () => {
    const h = harness({ start: '2026-07-01T00:00:00Z' });
    const organizer = h.setupAlliance(G, 'America/Chicago');
    h.services.rhythm.coworkingDay.updateSettings(organizer, { reminders: '7, 0', weekName: 'KC Coworking Week', weekStart: '2026-08-03' });
    const runner = h.startProcess();
    await runThroughDays(h, runner, 'America/Chicago', 2026, ['07-10', '08-02', '08-03', '08-08'], '2026-08-08T23:00:00Z');
    expect(icdPosts(h).map((post) => localText(post.at, 'America/Chicago'))).toEqual(['2026-08-02 10:00', '2026-08-03 10:00']);
    expect(titles(h)).toEqual(['One week to International Coworking Day', 'KC Coworking Week starts today!']);
    h.services.rhythm.coworkingDay.updateSettings(organizer, { remindersEnabled: false });
    await runThroughDays(h, runner, 'America/Chicago', 2026, ['08-09'], '2026-08-11T00:00:00Z');
    expect(icdPosts(h)).toHaveLength(2);
    expect(h.services.jobs.byKey(`icd:${G}:2026:0d`)?.status).toBe('cancelled');
  });

  it('lists the spaces hosting something and invites others to add theirs', async () => {
    const directory = {
      spacesHostedBy: () => [{ id: 7, name: 'Hive Coworking' }],
      spaceAutocomplete: () => [],
    };
    const h = harness({ start: '2026-08-01T00:00:00Z', directory });
    h.setupAlliance(G, 'UTC');
    const host = { guildId: G, userId: '200000000000000009', isOrganizer: false, roleIds: [] };
    await h.services.rhythm.coworkingDay.host(host, { spaceId: 7, title: 'Open doors & pancakes', when: '09:00-12:00' }, {
      create: async () => ({ id: '555' }),
      remove: async () => undefined,
    });
    const runner = h.startProcess();
    await runUntil(h, runner, '2026-08-02T11:00:00Z', HOUR);
    const embeds = icdPosts(h)[0]!.messages.flatMap((message) => message.embeds);
    const text = embeds.map((embed) => `${embed.title}\n${embed.description}`).join('\n');
    expect(text).toContain('Who is hosting (1)');
    expect(text).toContain('**Hive Coworking**: Open doors & pancakes');
    expect(text).toContain('<@200000000000000009>');
    expect(text).toContain('/coworkingday host');
  });
});
