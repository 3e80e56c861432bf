// What the skills match index of one large alliance costs: RSS and heap (after a full GC) before and after its
// first use builds it, the build time and the first and following match times, on the bot bench's data (50,000
// entries over 10,000 members, the first 500 hosting the 10,000 directory spaces):
// `node --expose-gc --import tsx bench/skills.memory.ts [entries]`.
import { loadavg } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { writeSpaces } from './seed/directory.js';
import { writeEntries } from './seed/skills.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/skills.memory.ts');
const MB = 1024 * 1024;
function snapshot() {
  for (let i = 0; i < 3; i++) gc!();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MB, heap: heapUsed / MB, heapTotal: getHeapStatistics().total_heap_size / MB };
}

const GUILD = '900000000000000003';
const entries = Number(process.argv[2] ?? 50_000);
const members = Array.from({ length: 10_000 }, (_, i) => String(200_000_000_000_000_000n + BigInt(i)));
const { db, sqlite } = openDatabase(':memory:');
writeSpaces(sqlite, GUILD, 0, 10_000, members.slice(0, 500));
writeEntries(sqlite, GUILD, members, 0, entries);
const services = createServices({ db, clock: systemClock });
const actor = (i: number) => ({ guildId: GUILD, userId: members[(i * 7919) % members.length]!, isOrganizer: false, roleIds: [] });
// Warm what every interaction shares (settings, the directory's statements) without touching skill-share.
services.directory.memberLocality(GUILD, members[1]!);

const before = snapshot();
const t0 = performance.now();
// Any skill-share use builds the index (an autocomplete here), then the first match runs on cold ranking code.
services.skills.isNewSkill(GUILD, 'bookkeeping');
const buildMs = performance.now() - t0;
services.skills.match(actor(0));
const firstMs = performance.now() - t0 - buildMs;
const after = snapshot();
const times: number[] = [];
for (let i = 1; i <= 300; i++) {
  const t = performance.now();
  services.skills.match(actor(i));
  times.push(performance.now() - t);
}
const steady = snapshot();
const sorted = times.slice(100).sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
const f = (x: number) => x.toFixed(1);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${entries} entries, ${members.length} members`);
console.log(`index build on first use: ${buildMs.toFixed(0)} ms; first match after it: ${firstMs.toFixed(0)} ms; next 200 matches p50 ${q(0.5)} ms, p95 ${q(0.95)} ms`);
console.log(`index: RSS +${f(after.rss - before.rss)} MB, heap +${f(after.heap - before.heap)} MB (heap total +${f(after.heapTotal - before.heapTotal)} MB)`);
console.log(`after 300 matches: RSS +${f(steady.rss - before.rss)} MB, heap +${f(steady.heap - before.heap)} MB over before the index`);
