// Prints the README's Performance tables from a results file (default bench/last-run.json), so the numbers in the
// README can be checked against the committed run: `npx tsx bench/markdown.ts [file]`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from './results.js';
import { round } from './stats.js';

const f = (value: number, digits = 2) => (Number.isFinite(value) ? round(value, digits).toFixed(digits) : '—');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

export function markdown(r: Results): string {
  const m = r.meta;
  const floor = r.floor.latency.latency;
  const out: string[] = [];
  out.push(`Run of ${m.date.slice(0, 10)} (${m.mode}): ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, discord.js ${m.discordJs}, commit ${m.commit}; `
    + `1-minute load average ${f(m.load[0], 1)} → ${f(m.load[1], 1)}; whole run ${f(m.seconds, 0)} s.`);
  out.push('', '**Latency**, INTERACTION_CREATE dispatch → initial response, ms (1,000 runs each after 100 warm-up, interleaved with the floor):', '');
  out.push(row(['action', 'p50', 'p95', 'p99', 'p50 vs floor', 'p99 vs floor']), row(['---', '---:', '---:', '---:', '---:', '---:']));
  out.push(row([`floor: bare discord.js ${r.floor.latency.name}`, f(floor.p50), f(floor.p95), f(floor.p99), '1×', '1×']));
  for (const l of r.bot.latency) {
    const d = l.latency;
    out.push(row([l.kind === 'effect' ? `${l.name} (effect, self-timed)` : l.name, f(d.p50), f(d.p95), f(d.p99), `${f(d.p50 / floor.p50)}× (${d.p50 >= floor.p50 ? '+' : ''}${f(d.p50 - floor.p50)})`, `${f(d.p99 / floor.p99)}× (${d.p99 >= floor.p99 ? '+' : ''}${f(d.p99 - floor.p99)})`]));
  }
  const t = r.bot.throughput;
  const ft = r.floor.throughput;
  out.push('', '**Throughput**, memory and start-up:', '');
  out.push(row(['measure', 'floor', 'bot']), row(['---', '---:', '---:']));
  out.push(row([`interactions/s, ${t.inFlight} in flight`, `${f(ft.perSecond, 0)} (/ping)`, `${f(t.perSecond, 0)} (mix, ${f(t.seconds, 0)} s)`]));
  out.push(row(['p99 under that load, ms', f(ft.latency.p99, 0), f(t.latency.p99, 0)]));
  out.push(row(['errors', ft.errors, t.errors]));
  out.push(row(['CPU per interaction, ms', f(ft.cpuMsPerInteraction ?? Number.NaN), f(t.cpuMsPerInteraction ?? Number.NaN)]));
  out.push(row(['RSS / heap after READY, MB', `${f(r.floor.memory.ready.rssMB, 1)} / ${f(r.floor.memory.ready.heapUsedMB, 1)}`, `${f(r.bot.memory.ready.rssMB, 1)} / ${f(r.bot.memory.ready.heapUsedMB, 1)}`]));
  out.push(row([`RSS / heap after ${r.bot.memory.interactionsSinceReady.toLocaleString('en-US')} interactions, MB`, `${f(r.floor.memory.after.rssMB, 1)} / ${f(r.floor.memory.after.heapUsedMB, 1)}`, `${f(r.bot.memory.after.rssMB, 1)} / ${f(r.bot.memory.after.heapUsedMB, 1)}`]));
  out.push(row(['start-up to READY, ms wall (CPU)', `${f(r.floor.startupMs, 0)} (${f(r.floor.startupCpuMs, 0)})`, `existing DB ${f(r.bot.startup.existingMedianMs, 0)} (${f(r.bot.startup.cpuMs.existing, 0)}); fresh DB ${f(r.bot.startup.freshMs, 0)} (${f(r.bot.startup.cpuMs.fresh, 0)})`]));
  if (r.growth.length) {
    out.push('', '**Growth**, median µs per call in-process:', '');
    const sizes = r.growth[0]!.sizes;
    out.push(row(['query', 'rows', ...sizes.map((n) => n.toLocaleString('en-US')), 'per tenfold']), row(['---', '---', ...sizes.map(() => '---:'), '---']));
    for (const g of r.growth) out.push(row([g.name, g.rows, ...g.micros.map((v) => f(v, 0)), g.perTenfold.map((v) => `${f(v, 1)}×`).join(', ')]));
  }
  out.push('', '**Targets**:', '');
  out.push(row(['', 'target', 'value']), row(['---', '---', '---']));
  for (const target of r.targets) out.push(row([target.pass ? 'PASS' : '**MISS**', target.target, target.value]));
  return out.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const file = process.argv[2] ?? join(import.meta.dirname, 'last-run.json');
  process.stdout.write(`${markdown(JSON.parse(readFileSync(file, 'utf8')) as Results)}\n`);
}
