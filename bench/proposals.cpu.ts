// The same speed targets as proposals.bench.ts measured as CPU time of this process (median of many runs), so a
// busy machine's scheduling delays do not count as our work. Run: npx tsx bench/proposals.cpu.ts
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { manualClock } from '../src/shared/clock.js';

const GUILD = '100000000000000001';
const MSG = '700000000000000001';
const userId = (i: number) => String(400000000000000000n + BigInt(i));

function measure(name: string, runs: number, work: (i: number) => void): void {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    work(i);
    wall.push(performance.now() - w0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
  console.log(`${name}: cpu median ${median(cpu).toFixed(2)} ms, wall median ${median(wall).toFixed(2)} ms, wall p95 ${p95(wall).toFixed(2)} ms (${runs} runs)`);
}

const db = openDatabase(':memory:');
const services = createServices({ db: db.db, clock: manualClock('2026-11-24T10:00:00Z') });
const organizer = { guildId: GUILD, userId: userId(0), isOrganizer: true, roleIds: [] };
services.alliances.update(organizer, { proposalsChannelId: '500000000000000001' });
const people = { humans: Array.from({ length: 10_000 }, (_, i) => ({ id: userId(i), roleIds: [] as string[] })) };
const proposal = services.proposals.create(organizer, { title: 'Big vote', summary: 'Ten thousand voters.' }, people);
services.proposals.attachMessage(GUILD, proposal.id, { channelId: '1', messageId: MSG, threadId: null });
const react = (i: number, emoji: string) => services.votes.reactionAdded({ guildId: GUILD, messageId: MSG, userId: userId(i % 10_000), emoji, isBot: false });
for (let i = 0; i < 10_000; i++) react(i, ['✅', '❌', '➖'][i % 3]!);

measure('record a reaction vote (10,000 eligible, 10,000 votes stored)', 2000, (i) => react(i * 7, i % 2 ? '❌' : '✅'));
measure('tally 10,000 votes', 200, () => services.votes.tally(GUILD, proposal.id));
measure('replay 10,000 votes from the raw event log (verify)', 20, () => services.votes.verify(GUILD, proposal.id));

// Reconciliation: 50 open proposals with 100 vote reactions each (5,000 reactions), alternating between two
// reaction sets so every pass records or withdraws 50 votes per proposal.
const mid = Array.from({ length: 50 }, (_, n) => services.proposals.create(organizer, { title: `P${n}`, summary: 'Reconcile me.' }, { humans: people.humans.slice(0, 200) }).id);
const reactions = Array.from({ length: 100 }, (_, i) => ({ userId: userId(i), choice: (['yes', 'no', 'abstain'] as const)[i % 3]! }));
measure('reconcile 50 open proposals × 100 reactions (domain side)', 20, (round) => {
  const set = round % 2 ? reactions.slice(0, 50) : reactions;
  for (const id of mid) services.votes.reconcile(GUILD, id, set);
});
