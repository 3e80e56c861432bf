// Replays the bench's /skills match calls in-process on the bench's data (50,000 entries over 10,000 members, the
// first 500 hosting the 10,000 directory spaces), timing each call and counting index builds and directory
// locality lookups, to see what the slow tail is made of: `npx tsx bench/skills.replay.ts [calls]`.
import { loadavg } from 'node:os';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { GuildSkillIndex } from '../src/skills/skills.index.js';
import { writeSpaces } from './seed/directory.js';
import { writeEntries } from './seed/skills.js';

const GUILD = '900000000000000003';
const members = Array.from({ length: 10_000 }, (_, i) => String(200_000_000_000_000_000n + BigInt(i)));
const { db, sqlite } = openDatabase(':memory:');
writeSpaces(sqlite, GUILD, 0, 10_000, members.slice(0, 500));
writeEntries(sqlite, GUILD, members, 0, 50_000);
const services = createServices({ db, clock: systemClock });

// Count index builds (constructor calls) and directory lookups without touching the product code.
let builds = 0;
const originalPut = GuildSkillIndex.prototype.put;
let puts = 0;
GuildSkillIndex.prototype.put = function (row) { puts++; return originalPut.call(this, row); };
let lookups = 0;
let lookupMs = 0;
const memberLocality = services.directory.memberLocality;
services.directory.memberLocality = (guildId: string, userId: string) => { lookups++; const t = performance.now(); try { return memberLocality(guildId, userId); } finally { lookupMs += performance.now() - t; } };

const calls = Number(process.argv[2] ?? 1100);
const rows: { i: number; ms: number; built: boolean; lookups: number; host: boolean }[] = [];
for (let i = 0; i < calls; i++) {
  const userId = members[i % members.length]!;
  const before = { puts, lookups };
  const t0 = performance.now();
  services.skills.match({ guildId: GUILD, userId, isOrganizer: false, roleIds: [] });
  const ms = performance.now() - t0;
  const built = puts - before.puts > 1000;
  if (built) builds++;
  rows.push({ i, ms, built, lookups: lookups - before.lookups, host: i % members.length < 500 });
}
const measured = rows.slice(100);
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const ms = measured.map((r) => r.ms);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${calls} calls, first ${rows[0]!.ms.toFixed(0)} ms (build ${rows[0]!.built})`);
console.log(`measured ${measured.length}: p50 ${q(ms, 0.5).toFixed(2)} ms, p95 ${q(ms, 0.95).toFixed(2)} ms, p99 ${q(ms, 0.99).toFixed(2)} ms, max ${Math.max(...ms).toFixed(1)} ms`);
console.log(`index builds after the first: ${builds - (rows[0]!.built ? 1 : 0)}`);
for (const host of [true, false]) {
  const part = measured.filter((r) => r.host === host);
  if (part.length === 0) continue;
  const l = part.map((r) => r.lookups);
  console.log(`${host ? 'callers with a space (hosts)' : 'callers without a space'}: ${part.length} calls, p50 ${q(part.map((r) => r.ms), 0.5).toFixed(2)} ms, p99 ${q(part.map((r) => r.ms), 0.99).toFixed(2)} ms; directory lookups p50 ${q(l, 0.5)}, max ${Math.max(...l)}`);
}
console.log(`directory lookups: ${lookups} in ${lookupMs.toFixed(0)} ms (${(lookupMs / Math.max(1, lookups)).toFixed(3)} ms each)`);
const slow = [...measured].sort((a, b) => b.ms - a.ms).slice(0, 5);
console.log('slowest:', slow.map((r) => `#${r.i} ${r.ms.toFixed(0)} ms, ${r.lookups} lookups${r.built ? ', rebuilt' : ''}`).join('; '));
