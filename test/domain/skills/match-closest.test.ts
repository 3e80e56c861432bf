// The short way of a match (only the slices of the caller's own skills, and the few people who may be mutual, are
// read) ranks exactly as reading every candidate does; and the index's buckets, repacked after each write, keep it so.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/shared/clock.js';
import { packBucket, type CandidateBucket } from '../../../src/skills/match.bucket.js';
import { rankMatches, type Locality, type MatchEntry } from '../../../src/skills/match.rules.js';
import { resolveSkill } from '../../../src/skills/taxonomy.rules.js';
import { actor, setup } from './support.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
/** Same skill, synonyms, other skills of two categories, and a skill without a category. */
const TYPED = ['seo', 'search engine optimization', 'marketing', 'copywriting', 'grant writing', 'grant proposals', 'fundraising', 'urban beekeeping'];
const LEVELS = [null, 'learning', 'practiced', 'expert'] as const;

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

function alliance(seed: number) {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const refs = new Map<string, number>();
  const refOf = (key: string) => refs.get(key) ?? (refs.set(key, refs.size), refs.size - 1);
  const members = Array.from({ length: 20 + Math.floor(random() * 60) }, (_, i) => `u${String(i).padStart(3, '0')}`);
  const all: MatchEntry[] = [];
  members.forEach((userId, owner) => {
    const count = 1 + Math.floor(random() * 4);
    for (let k = 0; k < count; k++) {
      const kind = random() < 0.5 ? 'offer' : 'need';
      const r = resolveSkill(pick(TYPED))!;
      // Some renewed more than 90 days ago (no freshness left), some needs already lapsed.
      const renewedAt = NOW - Math.floor(random() * 120 * DAY);
      all.push({
        id: all.length + 1, userId, owner, skillRef: refOf(`skill|${r.skill.key}`), termRef: refOf(`term|${r.term}`), kind,
        skillKey: r.skill.key, label: r.skill.label, term: r.term, category: r.skill.category,
        level: kind === 'offer' ? pick(LEVELS) : null, note: null, byDate: null, createdAt: renewedAt, renewedAt,
        expiresAt: kind === 'need' ? renewedAt + Math.floor(random() * 100) * DAY : null,
      });
    }
  });
  const hidden = new Set(members.filter(() => random() < 0.1));
  const places = new Map(members.map((userId, i): [string, Locality | null] => [userId, random() < 0.5 ? null : { spaceId: i % 4, spaceName: `S${i % 4}`, city: i % 2 ? 'Lyon' : 'Paris', region: null, country: 'FR' }]));
  return { all, members, hidden, places, limit: 1 + Math.floor(random() * 8) };
}

function rank(world: ReturnType<typeof alliance>, me: string, withSlices: boolean) {
  const { all } = world;
  const bucket = (mine: MatchEntry): CandidateBucket => {
    const packed = packBucket(all.filter((e) => e.kind !== mine.kind && (mine.category ? e.category === mine.category : e.skillKey === mine.skillKey)));
    return withSlices ? packed : { ...packed, skills: undefined };
  };
  return rankMatches({
    me,
    myEntries: all.filter((e) => e.userId === me),
    candidates: bucket,
    entriesOf: (userId) => all.filter((e) => e.userId === userId),
    owners: world.members.length,
    excluded: (userId) => world.hidden.has(userId),
    locality: (userId) => world.places.get(userId) ?? null,
    now: NOW,
    limit: world.limit,
  });
}

describe('the short way of a match', () => {
  it('ranks as reading every candidate does, over 100 random alliances and every member of each', () => {
    let people = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const world = alliance(seed);
      for (const me of world.members) {
        const everyone = rank(world, me, false);
        expect(rank(world, me, true), `seed ${seed}, ${me}`).toEqual(everyone);
        people += everyone.length;
      }
    }
    expect(people).toBeGreaterThan(3_000);
  });
});

describe('the buckets after writes', () => {
  const member = (i: number) => String(300_000_000_000_000_000n + BigInt(i));

  function world() {
    const { skills, clock } = setup();
    // Ten people offer what member 0 needs, on the same skill: their scores decide a short list alone.
    for (let i = 1; i <= 10; i++) skills.offer(actor(member(i)), { skill: 'seo', level: 'expert' });
    skills.need(actor(member(0)), { skill: 'seo' });
    skills.offer(actor(member(0)), { skill: 'grant writing', level: 'practiced' });
    return { skills, clock, top: () => skills.match(actor(member(0)), { limit: 3 }).map((m) => [m.userId, m.mutual]) };
  }

  it('a need on another skill of the category makes a mutual match that leads the next match, and its removal undoes it', () => {
    const { skills, top } = world();
    expect(top()).toEqual([[member(1), false], [member(2), false], [member(3), false]]);
    const need = skills.need(actor(member(9)), { skill: 'fundraising' }).entry;
    expect(top()).toEqual([[member(9), true], [member(1), false], [member(2), false]]);
    skills.remove(actor(member(9)), need.id);
    expect(top()).toEqual([[member(1), false], [member(2), false], [member(3), false]]);
  });

  it('a newcomer on the caller\'s own skill enters the next match, and a lapsed need leaves it', () => {
    const { skills, clock, top } = world();
    clock.advance(DAY);
    skills.offer(actor(member(11)), { skill: 'search engine optimization', level: 'expert' });
    skills.offer(actor(member(12)), { skill: 'seo', level: 'expert' });
    // Same words, added today: first; the synonym scores below every same-word offer.
    expect(top()[0]).toEqual([member(12), false]);
    skills.need(actor(member(13)), { skill: 'fundraising' });
    skills.offer(actor(member(13)), { skill: 'seo', level: 'learning' });
    expect(top()[0]).toEqual([member(13), true]);
    clock.advance(91 * DAY);
    // The caller renews; member 13's need has lapsed (its job has not run yet): no longer mutual, no longer first.
    skills.need(actor(member(0)), { skill: 'seo' });
    expect(top()).toHaveLength(3);
    expect(top().some(([userId]) => userId === member(13))).toBe(false);
  });
});
