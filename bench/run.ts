// `npm run bench` / `npm run bench:smoke`: the floor and the compiled bot as child processes against one test bed,
// latency, throughput, memory and start-up side by side, query growth in-process; a table and results JSON.
// Flags: --smoke (tiny counts, same paths), --no-build (use dist/ as is), --cpu-prof (profile the bot into
// bench/results/profiles), --bot-node-flags="--max-semi-space-size=1 …" (try node flags on the bot; the run is then
// not written to bench/last-run.json), --only=search,match (a partial run while developing: see `only` below),
// --phase=memory (the memory timeline alone: see `memoryOnly`), --heap-snapshots (see `snapshots`).
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { startBenchBed, type BenchBed } from './bed.js';
import { GAZETTEER_CACHED, RECONCILED, startCommand, startProcess, type MeasuredProcess } from './child.js';
import { measureGrowth, measureLatency, measureThroughput } from './phases.js';
import { formatResults } from './report.js';
import type { LatencyRow, Results } from './results.js';
import { FULL, SMOKE, type Scale } from './scale.js';
import { features } from './seed/index.js';
import type { BenchContext, BenchState, Measured } from './seed/types.js';
import { median } from './stats.js';
import { evaluateTargets } from './targets.js';

const execFileAsync = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const scale: Scale = args.has('--smoke') ? SMOKE : FULL;
const extraBotFlags = [...args].find((arg) => arg.startsWith('--bot-node-flags='))?.slice('--bot-node-flags='.length).split(/\s+/).filter(Boolean) ?? [];
/**
 * --only=a,b: latency of only the interactions, and growth of only the queries, whose names contain one of the
 * words (the floor always runs; throughput keeps the whole mix), one start-up on the existing database and no
 * memory top-up; the run is not written to bench/last-run.json.
 */
const only = [...args].find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',').map((w) => w.trim()).filter(Boolean) ?? null;
const picked = (name: string) => !only || only.some((word) => name.includes(word));
/**
 * --phase=memory: the floor and the bot to READY, the latency rounds, the throughput and the top-up to
 * `scale.leakInteractions` exactly as a full run does them (so RSS after READY and the leak check read the same),
 * without the fresh-database start, the restarts and the growth probes; not written to bench/last-run.json.
 */
const memoryOnly = args.has('--phase=memory');
/**
 * --heap-snapshots: the bot writes a V8 heap snapshot (after a full GC) at READY, warm and after into
 * bench/results/heap/; `npx tsx bench/heap-diff.ts warm.heapsnapshot after.heapsnapshot` says what grew.
 */
const snapshots = args.has('--heap-snapshots') ? join(ROOT, 'bench/results/heap') : null;
const work = mkdtempSync(join(tmpdir(), 'alliance-bench-'));
const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

function childEnv(bench: BenchBed, extra: Record<string, string>): NodeJS.ProcessEnv {
  // Nothing from the developer's environment or .env (the children run in an empty directory) but the basics.
  return { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: bench.bed.token, DISCORD_API_URL: bench.bed.apiUrl, ...extra };
}

function startFloor(bench: BenchBed): MeasuredProcess {
  return startProcess({ name: 'floor', script: join(ROOT, 'bench/floor.mjs'), cwd: work, env: childEnv(bench, {}), isReady: (line) => line.startsWith('Ready!') });
}

