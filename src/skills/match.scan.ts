// The first pass of a match: every candidate scored against the caller's entries, each person's best score per
// direction kept in typed arrays reused from one match to the next, and the cut-off below which no one can make the
// list. A category holds thousands of entries; when it can, the pass reads only the entries on the caller's own skills.
import type { CandidateBucket, MatchEntry } from './match.bucket.js';
import { CATEGORY_PAIR_MAX, FRESHNESS_SPAN, LEVEL_WEIGHTS, PAIR_MAX, WEIGHTS } from './match.weights.js';

/** What the scan reads of a ranking's input (match.rules.ts's RankInput). */
export interface ScanInput {
  myEntries: readonly MatchEntry[];
  candidates(mine: MatchEntry): CandidateBucket;
  entriesOf(userId: string): readonly MatchEntry[];
  owners: number;
  excluded?: ((userId: string) => boolean) | undefined;
  now: number;
  limit: number;
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
  /** Owners with a candidate of each direction, one bit each. */
  offerSide: new Uint32Array((size >>> 5) + 1),
  needSide: new Uint32Array((size >>> 5) + 1),
});
export type Scratch = ReturnType<typeof scratchFor>;
let scratch = scratchFor(0);

/** People who may be mutual matches and are scored one by one; past this many, the whole categories are read. */
const MUTUAL_CHECKED = 16;

const live = (entry: MatchEntry, now: number) => entry.expiresAt === null || entry.expiresAt > now;

/**
 * Scores everyone who matches the caller: `bases[i]` is the score before locality of the visible person
 * `touchedIds[visible[i]]`, for i < `shown`; people below `cutoff` cannot make the top `limit` even with `bonus`.
 */
export function scoreCandidates(input: ScanInput, bonus: number): { shown: number; cutoff: number; scratch: Scratch } {
  if (scratch.bases.length < input.owners) scratch = scratchFor(input.owners * 2);
  const mine = input.myEntries.filter((entry) => live(entry, input.now));
  const buckets = mine.map((entry) => input.candidates(entry));
  if (buckets.every((bucket) => bucket.skills)) {
    const maybeMutual = bothSides(input, mine, buckets);
    const decided = maybeMutual ? scoreClosest(input, mine, buckets, maybeMutual, bonus) : scoreMutual(input, mine, buckets, bonus);
    if (decided) return { ...decided, scratch };
  }
  const shown = collect(input, (count) => {
    for (let i = 0; i < mine.length; i++) count = scanBucket(buckets[i]!, mine[i]!, myOwnerOf(input), input.now, 0, -1, null, count);
    return count;
  });
  return { shown, cutoff: shown > input.limit ? kthOf(shown, input.limit) - bonus : Number.NEGATIVE_INFINITY, scratch };
}

const myOwnerOf = (input: ScanInput) => input.myEntries[0]?.owner ?? -1;

/**
 * The short way, when the buckets say where each skill lies: a pair through the category alone scores at most
 * CATEGORY_PAIR_MAX, so a person matched only that way, in one direction, cannot make the list once `limit` people
 * score more than that plus the locality bonus. Those people are the ones on the caller's own skills (read from their
 * slice of each bucket) and the few who have candidates in both directions (scored from their own entries). Null when
 * that does not decide the list: then every candidate is read.
 */
function scoreClosest(input: ScanInput, mine: readonly MatchEntry[], buckets: readonly CandidateBucket[], maybeMutual: Map<number, string>, bonus: number): { shown: number; cutoff: number } | null {
  const myOwner = myOwnerOf(input);
  const shown = collect(input, (count) => {
    for (let i = 0; i < mine.length; i++) {
      const range = buckets[i]!.skills!.get(mine[i]!.skillRef);
      if (range) count = scanBucket(buckets[i]!, mine[i]!, myOwner, input.now, range[0], range[1], null, count);
    }
    for (const [owner, userId] of maybeMutual) count = scoreOwner(input, mine, owner, userId, count);
    return count;
  });
  if (shown < input.limit) return null;
  const cutoff = kthOf(shown, input.limit) - bonus;
  return cutoff > CATEGORY_PAIR_MAX ? { shown, cutoff } : null;
}

