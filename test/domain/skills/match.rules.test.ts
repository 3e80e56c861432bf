// Match rules: closeness, locality tiers, ranking order (mutual first, then closeness, level, locality,
// freshness), exclusions, reasons, and the bounded locality lookups.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/shared/clock.js';
import {
  closeness,
  localityTier,
  rankMatches,
  type Locality,
  type MatchEntry,
} from '../../../src/skills/match.rules.js';
import { resolveSkill } from '../../../src/skills/taxonomy.rules.js';
import { describePair as describeIn } from '../../../src/discord/skills/render.js';
import type { MatchPair } from '../../../src/skills/match.rules.js';
import { packBucket } from '../../../src/skills/match.bucket.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
let nextId = 1;
const owners = new Map<string, number>();
const ownerOf = (userId: string) => owners.get(userId) ?? (owners.set(userId, owners.size), owners.size - 1);
const refs = new Map<string, number>();
const refOf = (key: string) => refs.get(key) ?? (refs.set(key, refs.size), refs.size - 1);

function entry(userId: string, kind: 'offer' | 'need', typed: string, extra: Partial<MatchEntry> = {}): MatchEntry {
  const r = resolveSkill(typed)!;
  return {
    id: nextId++,
    userId,
    owner: ownerOf(userId),
    skillRef: refOf(`skill|${r.skill.key}`),
    termRef: refOf(`term|${r.term}`),
    kind,
    skillKey: r.skill.key,
    label: r.skill.label,
    term: r.term,
    category: r.skill.category,
    level: null,
    note: null,
    byDate: null,
    createdAt: NOW - DAY,
    renewedAt: NOW - DAY,
    expiresAt: kind === 'need' ? NOW + 80 * DAY : null,
    ...extra,
  };
}

function rank(me: string, all: MatchEntry[], options: { excluded?: string[]; locality?: (u: string) => Locality | null; limit?: number } = {}) {
  return rankMatches({
    me,
    myEntries: all.filter((e) => e.userId === me),
    candidates: (mine) =>
      packBucket(all.filter((e) => e.kind !== mine.kind && (mine.category ? e.category === mine.category : e.skillKey === mine.skillKey))),
    entriesOf: (userId) => all.filter((e) => e.userId === userId),
    owners: owners.size,
    excluded: (u) => options.excluded?.includes(u) ?? false,
    locality: options.locality,
    now: NOW,
    limit: options.limit ?? 25,
  });
}

describe('closeness', () => {
  const e = (typed: string) => entry('x', 'offer', typed);
  it.each([
    ['grant writing', 'Grant Writing', 'same'],
    ['web dev', 'web dev', 'same'],
    ['web dev', 'website development', 'synonym'],
    ['web dev', 'web development', 'synonym'],
    ['grant writting', 'grant writing', 'same'],
    ['grant writing', 'fundraising', 'category'],
    ['grant writing', 'photography', null],
    ['urban beekeeping', 'urban beekeeping', 'same'],
    ['urban beekeeping', 'grant writing', null],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(closeness(e(a), e(b))).toBe(expected);
  });
});

describe('localityTier', () => {
  const place = (spaceId: number, city: string, region: string | null, country = 'FR'): Locality => ({ spaceId, spaceName: `S${spaceId}`, city, region, country });
  it.each([
    [place(1, 'Lyon', 'ARA'), place(1, 'Lyon', 'ARA'), 'space'],
    [place(1, 'Lyon', 'ARA'), place(2, 'lyon ', 'ARA'), 'city'],
    [place(1, 'Lyon', 'ARA'), place(2, 'Grenoble', 'ARA'), 'region'],
    [place(1, 'Lyon', 'ARA'), place(2, 'Paris', 'IDF'), 'remote'],
    [place(1, 'Lyon', null), place(2, 'Grenoble', null), 'remote'],
    [place(1, 'Paris', 'X', 'FR'), place(2, 'Paris', 'X', 'US'), 'remote'],
    [null, place(2, 'Paris', 'X'), 'unknown'],
    [place(1, 'Paris', 'X'), null, 'unknown'],
  ])('%o vs %o → %s', (a, b, expected) => {
    expect(localityTier(a, b)).toBe(expected);
  });
});

