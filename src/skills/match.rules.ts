// Pure matching rules: how close two skills are, how a pair of entries scores, and how people are ranked
// (mutual matches first, then closeness, level, locality, freshness), with a reason for every line.
import { DAY } from '../shared/clock.js';
import type { SkillEntryKind, SkillLevel } from '../db/schema/skills.js';

export interface MatchEntry {
  id: number;
  userId: string;
  kind: SkillEntryKind;
  skillKey: string;
  label: string;
  /** The normalized term the owner's text resolved to (name or synonym). */
  term: string;
  category: string | null;
  level: SkillLevel | null;
  note: string | null;
  byDate: string | null;
  createdAt: number;
  renewedAt: number;
  expiresAt: number | null;
}

export type Closeness = 'same' | 'synonym' | 'category';

/** Same skill in the same words > same skill through a synonym > another skill of the same category. */
export function closeness(a: Pick<MatchEntry, 'skillKey' | 'term' | 'category'>, b: Pick<MatchEntry, 'skillKey' | 'term' | 'category'>): Closeness | null {
  if (a.skillKey === b.skillKey) return a.term === b.term ? 'same' : 'synonym';
  if (a.category !== null && a.category === b.category) return 'category';
  return null;
}

export interface Locality {
  spaceId: number;
  spaceName: string;
  city: string;
  region: string | null;
  country: string;
}

export type LocalityTier = 'space' | 'city' | 'region' | 'remote' | 'unknown';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function localityTier(mine: Locality | null, theirs: Locality | null): LocalityTier {
  if (!mine || !theirs) return 'unknown';
  if (mine.spaceId === theirs.spaceId) return 'space';
  if (!same(mine.country, theirs.country)) return 'remote';
  if (same(mine.city, theirs.city)) return 'city';
  if (mine.region && theirs.region && same(mine.region, theirs.region)) return 'region';
  return 'remote';
}

/**
 * Weights. Reciprocity is larger than any one-way score can reach, so mutual matches always come first;
 * within a tier closeness dominates, then level, locality and freshness refine.
 */
export const WEIGHTS = {
  mutual: 200,
  closeness: { same: 60, synonym: 50, category: 20 } satisfies Record<Closeness, number>,
  /** Level of whoever offers in the pair; an offer without a level counts as practiced-ish. */
  level: { expert: 15, practiced: 10, learning: 4, none: 8 },
  locality: { space: 20, city: 12, region: 6, remote: 0, unknown: 0 } satisfies Record<LocalityTier, number>,
  /** Full points for an entry added or renewed today, none after 90 days. */
  freshness: 10,
} as const;

export const MAX_LOCALITY = WEIGHTS.locality.space;
const FRESHNESS_SPAN = 90 * DAY;

export function freshnessScore(renewedAt: number, now: number): number {
  const age = Math.max(0, now - renewedAt);
  return WEIGHTS.freshness * Math.max(0, 1 - age / FRESHNESS_SPAN);
}

export function pairScore(c: Closeness, offerLevel: SkillLevel | null, theirRenewedAt: number, now: number): number {
  return WEIGHTS.closeness[c] + WEIGHTS.level[offerLevel ?? 'none'] + freshnessScore(theirRenewedAt, now);
}

export interface MatchPair {
  mine: MatchEntry;
  theirs: MatchEntry;
  closeness: Closeness;
  score: number;
}

export interface PersonMatch {
  userId: string;
  /** They offer what the caller needs, best first. */
  theyOffer: MatchPair[];
  /** They need what the caller offers, best first. */
  theyNeed: MatchPair[];
  mutual: boolean;
  locality: LocalityTier;
  place: Locality | null;
  score: number;
}

export interface RankInput {
  me: string;
  myEntries: readonly MatchEntry[];
  /** Entries of the opposite kind that may match one of mine (same skill or same category). */
  candidates(mine: MatchEntry): Iterable<MatchEntry>;
  /** Members left out (hidden from matching). */
  excluded(userId: string): boolean;
  locality?: ((userId: string) => Locality | null) | undefined;
  now: number;
  limit: number;
  /** Pairs kept per direction and person (the reasons shown). */
  pairsPerPerson?: number;
}

interface Acc {
  userId: string;
  theyOffer: MatchPair[];
  theyNeed: MatchPair[];
  bestOffer: number;
  bestNeed: number;
}

function best(pairs: MatchPair[]): number {
  let top = 0;
  for (const pair of pairs) if (pair.score > top) top = pair.score;
  return top;
}

