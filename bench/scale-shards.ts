// `npm run bench:shards`: the step past one process, simulated on one machine. A test bed that requires 2 shards,
// N alliances (default 300) seeded as in the scale probe; first one process with DISCORD_SHARDS=auto (both shards),
// then two compiled processes with one shard each on the same SQLite file: start-up, guilds and RSS of each,
// latency for members of every alliance, and the monthly-update day with both schedulers claiming the same jobs
// (each update posted once, none twice, no 429). Flags: --alliances=N, --no-build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchBed } from './bed.js';
import { RECONCILED, startCommand, startProcess, type MeasuredProcess } from './child.js';
import { measureLatency } from './phases.js';
import { addMonthlyJobs, ALLIANCE, seedAlliances, startScaleBed, type ScaleWorld } from './scale-seed.js';
import { features } from './seed/index.js';
import type { BenchContext, Measured } from './seed/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const COUNT = Number(argv.find((a) => a.startsWith('--alliances='))?.split('=')[1] ?? 300);
const work = mkdtempSync(join(tmpdir(), 'alliance-shards-'));
const log = (message: string) => process.stderr.write(`[shards ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

interface Started {
  process: MeasuredProcess;
  /** The ready line's guild count: the alliances this process serves. */
  guilds: () => number;
}

function startBot(world: ScaleWorld, databasePath: string, shards: Record<string, string>): Started {
  const start = startCommand();
  let guilds = Number.NaN;
  const process_ = startProcess({
    name: `bot ${JSON.stringify(shards)}`,
    script: start.script,
    cwd: work,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: world.bed.token, DISCORD_API_URL: world.bed.apiUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'info', DISCORD_GUILD_ID: '', RATE_LIMIT: '0', ...shards },
    isReady: (line) => {
      if (!line.includes('"msg":"Alliance bot is ready"')) return false;
      guilds = Number((JSON.parse(line) as { guilds?: number }).guilds);
      return true;
    },
    nodeFlags: start.flags,
    readyTimeoutMs: 10 * 60_000,
  });
  return { process: process_, guilds: () => guilds };
}

function rotating(measured: Measured, contexts: BenchContext[]): Measured {
  return { name: measured.name, send: (_ctx, i) => measured.send(contexts[i % contexts.length]!, Math.floor(i / contexts.length)) };
}

async function main(): Promise<void> {
  const load = [loadavg()[0]!];
  if (!argv.includes('--no-build') && spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  const world = await startScaleBed(COUNT, 2);
  const running: Started[] = [];
  try {
    const template = join(work, 'seeded.db');
    await seedAlliances(world, template);
    const databasePath = join(work, 'bot.db');
    copyFileSync(template, databasePath);

    log(`${COUNT} alliances, one process with DISCORD_SHARDS=auto (first start: posts the open proposals)`);
    const auto = startBot(world, databasePath, { DISCORD_SHARDS: 'auto' });
    running.push(auto);
    const autoFirst = await auto.process.ready;
    // The first start posts the open proposals after READY: let it finish.
    await auto.process.untilLine(RECONCILED, 30 * 60_000);
    await auto.process.stop();
    const again = startBot(world, databasePath, { DISCORD_SHARDS: 'auto' });
    running.push(again);
    const autoReady = await again.process.ready;
    const autoMemory = await again.process.memory();
    await again.process.stop();

    log('two processes, one shard each, same database');
    const pair = ['0', '1'].map((id) => startBot(world, databasePath, { DISCORD_SHARDS: id, DISCORD_SHARD_COUNT: '2' }));
    running.push(...pair);
    const ready = await Promise.all(pair.map((p) => p.process.ready));
    const memory = await Promise.all(pair.map((p) => p.process.memory()));

    const ctxs: BenchContext[] = world.alliances.map(({ guild, members, state }) => ({
      bed: world.bed, driver: world.bed.driver, guild, members, organizerId: guild.ownerId, scale: ALLIANCE, state,
      member: (i: number) => members[i % members.length]!, readDb: () => { throw new Error('not used'); },
    }));
    const bench = { bed: world.bed, guild: world.alliances[0]!.guild, ownerId: '', members: [], timings: world.timings, requests: { total: 0, errors: 0, rateLimited: 0, firstError: null } } satisfies BenchBed;
    const measured = features.flatMap((f) => f.interactions).filter((m) => !m.prepare && (m.kind ?? 'interaction') === 'interaction');
    log('latency across both shards');
    const latency = await measureLatency(measured.map((m) => ({ ctx: ctxs[0]!, bench, measured: rotating(m, ctxs) })), 10, 100);

    log(`monthly-update day: ${COUNT} updates due, both schedulers running`);
    // The minute tick comes at second 0: add the jobs a few seconds before it rather than wait up to a minute.
    const toNextMinute = 60_000 - (Date.now() % 60_000);
    if (toNextMinute > 8_000) await new Promise((r) => setTimeout(r, toNextMinute - 5_000));
    world.rest.clear();
    const added = Date.now();
    const due = addMonthlyJobs(world, databasePath);
    while (world.rest.postsByChannel.size < due && Date.now() - added < 5 * 60_000) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 3000));
    const posts = world.rest.monthlyPosts;
    const busy = pair.map((p) => p.process.tail()).join('\n').match(/SQLITE_BUSY|database is locked/g)?.length ?? 0;
    load.push(loadavg()[0]!);
    const result = {
      alliances: COUNT, load,
      auto: { firstStartMs: autoFirst.ms, startupMs: autoReady.ms, guilds: again.guilds(), rssMB: autoMemory.rssMB, heapUsedMB: autoMemory.heapUsedMB },
      pair: pair.map((p, k) => ({ shard: k, startupMs: ready[k]!.ms, guilds: p.guilds(), rssMB: memory[k]!.rssMB, heapUsedMB: memory[k]!.heapUsedMB })),
      latency: latency.map((r) => ({ name: r.name, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, firstError: r.firstError })),
      monthly: {
        due, channelsPosted: world.rest.postsByChannel.size, posts: posts.length, mostInOneChannel: Math.max(0, ...world.rest.postsByChannel.values()),
        firstToLastMs: (posts[posts.length - 1] ?? NaN) - (posts[0] ?? NaN), busiestSecond: world.rest.busiestSecond(), rateLimited: world.rest.rateLimited,
        restErrors: world.rest.errors, firstError: world.rest.firstError, sqliteBusyLogLines: busy,
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/shards-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const started of running) await started.process.stop();
    await world.bed.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`shard simulation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
