// Skill-share timings as wall clock and as CPU time of this process (median, p95), for machines where other work
// competes for the CPU: run with `npx tsx bench/skills.cpu.ts`. The vitest bench (skills.bench.ts) gives hz and spread.
import { cpus, loadavg } from 'node:os';
import type { Actor } from '../src/shared/actor.js';
import { buildAlliance, GUILD, userId } from './skills.fixture.js';

function measure(label: string, runs: number, fn: (i: number) => void): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 20; i++) fn(i); // warm-up
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(i);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  console.log(`${label.padEnd(44)} wall median ${q(wall, 0.5).toFixed(2)} ms, p95 ${q(wall, 0.95).toFixed(2)} ms | cpu median ${q(cpu, 0.5).toFixed(2)} ms, p95 ${q(cpu, 0.95).toFixed(2)} ms`);
}

const started = performance.now();
const alliance = buildAlliance();
const { skills } = alliance;
const actorOf = (i: number): Actor => ({ guildId: GUILD, userId: userId(i), isOrganizer: false, roleIds: [] });
const heavy = actorOf(999_999);
for (const skill of ['bookkeeping', 'grant writing', 'web dev', 'photography', 'seo', 'hr', 'event planning', 'lease negotiation', 'yoga', 'translation']) skills.offer(heavy, { skill, level: 'expert' });
for (const skill of ['community management', 'fundraising', 'interior design', 'accessibility audits', 'marketing', 'legal basics', 'payroll', 'ux design', 'sales', 'coaching']) skills.need(heavy, { skill });
const t0 = performance.now();
skills.match(heavy);
console.log(`${alliance.entries} entries, ${alliance.members} members; data built in ${((t0 - started) / 1000).toFixed(1)} s; cold index build + first match ${(performance.now() - t0).toFixed(0)} ms`);
console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

measure('/skills match, member with 20 entries', 200, () => skills.match(heavy));
measure('/skills match, typical member (rotating)', 200, (i) => skills.match(actorOf((i * 37) % alliance.members)));
measure('/skills who (most offered skill)', 200, () => skills.who(heavy, { skill: 'bookkeeping' }));
for (const query of ['gra', 'web d', 'fundrasing', '']) measure(`autocomplete "${query}"`, 500, () => skills.suggest(GUILD, query));
measure('autocomplete /skills remove entry', 500, () => skills.suggestMine(heavy, 'se'));
