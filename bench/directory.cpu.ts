// The directory's growth queries as CPU time of this process (median, p95) at each size, the bench's own rows and
// queries: for a shared machine, where wall clock says more about the neighbours. `npx tsx bench/directory.cpu.ts
// [sizes…]`; add `node --cpu-prof --import tsx` to see where the time goes at the largest size.
import { loadavg } from 'node:os';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { directory } from './seed/directory.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const database = openDatabase(':memory:');
const services = createServices({ db: database.db, clock: systemClock });
const probe = directory.growth![0]!;
const subject = await probe.start({ db: database.db, sqlite: database.sqlite, services, clock: systemClock });
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const n of sizes.length ? sizes : [100, 1_000, 10_000, 100_000]) {
  await subject.fillTo(n);
  for (const query of subject.queries) {
    for (let i = 0; i < 30; i++) query.run(i);
    const cpu: number[] = [];
    for (let i = 0; i < 300; i++) {
      const c0 = process.cpuUsage();
      query.run(i);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    console.log(`${String(n).padStart(7)}  ${query.name.padEnd(48)} cpu median ${q(cpu, 0.5).toFixed(3)} ms, p95 ${q(cpu, 0.95).toFixed(3)} ms`);
  }
}
database.close();