function startBot(bench: BenchBed, databasePath: string): MeasuredProcess {
  const profile = args.has('--cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, 'bench/results/profiles')] : [];
  const start = startCommand();
  return startProcess({
    name: 'bot',
    script: start.script,
    cwd: work,
    env: childEnv(bench, { DATABASE_PATH: databasePath, LOG_LEVEL: 'info', DISCORD_GUILD_ID: '', RATE_LIMIT: '0' }),
    isReady: (line) => line.includes('"msg":"Alliance bot is ready"'),
    nodeFlags: [...start.flags, ...extraBotFlags, ...profile],
  });
}

/** Lets follow-ups of the last interactions finish before memory is read. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/**
 * Waits until the process has sent nothing to its test bed for three seconds (at most 90 s): what "after" measures
 * must be what stays once the work is done, not answers still queued. At 886 interactions/s, `/help`'s second
 * message (a webhook follow-up, which discord.js counts against its own 50-a-second global limit, though Discord
 * does not) queued for about 16 s after the load, and a reading at once counted those 800 interactions as growth.
 * (/help is one message since; any follow-up or webhook edit under load still queues the same way.)
 */
async function drained(bench: BenchBed): Promise<number> {
  const started = Date.now();
  let last = bench.requests.total;
  for (;;) {
    // Three seconds: discord.js's global limiter can hold every queue for a second at a time.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    if (bench.requests.total === last || Date.now() - started > 90_000) return Date.now() - started;
    last = bench.requests.total;
  }
}

async function seed(bench: BenchBed, path: string, state: BenchState): Promise<number> {
  const started = process.hrtime.bigint();
  const database = openDatabase(path);
  try {
    const services = createServices({ db: database.db, clock: systemClock });
    const organizer = { guildId: bench.guild.id, userId: bench.ownerId, isOrganizer: true, roleIds: [bench.guild.role('Organizers')] };
    for (const feature of features) {
      const t0 = process.hrtime.bigint();
      await feature.seed?.({ db: database.db, sqlite: database.sqlite, services, clock: systemClock, guild: bench.guild, organizer, members: bench.members, scale, state });
      log(`seeded ${feature.name} in ${seconds(t0).toFixed(1)} s`);
    }
  } finally {
    database.close();
  }
  return seconds(started);
}

function benchContext(bench: BenchBed, state: BenchState, databasePath: string): BenchContext {
  let reader: Database.Database | null = null;
  return {
    bed: bench.bed, driver: bench.bed.driver, guild: bench.guild, members: bench.members, organizerId: bench.ownerId, scale, state,
    member: (i) => bench.members[i % bench.members.length]!,
    readDb: () => (reader ??= new Database(databasePath, { readonly: true, fileMustExist: true })),
  };
}

/** Tops the bot up to `scale.leakInteractions` interactions since READY; returns how many it has had. */
async function topUp(ctx: BenchContext, bench: BenchBed, mix: Measured[], already: number): Promise<number> {
  const missing = scale.leakInteractions - already;
  if (missing <= 0) return already;
  const burst = await measureThroughput(ctx, bench, mix, { seconds: Infinity, inFlight: scale.inFlight, limit: missing });
  if (burst.errors) log(`top-up: ${burst.errors} errors (${burst.firstError})`);
  return already + burst.completed + burst.errors;
}

const ping: Measured = {
  name: '/ping',
  async send(ctx, i) {
    const result = await ctx.driver.command({ guildId: ctx.guild.id, channelId: ctx.guild.channel('general'), userId: ctx.member(i), name: 'ping' });
    if (result.data?.content !== 'Pong!') throw new Error(`/ping answered ${JSON.stringify(result.data)}`);
  },
};

/**
 * The floor and the bot each have a test bed of their own (same guild shape) in this process: both run at once,
 * so latency rounds alternate between them. Each is otherwise measured alone.
 */
async function measureBoth(floorBed: BenchBed, botBed: BenchBed, template: string, state: BenchState): Promise<Pick<Results, 'floor' | 'bot'>> {
  log('floor: deploying /ping the guide\'s way');
  // Asynchronously: the test bed it talks to lives in this process.
  await execFileAsync(process.execPath, [join(ROOT, 'bench/floor-deploy.mjs')], {
    cwd: work, env: childEnv(floorBed, { CLIENT_ID: floorBed.bed.applicationId, GUILD_ID: floorBed.guild.id }),
  });
  const floor = startFloor(floorBed);
  let bot: MeasuredProcess | null = null;
  const databasePath = join(work, 'bot.db');
  try {
    const floorStartup = await floor.ready;
    const floorReady = await floor.memory();

    let freshStart = { ms: Number.NaN, cpuMs: Number.NaN };
    if (!memoryOnly) {
      log('bot: start-up on a fresh database');
      const fresh = startBot(botBed, join(work, 'fresh.db'));
      freshStart = await fresh.ready;
      await fresh.stop();
    }

    copyFileSync(template, databasePath);
    bot = startBot(botBed, databasePath);
    const seededStart = await bot.ready;
    const botReady = await bot.memory();
    const snapshot = async (name: string) => {
      if (!snapshots || !bot) return;
      mkdirSync(snapshots, { recursive: true });
      log(`bot: heap snapshot ${await bot.snapshot(join(snapshots, `${name}.heapsnapshot`))}`);
    };
    await snapshot('ready');
    // Open proposals are reconciled after READY: the latency rounds start once that is done, as on a bot that has run a while.
    const reconciled = await bot.untilLine(RECONCILED);
    // The bot starts without its cache file (only the database is copied): a child process builds the gazetteer's
    // cache just after READY; a city asked for before it is done would be decoded in the bot as well.
    await bot.untilLine(GAZETTEER_CACHED);
    log(`bot: ready after ${Math.round(seededStart.ms)} ms, open proposals reconciled after ${Math.round(reconciled.ms)} ms`);

    const floorCtx = benchContext(floorBed, {}, '');
    const botCtx = benchContext(botBed, state, databasePath);
    const all = features.flatMap((feature) => feature.interactions);
    const measured = all.filter((m) => picked(m.name));
    log(`latency: ${scale.warmup} + ${scale.latencyRuns} rounds of /ping (floor), ${measured.map((m) => m.name).join(', ')} (bot)`);
    const [floorLatency, ...botLatency] = await measureLatency(
      [{ ctx: floorCtx, bench: floorBed, measured: ping }, ...measured.map((m) => ({ ctx: botCtx, bench: botBed, measured: m }))],
      scale.warmup, scale.latencyRuns,
    );
    const latency: LatencyRow[] = botLatency.map((row, k) => ({ ...row, kind: measured[k]!.kind ?? 'interaction' }));
    const mix = all.filter((m) => (m.inMix ?? true) && (m.kind ?? 'interaction') === 'interaction');
    for (const m of mix) if (!measured.includes(m)) await m.prepare?.(botCtx);
    // Warm means at steady size: the latency rounds come one at a time, so a short burst with as many in flight as
    // the load brings each process's HTTP connection pool (undici keeps one connection per request in flight, kept
    // alive) to the size the load needs before the warm reading; a pool grown after it read as heap growth.
    const warmBurst = { seconds: Infinity, inFlight: scale.inFlight, limit: scale.inFlight * 20 };
    const floorWarmup = await measureThroughput(floorCtx, floorBed, [ping], warmBurst);
    const botWarmup = await measureThroughput(botCtx, botBed, mix, warmBurst);
    const floorWarmed = floorWarmup.completed + floorWarmup.errors;
    const botWarmed = botWarmup.completed + botWarmup.errors;
    await settle();
    const floorWarm = await floor.memory();
    const botWarm = await bot.memory();
    await snapshot('warm');

    // Memory is read again once each has had scale.leakInteractions interactions since READY.
    const latencyRounds = scale.warmup + scale.latencyRuns;
    const floorBurst = Math.max(scale.leakInteractions - latencyRounds - floorWarmed, scale.inFlight);
    log(`floor: ${floorBurst} interactions, ${scale.inFlight} in flight`);
    const floorCpu = floor.cpuMs();
    const floorThroughput = await measureThroughput(floorCtx, floorBed, [ping], { seconds: Infinity, inFlight: scale.inFlight, limit: floorBurst });
    floorThroughput.cpuMsPerInteraction = (floor.cpuMs() - floorCpu) / floorThroughput.completed;
    await drained(floorBed);
    const floorAfter = await floor.memory();
    await floor.stop();

    log(`bot: throughput for ${scale.throughputSeconds} s, ${scale.inFlight} in flight`);
    const botCpu = bot.cpuMs();
    const throughput = await measureThroughput(botCtx, botBed, mix, { seconds: scale.throughputSeconds, inFlight: scale.inFlight });
    throughput.cpuMsPerInteraction = (bot.cpuMs() - botCpu) / throughput.completed;
    const botLatencyCount = latencyRounds * measured.length + botWarmed;
    const interactionsSinceReady = only ? botLatencyCount + throughput.completed + throughput.errors : await topUp(botCtx, botBed, mix, botLatencyCount + throughput.completed + throughput.errors);
    log(`bot: its requests drained ${Math.round((await drained(botBed)) / 1000)} s after the load`);
    const botAfter = await bot.memory();
    await snapshot('after');
    await bot.stop();

    const existing: { ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < (memoryOnly ? 0 : only ? 1 : scale.startupRepeats); i++) {
      log(`bot: start-up on the existing database (${i + 1}/${only ? 1 : scale.startupRepeats})`);
      const again = startBot(botBed, databasePath);
      existing.push(await again.ready);
      await again.stop();
    }
    const existingMs = existing.map((start) => start.ms);
    return {
      floor: {
        startupMs: floorStartup.ms, startupCpuMs: floorStartup.cpuMs, latency: floorLatency!, throughput: floorThroughput,
        memory: {
          ready: floorReady, warm: floorWarm, after: floorAfter,
          interactionsSinceReady: latencyRounds + floorWarmed + floorThroughput.completed + floorThroughput.errors, interactionsSinceWarm: floorThroughput.completed + floorThroughput.errors,
        },
      },
      bot: {
        startup: {
          freshMs: freshStart.ms, seededFirstMs: seededStart.ms, existingMs, existingMedianMs: median(existingMs),
          cpuMs: { fresh: freshStart.cpuMs, seededFirst: seededStart.cpuMs, existing: median(existing.map((start) => start.cpuMs)) },
        },
        latency, throughput,
        memory: { ready: botReady, warm: botWarm, after: botAfter, interactionsSinceReady, interactionsSinceWarm: interactionsSinceReady - botLatencyCount },
      },
    };
  } catch (error) {
    log(`floor output:\n${floor.tail()}\nbot output:\n${bot?.tail() ?? ''}`);
    throw error;
  } finally {
    await floor.stop();
    await bot?.stop();
  }
}

function version(module: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', module, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const loadAtStart = loadavg()[0]!;
  if (!args.has('--no-build')) {
    log('npm run build');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const floorBed = await startBenchBed(scale.members);
  const bench = await startBenchBed(scale.members);
  let exitCode = 0;
  try {
    const state: BenchState = {};
    const template = join(work, 'seeded.db');
    log(`seeding the large alliance (${scale.mode})`);
    const seedSeconds = await seed(bench, template, state);

    const { floor, bot } = await measureBoth(floorBed, bench, template, state);

    const growth = [];
    for (const feature of memoryOnly ? [] : features) {
      for (const probe of feature.growth ?? []) {
        log(`growth: ${feature.name}, ${probe.rows}`);
        const measuredGrowth = await measureGrowth(feature.name, probe, scale.growthSizes, scale.mode === 'full' ? 100 : 10, picked);
        growth.push(...measuredGrowth);
      }
    }

    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown';
    const partial: Omit<Results, 'targets'> = {
      meta: {
        date: new Date().toISOString(), mode: scale.mode, node: process.versions.node, discordJs: version('discord.js'),
        platform: `${process.platform} ${process.arch}`, cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length,
        memoryGB: Math.round(totalmem() / 2 ** 30), botNodeFlags: [...startCommand().flags, ...extraBotFlags], load: [loadAtStart, loadavg()[0]!], commit, seconds: seconds(started), seedSeconds, scale,
      },
      floor, bot, growth,
    };
    const results: Results = { ...partial, targets: evaluateTargets(partial) };
    process.stdout.write(`${formatResults(results)}\n`);

    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const json = `${JSON.stringify(results, null, 2)}\n`;
    writeFileSync(join(ROOT, 'bench/results/latest.json'), json);
    const official = scale.mode === 'full' && extraBotFlags.length === 0 && !only && !memoryOnly;
    if (official) writeFileSync(join(ROOT, 'bench/last-run.json'), json);
    log(`results: bench/results/latest.json${official ? ' and bench/last-run.json' : ''}`);

    const broken = [...bot.latency, floor.latency].filter((row) => row.errors > 0);
    if (broken.length) {
      log(`errors in: ${broken.map((row) => `${row.name} (${row.firstError})`).join('; ')}`);
      exitCode = 1;
    }
  } finally {
    await floorBed.bed.close();
    await bench.bed.close();
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
