// `/directory search` asked the first time since the directory changed, as CPU time of this process: the growth
// probe's rows and questions (bench/seed/directory.ts), with the alliance's directory version moved before every call
// (outside the timing) so no remembered answer is used. Median and p95 per size, per question, with the load average.
// `npx tsx bench/search-first.cpu.ts [sizes…]`; `node --cpu-prof --import tsx bench/search-first.cpu.ts 100000` for a
// profile at one size.
import { loadavg } from 'node:os';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { writeSpaces } from './seed/directory.js';

const GUILD = '900000000000000001';
const HOSTS = Array.from({ length: 500 }, (_, i) => String(100_000_000_000_000_000n + BigInt(i)));
const TEXTS = ['coffee', 'quiet loft', 'montre', 'rainier works', 'podcast'];
const RUNS = Number(process.env.RUNS ?? 300);

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const database = openDatabase(':memory:');
const services = createServices({ db: database.db, clock: systemClock });
const dir = services.directory;
const moveVersion = database.sqlite.prepare('UPDATE directory_versions SET version = version + 1 WHERE guild_id = ?');
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

const questions = [
  { name: 'text', run: (i: number) => dir.search(GUILD, { text: TEXTS[i % TEXTS.length]! }) },
  { name: 'text + tag + country + desks', run: (i: number) => dir.search(GUILD, { text: TEXTS[i % TEXTS.length]!, tag: 'women-owned', country: 'US', minDesks: 20 }) },
  ...TEXTS.map((text) => ({ name: `  "${text}" + tag + country + desks`, run: () => dir.search(GUILD, { text, tag: 'women-owned', country: 'US', minDesks: 20 }) })),
];

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
let rows = 0;
for (const n of sizes.length ? sizes : [100, 1_000, 10_000, 100_000]) {
  writeSpaces(database.sqlite, GUILD, rows, n, HOSTS);
  rows = n;
  dir.warmUp();
  for (const question of questions) {
    const cpu: number[] = [];
    for (let i = 0; i < RUNS + 30; i++) {
      moveVersion.run(GUILD);
      const c0 = process.cpuUsage();
      question.run(i);
      const c = process.cpuUsage(c0);
      if (i >= 30) cpu.push((c.user + c.system) / 1000);
    }
    console.log(`${String(n).padStart(7)}  ${question.name.padEnd(40)} cpu median ${q(cpu, 0.5).toFixed(3)} ms, p95 ${q(cpu, 0.95).toFixed(3)} ms`);
  }
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
database.close();
