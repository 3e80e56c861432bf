// `npm run bench:scale`: how far one process goes. The compiled bot (as `npm start` runs it) on one test bed with
// 10 alliances, then with 1,000 (200 members, 10 spaces, 50 skill entries, 2 open proposals, 1 meeting each):
// start-up, RSS, interaction latency idle and during the monthly-update tick (every alliance's update due in the
// same hour), how long the updates take to post, the busiest second of the bot's REST traffic and any 429.
// Flags: --alliances=N (the large count, default 1000), --small=N (default 10), --no-build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchBed } from './bed.js';
import { RECONCILED, startCommand, startProcess, type Memory, type MeasuredProcess } from './child.js';
import { measureLatency, type LatencyResult } from './phases.js';
import { addMonthlyJobs, ALLIANCE, seedAlliances, startScaleBed, type ScaleWorld } from './scale-seed.js';
import { features } from './seed/index.js';
import type { BenchContext, Measured } from './seed/types.js';
import { distribution, type Distribution } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const LARGE = flag('alliances', 1000);
const SMALL = flag('small', 10);
const WARMUP = 20;
/** Per command: p99 is then the 10th slowest of 1,000, not the 2nd of 200, which a single pause (a GC) could decide. */
const RUNS = 1000;
/** Discord's 15 minutes for the updates to be out; the probe gives up a little later. */
const TICK_LIMIT_MS = 16 * 60_000;
const work = mkdtempSync(join(tmpdir(), 'alliance-scale-'));
const log = (message: string) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

interface ScaleRun {
  alliances: number;
  seedSeconds: number;
  firstStartMs: number;
  startupMs: number;
  startupCpuMs: number;
  /** Start → every open proposal reconciled (after READY, in the background), wall and CPU ms. */
  reconciledMs: number;
  reconciledCpuMs: number;
  ready: Memory;
  /** Once the open proposals are reconciled (the start-up's REST reads are done). */
  reconciled: Memory;
  afterTick: Memory;
  latency: LatencyResult[];
  /** Every measured interaction while the monthly updates were going out, all actions together. */
  duringTick: Distribution;
  monthly: { due: number; posted: number; waitForTickMs: number; firstToLastMs: number; busiestSecond: number; rateLimited: number; restErrors: number; firstError: string | null };
  tickCpuMs: number;
}

function startBot(world: ScaleWorld, databasePath: string): MeasuredProcess {
  const start = startCommand();
  return startProcess({
    name: 'bot',
    script: start.script,
    cwd: work,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: world.bed.token, DISCORD_API_URL: world.bed.apiUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'info', DISCORD_GUILD_ID: '', RATE_LIMIT: '0' },
    isReady: (line) => line.includes('"msg":"Alliance bot is ready"'),
    nodeFlags: start.flags,
    readyTimeoutMs: 12 * 60_000,
  });
}

/** One measured action that goes round the alliances: run i is alliance (i + offset) % n, its member (i + offset) / n. */
function rotating(measured: Measured, contexts: BenchContext[], offset = 0): Measured {
  return { name: measured.name, send: (_ctx, i) => measured.send(contexts[(i + offset) % contexts.length]!, Math.floor((i + offset) / contexts.length)) };
}

function contexts(world: ScaleWorld, databasePath: string): BenchContext[] {
  let reader: Database.Database | null = null;
  return world.alliances.map(({ guild, members, state }) => ({
    bed: world.bed, driver: world.bed.driver, guild, members, organizerId: guild.ownerId, scale: ALLIANCE, state,
    member: (i: number) => members[i % members.length]!,
    readDb: () => (reader ??= new Database(databasePath, { readonly: true, fileMustExist: true })),
  }));
}

