// The alliance's rhythm through the test bed with the real bot: the monthly update posted once on time (also across
// a restart at the due minute), without pings, and a channel the bot cannot post in reported to organizers once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/shared/clock.js';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-24T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const tick = () => h.bot.scheduler.tick();

describe('rhythm on Discord', () => {
  it('posts the monthly update at 10:00 local on the 1st, once, across a restart at that minute', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Asia/Kolkata' });
    await tick();
    h.clock.set('2026-12-01T04:30:00Z');
    await tick();
    const announcements = a.channel('announcements');
    const posted = h.bed.messages(announcements);
    expect(posted).toHaveLength(1);
    expect(visibleText(posted[0]!)).toContain('Alliance update · December 2026');
    expect(posted[0]!.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
    await h.restart();
    await tick();
    h.clock.advance(30 * MINUTE);
    await tick();
    expect(h.bed.messages(announcements)).toHaveLength(1);
  });

  it('retries a channel it cannot post in and tells the organizers once', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    h.bed.guild(a.id).denyBot(a.channel('announcements'), ['SendMessages']);
    await tick();
    h.clock.set('2027-01-01T10:00:00Z');
    for (let minute = 0; minute <= 90; minute++) {
      await tick();
      h.clock.advance(MINUTE);
    }
    expect(h.bed.messages(a.channel('announcements'))).toHaveLength(0);
    const notices = h.bed.messages(a.channel('organizers'));
    expect(notices).toHaveLength(1);
    expect(visibleText(notices[0]!)).toContain('The monthly update for January 2027 could not be posted after 5 attempts');
  });
});
