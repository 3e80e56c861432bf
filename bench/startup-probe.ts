// Start-up probe: seeds the large alliance once (kept in STARTUP_DIR, default /tmp/alliance-startup), then starts the
// compiled bot on it N times as `npm start` does, printing each start → ready time; --cpu-prof writes profiles there.
// --fresh: seeds anew (the test bed's guild id differs per process: a database seeded by an earlier probe is an
// alliance the bot cannot see), and each start is on a new copy without its cache file, as `npm run bench` starts
// the bot (its RSS after READY is then comparable with the bench's).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { startBenchBed } from './bed.js';
import { startCommand, startProcess } from './child.js';
import { FULL } from './scale.js';
import { features } from './seed/index.js';

const dir = process.env.STARTUP_DIR ?? '/tmp/alliance-startup';
mkdirSync(dir, { recursive: true });
const runs = Number(process.argv[2] ?? 3);
const prof = process.argv.includes('--cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', join(dir, 'profiles')] : [];
const fresh = process.argv.includes('--fresh');
const flags = process.argv.filter((arg) => arg.startsWith('--') && arg !== '--cpu-prof' && arg !== '--fresh');
const bench = await startBenchBed(FULL.members);
const db = join(dir, fresh ? 'seeded.db' : 'bot.db');
if (fresh) for (const file of [db, `${db}-wal`, `${db}-shm`]) rmSync(file, { force: true });
if (!existsSync(db)) {
  const database = openDatabase(db);
  const services = createServices({ db: database.db, clock: systemClock });
  const organizer = { guildId: bench.guild.id, userId: bench.ownerId, isOrganizer: true, roleIds: [bench.guild.role('Organizers')] };
  for (const feature of features) {
    await feature.seed?.({ db: database.db, sqlite: database.sqlite, services, clock: systemClock, guild: bench.guild, organizer, members: bench.members, scale: FULL, state: {} });
  }
  database.close();
}
const start = startCommand();
const mb = (value: number | undefined) => (value ?? Number.NaN).toFixed(0);
for (let i = 0; i < runs; i++) {
  const path = fresh ? join(dir, 'fresh.db') : db;
  if (fresh) {
    for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}.cache.db`, `${path}.cache.db-wal`, `${path}.cache.db-shm`]) rmSync(file, { force: true });
    copyFileSync(db, path);
  }
  const bot = startProcess({
    name: 'bot', script: start.script, cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: bench.bed.token, DISCORD_API_URL: bench.bed.apiUrl, DATABASE_PATH: path, LOG_LEVEL: 'info', DISCORD_GUILD_ID: '' },
    isReady: (line) => line.includes('"msg":"Alliance bot is ready"'),
    nodeFlags: [...start.flags, ...flags, ...prof],
  });
  const ready = await bot.ready;
  const memory = await bot.memory();
  console.log(`run ${i + 1}: ready in ${ready.ms.toFixed(0)} ms (cpu ${ready.cpuMs} ms), rss ${memory.rssMB.toFixed(0)} MB (anon ${mb(memory.rssAnonMB)}, file ${mb(memory.rssFileMB)}) heap ${memory.heapUsedMB.toFixed(0)}/${memory.heapTotalMB.toFixed(0)} MB`);
  await new Promise((r) => setTimeout(r, 1500));
  if (process.env.SMAPS) console.log(execFileSync('python3', [process.env.SMAPS, String(bot.pid)], { encoding: 'utf8' }));
  const later = await bot.memory();
  console.log(`        1.5 s later: ${JSON.stringify(later)}`);
  console.log(bot.tail().split('\n').filter((l) => /^T |ready|sync|built|warm|reconcil|propos|error|warn/i.test(l)).map((l) => l.slice(0, 200)).join('\n'));
  await bot.stop();
}
await bench.bed.close?.();
process.exit(0);
