// Load shedding for the public page's thread: when its event loop runs late (requests are queueing faster than it
// answers them), new requests get a quick 503 with Retry-After instead of waiting in an ever longer queue.
import type { MiddlewareHandler } from 'hono';
import { ENGLISH, type WebText } from './text.js';

/**
 * How late the loop may run before requests are refused: well past the 100 ms p99 target, so only a queue that keeps
 * growing is cut short, not a single slow request or a moment without CPU on a busy machine.
 */
export const MAX_LAG_MS = 250;

/**
 * How far behind the thread's event loop is right now: a timer due every `everyMs` is overdue by that much while the
 * thread works through requests without getting back to its timers (a queue). Zero once the timer has run.
 */
export function createLagSampler(everyMs = 20) {
  let due = performance.now() + everyMs;
  const timer = setInterval(() => {
    due = performance.now() + everyMs;
  }, everyMs).unref();
  return {
    current: () => Math.max(0, performance.now() - due),
    stop: () => clearInterval(timer),
  };
}

/**
 * Refuses with 503 and Retry-After while the loop is more than `maxLagMs` late; /healthz is always answered. The
 * refusal is in the alliance's language when the address names one (`textOf`), else English.
 */
export function shedWhenBehind(lag: () => number, maxLagMs = MAX_LAG_MS, textOf: (c: Parameters<MiddlewareHandler>[0]) => WebText = () => ENGLISH): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path !== '/healthz' && lag() > maxLagMs) {
      c.header('Retry-After', '1');
      c.header('Cache-Control', 'no-store');
      return c.text(textOf(c).busy, 503);
    }
    await next();
  };
}