/**
 * When many people may be mutual matches: a mutual match scores above any one-way match (at most PAIR_MAX), so once
 * `limit` of them score more than that plus the locality bonus, only they can make the list, and only their entries
 * are read (the rest of each bucket is passed over by their owner bit). Null when that does not decide the list.
 */
function scoreMutual(input: ScanInput, mine: readonly MatchEntry[], buckets: readonly CandidateBucket[], bonus: number): { shown: number; cutoff: number } | null {
  const both = scratch.offerSide;
  const shown = collect(input, (count) => {
    for (let i = 0; i < mine.length; i++) count = scanBucket(buckets[i]!, mine[i]!, myOwnerOf(input), input.now, 0, -1, both, count);
    return count;
  });
  if (shown < input.limit) return null;
  const cutoff = kthOf(shown, input.limit) - bonus;
  return cutoff > PAIR_MAX ? { shown, cutoff } : null;
}

/**
 * Owners (and their ids) with a candidate in both directions, some perhaps lapsed; null when there are too many. Their
 * bits stay in the scratch's `offerSide` for scoreMutual.
 */
function bothSides(input: ScanInput, mine: readonly MatchEntry[], buckets: readonly CandidateBucket[]): Map<number, string> | null {
  const { offerSide, needSide } = scratch;
  offerSide.fill(0);
  needSide.fill(0);
  for (let i = 0; i < mine.length; i++) {
    // They offer what the caller needs, or need what the caller offers.
    const side = mine[i]!.kind === 'need' ? offerSide : needSide;
    const present = presence(buckets[i]!);
    for (let word = 0; word < present.length; word++) side[word]! |= present[word]!;
  }
  // Counted first: most often there are too many, and then no one is looked up.
  let both = 0;
  for (let word = 0; word < offerSide.length; word++) both += bitCount((offerSide[word]! &= needSide[word]!));
  if (both > MUTUAL_CHECKED + 1) return null;
  const found = new Map<number, string>();
  const myOwner = myOwnerOf(input);
  for (let word = 0; word < offerSide.length; word++) {
    let bits = offerSide[word]!;
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits);
      bits &= ~(1 << bit);
      const owner = word * 32 + bit;
      if (owner === myOwner) continue;
      if (found.size === MUTUAL_CHECKED) return null;
      found.set(owner, idOf(buckets, owner));
    }
  }
  return found;
}

