// Monthly-update day for many alliances at once: the bot posts every update in one tick, paced (a burst, then 20 a
// second) so the posts never spend all of Discord's 50 requests a second that members' replies share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULED_JOBS_PER_SECOND } from '../../src/scheduler/scheduler.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-24T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

describe('monthly-update day', () => {
  it('posts 40 alliances\' updates in one tick, spread over time at the scheduler\'s pace', async () => {
    const alliances: Alliance[] = [];
    for (let k = 0; k < 40; k++) {
      const a = await h.newAlliance();
      await a.setup({ timezone: 'UTC' });
      alliances.push(a);
    }
    await h.bot.scheduler.tick();
    h.clock.set('2026-12-01T10:00:00Z');
    await h.bot.scheduler.tick();

    const posted = alliances.map((a) => h.bed.messages(a.channel('announcements')).filter((m) => m.fromBot && visibleText(m).includes('Alliance update · December 2026')));
    for (const posts of posted) expect(posts).toHaveLength(1);
    const times = posted.map((posts) => posts[0]!.createdAt).sort((x, y) => x - y);
    // A burst of 10, then 30 more at 20 a second: about 1.5 s, never 40 in the same instant.
    expect(SCHEDULED_JOBS_PER_SECOND).toBeLessThanOrEqual(25);
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThanOrEqual(1200);
  }, 60_000);
});
