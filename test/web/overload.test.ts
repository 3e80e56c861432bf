// Load shedding: while the page's thread runs late, new requests get a quick 503 with Retry-After (and /healthz is
// still answered); the lag sampler sees a loop that is stuck right now.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/shared/logger.js';
import { createWebApp } from '../../src/web/app.js';
import { checkHealth } from '../../src/web/health.js';
import { createLagSampler, MAX_LAG_MS } from '../../src/web/overload.js';
import { setup } from '../domain/directory/helpers.js';

function appRunningLate(lag: { ms: number }) {
  const s = setup();
  return createWebApp({
    services: s, clock: s.clock, logger: silentLogger, publicUrl: 'http://localhost',
    health: () => checkHealth({ database: () => true, gateway: () => true, lastTickAt: () => s.clock.now().getTime(), now: () => s.clock.now().getTime() }),
    lag: () => lag.ms,
  });
}

describe('a page thread that runs late', () => {
  it('answers 503 with Retry-After instead of queueing, and serves again once it caught up', async () => {
    const lag = { ms: MAX_LAG_MS + 50 };
    const app = appRunningLate(lag);
    const busy = await app.request('/a/anything/');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(await busy.text()).toBe('The page is busy right now: try again in a moment.');
    expect((await app.request('/healthz')).status).toBe(200);
    lag.ms = 5;
    expect((await app.request('/a/anything/')).status).toBe(404);
  });
});

describe('the lag sampler', () => {
  it('sees a loop stuck right now, and calm again after', async () => {
    const sampler = createLagSampler(10);
    try {
      const until = performance.now() + 400;
      while (performance.now() < until) {
        // The thread is busy: no timer can run.
      }
      expect(sampler.current()).toBeGreaterThan(MAX_LAG_MS);
      const deadline = Date.now() + 5000;
      while (sampler.current() > MAX_LAG_MS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sampler.current()).toBeLessThan(MAX_LAG_MS);
    } finally {
      sampler.stop();
    }
  });
});
