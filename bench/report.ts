// Prints a run's results as plain-text tables (the same numbers as the JSON).
import type { Results } from './results.js';
import { round } from './stats.js';

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: string[]) => row.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const f = (value: number, digits = 3) => (Number.isFinite(value) ? round(value, digits).toFixed(digits) : '—');

export function formatResults(r: Results): string {
  const out: string[] = [];
  const m = r.meta;
  out.push(`Alliance bot bench (${m.mode}) — ${m.date}, ${m.cpu} × ${m.cores}, ${m.memoryGB} GB, Node ${m.node}, discord.js ${m.discordJs}, commit ${m.commit}`);
  out.push(`${m.scale.members.toLocaleString('en-US')} members; seeded in ${f(m.seedSeconds, 1)} s; whole run ${f(m.seconds, 0)} s; load average ${f(m.load[0], 1)} → ${f(m.load[1], 1)}${m.botNodeFlags.length ? `; bot node flags: ${m.botNodeFlags.join(' ')}` : ''}`);

  const floor = r.floor.latency.latency;
  out.push('\nLatency: INTERACTION_CREATE dispatch → initial response (ms, bed-side hrtime)');
  const rows: (string | number)[][] = [[`floor ${r.floor.latency.name}`, floor.n, f(floor.p50), f(floor.p95), f(floor.p99), '1.00×', '1.00×', '', r.floor.latency.errors]];
  for (const row of r.bot.latency) {
    const d = row.latency;
    rows.push([
      row.kind === 'effect' ? `${row.name} (effect)` : row.name, d.n, f(d.p50), f(d.p95), f(d.p99),
      `${f(d.p50 / floor.p50, 2)}×`, `${f(d.p99 / floor.p99, 2)}×`, `${d.p50 - floor.p50 >= 0 ? '+' : ''}${f(d.p50 - floor.p50)}`, row.errors,
    ]);
  }
  out.push(table(['action', 'n', 'p50', 'p95', 'p99', 'p50/floor', 'p99/floor', 'p50 − floor', 'errors'], rows));

  out.push('\nThroughput (interactions/s with N in flight)');
  const t = (name: string, x: Results['bot']['throughput']) => [
    name, x.inFlight, x.completed, f(x.seconds, 1), f(x.perSecond, 0), f(x.latency.p50), f(x.latency.p99), x.errors, x.rateLimited, f(x.cpuMsPerInteraction ?? Number.NaN),
  ];
  out.push(table(['who', 'in flight', 'done', 's', 'per s', 'p50 ms', 'p99 ms', 'errors', '429s', 'CPU ms each'], [t('floor (/ping)', r.floor.throughput), t('bot (mix)', r.bot.throughput)]));

  out.push('\nMemory (MB; heap after a full GC; RSS from /proc)');
  const mem = (name: string, x: Results['bot']['memory']) => [
    name, f(x.ready.rssMB, 1), f(x.ready.heapUsedMB, 1), f(x.warm.rssMB, 1), f(x.warm.heapUsedMB, 1), x.interactionsSinceReady, f(x.after.rssMB, 1), f(x.after.heapUsedMB, 1),
  ];
  out.push(table(['who', 'ready RSS', 'ready heap', 'warm RSS', 'warm heap', 'interactions', 'after RSS', 'after heap'], [mem('floor', r.floor.memory), mem('bot', r.bot.memory)]));

  const s = r.bot.startup;
  out.push('\nStart-up: process start → READY with commands in sync (ms)');
  out.push(table(['who', 'wall ms', 'CPU ms'], [
    ['floor (ready, commands deployed apart)', f(r.floor.startupMs, 0), f(r.floor.startupCpuMs, 0)],
    ['bot, fresh database (migrations, registers)', f(s.freshMs, 0), f(s.cpuMs.fresh, 0)],
    ['bot, seeded database, first start (registers)', f(s.seededFirstMs, 0), f(s.cpuMs.seededFirst, 0)],
    [`bot, existing database (median of ${s.existingMs.length})`, f(s.existingMedianMs, 0), f(s.cpuMs.existing, 0)],
  ]));

  if (r.growth.length) {
    out.push('\nGrowth: median µs per query by rows (in-process, on the services)');
    const sizes = r.growth[0]!.sizes;
    out.push(table(['query', 'rows', ...sizes.map((n) => n.toLocaleString('en-US')), 'per tenfold', 'overall'], r.growth.map((g) => [
      g.name, g.rows, ...g.micros.map((v) => f(v, 1)), g.perTenfold.map((v) => `${f(v, 2)}×`).join(' '), `${f(g.overall, 2)}×`,
    ])));
  }

  out.push('\nTargets');
  out.push(table(['', 'target', 'value'], r.targets.map((t) => [t.pass ? 'PASS' : 'MISS', t.target, t.value])));

  return out.join('\n');
}
