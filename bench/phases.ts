// The measurements: latency of one action at a time, throughput with many in flight, and query growth in-process.
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import type { BenchBed } from './bed.js';
import type { BenchContext, GrowthProbe, GrowthQuery, Measured } from './seed/types.js';
import { distribution, growthPerStep, logarithmicBound, median, type Distribution } from './stats.js';

export interface LatencyResult {
  name: string;
  latency: Distribution;
  errors: number;
  firstError: string | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 300) : String(error);
}

export interface LatencySubject {
  ctx: BenchContext;
  bench: BenchBed;
  measured: Measured;
}

async function once(subject: LatencySubject, i: number): Promise<number> {
  const { bench, measured, ctx } = subject;
  bench.timings.clear();
  const outcome = await measured.send(ctx, i);
  const ms = typeof outcome === 'number' ? outcome
    : outcome ? bench.timings.ms(outcome.interactionId)
    : bench.timings.since(0)[0]?.ms;
  if (ms === undefined) throw new Error('no initial response was timed');
  return ms;
}

/**
 * `warmup` unmeasured rounds, then `runs` measured ones. A round sends each subject once, one at a time, so the
 * floor and every command are sampled across the same stretch of time (background load on a shared machine
 * then weighs on all of them alike).
 */
export async function measureLatency(subjects: LatencySubject[], warmup: number, runs: number): Promise<LatencyResult[]> {
  for (const subject of subjects) await subject.measured.prepare?.(subject.ctx);
  const samples = subjects.map(() => [] as number[]);
  const errors = subjects.map(() => ({ count: 0, first: null as string | null }));
  for (let i = 0; i < warmup + runs; i++) {
    for (const [k, subject] of subjects.entries()) {
      try {
        const ms = await once(subject, i);
        if (i >= warmup) samples[k]!.push(ms);
      } catch (error) {
        errors[k]!.count++;
        errors[k]!.first ??= describe(error);
      }
    }
  }
  for (const subject of subjects) subject.bench.timings.clear();
  return subjects.map((subject, k) => ({ name: subject.measured.name, latency: distribution(samples[k]!), errors: errors[k]!.count, firstError: errors[k]!.first }));
}

export interface ThroughputResult {
  seconds: number;
  inFlight: number;
  completed: number;
  perSecond: number;
  latency: Distribution;
  /** Interactions that failed (timeout, wrong answer) plus bed 4xx/5xx answers other than 429. */
  errors: number;
  rateLimited: number;
  firstError: string | null;
  /** CPU the measured process used per completed interaction (ms), when known: a cost other load barely changes. */
  cpuMsPerInteraction?: number;
}

/** `inFlight` members acting at once, each sending the mix round robin, for `seconds` or until `limit` were sent. */
export async function measureThroughput(ctx: BenchContext, bench: BenchBed, mix: Measured[], options: { seconds: number; inFlight: number; limit?: number }): Promise<ThroughputResult> {
  bench.timings.clear();
  const before = { ...bench.requests };
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  let next = 0;
  let completed = 0;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async () => {
    while (elapsed() < options.seconds && (options.limit === undefined || next < options.limit)) {
      const k = next++;
      try {
        await mix[k % mix.length]!.send(ctx, k);
        completed++;
      } catch (error) {
        failed++;
        firstError ??= describe(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, worker));
  const seconds = elapsed();
  const latency = distribution(bench.timings.since(0).map((t) => t.ms));
  bench.timings.clear();
  const requestErrors = bench.requests.errors - before.errors;
  return {
    seconds,
    inFlight: options.inFlight,
    completed,
    perSecond: completed / seconds,
    latency,
    errors: failed + requestErrors,
    rateLimited: bench.requests.rateLimited - before.rateLimited,
    firstError: firstError ?? (requestErrors ? bench.requests.firstError : null),
  };
}

export interface GrowthResult {
  name: string;
  feature: string;
  rows: string;
  target: GrowthQuery['target'];
  sizes: number[];
  /** Median time per query at each size, in microseconds. */
  micros: number[];
  perTenfold: number[];
  /** t(largest) / t(smallest), and the most a logarithmic query may grow over that range. */
  overall: number;
  bound: number;
}

function timeQuery(query: GrowthQuery, budgetMs: number): number {
  for (let i = 0; i < 30; i++) {
    query.before?.(i);
    query.run(i);
  }
  const samples: number[] = [];
  const end = process.hrtime.bigint() + BigInt(budgetMs * 1e6);
  for (let i = 0; samples.length < 30 || process.hrtime.bigint() < end; i++) {
    query.before?.(i);
    const t0 = process.hrtime.bigint();
    query.run(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3);
    if (samples.length >= 20_000) break;
  }
  return median(samples);
}

/** One probe on its own fresh, migrated in-memory database, grown through the sizes; every query timed at each. */
export async function measureGrowth(
  feature: string, probe: GrowthProbe, sizes: number[], budgetMs: number, picked: (name: string) => boolean = () => true,
): Promise<GrowthResult[]> {
  const database = openDatabase(':memory:');
  try {
    const services = createServices({ db: database.db, clock: systemClock });
    const subject = await probe.start({ db: database.db, sqlite: database.sqlite, services, clock: systemClock });
    const queries = subject.queries.filter((query) => picked(query.name));
    if (!queries.length) return [];
    const micros = queries.map(() => [] as number[]);
    for (const n of sizes) {
      await subject.fillTo(n);
      queries.forEach((query, k) => micros[k]!.push(timeQuery(query, budgetMs)));
    }
    return queries.map((query, k) => ({
      name: query.name, feature, rows: probe.rows, target: query.target, sizes, micros: micros[k]!,
      perTenfold: growthPerStep(micros[k]!), overall: micros[k]![micros[k]!.length - 1]! / micros[k]![0]!, bound: logarithmicBound(sizes),
    }));
  } finally {
    database.close();
  }
}