describe('rankMatches', () => {
  it('puts a mutual match first, even above a closer one-way match', () => {
    const all = [
      entry('me', 'need', 'grant writing'),
      entry('me', 'offer', 'web development'),
      entry('oneway', 'offer', 'grant writing', { level: 'expert' }),
      entry('mutual', 'offer', 'fundraising', { level: 'learning' }), // same category only
      entry('mutual', 'need', 'wordpress'), // same category only
    ];
    const out = rank('me', all);
    expect(out.map((m) => m.userId)).toEqual(['mutual', 'oneway']);
    expect(out[0]!.mutual).toBe(true);
    expect(out[1]!.mutual).toBe(false);
  });

  it('ranks same skill above synonym above category', () => {
    const all = [
      entry('me', 'need', 'web dev'),
      entry('cat', 'offer', 'wordpress'),
      entry('syn', 'offer', 'web development'),
      entry('same', 'offer', 'web dev'),
    ];
    expect(rank('me', all).map((m) => m.userId)).toEqual(['same', 'syn', 'cat']);
  });

  it('ranks an expert above a learner for the same skill, and a fresh entry above a stale one', () => {
    const all = [
      entry('me', 'need', 'seo'),
      entry('learner', 'offer', 'seo', { level: 'learning' }),
      entry('expert', 'offer', 'seo', { level: 'expert' }),
      entry('stale', 'offer', 'seo', { level: 'expert', renewedAt: NOW - 80 * DAY }),
    ];
    expect(rank('me', all).map((m) => m.userId)).toEqual(['expert', 'stale', 'learner']);
  });

  it('ranks the same space above the same city above elsewhere', () => {
    const all = [entry('me', 'need', 'seo'), entry('far', 'offer', 'seo'), entry('city', 'offer', 'seo'), entry('space', 'offer', 'seo')];
    const places: Record<string, Locality> = {
      me: { spaceId: 1, spaceName: 'Hive', city: 'Lyon', region: 'ARA', country: 'FR' },
      space: { spaceId: 1, spaceName: 'Hive', city: 'Lyon', region: 'ARA', country: 'FR' },
      city: { spaceId: 2, spaceName: 'Nest', city: 'Lyon', region: 'ARA', country: 'FR' },
      far: { spaceId: 3, spaceName: 'Den', city: 'Brest', region: 'BRE', country: 'FR' },
    };
    const out = rank('me', all, { locality: (u) => places[u] ?? null });
    expect(out.map((m) => [m.userId, m.locality])).toEqual([
      ['space', 'space'],
      ['city', 'city'],
      ['far', 'remote'],
    ]);
    expect(out[0]!.place?.spaceName).toBe('Hive');
  });

  it('works without locality data', () => {
    const out = rank('me', [entry('me', 'need', 'seo'), entry('a', 'offer', 'seo')]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ userId: 'a', locality: 'unknown', place: null });
  });

  it('leaves out the caller, excluded (hidden) members, expired needs and same-kind entries', () => {
    const all = [
      entry('me', 'offer', 'seo'),
      entry('me', 'need', 'photography'),
      entry('hidden', 'need', 'seo'),
      entry('expired', 'need', 'seo', { expiresAt: NOW - 1 }),
      entry('sameKind', 'offer', 'seo'),
      entry('ok', 'need', 'seo'),
    ];
    expect(rank('me', all, { excluded: ['hidden'] }).map((m) => m.userId)).toEqual(['ok']);
  });

  it('looks up locality only for people who can still reach the top', () => {
    const all = [entry('me', 'need', 'seo', { id: 0 })];
    for (let i = 0; i < 500; i++) all.push(entry(`u${String(i).padStart(3, '0')}`, 'offer', i < 5 ? 'seo' : 'marketing'));
    const looked: string[] = [];
    const out = rank('me', all, { limit: 5, locality: (u) => (looked.push(u), null) });
    expect(out.map((m) => m.userId)).toEqual(['u000', 'u001', 'u002', 'u003', 'u004']);
    expect(looked.length).toBeLessThan(20);
  });

  it('fills the list with the best visible people when the very best are hidden', () => {
    const all = [entry('me', 'need', 'seo')];
    for (let i = 0; i < 30; i++) all.push(entry(`u${String(i).padStart(2, '0')}`, 'offer', 'seo', { level: i < 10 ? 'expert' : 'learning' }));
    const hidden = ['u00', 'u01', 'u02', 'u03', 'u04', 'u05', 'u06', 'u07'];
    expect(rank('me', all, { limit: 5, excluded: hidden }).map((m) => m.userId)).toEqual(['u08', 'u09', 'u10', 'u11', 'u12']);
  });

  it('keeps the requested number of people', () => {
    const all = [entry('me', 'need', 'seo')];
    for (let i = 0; i < 40; i++) all.push(entry(`u${i}`, 'offer', 'seo'));
    expect(rank('me', all, { limit: 7 })).toHaveLength(7);
  });
});

