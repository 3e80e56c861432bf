// The directory's growth queries as CPU time of this process (median, p95) at each size, the bench's own rows and
// queries: for a shared machine, where wall clock says more about the neighbours. `npx tsx bench/directory.cpu.ts
// [--only=word] [sizes…]` (--only: the queries whose names contain the word); add `node --cpu-prof --import tsx` to see
// where the time goes at the largest size. Ends with each query's growth, largest size over smallest.
import { loadavg } from 'node:os';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { directory } from './seed/directory.js';

const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => n > 0);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const database = openDatabase(':memory:');
const services = createServices({ db: database.db, clock: systemClock });
const probe = directory.growth![0]!;
const subject = await probe.start({ db: database.db, sqlite: database.sqlite, services, clock: systemClock });
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const queries = subject.queries.filter((query) => !only || query.name.includes(only));
const medians = new Map<string, number[]>(queries.map((query) => [query.name, []]));
for (const n of sizes.length ? sizes : [100, 1_000, 10_000, 100_000]) {
  await subject.fillTo(n);
  for (const query of queries) {
    for (let i = 0; i < 30; i++) {
      query.before?.(i);
      query.run(i);
    }
    const cpu: number[] = [];
    for (let i = 0; i < 300; i++) {
      query.before?.(i);
      const c0 = process.cpuUsage();
      query.run(i);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    medians.get(query.name)!.push(q(cpu, 0.5));
    console.log(`${String(n).padStart(7)}  ${query.name.padEnd(60)} cpu median ${q(cpu, 0.5).toFixed(3)} ms, p95 ${q(cpu, 0.95).toFixed(3)} ms`);
  }
}
for (const [name, ms] of medians) console.log(`growth  ${name.padEnd(60)} ${(ms.at(-1)! / ms[0]!).toFixed(2)}× (${ms.map((m) => m.toFixed(3)).join(' → ')} ms)`);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
database.close();
