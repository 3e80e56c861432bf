// Without HTTP_PORT the bot serves no web page: no server starts, /meeting calendar says there is no feed, and
// /alliance show says the page is on but not served, so organizers know what their host must set. A taken port
// stops the start with a message naming it.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/main.js';
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

describe('a taken HTTP_PORT', () => {
  it('stops the start with a message naming the port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    const config = loadConfig({ DISCORD_TOKEN: h.bed.token, DISCORD_API_URL: h.bed.apiUrl, DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent', HTTP_PORT: String(port) });
    await expect(startBot(config, { startScheduler: false, webHostname: '127.0.0.1' })).rejects.toThrow(`HTTP_PORT ${port} is already in use`);
    blocker.close();
  });
});
