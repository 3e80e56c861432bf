// Per-member interaction rate limit: a member who floods the bot is told once when to try again, and nothing runs.
// Real elapsed time (not the alliance clock): it is about how fast requests arrive, not about calendar dates.
import { createRecentMap } from '../shared/recent-map.js';

export interface RateLimitVerdict {
  allowed: boolean;
  /** When refused: epoch ms at which the member may act again. */
  retryAt?: number;
  /** When refused: true only for the first refusal of this burst, which gets the one answer. */
  tell?: boolean;
}

export interface RateLimiter {
  check(guildId: string, userId: string): RateLimitVerdict;
}

/** Members tracked at most; the oldest entries go first, so a flood of distinct ids cannot grow memory without end. */
const MAX_TRACKED = 10_000;

/** `limit` interactions per `windowMs` per member of an alliance; `limit` 0 turns the limit off. */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const recent = createRecentMap<string, { times: number[]; told: boolean }>(MAX_TRACKED);

  return {
    check(guildId, userId) {
      if (options.limit <= 0) return { allowed: true };
      const at = now();
      const key = `${guildId}:${userId}`;
      const entry = recent.get(key) ?? recent.set(key, { times: [], told: false });
      while (entry.times.length && entry.times[0]! <= at - options.windowMs) entry.times.shift();
      if (entry.times.length >= options.limit) {
        const tell = !entry.told;
        entry.told = true;
        return { allowed: false, retryAt: entry.times[0]! + options.windowMs, tell };
      }
      entry.told = false;
      entry.times.push(at);
      return { allowed: true };
    },
  };
}
