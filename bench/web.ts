// `npm run bench:web`: the public page with 10,000 public spaces. In-process render times (p50/p99) of the
// directory, a search, spaces.json and events.ics; then 500 requests/s over HTTP for 10 s against the running bot
// (its page runs in its own thread), first alone, then while a member runs /directory search every 100 ms, with the
// latency of both and missed 3 s deadlines counted as failures. Numbers go to stdout.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { startBot } from '../src/main.js';
import { silentLogger } from '../src/shared/logger.js';
import { startTestBed } from '../src/testbed/index.js';
import { createWebApp } from '../src/web/app.js';
import { checkHealth } from '../src/web/health.js';
import { writeSpaces } from './seed/directory.js';

const SPACES = Number(process.env['BENCH_SPACES'] ?? 10_000);
const RATE = Number(process.env['BENCH_RATE'] ?? 500);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const WARM_UP_SECONDS = 2;
const log = (message: string) => process.stderr.write(`[bench:web] ${message}\n`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const bed = await startTestBed();
const guild = bed.createGuild({ name: 'Bench Alliance', owner: 'olivia', channels: [{ name: 'meetings' }] });
const members = Array.from({ length: 20 }, (_, i) => guild.addMember({ username: `member${i}` }));
const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-bench-web-')), 'alliance.db');
// RATE_LIMIT 0: one member searching every 100 ms is over the bot's per-member limit (20 per 10 s), and the refused
// interactions after the first get no answer by design: they would count as missed deadlines that are not the page's.
const config = loadConfig({ DISCORD_TOKEN: bed.token, DISCORD_API_URL: bed.apiUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', HTTP_PORT: '0', RATE_LIMIT: '0' });
// One address sends everything here, so the per-address limit is lifted for the measurement.
const bot = await startBot(config, { logger: silentLogger, startScheduler: false, webHostname: '127.0.0.1', webRateLimit: { limit: 1e9, windowMs: 1000 } });
const { services, database } = bot;

log(`seeding ${SPACES} public spaces and 200 public meetings`);
services.alliances.update({ guildId: guild.id, userId: guild.ownerId, isOrganizer: true, roleIds: [] }, { publicPage: true, publicSlug: 'bench' });
writeSpaces(database.sqlite, guild.id, 0, SPACES, members);
database.sqlite.prepare('UPDATE spaces SET public_listing = 1, public_tags = id % 2 WHERE guild_id = ?').run(guild.id);
const meeting = database.sqlite.prepare(
  `INSERT INTO meetings (guild_id, title, starts_at, duration_minutes, structured_minutes, created_by, created_at, public) VALUES (?, ?, ?, 120, 60, ?, ?, 1)`,
);
for (let i = 0; i < 200; i++) meeting.run(guild.id, `Open house ${i}`, Date.now() + i * 86_400_000, guild.ownerId, Date.now());
services.directory.warmUp();

// In-process: the app's own request() (no sockets), as the page's render cost.
const app = createWebApp({
  services, clock: bot.ctx.clock, logger: silentLogger, publicUrl: 'http://localhost', rateLimit: { limit: 1e9, windowMs: 1000 },
  health: () => checkHealth({ database: () => true, gateway: () => true, lastTickAt: () => Date.now(), now: () => Date.now() }),
});
const PAGES: [string, string, number][] = [
  ['directory page', '/a/bench/', 20],
  ['search: one word', '/a/bench/?q=coffee', 20],
  ['search: words + country + desks', '/a/bench/?q=quiet+loft&country=US&min-desks=10', 20],
  ['search: tag, page 3', '/a/bench/?tag=coworking&page=3', 20],
  ['space page', '/a/bench/spaces/5000-x', 20],
  ['spaces.json (10,000, unchanged since the last request)', '/a/bench/spaces.json', 50],
  ['map page (10,000, unchanged)', '/a/bench/map', 50],
  ['events.ics', '/a/bench/events.ics', 50],
];
const rows: string[] = ['| page | p50 | p99 | target (p50) |', '| --- | --- | --- | --- |'];
for (const [name, path, target] of PAGES) {
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const started = performance.now();
    const response = await app.request(path);
    await response.arrayBuffer();
    if (i >= 20) times.push(performance.now() - started);
    if (response.status >= 400) throw new Error(`${path} answered ${response.status}`);
  }
  times.sort((a, b) => a - b);
  rows.push(`| ${name} | ${ms(pct(times, 50))} | ${ms(pct(times, 99))} | < ${target} ms ${pct(times, 50) < target ? '✅' : '❌'} |`);
}
// The same JSON rebuilt each time (one space changed before every request): only that space is read and serialized
// again (src/web/listing.ts); the rest is the listing's order, joining 6 MB and hashing.
// The newest change moves forward each time, so the listing's version (count, newest change) differs every request.
const touch = database.sqlite.prepare(
  'UPDATE spaces SET updated_at = (SELECT max(updated_at) FROM spaces WHERE guild_id = @g) + 1 WHERE guild_id = @g AND id = (SELECT min(id) FROM spaces WHERE guild_id = @g)',
);
const rebuilt: number[] = [];
for (let i = 0; i < 30; i++) {
  touch.run({ g: guild.id });
  const started = performance.now();
  await (await app.request('/a/bench/spaces.json')).arrayBuffer();
  rebuilt.push(performance.now() - started);
}
rebuilt.sort((a, b) => a - b);
rows.push(`| spaces.json rebuilt after one space changed | ${ms(pct(rebuilt, 50))} | ${ms(pct(rebuilt, 99))} | < 50 ms ${pct(rebuilt, 50) < 50 ? '✅' : '❌'} |`);
process.stdout.write(`\nIn-process render, ${SPACES.toLocaleString('en-US')} public spaces (200 runs each):\n${rows.join('\n')}\n`);

if (process.env['BENCH_HTTP'] === '0') {
  await bot.stop();
  await bed.close();
  process.exit(0);
}

// Over HTTP while the bot serves interactions: a steady RATE per second, mixed paths, from bench/web-load.mjs.
const base = `http://127.0.0.1:${bot.web!.port}`;
// Pages visitors open most; the 10,000-space map and JSON (megabytes each, served from the render cache) are timed above.
const MIX = ['/a/bench/', '/a/bench/?q=coffee', '/a/bench/?q=garden&page=2', '/a/bench/?tag=quiet', '/a/bench/?country=US&min-desks=50', '/a/bench/spaces/1234-x', '/healthz'];
// A fresh scheduler tick, so /healthz (part of the mix) is not stale after the long in-process part.
await bot.scheduler.tick();
type Load = { total: number; seconds: number; failed: number; shed: number; behind: { p99: number; max: number }; latencies: number[] };
const runLoad = (seconds = SECONDS) =>
  new Promise<Load | null>((resolve) => {
    execFile(process.execPath, [join(import.meta.dirname, 'web-load.mjs'), base, String(RATE), String(seconds), ...MIX], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) log(`the load generator failed: ${error.message}`);
      resolve(error ? null : (JSON.parse(stdout) as Load));
    });
  });
