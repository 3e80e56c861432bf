// The per-member rate limit as a pure piece: the window slides, refusals are told once per burst, members and
// alliances are counted apart, 0 turns it off, and memory stays bounded however many members flood it.
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/discord/rate-limit.js';

describe('rate limiter', () => {
  it('allows 20 in 10 s, refuses the 21st with when to retry, tells once per burst, and frees up as the window slides', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ limit: 20, windowMs: 10_000, now: () => now });
    for (let i = 0; i < 20; i++, now += 100) expect(limiter.check('g', 'u').allowed).toBe(true);
    expect(limiter.check('g', 'u')).toEqual({ allowed: false, retryAt: 1_010_000, tell: true });
    expect(limiter.check('g', 'u')).toEqual({ allowed: false, retryAt: 1_010_000, tell: false });
    expect(limiter.check('g', 'other').allowed).toBe(true);
    expect(limiter.check('h', 'u').allowed).toBe(true);
    now = 1_010_000;
    expect(limiter.check('g', 'u').allowed).toBe(true);
    expect(limiter.check('g', 'u')).toMatchObject({ allowed: false, tell: true });
  });

  it('is off at 0', () => {
    const limiter = createRateLimiter({ limit: 0, windowMs: 10_000, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(limiter.check('g', 'u').allowed).toBe(true);
  });

  it('forgets the oldest members first, so a flood of ids cannot grow memory without end', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, now: () => now });
    limiter.check('g', 'first');
    for (let i = 0; i < 10_000; i++) limiter.check('g', `u${i}`);
    now = 1;
    // "first" was evicted, so it starts afresh; a recent one is still counted.
    expect(limiter.check('g', 'first').allowed).toBe(true);
    expect(limiter.check('g', 'u9999').allowed).toBe(false);
  });
});
