// The time-zone autocomplete with few and with many alliances, in one process: the test bed with n alliances (the
// scale probe's, bench/scale-seed.ts, seeded with their settings and spaces), the real bot (startBot) against it, and
// the autocomplete sent as the probe sends it (call i is for alliance i % n). Per call: wall time to the answer and
// CPU time of this process (bed and bot); over the runs: garbage collections, and the handler's own domain work
// (settings, the alliance's likely zones, the ranked choices) called the same way. A busy machine distorts CPU time
// far less than wall clock. `npx tsx bench/scale.cpu.ts [runs=1000] [alliances…=10 1000]`; with PROFILE=<dir>, a
// CPU profile of the measured calls only (not the seeding) is written there per count (<dir>/scale-<n>.cpuprofile).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { timeZoneChoices } from '../src/alliances/timezone-choices.rules.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { startBot } from '../src/main.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { silentLogger } from '../src/shared/logger.js';
import { listTimeZones } from '../src/shared/zoned-time.js';
import { complete } from './interact.js';
import { ALLIANCE, startScaleBed, type ScaleWorld } from './scale-seed.js';
import { features } from './seed/index.js';
import type { BenchContext } from './seed/types.js';

const [runsArg, ...countArgs] = process.argv.slice(2).map(Number);
const RUNS = runsArg || 1000;
const COUNTS = countArgs.length ? countArgs : [10, 1000];
const WARMUP = 50;
const typed = ['america', 'europe/b', 'asia/t', 'chi', 'pacific', 'berlin', 'new_y', 'los'];
/** What the time-zone autocomplete reads: the alliance's settings and its spaces. */
const SEEDERS = features.filter((f) => f.name === 'alliance' || f.name === 'directory');

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const line = (label: string, xs: number[]) =>
  `${label.padEnd(40)} median ${q(xs, 0.5).toFixed(3)}, p95 ${q(xs, 0.95).toFixed(3)}, p99 ${q(xs, 0.99).toFixed(3)}, max ${q(xs, 1).toFixed(3)} ms`;
function cpuOf(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function seed(world: ScaleWorld, path: string): Promise<void> {
  const database = openDatabase(path);
  const services = createServices({ db: database.db, clock: systemClock });
  for (const { guild, members, state } of world.alliances) {
    const organizer = { guildId: guild.id, userId: guild.ownerId, isOrganizer: true, roleIds: [guild.role('Organizers')] };
    for (const feature of SEEDERS) await feature.seed?.({ db: database.db, sqlite: database.sqlite, services, clock: systemClock, guild, organizer, members, scale: ALLIANCE, state });
  }
  database.close();
}

async function probe(count: number): Promise<void> {
  const world = await startScaleBed(count);
  const dir = mkdtempSync(join(tmpdir(), 'alliance-scale-cpu-'));
  const path = join(dir, 'scale.db');
  await seed(world, path);
  const config = loadConfig({ DISCORD_TOKEN: world.bed.token, DISCORD_API_URL: world.bed.apiUrl, DATABASE_PATH: path, LOG_LEVEL: 'silent', RATE_LIMIT: '0' });
  const bot = await startBot(config, { logger: silentLogger, startScheduler: false });
  while (bot.ctx.client.guilds.cache.size < count) await new Promise((r) => setTimeout(r, 50));
  const ctxs = world.alliances.map(({ guild }) => ({ driver: world.bed.driver, guild }) as unknown as BenchContext);
  const send = (i: number) => {
    const ctx = ctxs[i % count]!;
    return complete(ctx, ctx.guild.ownerId, 'alliance setup', 'timezone', typed[i % typed.length]!);
  };
  for (let i = 0; i < WARMUP; i++) await send(i);
  const wall: number[] = [];
  const cpu: number[] = [];
  const gc: number[] = [];
  const observer = new PerformanceObserver((list) => gc.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ entryTypes: ['gc'] });
  const profiler = process.env.PROFILE ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  for (let i = WARMUP; i < WARMUP + RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const choices = await send(i);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (choices.length === 0) throw new Error('time-zone autocomplete: no choices');
  }
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    mkdirSync(process.env.PROFILE!, { recursive: true });
    writeFileSync(join(process.env.PROFILE!, `scale-${count}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  }
  await new Promise((r) => setTimeout(r, 10));
  observer.disconnect();
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(`${count} alliances, ${RUNS} autocompletes after ${WARMUP}; heap ${heap.toFixed(1)} MB; ${gc.length} GCs, ${gc.reduce((a, b) => a + b, 0).toFixed(1)} ms, longest ${Math.max(0, ...gc).toFixed(2)} ms`);
  console.log(line('  wall to the answer', wall));
  console.log(line('  cpu of this process (bed + bot)', cpu));
  const { services } = bot;
  const parts = { settings: [] as number[], 'likely zones': [] as number[], 'ranked choices': [] as number[] };
  for (let i = WARMUP; i < WARMUP + RUNS; i++) {
    const guildId = world.alliances[i % count]!.guild.id;
    let likely: string[] = [];
    parts.settings.push(cpuOf(() => services.alliances.settings(guildId)));
    parts['likely zones'].push(cpuOf(() => (likely = services.directory.likelyTimeZones(guildId))));
    parts['ranked choices'].push(cpuOf(() => timeZoneChoices(typed[i % typed.length]!, listTimeZones(), likely)));
  }
  for (const [name, xs] of Object.entries(parts)) console.log(line(`  cpu of the handler: ${name}`, xs));
  await bot.stop();
  await world.bed.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const count of COUNTS) await probe(count);
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
process.exit(0);