const httpRow = (name: string, load: Load | null) => {
  if (!load) return `| ${name} | – | – | – | the load generator failed ❌ | – | – |`;
  const sorted = load.latencies.sort((a, b) => a - b);
  const met = pct(sorted, 99) < 100 && load.failed === 0;
  return `| ${name} (${(load.total / load.seconds).toFixed(0)}/s over ${load.seconds.toFixed(1)} s) | ${load.total} | ${ms(pct(sorted, 50))} | ${ms(pct(sorted, 99))} | p99 < 100 ms ${met ? '✅' : '❌'} | ${load.failed} (503: ${load.shed}) | ${ms(load.behind.p99)} / ${ms(load.behind.max)} |`;
};
// First the page alone, then while a member runs /directory search every 100 ms: the time to the first answer
// (Discord's 3 s deadline) and to the reply; a missed deadline or an error is counted as a failure, never the end.
// The page's thread has served nothing yet (the in-process part ran on the main thread): its first seconds compile
// code and fill its connection's cache, so they are shown on their own row rather than mixed into the steady state.
const loads = [loadavg()[0]!];
const warmUp = await runLoad(WARM_UP_SECONDS);
const alone = await runLoad();
loads.push(loadavg()[0]!);
const firstAnswers: number[] = [];
const replies: number[] = [];
let missed = 0;
let stopInteractions = false;
const interactions = (async () => {
  while (!stopInteractions) {
    const started = performance.now();
    try {
      const result = await bed.driver.command({ guildId: guild.id, channelId: guild.channel('general'), userId: members[0]!, name: 'directory', subcommand: 'search', options: { text: 'coffee' } });
      firstAnswers.push(performance.now() - started);
      await result.reply(10_000);
      replies.push(performance.now() - started);
    } catch (error) {
      missed++;
      log(`a member's /directory search failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();
const together = await runLoad();
stopInteractions = true;
await interactions;
loads.push(loadavg()[0]!);
firstAnswers.sort((a, b) => a - b);
replies.sort((a, b) => a - b);
const runs = firstAnswers.length + missed;
const httpRows = [
  '| during the load | count | p50 | p99 | target | failed | generator behind (p99 / max) |',
  '| --- | ---: | ---: | ---: | --- | ---: | ---: |',
  httpRow('warm-up: the thread’s first requests', warmUp),
  httpRow('HTTP requests, the page alone', alone),
  httpRow('HTTP requests, while a member searches', together),
  `| /directory search: first answer | ${runs} | ${ms(pct(firstAnswers, 50))} | ${ms(pct(firstAnswers, 99))} | every one < 3 s ${missed === 0 && pct(firstAnswers, 100) < 3000 ? '✅' : '❌'} | ${missed} | |`,
  `| /directory search: the reply | ${replies.length} | ${ms(pct(replies, 50))} | ${ms(pct(replies, 99))} | | | |`,
];
process.stdout.write(
  `\nOver HTTP (load generator in its own process; latency from when each request was due; the page in the bot's web thread), 1-minute load average ${loads.map((l) => l.toFixed(1)).join(' → ')}:\n${httpRows.join('\n')}\n`,
);
await bot.stop();
await bed.close();
