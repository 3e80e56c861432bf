// Without HTTP_PORT the bot serves no web page: no server starts, /meeting calendar says there is no feed, and
// /alliance show says the page is on but not served, so organizers know what their host must set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

describe('a bot without HTTP_PORT', () => {
  it('starts no web server and tells members and organizers so', async () => {
    expect(h.bot.web).toBeNull();
    const a = await h.newAlliance();
    await a.setup({ 'public-page': 'on', 'public-slug': 'no-server' });
    expect(visibleText(await a.reply('olivia', 'alliance show'))).toContain('On at /a/no-server/, but this bot serves no web page yet (its host sets HTTP_PORT)');
    const answer = await a.reply('marcus', 'meeting calendar');
    expect(answer.flags & 64).toBe(64);
    expect(answer.content).toMatch(/does not serve web pages/);
  });
});
