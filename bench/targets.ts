// The targets, checked against one run's results: PASS or MISS per target, never loosened here.
import type { Results, TargetResult } from './results.js';
import { round } from './stats.js';

/** Heap growth (after a full GC) that still counts as noise over the leak check: 100 bytes per interaction over 20,000. */
export const LEAK_NOISE_MB = 2;

const ms = (value: number) => `${round(value, 3)} ms`;
const x = (value: number) => `${round(value, 2)}×`;
const signed = (value: number) => `${value >= 0 ? '+' : ''}${round(value, 3)} ms`;

export function evaluateTargets(results: Omit<Results, 'targets'>): TargetResult[] {
  const targets: TargetResult[] = [];
  const floor = results.floor.latency.latency;
  for (const row of results.bot.latency) {
    if (row.kind !== 'interaction') continue;
    const { p50, p99 } = row.latency;
    targets.push({
      target: `${row.name}: p50 ≤ 1.5× floor`,
      value: `${ms(p50)} vs ${ms(floor.p50)} (${x(p50 / floor.p50)}, ${signed(p50 - floor.p50)})`,
      pass: p50 <= 1.5 * floor.p50,
    });
    targets.push({
      target: `${row.name}: p99 ≤ 2× floor`,
      value: `${ms(p99)} vs ${ms(floor.p99)} (${x(p99 / floor.p99)}, ${signed(p99 - floor.p99)})`,
      pass: p99 <= 2 * floor.p99,
    });
    if (row.errors) targets.push({ target: `${row.name}: no errors`, value: `${row.errors} (${row.firstError})`, pass: false });
  }

  const botRss = results.bot.memory.ready.rssMB;
  const floorRss = results.floor.memory.ready.rssMB;
  targets.push({ target: 'RSS after READY ≤ 1.3× floor', value: `${round(botRss, 1)} MB vs ${round(floorRss, 1)} MB (${x(botRss / floorRss)})`, pass: botRss <= 1.3 * floorRss });
  targets.push({ target: 'RSS after READY < 150 MB', value: `${round(botRss, 1)} MB`, pass: botRss < 150 });
  const { warm, after, interactionsSinceWarm, interactionsSinceReady } = results.bot.memory;
  const heapGrowth = after.heapUsedMB - warm.heapUsedMB;
  targets.push({
    target: `no heap growth after ${interactionsSinceReady.toLocaleString('en-US')} interactions (warm → after, ${interactionsSinceWarm.toLocaleString('en-US')} apart; ≤ ${LEAK_NOISE_MB} MB after GC)`,
    value: `${heapGrowth >= 0 ? '+' : ''}${round(heapGrowth, 2)} MB heap, ${after.rssMB - warm.rssMB >= 0 ? '+' : ''}${round(after.rssMB - warm.rssMB, 1)} MB RSS`,
    pass: heapGrowth <= LEAK_NOISE_MB && interactionsSinceReady >= results.meta.scale.leakInteractions,
  });

  const t = results.bot.throughput;
  targets.push({ target: '≥ 500 interactions/s sustained', value: `${round(t.perSecond, 0)}/s over ${round(t.seconds, 1)} s, ${t.inFlight} in flight`, pass: t.perSecond >= 500 });
  targets.push({ target: 'throughput p99 < 100 ms', value: ms(t.latency.p99), pass: t.latency.p99 < 100 });
  targets.push({ target: 'throughput: no errors', value: t.errors ? `${t.errors} (${t.firstError})` : '0', pass: t.errors === 0 });
  targets.push({ target: 'start-up on an existing database < 2 s', value: `${round(results.bot.startup.existingMedianMs, 0)} ms (median)`, pass: results.bot.startup.existingMedianMs < 2000 });

  for (const g of results.growth) {
    if (g.target !== 'log') continue;
    targets.push({
      target: `${g.name}: at most logarithmic growth`,
      value: `${x(g.overall)} from ${g.sizes[0]!.toLocaleString('en-US')} to ${g.sizes[g.sizes.length - 1]!.toLocaleString('en-US')} rows (log allows ${x(g.bound)})`,
      pass: g.overall <= g.bound,
    });
  }
  return targets;
}
