// Speed targets of issue 6, in-process on an in-memory database with the real migrations:
// recording a reaction vote < 5 ms, tallying 10,000 votes < 10 ms, reconciling 50 proposals × 100 reactions.
import { bench, describe } from 'vitest';
import { openDatabase } from '../src/db/open.js';
import { createServices } from '../src/services.js';
import { manualClock } from '../src/shared/clock.js';
import { countChoices, decide } from '../src/proposals/tally.rules.js';
import { CHOICES, type Choice } from '../src/db/schema/index.js';

const GUILD = '100000000000000001';
const userId = (i: number) => String(400000000000000000n + BigInt(i));

function world(voters: number) {
  const db = openDatabase(':memory:');
  const clock = manualClock('2026-11-24T10:00:00Z');
  const services = createServices({ db: db.db, clock });
  const organizer = { guildId: GUILD, userId: userId(0), isOrganizer: true, roleIds: [] };
  services.alliances.update(organizer, { proposalsChannelId: '500000000000000001' });
  const people = { humans: Array.from({ length: voters }, (_, i) => ({ id: userId(i), roleIds: [] as string[] })) };
  return { services, organizer, people };
}

// 10,000 eligible voters who all voted, a fifth of them twice (changed their mind): 12,000 events.
const big = world(10_000);
const bigProposal = big.services.proposals.create(big.organizer, { title: 'Big vote', summary: 'Ten thousand voters.' }, big.people);
big.services.proposals.attachMessage(GUILD, bigProposal.id, { channelId: '1', messageId: '700000000000000001', threadId: null });
for (let i = 0; i < 10_000; i++) {
  const emoji = ['✅', '❌', '➖'][i % 3]!;
  big.services.votes.reactionAdded({ guildId: GUILD, messageId: '700000000000000001', userId: userId(i), emoji, isBot: false });
  if (i % 5 === 0) big.services.votes.reactionAdded({ guildId: GUILD, messageId: '700000000000000001', userId: userId(i), emoji: '✅', isBot: false });
}

let flip = 0;
describe('proposals', () => {
  bench('record a reaction vote (10,000 eligible, 12,000 events stored)', () => {
    flip++;
    big.services.votes.reactionAdded({
      guildId: GUILD,
      messageId: '700000000000000001',
      userId: userId(flip % 10_000),
      emoji: flip % 2 ? '❌' : '✅',
      isBot: false,
    });
  });

  bench('tally 10,000 votes from the event log', () => {
    big.services.votes.tally(GUILD, bigProposal.id);
  });

  const choices: Choice[] = Array.from({ length: 10_000 }, (_, i) => CHOICES[i % 3]!);
  bench('tally 10,000 votes, pure rule only', () => {
    decide({ rule: 'supermajority', thresholdNum: 2, thresholdDen: 3, quorum: 50 }, countChoices(choices), 10_000);
  });

  const mid = world(200);
  const open = Array.from({ length: 50 }, (_, n) => {
    const p = mid.services.proposals.create(mid.organizer, { title: `P${n}`, summary: 'Reconcile me.' }, mid.people);
    return p.id;
  });
  const reactions = Array.from({ length: 100 }, (_, i) => ({ userId: userId(i), choice: CHOICES[i % 3]! }));
  let round = 0;
  bench('reconcile 50 open proposals × 100 reactions (5,000 reactions)', () => {
    round++;
    // Alternate between two reaction sets so every round has real work to do.
    const set = round % 2 ? reactions : reactions.slice(0, 50);
    for (const id of open) mid.services.votes.reconcile(GUILD, id, set);
  });
});