// The reasons' words live in the Discord layer (they are translated); the pairs they describe come from here.
const describePair = (pair: MatchPair) => describeIn(pair, 'en');

describe('describePair', () => {
  it('says what they offer, with the level, and that you need it', () => {
    const [m] = rank('me', [entry('me', 'need', 'grant writing'), entry('a', 'offer', 'grant writing', { level: 'expert' })]);
    expect(describePair(m!.theyOffer[0]!)).toBe('they offer **Grant writing** (expert), which you need');
  });

  it('names both wordings for a synonym match', () => {
    const [m] = rank('me', [entry('me', 'offer', 'web dev'), entry('a', 'need', 'Web Dev')]);
    const [n] = rank('me', [entry('me', 'offer', 'web dev'), entry('b', 'need', 'website development')]);
    expect(describePair(m!.theyNeed[0]!)).toBe('they need **Web development**, which you offer');
    expect(describePair(n!.theyNeed[0]!)).toBe('they need **Web development**, which you offer (you wrote “web dev”, they wrote “website development”)');
  });

  it('gives one reason per entry of theirs, its closest', () => {
    const [m] = rank('me', [entry('me', 'offer', 'grant writing'), entry('me', 'offer', 'fundraising'), entry('a', 'need', 'grants')]);
    expect(m!.theyNeed.map(describePair)).toEqual(['they need **Grant writing**, which you offer (you wrote “grant writing”, they wrote “grants”)']);
  });

  it('names the related skill for a category match', () => {
    const [m] = rank('me', [entry('me', 'need', 'grant writing'), entry('a', 'offer', 'fundraising')]);
    expect(describePair(m!.theyOffer[0]!)).toBe('they offer **Fundraising**, close to **Grant writing**, which you need');
  });

  it('explains a match across languages in the reader\'s words, with the skill in their language', () => {
    const [es] = rank('me', [entry('me', 'offer', 'contabilidad', { level: 'expert' }), entry('a', 'need', 'comptabilité')]);
    const [fr] = rank('a', [entry('a', 'need', 'comptabilité'), entry('me', 'offer', 'contabilidad', { level: 'expert' })]);
    expect(describeIn(es!.theyNeed[0]!, 'es')).toBe('necesita **Contabilidad**, que tú ofreces (tú escribiste «contabilidad», esa persona escribió «comptabilité»)');
    expect(describeIn(fr!.theyOffer[0]!, 'fr')).toBe('offre **Comptabilité** (expert), dont vous avez besoin (vous avez écrit « comptabilité », cette personne a écrit « contabilidad »)');
    expect(describeIn(fr!.theyOffer[0]!, 'en')).toBe('they offer **Bookkeeping** (expert), which you need (you wrote “comptabilité”, they wrote “contabilidad”)');
  });
});
