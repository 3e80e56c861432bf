// Pure matching rules: how close two skills are, how a pair of entries scores, and how people are ranked
// (mutual matches first, then closeness, level, locality, freshness), with a reason for every line.
import { DAY } from '../shared/clock.js';
import type { SkillLevel } from '../db/schema/skills.js';
import { LEVEL_CODES, type CandidateBucket, type MatchEntry } from './match.bucket.js';

// The entry's shape lives with the columns it is packed into; most readers import it from here.
export type { MatchEntry } from './match.bucket.js';

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
/** Level weights by level code (the packed columns hold codes). */
const LEVEL_WEIGHTS = Float64Array.from(Object.entries(LEVEL_CODES).sort((a, b) => a[1] - b[1]), ([level]) => WEIGHTS.level[level as SkillLevel | 'none']);
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
 * not thousands; their reasons are worked out only for the `limit` kept.
 */
export function rankMatches(input: RankInput): PersonMatch[] {
  const { me, now } = input;
  if (scratch.bases.length < input.owners) scratch = scratchFor(input.owners * 2);
  const { best, bases, touched, touchedIds, visible } = scratch;
  const myOwner = input.myEntries[0]?.owner ?? -1;
  /** Owners scored (each once), how many of them were read back (and zeroed), and how many of them are visible. */
  let count = 0;
  let read = 0;
  let shown = 0;
  try {
    for (const mine of input.myEntries) {
      if (!live(mine, now)) continue;
      count = scanBucket(input.candidates(mine), mine, myOwner, now, count);
    }
    for (; read < count; read++) {
      const at = 2 * touched[read]!;
      const offer = best[at]!;
      const need = best[at + 1]!;
      // The scratch arrays go back to zeros for the next caller, only where this one wrote.
      best[at] = best[at + 1] = 0;
      if (input.excluded?.(touchedIds[read]!)) continue;
      bases[shown] = (offer > 0 && need > 0 ? WEIGHTS.mutual : 0) + offer + need;
      visible[shown++] = read;
    }
  } finally {
    for (; read < count; read++) best[2 * touched[read]!] = best[2 * touched[read]! + 1] = 0;
  }
  // Only people whose score before locality, plus the largest locality bonus, can reach the k-th best score before
  // locality are ranked. A caller with no place gives no one a locality bonus: the cut-off is then exact.
  const myPlace = input.locality?.(me) ?? null;
  const bonus = myPlace ? MAX_LOCALITY : 0;
  let cutoff = Number.NEGATIVE_INFINITY;
  if (shown > input.limit) {
    const select = scratch.select.subarray(0, shown);
    select.set(bases.subarray(0, shown));
    cutoff = kthLargest(select, input.limit) - bonus;
  }
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
  const ranked: { userId: string; score: number; tier: LocalityTier; place: Locality | null }[] = [];
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
  const keep = input.pairsPerPerson ?? 5;
  return ranked.map(({ userId, score, tier, place }) => {
    const pairs = pairsBetween(input.myEntries, input.entriesOf(userId), now);
    return {
      userId,
      theyOffer: pairs.theyOffer.slice(0, keep),
      theyNeed: pairs.theyNeed.slice(0, keep),
      mutual: pairs.theyOffer.length > 0 && pairs.theyNeed.length > 0,
      locality: tier,
      place,
      score,
    };
  });
}

const { same: SAME, synonym: SYNONYM, category: CATEGORY } = WEIGHTS.closeness;
const FRESH_PER_MS = WEIGHTS.freshness / FRESHNESS_SPAN;

/**
 * One bucket's candidates against one of the caller's entries: each owner's best score in that direction goes into
 * `best`; an owner seen for the first time (zero in both directions) is added to the scratch's touched lists at
 * `count`, which is returned moved on. Alone in a function of plain locals, the loop is what V8 optimizes best.
 */
function scanBucket(b: CandidateBucket, mine: MatchEntry, myOwner: number, now: number, count: number): number {
  const { best, touched, touchedIds } = scratch;
  const { size, owner: owners, skill, term, level, renewedAt, expiresAt, ownerIds } = b;
  const mineOffers = mine.kind === 'offer';
  // They offer (slot 0) what the caller needs, or need (slot 1) what the caller offers.
  const direction = mineOffers ? 1 : 0;
  const myLevel = WEIGHTS.level[mine.level ?? 'none'];
  const hasCategory = mine.category !== null;
  const { skillRef, termRef } = mine;
  for (let i = 0; i < size; i++) {
    const owner = owners[i]!;
    if (owner === myOwner || expiresAt[i]! <= now) continue;
    let score: number;
    if (skill[i] === skillRef) score = term[i] === termRef ? SAME : SYNONYM;
    else if (hasCategory) score = CATEGORY;
    else continue;
    score += mineOffers ? myLevel : LEVEL_WEIGHTS[level[i]!]!;
    const age = now - renewedAt[i]!;
    score += age <= 0 ? WEIGHTS.freshness : age >= FRESHNESS_SPAN ? 0 : WEIGHTS.freshness - age * FRESH_PER_MS;
    const at = 2 * owner;
    if (best[at] === 0 && best[at + 1] === 0) {
      touched[count] = owner;
      touchedIds[count++] = ownerIds[owner]!;
    }
    if (score > best[at + direction]!) best[at + direction] = score;
  }
  return count;
}

/**
 * Best scores per owner (zeroed where used) and the visible people's scores, kept between calls: four arrays the size
 * of the alliance per match (80 KB each for 10,000 members) were most of a match's garbage, outside the heap, where it
 * brings on full collections. Ranking is synchronous, so calls never overlap.
 */
const scratchFor = (size: number) => ({
  /** By owner, side by side (one cache line): the best score of what they offer, then of what they need. */
  best: new Float64Array(2 * size),
  bases: new Float64Array(size),
  select: new Float64Array(size),
  /** Owners scored, in the order first seen, with their member ids; and which of them are visible. */
  touched: new Int32Array(size),
  touchedIds: new Array<string>(size).fill(''),
  visible: new Int32Array(size),
});
let scratch = scratchFor(0);

/** The k-th largest value (k ≥ 1), by quickselect in place: a full sort of thousands of scores cost more than the scan. */
export function kthLargest(values: Float64Array, k: number): number {
  const target = values.length - k;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    // Hoare's partition: equal values split evenly, so many equal scores do not make it quadratic.
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

/** Higher score first, then the smaller member id: the one order of the list. */
const comesBefore = (a: { userId: string; score: number }, b: { userId: string; score: number }) => a.score > b.score || (a.score === b.score && a.userId < b.userId);

function insertSorted<T extends { userId: string; score: number }>(results: T[], person: T): void {
  let i = results.length;
  while (i > 0 && comesBefore(person, results[i - 1]!)) i--;
  results.splice(i, 0, person);
}
