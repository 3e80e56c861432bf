// The monthly update preview says what it covers and when the next one goes out (issue #14), and "so far this
// month" shows the next update as it would read today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2027-01-20T12:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

describe('/updates preview', () => {
  it('states the days it covers and when the next update goes out', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await h.bot.scheduler.tick();
    const preview = await a.reply('olivia', 'updates preview');
    expect(preview.content).toContain('covering **Tuesday 1 December 2026** to **Thursday 31 December 2026**');
    const next = Date.parse('2027-02-01T10:00:00Z') / 1000;
    expect(preview.content).toContain(`The next update goes out <t:${next}:F>`);
  });

  it('so-far shows this month to date, with what happened since the 1st', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('marcus', 'skills offer', { skill: 'bookkeeping' });
    const soFar = await a.reply('olivia', 'updates preview', { 'so-far': true });
    expect(soFar.ephemeral).toBe(true);
    expect(soFar.content).toContain('**So far this month**');
    expect(soFar.content).toContain('covering **Friday 1 January 2027** to **Sunday 31 January 2027**');
    expect(visibleText(soFar)).toContain('1 new offer');
    expect(visibleText(await a.reply('olivia', 'updates preview'))).not.toContain('1 new offer');
  });

  it('says when monthly updates are switched off instead of a next date', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('olivia', 'updates settings', { enabled: false });
    const preview = await a.reply('olivia', 'updates preview');
    expect(preview.content).toContain('Monthly updates are switched off');
    expect(preview.content).not.toContain('The next update goes out');
  });
});
