// The bot's life beyond commands: gateway drops and rate limits show in the log with counts, and a stop finishes
// within its deadline even when work in flight hangs.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/logger.js';
import { startHarness, waitUntil, type Harness } from '../support/bot.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) }));
  return { logger, lines, messages: () => lines.map((line) => String(line['msg'])) };
}

describe('gateway and rate-limit logs', () => {
  it('a dropped connection is logged as reconnecting and resumed, each once, with running counts', async () => {
    const log = capturingLogger();
    h = await startHarness({ logger: log.logger });
    h.bed.gateway.drop();
    await waitUntil(() => log.messages().includes('gateway resumed'), 10_000, 'the resume to be logged');
    h.bed.gateway.drop();
    await waitUntil(() => log.messages().filter((m) => m === 'gateway resumed').length === 2, 10_000, 'the second resume');
    const resumes = log.lines.filter((line) => line['msg'] === 'gateway resumed');
    expect(resumes.map((line) => line['resumes'])).toEqual([1, 2]);
    const reconnects = log.lines.filter((line) => line['msg'] === 'gateway reconnecting');
    expect(reconnects.map((line) => line['reconnects'])).toEqual([1, 2]);
  });

  it('a rate limit from Discord is logged with its route and count', async () => {
    const log = capturingLogger();
    h = await startHarness({ logger: log.logger });
    const alliance = await h.newAlliance();
    h.bed.fault({ method: 'POST', route: /\/interactions\/.*\/callback/, status: 429, retryAfter: 0.3 });
    await alliance.setup();
    const limited = log.lines.filter((line) => line['msg'] === 'rate limited by Discord');
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({ method: 'POST', rateLimits: 1 });
    expect(String(limited[0]!['route'])).toContain('/interactions/');
  });
});

describe('shutdown', () => {
  it('stops within its deadline when an answer is stuck, abandoning it and saying so', async () => {
    const log = capturingLogger();
    h = await startHarness({ logger: log.logger });
    const alliance = await h.newAlliance();
    // The answer to the next command waits 5 s on a rate limit: work in flight that will not finish in time.
    h.bed.fault({ method: 'POST', route: /\/interactions\/.*\/callback/, status: 429, retryAfter: 5 });
    const before = h.bed.requests.length;
    void alliance.run('olivia', 'alliance show').catch(() => undefined);
    await waitUntil(() => h!.bed.requests.slice(before).some((r) => r.status === 429), 5000, 'the stuck answer');
    const started = Date.now();
    await h.bot.stop(500);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(450);
    expect(took).toBeLessThan(2500);
    expect(log.messages()).toContain('shutdown deadline passed: abandoning work still in flight');
    expect(h.bot.database.sqlite.open).toBe(false);
  });

  it('lets work in flight finish when it can, without the deadline message', async () => {
    const log = capturingLogger();
    h = await startHarness({ logger: log.logger });
    const alliance = await h.newAlliance();
    h.bed.fault({ method: 'POST', route: /\/interactions\/.*\/callback/, status: 429, retryAfter: 0.3 });
    const answered = alliance.run('olivia', 'alliance show').then((result) => result.reply());
    const before = h.bed.requests.length;
    await waitUntil(() => h!.bed.requests.slice(before).some((r) => r.status === 429), 5000, 'the delayed answer');
    await h.bot.stop(5000);
    expect((await answered).embeds.length).toBeGreaterThan(0);
    expect(log.messages()).not.toContain('shutdown deadline passed: abandoning work still in flight');
  });
});
