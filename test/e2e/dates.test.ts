// Dates as members type and read them, end to end: "in 3 hours" counted from now in any zone (also the night the
// clocks change), one parser for every date option, calendar days in words, examples that never lie in the past.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/shared/clock.js';
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
