// The public page runs in its own thread: it keeps answering while the bot's main thread is stuck (and /healthz says
// the bot is not answering), it reads the bot's clock, knows alliances that joined after it started, and comes back after its thread dies.
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/logger.js';
import { startHarness, waitUntil, type Alliance, type Harness } from '../support/bot.js';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

let h: Harness;
let a: Alliance;
let web: string;
beforeAll(async () => {
  h = await startHarness({ web: true, now: '2026-11-24T15:00:00Z', logger: createLogger('info', logStream) });
  web = `http://127.0.0.1:${h.bot.web!.port}`;
  a = await h.newAlliance('Harbour Alliance');
  await a.setup({ 'directory-approval': false, timezone: 'UTC', 'public-page': 'on', 'public-slug': 'harbour' });
  const opened = await a.run('marcus', 'space register', { name: 'Dockside Desks', city: 'Seattle', country: 'US', desks: 20 });
  await (await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: opened.modal!, values: { public: 'yes' } })).reply();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

/**
 * Fetches from another process while this thread (the bot's main thread: the test runs in it) waits synchronously:
 * only a server on another thread can answer.
 */
function fetchWhileMainThreadBlocked(path: string): { status: number; body: string } {
  const script = `fetch(${JSON.stringify(web + path)}).then(async (r) => process.stdout.write(JSON.stringify({ status: r.status, body: await r.text() })))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 })) as { status: number; body: string };
}

describe('the public page’s own thread', () => {
  it('serves the directory and spaces.json while the bot’s main thread is blocked', () => {
    expect(h.bot.web!.threadId).not.toBe(threadId);
    const page = fetchWhileMainThreadBlocked('/a/harbour/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Dockside Desks');
    // The alliance's server joined after the thread started: its name reached the thread.
    expect(page.body).toContain('Harbour Alliance');
    const json = fetchWhileMainThreadBlocked('/a/harbour/spaces.json');
    expect((JSON.parse(json.body) as { spaces: { name: string }[] }).spaces.map((s) => s.name)).toEqual(['Dockside Desks']);
  });

  it('answers /healthz with 503 "the bot is not answering" while the main thread is stuck, and 200 after', async () => {
    await h.bot.scheduler.tick();
    const stuck = fetchWhileMainThreadBlocked('/healthz');
    expect(stuck.status).toBe(503);
    expect(JSON.parse(stuck.body)).toEqual({ status: 'unhealthy', database: 'ok', gateway: 'the bot is not answering', scheduler: 'the bot is not answering' });
    expect((await fetch(`${web}/healthz`)).status).toBe(200);
  });

  it('uses the bot’s clock in feeds, the moment it moves', async () => {
    h.clock.set('2027-01-02T03:04:05Z');
    const preview = await a.reply('olivia', 'meeting schedule', { title: 'Harbour open house', when: '2027-01-10 18:00', public: true });
    await (await h.bed.driver.click({ guildId: a.id, channelId: preview.channelId, userId: a.members.olivia, messageId: preview.id, label: 'Confirm' })).updated();
    expect(await (await fetch(`${web}/a/harbour/events.ics`)).text()).toContain('DTSTAMP:20270102T030405Z');
  });

  it('is started again on the same port after its thread dies, and the log says so', async () => {
    const before = h.bot.web!.threadId;
    await h.bot.web!.kill();
    // Meanwhile the bot still answers members.
    expect((await a.reply('priya', 'directory search', { text: 'dockside' })).embeds.length).toBeGreaterThan(0);
    await waitUntil(() => h.bot.web!.restarts === 1, 15_000, 'the thread to start again');
    expect(h.bot.web!.threadId).not.toBe(before);
    const page = await fetch(`${web}/a/harbour/`);
    expect(page.status).toBe(200);
    expect(logLines.some((line) => line.includes('the public page’s thread stopped unexpectedly; starting it again'))).toBe(true);
    // Its request lines reach the bot's log, marked as the web thread's.
    expect(logLines.some((line) => line.includes('"msg":"http request"') && line.includes('"thread":"web"'))).toBe(true);
  });
});
