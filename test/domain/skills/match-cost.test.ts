// What a match costs beyond ranking: the index is built once for many reads, and places come from the directory
// in one bulk call, not one lookup per candidate (hundreds per match made the slow tail at 50,000 entries).
import { describe, expect, it } from 'vitest';
import { createJobsRepo } from '../../../src/jobs/jobs.repo.js';
import { manualClock } from '../../../src/shared/clock.js';
import type { Locality } from '../../../src/skills/match.rules.js';
import { createSkillsRepo } from '../../../src/skills/skills.repo.js';
import { createSkillsService } from '../../../src/skills/skills.service.js';
import { freshDb } from '../../support/db.js';
import { actor, G1 } from './support.js';

const member = (i: number) => String(300_000_000_000_000_000n + BigInt(i));
const place = (spaceId: number, city: string): Locality => ({ spaceId, spaceName: `Space ${spaceId}`, city, region: null, country: 'US' });

function world(withBulk: boolean) {
  const { db } = freshDb();
  const repo = createSkillsRepo(db);
  const calls = { builds: 0, single: [] as string[], bulk: 0 };
  const allEntries = repo.allEntries;
  repo.allEntries = (guildId) => (calls.builds++, allEntries(guildId));
  // Every fifth member has a space, in two cities: most candidates are 'unknown', a few get a bonus.
  const places = new Map(Array.from({ length: 60 }, (_, i) => [member(i), i % 5 === 0 ? place(i % 2, i % 2 ? 'Seattle' : 'Tacoma') : null] as const));
  const skills = createSkillsService({
    db,
    repo,
    jobs: createJobsRepo(db),
    clock: manualClock('2026-03-10T09:00:00Z'),
    timezone: () => 'UTC',
    locality: (_guild, userId) => (calls.single.push(userId), places.get(userId) ?? null),
    localities: withBulk ? (_guild, userIds) => (calls.bulk++, new Map(userIds.map((u) => [u, places.get(u) ?? null]))) : undefined,
  });
  for (let i = 1; i < 60; i++) skills.offer(actor(member(i)), { skill: i % 2 ? 'seo' : 'grant writing', level: (['learning', 'practiced', 'expert'] as const)[i % 3] });
  skills.need(actor(member(0)), { skill: 'seo' });
  skills.need(actor(member(0)), { skill: 'grant writing' });
  calls.builds = 0;
  calls.single = [];
  return { skills, calls };
}

describe('match cost', () => {
  it('builds the index once for many matches without writes', () => {
    const { skills, calls } = world(true);
    for (let i = 0; i < 20; i++) skills.match(actor(member(i)), { limit: 5 });
    expect(calls.builds).toBeLessThanOrEqual(1);
  });

  it('looks up places of the people near the cut-off in one bulk call, only the caller one by one', () => {
    const { skills, calls } = world(true);
    skills.match(actor(member(0)), { limit: 5 });
    expect(calls.bulk).toBe(1);
    expect(calls.single).toEqual([member(0)]);
  });

  it('ranks exactly as with one lookup per member', () => {
    const bulk = world(true).skills.match(actor(member(0)), { limit: 10 });
    const single = world(false);
    const one = single.skills.match(actor(member(0)), { limit: 10 });
    expect(single.calls.single.length).toBeGreaterThan(10);
    expect(bulk).toEqual(one);
    expect(bulk.some((m) => m.locality === 'space')).toBe(true);
  });

  it('/skills who fetches the offerers’ places in one bulk call', () => {
    const { skills, calls } = world(true);
    const { offers } = skills.who(actor(member(0)), { skill: 'seo' });
    expect(offers.length).toBe(30);
    expect(calls.bulk).toBe(1);
    expect(calls.single).toEqual([member(0)]);
  });
});
