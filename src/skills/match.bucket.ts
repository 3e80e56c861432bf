// Candidate entries packed column by column in typed arrays: ranking scans thousands of them per request,
// and scanning contiguous numbers is many times faster than chasing scattered objects.
import type { SkillEntryKind, SkillLevel } from '../db/schema/skills.js';

/** One member's offered or needed skill, as matching sees it. */
export interface MatchEntry {
  id: number;
  userId: string;
  /** A small number per member, dense within one alliance's index: lets ranking keep scores in arrays. */
  owner: number;
  /** Numbers standing for skillKey and term within one index (equal strings, equal numbers). */
  skillRef: number;
  termRef: number;
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

export const LEVEL_CODES: Record<SkillLevel | 'none', number> = { none: 0, learning: 1, practiced: 2, expert: 3 };

/**
 * Entries of one kind that share a category (or a skill, for skills without a category). Column i of every
 * array describes entries[i].
 */
export interface CandidateBucket {
  size: number;
  owner: Int32Array;
  skill: Int32Array;
  term: Int32Array;
  level: Uint8Array;
  renewedAt: Float64Array;
  /** +Infinity for entries that do not expire. */
  expiresAt: Float64Array;
  /** Owner number → member id (at least for every owner in the bucket). */
  ownerIds: readonly string[];
  /**
   * When the columns are grouped by skill: where each skill's entries lie (from, to), so a match can read only the
   * entries on the caller's own skill.
   */
  skills?: ReadonlyMap<number, readonly [number, number]>;
}

export const EMPTY_BUCKET: CandidateBucket = packBucket([]);

/** A bucket of `size` slots, every column allocated and zeroed, its owners named by index into `ownerIds`. */
export function allocateBucket(size: number, ownerIds: string[]): CandidateBucket {
  return {
    size,
    owner: new Int32Array(size),
    skill: new Int32Array(size),
    term: new Int32Array(size),
    level: new Uint8Array(size),
    renewedAt: new Float64Array(size),
    expiresAt: new Float64Array(size),
    ownerIds,
  };
}

/** Where each skill's entries lie in a column grouped by skill. */
export function skillRanges(skill: Int32Array, size: number): Map<number, readonly [number, number]> {
  const ranges = new Map<number, readonly [number, number]>();
  for (let from = 0; from < size; ) {
    let to = from + 1;
    while (to < size && skill[to] === skill[from]) to++;
    ranges.set(skill[from]!, [from, to]);
    from = to;
  }
  return ranges;
}

/** Entries packed in order of skill (then as given), with where each skill lies. */
export function packBucket(given: readonly MatchEntry[]): CandidateBucket {
  const entries = [...given].sort((a, b) => a.skillRef - b.skillRef);
  const size = entries.length;
  const ownerIds: string[] = [];
  const bucket = allocateBucket(size, ownerIds);
  for (let i = 0; i < size; i++) {
    const entry = entries[i]!;
    bucket.owner[i] = entry.owner;
    bucket.skill[i] = entry.skillRef;
    bucket.term[i] = entry.termRef;
    bucket.level[i] = LEVEL_CODES[entry.level ?? 'none'];
    bucket.renewedAt[i] = entry.renewedAt;
    bucket.expiresAt[i] = entry.expiresAt ?? Number.POSITIVE_INFINITY;
    ownerIds[entry.owner] = entry.userId;
  }
  bucket.skills = skillRanges(bucket.skill, size);
  return bucket;
}