/** Score before locality: mutual bonus plus the best pair in each direction. */
function baseScore(acc: Acc): number {
  const mutual = acc.theyOffer.length > 0 && acc.theyNeed.length > 0;
  return (mutual ? WEIGHTS.mutual : 0) + acc.bestOffer + acc.bestNeed;
}

/**
 * Ranks people for the caller. Locality is looked up only for people who can still reach the top `limit`
 * (their score before locality plus the largest locality bonus beats the current cut-off), so an expensive
 * directory lookup runs for a few dozen people, not thousands.
 */
export function rankMatches(input: RankInput): PersonMatch[] {
  const { me, now } = input;
  const people = new Map<string, Acc>();
  for (const mine of input.myEntries) {
    if (mine.expiresAt !== null && mine.expiresAt <= now) continue;
    for (const theirs of input.candidates(mine)) {
      if (theirs.userId === me || theirs.kind === mine.kind) continue;
      if (theirs.expiresAt !== null && theirs.expiresAt <= now) continue;
      if (input.excluded(theirs.userId)) continue;
      const c = closeness(mine, theirs);
      if (!c) continue;
      const offer = mine.kind === 'offer' ? mine : theirs;
      const score = pairScore(c, offer.level, theirs.renewedAt, now);
      let acc = people.get(theirs.userId);
      if (!acc) {
        acc = { userId: theirs.userId, theyOffer: [], theyNeed: [], bestOffer: 0, bestNeed: 0 };
        people.set(theirs.userId, acc);
      }
      const pair: MatchPair = { mine, theirs, closeness: c, score };
      if (theirs.kind === 'offer') {
        acc.theyOffer.push(pair);
        if (score > acc.bestOffer) acc.bestOffer = score;
      } else {
        acc.theyNeed.push(pair);
        if (score > acc.bestNeed) acc.bestNeed = score;
      }
    }
  }
  const ordered = [...people.values()].map((acc) => ({ acc, base: baseScore(acc) }));
  ordered.sort((a, b) => b.base - a.base || a.acc.userId.localeCompare(b.acc.userId));

  const myPlace = input.locality?.(me) ?? null;
  const results: PersonMatch[] = [];
  const keep = input.pairsPerPerson ?? 5;
  for (const { acc, base } of ordered) {
    if (results.length >= input.limit && base + MAX_LOCALITY <= results[input.limit - 1]!.score) break;
    const place = myPlace && input.locality ? input.locality(acc.userId) : null;
    const tier = localityTier(myPlace, place);
    const byScore = (a: MatchPair, b: MatchPair) => b.score - a.score || a.theirs.id - b.theirs.id;
    const person: PersonMatch = {
      userId: acc.userId,
      theyOffer: acc.theyOffer.sort(byScore).slice(0, keep),
      theyNeed: acc.theyNeed.sort(byScore).slice(0, keep),
      mutual: acc.theyOffer.length > 0 && acc.theyNeed.length > 0,
      locality: tier,
      place,
      score: base + WEIGHTS.locality[tier],
    };
    insertSorted(results, person);
    if (results.length > input.limit) results.pop();
  }
  return results;
}

function insertSorted(results: PersonMatch[], person: PersonMatch): void {
  let i = results.length;
  while (i > 0 && (results[i - 1]!.score < person.score || (results[i - 1]!.score === person.score && results[i - 1]!.userId > person.userId))) i--;
  results.splice(i, 0, person);
}

const LEVEL_WORDS: Record<SkillLevel, string> = { learning: 'learning', practiced: 'practiced', expert: 'expert' };

function skillPhrase(entry: MatchEntry, showLevel: boolean): string {
  const level = showLevel && entry.level ? ` (${LEVEL_WORDS[entry.level]})` : '';
  return `**${entry.label}**${level}`;
}

/** One reason line, e.g. "they offer **Grant writing** (expert), which you need". */
export function describePair(pair: MatchPair): string {
  const { mine, theirs } = pair;
  const closeTo = pair.closeness === 'category' ? `, close to **${mine.label}**` : '';
  const line =
    theirs.kind === 'offer'
      ? `they offer ${skillPhrase(theirs, true)}${closeTo}, which you need`
      : `they need ${skillPhrase(theirs, false)}${closeTo}, which you offer`;
  return pair.closeness === 'synonym' ? `${line} (you wrote “${mine.term}”, they wrote “${theirs.term}”)` : line;
}

export const LOCALITY_WORDS: Record<LocalityTier, string | null> = {
  space: 'same space',
  city: 'same city',
  region: 'same region',
  remote: 'remote',
  unknown: null,
};
