// CPU time of whole interactions, in one process: the bot (startBot, as the e2e tests run it) and its test bed, on the
// bench's large alliance in a database file, each bench action sent one at a time and awaited to its end (what the
// bot stores after answering included). The bed's share is the same before and after a change, so two runs back to
// back say what a change saved per interaction, with far less noise than wall-clock latency on a busy machine.
// `npx tsx bench/interaction-path.cpu.ts [runs] [action name part, default "/directory search"]`. With CPU_PROFILE=<dir>,
// a V8 CPU profile of the measured calls only (not the seeding or the warm-up) is written there, one per action. With
// ANSWERS=1, each action's line ends with a digest of every answer members got (the initial responses' data, in
// order): two commits that answer alike print the same digests; ANSWERS=<file> also appends the answers there.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { startBot } from '../src/main.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { silentLogger } from '../src/shared/logger.js';
import { startBenchBed } from './bed.js';
import { FULL } from './scale.js';
import { features } from './seed/index.js';
import type { BenchContext, BenchState } from './seed/types.js';

const runs = Number(process.argv[2] ?? 1000);
const wanted = process.argv[3] ?? '/directory search';
const bench = await startBenchBed(FULL.members);
const dir = mkdtempSync(join(tmpdir(), 'alliance-path-'));
const databasePath = join(dir, 'bench.db');
const state: BenchState = {};
{
  const database = openDatabase(databasePath);
  const services = createServices({ db: database.db, clock: systemClock });
  const organizer = { guildId: bench.guild.id, userId: bench.ownerId, isOrganizer: true, roleIds: [bench.guild.role('Organizers')] };
  for (const feature of features) {
    await feature.seed?.({ db: database.db, sqlite: database.sqlite, services, clock: systemClock, guild: bench.guild, organizer, members: bench.members, scale: FULL, state });
  }
  database.close();
}
const config = loadConfig({ DISCORD_TOKEN: bench.bed.token, DISCORD_API_URL: bench.bed.apiUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', RATE_LIMIT: '0' });
const bot = await startBot(config, { logger: silentLogger, startScheduler: false });
const started = Date.now();
while (!bot.ctx.client.guilds.cache.has(bench.guild.id)) {
  if (Date.now() - started > 15_000) throw new Error('the bot did not see the bench guild');
  await new Promise((resolve) => setTimeout(resolve, 10));
}
const reader: { db: Database.Database | null } = { db: null };
const ctx: BenchContext = {
  bed: bench.bed, driver: bench.bed.driver, guild: bench.guild, members: bench.members, organizerId: bench.ownerId, scale: FULL, state,
  member: (i) => bench.members[i % bench.members.length]!,
  readDb: () => (reader.db ??= new Database(databasePath, { readonly: true, fileMustExist: true })),
};

const answers = process.env.ANSWERS ? { hash: createHash('sha256'), count: 0 } : null;
if (answers) {
  const memberIndex = new Map(bench.members.map((id, i) => [id, i]));
  const add = bench.timings.add.bind(bench.timings);
  bench.timings.add = (timing) => {
    // Ids are snowflakes made at start-up (they differ between runs): a member is named by their place in the bench.
    const line = JSON.stringify(timing.data ?? null).replace(/\d{17,20}/g, (id) => (memberIndex.has(id) ? `member ${memberIndex.get(id)}` : 'id'));
    answers.hash.update(line);
    if (process.env.ANSWERS !== '1') appendFileSync(process.env.ANSWERS!, `${line}\n`);
    answers.count++;
    add(timing);
  };
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${runs} runs after 100 warm-up each, one at a time`);
for (const measured of features.flatMap((feature) => feature.interactions ?? []).filter((m) => m.name.includes(wanted))) {
  await measured.prepare?.(ctx);
  if (answers) Object.assign(answers, { hash: createHash('sha256'), count: 0 });
  const cpu: number[] = [];
  const wall: number[] = [];
  const profiler = process.env.CPU_PROFILE ? new Session() : null;
  for (let i = 0; i < 100 + runs; i++) {
    if (profiler && i === 100) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await measured.send(ctx, i);
    await bot.interactionsIdle();
    const c = process.cpuUsage(c0);
    if (i < 100) continue;
    cpu.push((c.user + c.system) / 1000);
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    mkdirSync(process.env.CPU_PROFILE!, { recursive: true });
    writeFileSync(join(process.env.CPU_PROFILE!, `${measured.name.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  }
  const digest = answers ? `; ${answers.count} answers, digest ${answers.hash.copy().digest('hex').slice(0, 16)}` : '';
  console.log(`${measured.name.padEnd(40)} cpu (bot and bed) median ${q(cpu, 0.5).toFixed(3)} ms, p95 ${q(cpu, 0.95).toFixed(3)} ms; wall median ${q(wall, 0.5).toFixed(3)} ms${digest}`);
}
reader.db?.close();
await bot.stop();
await bench.bed.close();
rmSync(dir, { recursive: true, force: true });
