// The bench's arithmetic and its verdicts: percentiles, growth per tenfold, the log bound and PASS/MISS.
import { describe, expect, it } from 'vitest';
import { distribution, growthPerStep, logarithmicBound, percentile } from '../../bench/stats.js';
import { evaluateTargets } from '../../bench/targets.js';
import type { Results } from '../../bench/results.js';
import { SMOKE } from '../../bench/scale.js';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(distribution([3, 1, 2])).toMatchObject({ n: 3, min: 1, p50: 2, max: 3, mean: 2 });
  });

  it('reports growth per tenfold and allows log(n) growth over the range', () => {
    expect(growthPerStep([1, 2, 4])).toEqual([2, 2]);
    expect(logarithmicBound([100, 1_000, 10_000, 100_000])).toBeCloseTo(2.5);
  });
});

const memory = (rssMB: number, heapUsedMB = 20) => ({ rssMB, heapUsedMB, heapTotalMB: 40, externalMB: 3, spacesMB: {} });
const dist = (p50: number, p99: number) => ({ n: 1000, min: p50, p50, p95: p99, p99, max: p99, mean: p50 });
const throughput = { seconds: 30, inFlight: 50, completed: 18_000, perSecond: 600, latency: dist(20, 80), errors: 0, rateLimited: 0, firstError: null };

function results(overrides: { helpP50?: number; botRss?: number; heapAfter?: number; startup?: number; growth?: number[] } = {}): Omit<Results, 'targets'> {
  return {
    meta: { date: '', mode: 'smoke', node: '20', discordJs: '14', platform: '', cpu: '', cores: 2, memoryGB: 1, botNodeFlags: [], load: [0, 0], commit: '', seconds: 1, seedSeconds: 1, scale: { ...SMOKE, leakInteractions: 20_000 } },
    floor: { startupMs: 500, startupCpuMs: 400, latency: { name: '/ping', latency: dist(1, 4), errors: 0, firstError: null }, throughput, memory: { ready: memory(100), warm: memory(100), after: memory(110), interactionsSinceReady: 20_000, interactionsSinceWarm: 19_000 } },
    bot: {
      startup: { freshMs: 900, seededFirstMs: 900, existingMs: [overrides.startup ?? 800], existingMedianMs: overrides.startup ?? 800, cpuMs: { fresh: 1, seededFirst: 1, existing: 1 } },
      latency: [
        { name: '/help', kind: 'interaction', latency: dist(overrides.helpP50 ?? 1.2, 6), errors: 0, firstError: null },
        { name: 'vote', kind: 'effect', latency: dist(50, 90), errors: 0, firstError: null },
      ],
      throughput,
      memory: { ready: memory(overrides.botRss ?? 120), warm: memory(120, 25), after: memory(121, overrides.heapAfter ?? 25.5), interactionsSinceReady: 20_000, interactionsSinceWarm: 15_000 },
    },
    growth: [{ name: 'search', feature: 'directory', rows: 'spaces', target: 'log', sizes: [100, 1_000, 10_000, 100_000], micros: (overrides.growth ?? [10, 12, 14, 16]), perTenfold: [], overall: (overrides.growth ?? [10, 16])[(overrides.growth ?? [10, 16]).length - 1]! / (overrides.growth ?? [10])[0]!, bound: 2.5 }],
  };
}

const verdict = (r: Omit<Results, 'targets'>, start: string) => evaluateTargets(r).find((t) => t.target.startsWith(start))?.pass;

describe('bench targets', () => {
  it('passes a run within every target, and holds effects to none', () => {
    const targets = evaluateTargets(results());
    expect(targets.filter((t) => !t.pass)).toEqual([]);
    expect(targets.some((t) => t.target.startsWith('vote'))).toBe(false);
  });

  it('misses a command slower than 1.5× the floor at p50', () => {
    expect(verdict(results({ helpP50: 1.6 }), '/help: p50')).toBe(false);
  });

  it('misses RSS above 1.3× the floor and above 150 MB', () => {
    expect(verdict(results({ botRss: 131 }), 'RSS after READY ≤ 1.3×')).toBe(false);
    expect(verdict(results({ botRss: 151 }), 'RSS after READY < 150')).toBe(false);
  });

  it('misses heap growth beyond noise, a slow start and linear growth', () => {
    expect(verdict(results({ heapAfter: 28 }), 'no heap growth')).toBe(false);
    expect(verdict(results({ startup: 2100 }), 'start-up')).toBe(false);
    expect(verdict(results({ growth: [10, 100, 1_000, 10_000] }), 'search')).toBe(false);
  });
});
