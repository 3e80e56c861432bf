// The match's weights, shared by the rules (a pair's score, the reasons) and the scan that scores thousands of
// candidates: one place, so both add the same numbers in the same order.
import { DAY } from '../shared/clock.js';
import type { SkillLevel } from '../db/schema/skills.js';
import { LEVEL_CODES } from './match.bucket.js';

export type Closeness = 'same' | 'synonym' | 'category';

export type LocalityTier = 'space' | 'city' | 'region' | 'remote' | 'unknown';

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
export const LEVEL_WEIGHTS = Float64Array.from(Object.entries(LEVEL_CODES).sort((a, b) => a[1] - b[1]), ([level]) => WEIGHTS.level[level as SkillLevel | 'none']);
export const FRESHNESS_SPAN = 90 * DAY;
/** The most a pair through the category alone can score (another skill of the field, top level, added today). */
export const CATEGORY_PAIR_MAX = WEIGHTS.closeness.category + Math.max(...Object.values(WEIGHTS.level)) + WEIGHTS.freshness;
/** The most any one pair can score (the same skill in the same words, top level, added today): a one-way match's most. */
export const PAIR_MAX = WEIGHTS.closeness.same + Math.max(...Object.values(WEIGHTS.level)) + WEIGHTS.freshness;
