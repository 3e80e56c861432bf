// The monthly update on the scheduler: once per month across restarts, catch-up within 3 days and skipped after,
// the right local minute in UTC-10, UTC+5:30 and UTC+13, preview = post, and a failing channel reported once.
import { describe, expect, it } from 'vitest';
import { MINUTE, DAY, HOUR } from '../../../src/shared/clock.js';
import type { Publish } from '../../../src/rhythm/ports.js';
import type { UpdateSectionProvider } from '../../../src/shared/update-section.js';
import { ANNOUNCEMENTS, ORGANIZERS, english, harness, localText, runUntil } from './harness.js';

const G = '300000000000000001';

const directorySection: UpdateSectionProvider = {
  id: 'directory',
  order: 10,
  build: (period) => ({ title: 'New spaces', lines: [`Welcomed since <t:${period.from / 1000}:D>: Hive Coworking`] }),
};

describe('monthly update schedule', () => {
  it('posts once per month across a restart at the due minute', async () => {
    const h = harness({ start: '2026-11-30T10:00:00Z', sections: [directorySection] });
    h.setupAlliance(G, 'UTC');
    let crash = true;
    // The first process posts, then dies before it can record the run.
    const crashing: Publish = async (target, messages) => {
      const posted = await h.discord.publish(target, messages);
      if (crash) return new Promise(() => undefined);
      return posted;
    };
    const first = h.startProcess(crashing);
    await first.tick();
    h.clock.set('2026-12-01T10:00:00Z');
    void first.tick();
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.discord.in(ANNOUNCEMENTS)).toHaveLength(1);
    crash = false;
    h.clock.set('2026-12-01T10:00:30Z');
    const second = h.startProcess();
    await runUntil(h, second, '2026-12-01T12:00:00Z', MINUTE);
    await runUntil(h, second, '2026-12-31T23:00:00Z', 6 * HOUR);
    const december = h.discord.in(ANNOUNCEMENTS);
    expect(december).toHaveLength(1);
    expect(h.services.jobs.byKey(`monthly:${G}:2026-12`)?.status).toBe('done');
    const org = { guildId: G, userId: '200000000000000001', isOrganizer: true, roleIds: [] };
    expect(h.services.rhythm.updates.history(org).map((e) => e.period)).toEqual(['2026-12']);
    // Another restart later in the month changes nothing; January brings the next one.
    const third = h.startProcess();
    await runUntil(h, third, '2027-01-01T10:00:00Z', 30 * MINUTE);
    expect(h.discord.in(ANNOUNCEMENTS).map((post) => localText(post.at, 'UTC'))).toEqual(['2026-12-01 10:00', '2027-01-01 10:00']);
  });

  it('catches up after two days down, and skips (with a log line) once three days have passed', async () => {
    const h = harness({ start: '2026-11-20T12:00:00Z' });
    h.setupAlliance(G, 'UTC');
    await h.startProcess().tick();
    // Down from Nov 20 to Dec 3, 10:00: two days after the due time.
    h.clock.set('2026-12-03T10:00:00Z');
    await h.startProcess().tick();
    expect(h.discord.in(ANNOUNCEMENTS).map((post) => localText(post.at, 'UTC'))).toEqual(['2026-12-03 10:00']);
    // Down from Dec 3 to Feb 4, 10:01: January's update is more than three days late.
    h.clock.set('2027-02-04T10:01:00Z');
    await h.startProcess().tick();
    expect(h.discord.in(ANNOUNCEMENTS)).toHaveLength(1);
    expect(h.services.jobs.byKey(`monthly:${G}:2027-01`)?.status).toBe('skipped');
    expect(h.logs.some((line) => line.includes(`monthly:${G}:2027-01`) && line.includes('missed its grace window'))).toBe(true);
  });

  it('starts a newly set-up alliance with its next update, not one already due before it had the bot', async () => {
    // Set up on December 2 at noon: December's update (due Dec 1, 10:00) is within its grace window, but the
    // grace window is for a bot that was down, not for an alliance that did not exist yet.
    const h = harness({ start: '2026-12-02T12:00:00Z' });
    h.setupAlliance(G, 'UTC');
    const runner = h.startProcess();
    await runner.tick();
    expect(h.discord.in(ANNOUNCEMENTS)).toHaveLength(0);
    expect(h.services.jobs.byKey(`monthly:${G}:2026-12`)).toBeNull();
    await runUntil(h, runner, '2027-01-01T10:00:00Z', 6 * HOUR);
    expect(h.discord.in(ANNOUNCEMENTS).map((post) => localText(post.at, 'UTC'))).toEqual(['2027-01-01 10:00']);
  });

  it('skips this month when new settings put its time in the past, instead of posting at once', async () => {
    const h = harness({ start: '2026-12-20T10:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    const runner = h.startProcess();
    await h.services.rhythm.updates.updateSettings(organizer, { day: 25 });
    await runUntil(h, runner, '2027-01-16T12:00:00Z', 6 * HOUR);
    // January's update was due on the 25th; moving it to the 15th (inside the 3-day window) does not post it now.
    await h.services.rhythm.updates.updateSettings(organizer, { day: 15 });
    await runUntil(h, runner, '2027-02-15T10:00:00Z', 6 * HOUR);
    expect(h.discord.in(ANNOUNCEMENTS).map((post) => localText(post.at, 'UTC'))).toEqual(['2026-12-25 10:00', '2027-02-15 10:00']);
  });

  it('does not catch up a month that was due while updates were switched off', async () => {
    const h = harness({ start: '2026-11-20T12:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    const runner = h.startProcess();
    await runner.tick();
    await h.services.rhythm.updates.updateSettings(organizer, { enabled: false });
    await runUntil(h, runner, '2026-12-02T12:00:00Z', 6 * HOUR);
    await h.services.rhythm.updates.updateSettings(organizer, { enabled: true });
    await runUntil(h, runner, '2027-01-01T10:00:00Z', 6 * HOUR);
    expect(h.discord.in(ANNOUNCEMENTS).map((post) => localText(post.at, 'UTC'))).toEqual(['2027-01-01 10:00']);
  });

  for (const [zone, utc] of [
    ['Pacific/Honolulu', '2026-12-01 20:00'],
    ['Asia/Kolkata', '2026-12-01 04:30'],
    ['Pacific/Auckland', '2026-11-30 21:00'],
  ] as const) {
    it(`goes out at 10:00 local on the 1st in ${zone}`, async () => {
      const h = harness({ start: '2026-11-29T00:00:00Z' });
      h.setupAlliance(G, zone);
      const runner = h.startProcess();
      await runUntil(h, runner, '2026-11-30T12:00:00Z', 6 * HOUR);
      await runUntil(h, runner, '2026-12-02T12:00:00Z', 30 * MINUTE);
      const posts = h.discord.in(ANNOUNCEMENTS);
      expect(posts.map((post) => localText(post.at, 'UTC'))).toEqual([utc]);
      expect(localText(posts[0]!.at, zone)).toBe('2026-12-01 10:00');
    });
  }

  it('follows DST: Auckland posts at 10:00 local in April (UTC+13) and May (UTC+12)', async () => {
    const h = harness({ start: '2026-03-30T00:00:00Z' });
    h.setupAlliance(G, 'Pacific/Auckland');
    const runner = h.startProcess();
    await runUntil(h, runner, '2026-04-01T00:00:00Z', 30 * MINUTE);
    await runUntil(h, runner, '2026-04-30T12:00:00Z', 6 * HOUR);
    await runUntil(h, runner, '2026-05-02T00:00:00Z', 30 * MINUTE);
    const posts = h.discord.in(ANNOUNCEMENTS);
    expect(posts.map((post) => localText(post.at, 'UTC'))).toEqual(['2026-03-31 21:00', '2026-04-30 22:00']);
    expect(posts.map((post) => localText(post.at, 'Pacific/Auckland'))).toEqual(['2026-04-01 10:00', '2026-05-01 10:00']);
  });

  it('posts exactly what the preview showed at that moment', async () => {
    const h = harness({ start: '2026-11-30T10:00:00Z', sections: [directorySection] });
    const organizer = h.setupAlliance(G, 'UTC');
    h.services.rhythm.updates.setNote(organizer, 'Summer party on the 12th!');
    const runner = h.startProcess();
    await runner.tick();
    h.clock.set('2026-12-01T10:00:00Z');
    const preview = h.services.rhythm.updates.preview(organizer, {}, english);
    await runner.tick();
    expect(h.discord.in(ANNOUNCEMENTS)[0]!.messages).toEqual(preview.messages);
    expect(JSON.stringify(preview.messages)).toContain('Summer party on the 12th!');
    // The note was for that update only.
    expect(h.services.rhythm.updates.settings(G).note).toBeNull();
  });

  it('a failing channel is retried with backoff and organizers are told once', async () => {
    const h = harness({ start: '2026-11-30T10:00:00Z' });
    h.setupAlliance(G, 'UTC');
    h.discord.failing.add(ANNOUNCEMENTS);
    const runner = h.startProcess();
    await runUntil(h, runner, '2026-12-01T12:00:00Z', MINUTE);
    await runUntil(h, runner, '2026-12-03T00:00:00Z', HOUR);
    const job = h.services.jobs.byKey(`monthly:${G}:2026-12`);
    expect(job).toMatchObject({ status: 'failed', attempts: 5, lastError: 'Missing Permissions (50013)' });
    const notices = h.discord.in(ORGANIZERS);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.messages[0]!.embeds[0]!.description).toContain('The monthly update for December 2026 could not be posted after 5 attempts');
    expect(localText(notices[0]!.at, 'UTC')).toBe('2026-12-01 11:21');
    expect(h.discord.in(ANNOUNCEMENTS)).toHaveLength(0);
  });

  it('post-now counts as this month\'s update: the scheduled one is skipped', async () => {
    const h = harness({ start: '2026-11-30T10:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    const runner = h.startProcess();
    await runner.tick();
    h.clock.set('2026-12-01T08:00:00Z');
    const posted = await h.services.rhythm.updates.postNow(organizer, h.discord.publish, english);
    expect(posted.period).toBe('2026-12');
    await runUntil(h, runner, '2026-12-02T00:00:00Z', 2 * HOUR);
    expect(h.discord.in(ANNOUNCEMENTS)).toHaveLength(1);
    expect(h.services.jobs.byKey(`monthly:${G}:2026-12`)).toMatchObject({ status: 'skipped', lastError: 'already posted with /updates post-now' });
  });

  it('follows settings: another day and hour, switched off, switched on again', async () => {
    const h = harness({ start: '2026-11-20T00:00:00Z' });
    const organizer = h.setupAlliance(G, 'Asia/Kolkata');
    const runner = h.startProcess();
    await h.services.rhythm.updates.updateSettings(organizer, { day: 15, hour: 9 });
    await runUntil(h, runner, '2026-12-01T00:00:00Z', 6 * HOUR);
    // 15 Dec 09:00 in Kolkata; the 20 Nov job of November had already passed its time and is not re-created.
    expect(h.services.rhythm.updates.settings(G).nextDueAt).toBe(Date.parse('2026-12-15T03:30:00Z'));
    await h.services.rhythm.updates.updateSettings(organizer, { enabled: false });
    expect(h.services.jobs.byKey(`monthly:${G}:2026-12`)?.status).toBe('cancelled');
    await runUntil(h, runner, '2026-12-10T00:00:00Z', DAY);
    await h.services.rhythm.updates.updateSettings(organizer, { enabled: true });
    await runUntil(h, runner, '2026-12-14T12:00:00Z', 6 * HOUR);
    await runUntil(h, runner, '2026-12-16T00:00:00Z', 30 * MINUTE);
    expect(h.discord.in(ANNOUNCEMENTS).map((post) => localText(post.at, 'Asia/Kolkata'))).toEqual(['2026-12-15 09:00']);
  });
});
