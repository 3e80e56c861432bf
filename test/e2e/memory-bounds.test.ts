// What the bot keeps in memory per interaction stays bounded: discord.js's per-token REST queues go once idle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ restHandlerSweepMs: 200 });
});
afterAll(async () => {
  await h?.stop();
});

/** A REST queue of one interaction token: its id ends in `:<application id>/<token>` (the reply webhook's route). */
const isTokenQueue = (id: string) => /:\d{15,20}\/[^/]+$/.test(id);
const tokenQueues = () => [...h.bot.ctx.client.rest.handlers.keys()].filter(isTokenQueue);

describe('memory per interaction', () => {
  it('the queues of answered interactions are dropped once idle, not kept for an hour', async () => {
    const swept: string[] = [];
    h.bot.ctx.client.rest.on('handlerSweep', (handlers) => swept.push(...[...handlers.keys()].filter(isTokenQueue)));
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    // /alliance doctor defers, then edits its answer through the interaction's webhook: one queue per token.
    for (let i = 0; i < 4; i++) {
      const report = await a.reply('olivia', 'alliance doctor');
      expect(visibleText(report).length).toBeGreaterThan(0);
    }
    await waitUntil(() => swept.length >= 4 && tokenQueues().length === 0, 5000, 'the idle token queues to be swept');
    expect(tokenQueues()).toEqual([]);
  });
});
