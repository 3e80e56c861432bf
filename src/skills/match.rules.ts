// Pure matching rules: how close two skills are, how a pair of entries scores, and how people are ranked
// (mutual matches first, then closeness, level, locality, freshness), with a reason for every line.
import type { SkillLevel } from '../db/schema/skills.js';
import type { CandidateBucket, MatchEntry } from './match.bucket.js';
import { scoreCandidates } from './match.scan.js';
import { FRESHNESS_SPAN, MAX_LOCALITY, WEIGHTS, type Closeness, type LocalityTier } from './match.weights.js';

// The entry's shape lives with the columns it is packed into, the weights with the scan; most readers import them here.
export type { MatchEntry } from './match.bucket.js';
export { kthLargest } from './match.scan.js';
export { MAX_LOCALITY, WEIGHTS, type Closeness, type LocalityTier } from './match.weights.js';

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

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function localityTier(mine: Locality | null, theirs: Locality | null): LocalityTier {
  if (!mine || !theirs) return 'unknown';
  if (mine.spaceId === theirs.spaceId) return 'space';
  if (!same(mine.country, theirs.country)) return 'remote';
  if (same(mine.city, theirs.city)) return 'city';
  if (mine.region && theirs.region && same(mine.region, theirs.region)) return 'region';
  return 'remote';
}

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
  /**
   * Entries of the opposite kind sharing mine's category (or mine's skill when it has no category): every
   * entry of the bucket is at least a category match.
   */
  candidates(mine: MatchEntry): CandidateBucket;
  /** A member's entries: the reasons are worked out only for people who make the list. */
  entriesOf(userId: string): readonly MatchEntry[];
  /** One more than the largest `owner` number among entries (sizes the score arrays). */
  owners: number;
  /** Members left out (hidden from matching); absent when no one is. */
  excluded?: ((userId: string) => boolean) | undefined;
  locality?: ((userId: string) => Locality | null) | undefined;
  /** Loads the places of many people at once before `locality` is asked for them one by one (optional). */
  prefetchLocality?: ((userIds: readonly string[]) => void) | undefined;
  now: number;
  limit: number;
  /** Pairs kept per direction and person (the reasons shown). */
  pairsPerPerson?: number;
}

const live = (entry: MatchEntry, now: number) => entry.expiresAt === null || entry.expiresAt > now;

/** Every matching pair between the caller's entries and one member's, best first per direction. */
export function pairsBetween(myEntries: readonly MatchEntry[], theirs: readonly MatchEntry[], now: number): { theyOffer: MatchPair[]; theyNeed: MatchPair[] } {
  const theyOffer: MatchPair[] = [];
  const theyNeed: MatchPair[] = [];
  for (const mine of myEntries) {
    if (!live(mine, now)) continue;
    for (const other of theirs) {
      if (other.kind === mine.kind || !live(other, now)) continue;
      const c = closeness(mine, other);
      if (!c) continue;
      const offer = mine.kind === 'offer' ? mine : other;
      const pair = { mine, theirs: other, closeness: c, score: pairScore(c, offer.level, other.renewedAt, now) };
      (other.kind === 'offer' ? theyOffer : theyNeed).push(pair);
    }
  }
  const byScore = (a: MatchPair, b: MatchPair) => b.score - a.score || a.theirs.id - b.theirs.id || a.mine.id - b.mine.id;
  // One reason per entry of theirs: its best pair (a need can be close to several of the caller's offers).
  const bestPerEntry = (pairs: MatchPair[]) => {
    const seen = new Set<number>();
    return pairs.sort(byScore).filter((pair) => !seen.has(pair.theirs.id) && seen.add(pair.theirs.id));
  };
  return { theyOffer: bestPerEntry(theyOffer), theyNeed: bestPerEntry(theyNeed) };
}

/**
 * Ranks people for the caller in two passes. The scan keeps only each person's best score per direction in
 * typed arrays (no allocation per candidate: a category can hold thousands of entries). Then only people who can
 * still reach the top `limit` (score before locality plus the largest locality bonus reaches the k-th best score
 * before locality) get their locality, in one bulk lookup, so a directory lookup runs for hundreds of people at most,
 * not thousands. Their reasons are worked out afterwards (withReasons), only for the people shown.
 */
export function rankPeople(input: RankInput): RankedPerson[] {
  const { me } = input;
  // Only people whose score before locality, plus the largest locality bonus, can reach the k-th best score before
  // locality are ranked. A caller with no place gives no one a locality bonus: the cut-off is then exact.
  const myPlace = input.locality?.(me) ?? null;
  const bonus = myPlace ? MAX_LOCALITY : 0;
  const { shown, cutoff, scratch } = scoreCandidates(input, bonus);
  const { bases, touchedIds, visible } = scratch;
  const pool: string[] = [];
  const poolBases: number[] = [];
  for (let i = 0; i < shown; i++) {
    if (bases[i]! < cutoff) continue;
    pool.push(touchedIds[visible[i]!]!);
    poolBases.push(bases[i]!);
  }
  // Everyone in the pool may need their place (scores bunch within the locality bonus: hundreds of people, often):
  // fetch them in one go, then keep the best `limit` in one pass. Sorting the pool first, to stop early, cost more than
  // the places it saved, which the bulk lookup has already read.
  if (myPlace && input.prefetchLocality) input.prefetchLocality(pool);
  const ranked: RankedPerson[] = [];
  for (let i = 0; i < pool.length; i++) {
    const userId = pool[i]!;
    const base = poolBases[i]!;
    if (ranked.length >= input.limit && base + bonus < ranked[input.limit - 1]!.score) continue;
    const place = myPlace && input.locality ? input.locality(userId) : null;
    const tier = localityTier(myPlace, place);
    const person = { userId, score: base + WEIGHTS.locality[tier], tier, place };
    if (ranked.length >= input.limit && !comesBefore(person, ranked[input.limit - 1]!)) continue;
    insertSorted(ranked, person);
    if (ranked.length > input.limit) ranked.pop();
  }
  return ranked;
}

/** A ranked person before their reasons are worked out: the ranking needs only scores and places. */
export interface RankedPerson {
  userId: string;
  score: number;
  tier: LocalityTier;
  place: Locality | null;
}

/** A ranked person with their reasons (their best pairs with the caller, at most `pairsPerPerson` each way). */
export function withReasons(input: Pick<RankInput, 'myEntries' | 'entriesOf' | 'now' | 'pairsPerPerson'>, person: RankedPerson): PersonMatch {
  const { userId, score, tier, place } = person;
  const keep = input.pairsPerPerson ?? 5;
  const pairs = pairsBetween(input.myEntries, input.entriesOf(userId), input.now);
  return {
    userId,
    theyOffer: pairs.theyOffer.slice(0, keep),
    theyNeed: pairs.theyNeed.slice(0, keep),
    mutual: pairs.theyOffer.length > 0 && pairs.theyNeed.length > 0,
    locality: tier,
    place,
    score,
  };
}

/** The people ranked, each with their reasons (rankPeople, then withReasons). */
export function rankMatches(input: RankInput): PersonMatch[] {
  return rankPeople(input).map((person) => withReasons(input, person));
}

/** Higher score first, then the smaller member id: the one order of the list. */
const comesBefore = (a: { userId: string; score: number }, b: { userId: string; score: number }) => a.score > b.score || (a.score === b.score && a.userId < b.userId);

function insertSorted<T extends { userId: string; score: number }>(results: T[], person: T): void {
  let i = results.length;
  while (i > 0 && comesBefore(person, results[i - 1]!)) i--;
  results.splice(i, 0, person);
}