function bitCount(word: number): number {
  let n = word - ((word >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Each bucket's owners, one bit each: made once per packed bucket (a write packs a new one). */
const presences = new WeakMap<CandidateBucket, Uint32Array>();

function presence(bucket: CandidateBucket): Uint32Array {
  let present = presences.get(bucket);
  if (present) return present;
  const { owner, size } = bucket;
  let last = 0;
  for (let i = 0; i < size; i++) last = Math.max(last, owner[i]!);
  present = new Uint32Array((last >>> 5) + 1);
  for (let i = 0; i < size; i++) present[owner[i]! >>> 5]! |= 1 << (owner[i]! & 31);
  presences.set(bucket, present);
  return present;
}

function idOf(buckets: readonly CandidateBucket[], owner: number): string {
  for (const bucket of buckets) {
    const id = bucket.ownerIds[owner];
    if (id !== undefined) return id;
  }
  throw new Error(`owner ${owner} is in no bucket`);
}

/** One person's best score per direction from their own entries: the same sums as scanBucket, in the same order. */
function scoreOwner(input: ScanInput, mine: readonly MatchEntry[], owner: number, userId: string, count: number): number {
  const { best, touched, touchedIds } = scratch;
  const { now } = input;
  let offer = 0;
  let need = 0;
  const theirs = input.entriesOf(userId);
  for (const entry of mine) {
    const mineOffers = entry.kind === 'offer';
    const myLevel = WEIGHTS.level[entry.level ?? 'none'];
    for (const other of theirs) {
      if (other.kind === entry.kind || !live(other, now)) continue;
      // In the caller's bucket: the same category, or the same skill for a skill without one.
      if (entry.category !== null ? other.category !== entry.category : other.skillRef !== entry.skillRef) continue;
      let score: number = other.skillRef === entry.skillRef ? (other.termRef === entry.termRef ? WEIGHTS.closeness.same : WEIGHTS.closeness.synonym) : WEIGHTS.closeness.category;
      score += mineOffers ? myLevel : WEIGHTS.level[other.level ?? 'none'];
      score += freshness(now - other.renewedAt);
      if (mineOffers) need = Math.max(need, score);
      else offer = Math.max(offer, score);
    }
  }
  if (offer === 0 && need === 0) return count;
  const at = 2 * owner;
  if (best[at] === 0 && best[at + 1] === 0) {
    touched[count] = owner;
    touchedIds[count++] = userId;
  }
  best[at] = offer;
  best[at + 1] = need;
  return count;
}

const freshness = (age: number) => (age <= 0 ? WEIGHTS.freshness : age >= FRESHNESS_SPAN ? 0 : WEIGHTS.freshness - age * FRESH_PER_MS);

/**
 * Runs `scan` (which fills the scratch's best scores and touched owners, returning how many), then reads each owner
 * back: zeroes their scores for the next caller and, when visible, puts their score before locality in `bases`.
 * Returns how many are visible.
 */
function collect(input: ScanInput, scan: (count: number) => number): number {
  const { best, bases, touched, touchedIds, visible } = scratch;
  let count = 0;
  let read = 0;
  let shown = 0;
  try {
    count = scan(0);
    for (; read < count; read++) {
      const at = 2 * touched[read]!;
      const offer = best[at]!;
      const need = best[at + 1]!;
      best[at] = best[at + 1] = 0;
      if (input.excluded?.(touchedIds[read]!)) continue;
      bases[shown] = (offer > 0 && need > 0 ? WEIGHTS.mutual : 0) + offer + need;
      visible[shown++] = read;
    }
  } finally {
    // Also when a scan fails half-way: everything it touched goes back to zeros.
    for (; read < count; read++) best[2 * touched[read]!] = best[2 * touched[read]! + 1] = 0;
  }
  return shown;
}

function kthOf(shown: number, k: number): number {
  const select = scratch.select.subarray(0, shown);
  select.set(scratch.bases.subarray(0, shown));
  return kthLargest(select, Math.min(k, shown));
}

const { same: SAME, synonym: SYNONYM, category: CATEGORY } = WEIGHTS.closeness;
const FRESH_PER_MS = WEIGHTS.freshness / FRESHNESS_SPAN;

/**
 * One bucket's candidates (slots `from` to `to`, or all when `to` is -1; only owners whose bit is set in `only`, when
 * given) against one of the caller's entries: each
 * owner's best score in that direction goes into the scratch's `best`; an owner seen for the first time (zero in both
 * directions) is added to its touched lists at `count`, which is returned moved on. Alone in a function of plain
 * locals, the loop is what V8 optimizes best.
 */
function scanBucket(b: CandidateBucket, mine: MatchEntry, myOwner: number, now: number, from: number, to: number, only: Uint32Array | null, count: number): number {
  const { best, touched, touchedIds } = scratch;
  const { owner: owners, skill, term, level, renewedAt, expiresAt, ownerIds } = b;
  const end = to < 0 ? b.size : to;
  const mineOffers = mine.kind === 'offer';
  // They offer (slot 0) what the caller needs, or need (slot 1) what the caller offers.
  const direction = mineOffers ? 1 : 0;
  const myLevel = WEIGHTS.level[mine.level ?? 'none'];
  const hasCategory = mine.category !== null;
  const { skillRef, termRef } = mine;
  for (let i = from; i < end; i++) {
    const owner = owners[i]!;
    if (owner === myOwner || expiresAt[i]! <= now) continue;
    if (only !== null && (only[owner >>> 5]! & (1 << (owner & 31))) === 0) continue;
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

/** The k-th largest value (k ≥ 1), by quickselect in place: a full sort of thousands of scores cost more than the scan. */

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