async function probe(count: number): Promise<ScaleRun> {
  log(`${count} alliances: test bed and seeding`);
  const world = await startScaleBed(count);
  const template = join(work, `seeded-${count}.db`);
  const t0 = process.hrtime.bigint();
  await seedAlliances(world, template);
  const seedSeconds = since(t0) / 1000;
  const databasePath = join(work, `bot-${count}.db`);
  copyFileSync(template, databasePath);
  let bot: MeasuredProcess | null = null;
  try {
    log(`${count} alliances: seeded in ${seedSeconds.toFixed(1)} s; first start (posts the open proposals)`);
    bot = startBot(world, databasePath);
    const first = await bot.ready;
    // The first start posts the open proposals after READY: let it finish before the restart is measured.
    await bot.untilLine(RECONCILED, 30 * 60_000);
    await bot.stop();
    log(`${count} alliances: first start ${Math.round(first.ms)} ms; restart on the existing database`);
    bot = startBot(world, databasePath);
    const started = await bot.ready;
    const ready = await bot.memory();
    const reconcile = await bot.untilLine(RECONCILED, 30 * 60_000);
    const reconciled = await bot.memory();
    log(`${count} alliances: ready after ${Math.round(started.ms)} ms, open proposals reconciled after ${Math.round(reconcile.ms)} ms`);

    const ctxs = contexts(world, databasePath);
    const bench = { bed: world.bed, guild: world.alliances[0]!.guild, ownerId: '', members: [], timings: world.timings, requests: { total: 0, errors: 0, rateLimited: 0, firstError: null } } satisfies BenchBed;
    const measured = features.flatMap((f) => f.interactions).filter((m) => !m.prepare && (m.kind ?? 'interaction') === 'interaction');
    const subjects = measured.map((m) => ({ ctx: ctxs[0]!, bench, measured: rotating(m, ctxs) }));
    log(`${count} alliances: latency, ${WARMUP} + ${RUNS} rounds of ${measured.map((m) => m.name).join(', ')}`);
    const latency = await measureLatency(subjects, WARMUP, RUNS);

    log(`${count} alliances: monthly-update day, ${count} updates due this hour`);
    // The bot's minute tick comes at second 0: add the jobs a few seconds before it rather than wait up to a minute.
    const toNextMinute = 60_000 - (Date.now() % 60_000);
    if (toNextMinute > 8_000) await new Promise((r) => setTimeout(r, toNextMinute - 5_000));
    world.rest.clear();
    const cpuBefore = bot.cpuMs();
    const added = Date.now();
    const due = addMonthlyJobs(world, databasePath);
    const during: number[] = [];
    const ticking = process.hrtime.bigint();
    let round = WARMUP + RUNS;
    while (world.rest.monthlyPosts.length < due && since(ticking) < TICK_LIMIT_MS) {
      // Members keep using the bot while the updates go out: one round of every action at a time.
      const results = await measureLatency(measured.map((m) => ({ ctx: ctxs[0]!, bench, measured: rotating(m, ctxs, round) })), 0, 1).catch(() => []);
      if (world.rest.monthlyPosts.length > 0) for (const r of results) if (r.latency.n) during.push(r.latency.p50);
      round++;
      if (round % 50 === 0) log(`${count} alliances: ${world.rest.monthlyPosts.length}/${due} updates posted`);
    }
    // The last updates finish their follow-up requests (edits, reactions) before the CPU and memory are read.
    await new Promise((r) => setTimeout(r, 2000));
    const tickCpuMs = bot.cpuMs() - cpuBefore;
    const posts = world.rest.monthlyPosts;
    const afterTick = await bot.memory();
    return {
      alliances: count, seedSeconds, firstStartMs: first.ms, startupMs: started.ms, startupCpuMs: started.cpuMs,
      reconciledMs: reconcile.ms, reconciledCpuMs: reconcile.cpuMs, ready, reconciled, afterTick, latency,
      duringTick: distribution(during),
      monthly: {
        due, posted: posts.length, waitForTickMs: (posts[0] ?? NaN) - added, firstToLastMs: (posts[posts.length - 1] ?? NaN) - (posts[0] ?? NaN),
        busiestSecond: world.rest.busiestSecond(), rateLimited: world.rest.rateLimited, restErrors: world.rest.errors, firstError: world.rest.firstError,
      },
      tickCpuMs,
    };
  } catch (error) {
    log(`bot output:\n${bot?.tail() ?? ''}`);
    throw error;
  } finally {
    await bot?.stop();
    await world.bed.close();
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f0 = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : '-');

export function scaleTable(small: ScaleRun, large: ScaleRun): string {
  const perAllianceKB = ((large.ready.rssMB - small.ready.rssMB) * 1024) / (large.alliances - small.alliances);
  const row = (what: string, a: string, b: string, note = '') => `| ${what} | ${a} | ${b} | ${note} |`;
  const lines = [
    `| measure | ${small.alliances} alliances | ${large.alliances} alliances | target / note |`,
    '| --- | ---: | ---: | --- |',
    row('seeding, s', f1(small.seedSeconds), f1(large.seedSeconds)),
    row('first start (posts 2 proposals each), ms', f0(small.firstStartMs), f0(large.firstStartMs)),
    row('start-up to READY on that database, ms wall (CPU)', `${f0(small.startupMs)} (${f0(small.startupCpuMs)})`, `${f0(large.startupMs)} (${f0(large.startupCpuMs)})`),
    row('RSS / heap after READY, MB', `${f1(small.ready.rssMB)} / ${f1(small.ready.heapUsedMB)}`, `${f1(large.ready.rssMB)} / ${f1(large.ready.heapUsedMB)}`,
      `${f1(perAllianceKB)} KB per alliance beyond the first ${small.alliances} (target < 50): ${perAllianceKB < 50 ? 'PASS' : '**MISS**'}`),
    row('open proposals reconciled (after READY), ms wall (CPU) since start', `${f0(small.reconciledMs)} (${f0(small.reconciledCpuMs)})`, `${f0(large.reconciledMs)} (${f0(large.reconciledCpuMs)})`,
      'a proposal\'s deadline waits for its own reconciliation'),
    row('RSS / heap once reconciled, MB', `${f1(small.reconciled.rssMB)} / ${f1(small.reconciled.heapUsedMB)}`, `${f1(large.reconciled.rssMB)} / ${f1(large.reconciled.heapUsedMB)}`),
    row('RSS / heap after the monthly tick, MB', `${f1(small.afterTick.rssMB)} / ${f1(small.afterTick.heapUsedMB)}`, `${f1(large.afterTick.rssMB)} / ${f1(large.afterTick.heapUsedMB)}`),
  ];
  for (const [k, a] of small.latency.entries()) {
    const b = large.latency[k]!;
    const ratio = b.latency.p99 / a.latency.p99;
    lines.push(row(`${a.name} p50 / p99, ms`, `${a.latency.p50.toFixed(2)} / ${a.latency.p99.toFixed(2)}`, `${b.latency.p50.toFixed(2)} / ${b.latency.p99.toFixed(2)}`,
      `p99 ${ratio.toFixed(2)}× (target ≤ 1.5×): ${ratio <= 1.5 ? 'PASS' : '**MISS**'}${a.errors + b.errors ? `; errors ${a.errors + b.errors}: ${a.firstError ?? b.firstError}` : ''}`));
  }
  const m = (r: ScaleRun) => r.monthly;
  lines.push(
    row('interactions during the tick p50 / p99, ms', `${small.duringTick.p50.toFixed(2)} / ${small.duringTick.p99.toFixed(2)}`, `${large.duringTick.p50.toFixed(2)} / ${large.duringTick.p99.toFixed(2)}`, `n = ${small.duringTick.n} / ${large.duringTick.n}`),
    row('monthly updates posted / due', `${m(small).posted} / ${m(small).due}`, `${m(large).posted} / ${m(large).due}`),
    row('jobs added → first update posted, s (the minute tick)', f1(m(small).waitForTickMs / 1000), f1(m(large).waitForTickMs / 1000)),
    row('first → last update posted, s', f1(m(small).firstToLastMs / 1000), f1(m(large).firstToLastMs / 1000),
      `target: all within 15 min: ${m(large).posted === m(large).due && m(large).waitForTickMs + m(large).firstToLastMs < 15 * 60_000 ? 'PASS' : '**MISS**'}`),
    row('bot REST requests in the busiest second', String(m(small).busiestSecond), String(m(large).busiestSecond), 'Discord allows 50/s per bot'),
    row('429 answers / other REST errors', `${m(small).rateLimited} / ${m(small).restErrors}`, `${m(large).rateLimited} / ${m(large).restErrors}`,
      `${m(large).rateLimited === 0 ? 'PASS' : '**MISS**'}: no 429${m(large).firstError ? `; first error ${m(large).firstError}` : ''}`),
    row('bot CPU for the tick, ms', f0(small.tickCpuMs), f0(large.tickCpuMs)),
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const load = [loadavg()[0]!];
  const t0 = process.hrtime.bigint();
  if (!argv.includes('--no-build')) {
    log('npm run build');
    if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  }
  try {
    const small = await probe(SMALL);
    const large = await probe(LARGE);
    load.push(loadavg()[0]!);
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    const meta = { date: new Date().toISOString(), commit, cpu: cpus()[0]?.model.trim(), cores: cpus().length, node: process.versions.node, load, seconds: since(t0) / 1000 };
    process.stdout.write(`Scale probe ${meta.date}, commit ${commit}, load ${load.map((l) => l.toFixed(1)).join(' → ')}, ${Math.round(meta.seconds)} s\n\n${scaleTable(small, large)}\n`);
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const json = `${JSON.stringify({ meta, small, large }, null, 2)}\n`;
    writeFileSync(join(ROOT, 'bench/results/scale-latest.json'), json);
    if (LARGE === 1000 && SMALL === 10) writeFileSync(join(ROOT, 'bench/last-scale.json'), json);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`scale probe failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
