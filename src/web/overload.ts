// Load shedding for the public page's thread: when its event loop runs late (requests are queueing faster than it
// answers them), new requests get a quick 503 with Retry-After instead of waiting in an ever longer queue.
import type { MiddlewareHandler } from 'hono';
import { T } from './text.js';

/** How late the loop may run before requests are refused; p99 under 100 ms is the target for answered ones. */
export const MAX_LAG_MS = 150;

/**
 * How late the thread's event loop is: a timer due every `everyMs` measures how much later than due it fires.
 * `current()` is the last measure, or the time since the last tick when that is longer (a loop stuck right now).
 */
export function createLagSampler(everyMs = 20) {
  let expected = performance.now() + everyMs;
  let last = 0;
  const timer = setInterval(() => {
    const at = performance.now();
    last = Math.max(0, at - expected);
    expected = at + everyMs;
  }, everyMs).unref();
  return {
    current: () => Math.max(last, performance.now() - expected),
    stop: () => clearInterval(timer),
  };
}

/** Refuses with 503 and Retry-After while the loop is more than `maxLagMs` late; /healthz is always answered. */
export function shedWhenBehind(lag: () => number, maxLagMs = MAX_LAG_MS): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path !== '/healthz' && lag() > maxLagMs) {
      c.header('Retry-After', '1');
      c.header('Cache-Control', 'no-store');
      return c.text(T.busy, 503);
    }
    await next();
  };
}
