// When a failed scheduled job is tried again: 1, 5, 15 and 60 minutes after each failure, then it is failed.
import { MINUTE } from '../shared/clock.js';

export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE] as const;

/** The first attempt plus one per retry delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The instant of the next attempt after `attempts` failed ones, or null when the job should be marked failed. */
export function nextAttemptAt(now: number, attempts: number): number | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : now + delay;
}
