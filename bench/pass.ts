// `npm run bench:pass`: /pass visits in-process for an alliance with 100,000 recorded visits (30 spaces, 2,000
// passes), spread over two years as an alliance would see them, and the worst case of all of them in one month.
// Prints p50/p95 of the service call (what the command waits for), each over 200 runs after a warm-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { manualClock } from '../src/shared/clock.js';
import { distribution } from './stats.js';

const VISITS = Number(process.env['PASS_BENCH_VISITS'] ?? 100_000);
const SPACES = 30;
const PASSES = 2_000;
const RUNS = 200;

function seed(spread: 'two-years' | 'one-month') {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-pass-bench-'));
  const opened = openDatabase(join(dir, 'bench.db'));
  const clock = manualClock('2026-11-20T12:00:00Z');
  const services = createServices({ db: opened.db, clock });
  const guildId = '100000000000000001';
  const organizer = { guildId, userId: '200000000000000001', isOrganizer: true, roleIds: [] };
  services.alliances.update(organizer, { timezone: 'UTC' });
  const sqlite = opened.sqlite;
  const insertSpace = sqlite.prepare(`INSERT INTO spaces (guild_id, name, name_key, city, city_key, country, latitude, longitude, status, created_by, created_at, updated_at) VALUES (?, ?, ?, 'Seattle', 'seattle', 'US', 47.6, -122.3, 'approved', ?, 0, 0)`);
  const insertPass = sqlite.prepare(`INSERT INTO passes (guild_id, code, holder_user_id, visits, valid_until, issued_at) VALUES (?, ?, ?, 100, '2028-12-31', 0)`);
  const insertVisit = sqlite.prepare(`INSERT INTO pass_visits (guild_id, pass_id, space_id, space_name, day, visited_at) VALUES (?, ?, ?, ?, ?, 0)`);
  const start = Date.parse('2024-12-01T00:00:00Z');
  sqlite.transaction(() => {
    const spaceIds: number[] = [];
    for (let s = 0; s < SPACES; s++) spaceIds.push(Number(insertSpace.run(guildId, `Space ${s}`, `space ${s}`, organizer.userId).lastInsertRowid));
    const passIds: number[] = [];
    for (let p = 0; p < PASSES; p++) passIds.push(Number(insertPass.run(guildId, `P${String(p).padStart(7, '0')}`, `3000000000000${String(p).padStart(5, '0')}`).lastInsertRowid));
    for (let v = 0; v < VISITS; v++) {
      // Distinct (pass, space, day) for every visit, so the once-a-day index holds.
      const dayIndex = spread === 'one-month' ? 700 + (Math.floor(v / (PASSES * SPACES)) % 30) : v % 730;
      const day = new Date(start + dayIndex * 86_400_000).toISOString().slice(0, 10);
      const spaceIndex = Math.floor(v / PASSES) % SPACES;
      insertVisit.run(guildId, passIds[v % PASSES]!, spaceIds[spaceIndex]!, `Space ${spaceIndex}`, day);
    }
  })();
  sqlite.exec('ANALYZE');
  return { services, organizer, close: () => { opened.close(); rmSync(dir, { recursive: true, force: true }); } };
}

function measure(spread: 'two-years' | 'one-month') {
  const world = seed(spread);
  const month = '2026-11';
  const report = world.services.pass.visits(world.organizer, month);
  for (let i = 0; i < 20; i++) world.services.pass.visits(world.organizer, month);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    world.services.pass.visits(world.organizer, month);
    samples.push(performance.now() - started);
  }
  world.close();
  const d = distribution(samples);
  return { spread, monthVisits: report.total, passesInMonth: report.byPass.length, p50: d.p50, p95: d.p95 };
}

for (const spread of ['two-years', 'one-month'] as const) {
  const r = measure(spread);
  console.log(`/pass visits · ${VISITS.toLocaleString('en')} visits (${spread}) · ${r.monthVisits.toLocaleString('en')} in the month: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms`);
}
