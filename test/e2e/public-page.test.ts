// The public web page end to end: the real bot on the test bed serving HTTP; consent through the commands
// (alliance setup, the registration form, /space edit), then what a visitor fetches: directory search and
// filters, space pages with JSON-LD, spaces.json, calendar feeds parsed by ical.js, the updates archive and its
// Atom feed parsed as XML, headers, ETag, 404s, /healthz.
import { Writable } from 'node:stream';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/logger.js';
import type { CommandInput, MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

// Every log line the bot writes, to check what request logs carry.
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
  a = await h.newAlliance('River Valley Alliance');
  await a.setup({ 'directory-approval': false, timezone: 'America/Los_Angeles' });
  await register(a, 'marcus', { name: 'Rainier Commons', city: 'Seattle', country: 'US', desks: 40, tags: 'women-owned,coworking' }, { description: 'Light-filled loft', public: 'yes', contact: 'Write to Rainier front desk' });
  await register(a, 'priya', { name: 'Quiet Corner', city: 'Seattle', country: 'US', desks: 8, tags: 'quiet' }, { public: '' });
  await register(a, 'sam', { name: 'Cedar Loft', city: 'Portland', country: 'US', desks: 12, tags: 'bipoc-owned,makerspace' }, { public: 'yes' });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const as = (member: string) => ({ guildId: a.id, channelId: a.channel('general'), userId: a.userId(member) });

async function register(al: Alliance, member: string, options: CommandInput['options'], modal: Record<string, string>): Promise<MessageView> {
  const opened = await al.run(member, 'space register', options);
  if (opened.type !== 9) return opened.reply();
  return (await h.bed.driver.submitModal({ ...as(member), modal: opened.modal!, values: modal })).reply();
}

async function spaceId(name: string): Promise<number> {
  const choices = await h.bed.driver.autocomplete({ ...as('olivia'), name: 'space', subcommand: 'show', focused: 'space', options: { space: name } });
  return Number(choices.find((c) => c.name.startsWith(name))!.value);
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${web}${path}`, { headers, redirect: 'manual' });
const text = async (path: string) => (await get(path)).text();

describe('turning the page on', () => {
  it('needs a slug, refuses a bad one, and /alliance show prints the address', async () => {
    expect(visibleText(await a.reply('olivia', 'alliance setup', { 'public-page': 'on' }))).toMatch(/public-slug is needed/);
    expect(visibleText(await a.reply('olivia', 'alliance setup', { 'public-slug': 'No Spaces!' }))).toContain('**public-slug** must be 3-40 characters');
    expect((await get('/a/river-valley/')).status).toBe(404);
    await a.reply('olivia', 'alliance setup', { 'public-page': 'on', 'public-slug': 'river-valley' });
    expect(visibleText(await a.reply('olivia', 'alliance show'))).toContain(`${web.replace('127.0.0.1', 'localhost')}/a/river-valley/`);
    const other = await h.newAlliance();
    expect(visibleText(await other.reply('olivia', 'alliance setup', { 'public-page': 'on', 'public-slug': 'river-valley' }))).toMatch(/taken by another alliance/);
  });
});

describe('the directory a visitor sees', () => {
  it('lists only spaces whose hosts agreed, with security headers and an ETag', async () => {
    const response = await get('/a/river-valley/');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('Rainier Commons');
    expect(body).toContain('Cedar Loft');
    expect(body).not.toContain('Quiet Corner');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('cache-control')).toMatch(/max-age/);
    const tag = response.headers.get('etag')!;
    expect((await get('/a/river-valley/', { 'If-None-Match': tag })).status).toBe(304);
    // No Discord ids anywhere on the page.
    for (const id of Object.values(a.members)) expect(body).not.toContain(id);
    expect(body).not.toContain(a.id);
  });

  it('searches with the same text search and filters as /directory search', async () => {
    expect(await text('/a/river-valley/?q=rainier')).toMatch(/1 space matches[\s\S]*Rainier Commons/);
    expect(await text('/a/river-valley/?city=Portland')).not.toContain('Rainier Commons');
    expect(await text('/a/river-valley/?min-desks=20')).not.toContain('Cedar Loft');
    const bad = await get('/a/river-valley/?min-desks=lots');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('min-desks must be a whole number');
  });

  it('hides identity tags without the second consent, in pages, filters and text search', async () => {
    const page = await text('/a/river-valley/');
    expect(page).not.toContain('women-owned');
    expect(await text('/a/river-valley/?tag=women-owned')).toContain('No space matches');
    expect(await text('/a/river-valley/?q=women')).not.toContain('Rainier Commons');
    expect(page).toContain('coworking');
    // Cedar Loft's host gives the second consent.
    const cedar = await spaceId('Cedar Loft');
    expect(await text('/a/river-valley/?tag=bipoc-owned')).not.toContain('Cedar Loft');
    const saved = await a.reply('sam', 'space edit', { space: cedar, 'public-tags': 'yes' });
    expect(saved.content).toMatch(/identity tags are shown too/);
    expect(await text('/a/river-valley/?tag=bipoc-owned')).toContain('Cedar Loft');
  });

  it('serves a space page with LocalBusiness JSON-LD and redirects to its canonical address', async () => {
    const id = await spaceId('Rainier Commons');
    const short = await get(`/a/river-valley/spaces/${id}`);
    expect(short.status).toBe(301);
    const path = short.headers.get('location')!;
    expect(path).toBe(`/a/river-valley/spaces/${id}-rainier-commons`);
    const body = await text(path);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]!);
    expect(ld).toMatchObject({ '@type': 'LocalBusiness', name: 'Rainier Commons', address: { addressLocality: 'Seattle', addressCountry: 'US' } });
    expect(body).toContain('Write to Rainier front desk');
    expect(body).not.toContain('women-owned');
    expect((await get(`/a/river-valley/spaces/${await spaceId('Quiet Corner')}-quiet-corner`)).status).toBe(404);
  });

  it('publishes spaces.json version 1 and withdraws a space when its host says no', async () => {
    const first = await get('/a/river-valley/spaces.json');
    const tag = first.headers.get('etag')!;
    const json = (await first.json()) as { version: number; spaces: { name: string; tags: string[] }[] };
    expect((await get('/a/river-valley/spaces.json', { 'If-None-Match': tag })).status).toBe(304);
    expect(json.version).toBe(1);
    expect(json.spaces.map((s) => s.name)).toEqual(['Cedar Loft', 'Rainier Commons']);
    expect(json.spaces.find((s) => s.name === 'Rainier Commons')!.tags).toEqual(['coworking']);
    await a.reply('marcus', 'space edit', { space: await spaceId('Rainier Commons'), public: 'no' });
    const changed = await get('/a/river-valley/spaces.json', { 'If-None-Match': tag });
    expect(changed.status).toBe(200);
    const after = (await changed.json()) as { spaces: { name: string }[] };
    expect(after.spaces.map((s) => s.name)).toEqual(['Cedar Loft']);
    await a.reply('marcus', 'space edit', { space: await spaceId('Rainier Commons'), public: 'yes' });
  });

  it('refuses a form answer other than yes or no, and stores nothing', async () => {
    const answer = await register(a, 'priya', { name: 'Maybe Place', city: 'Seattle', country: 'US' }, { public: 'nah' });
    expect(visibleText(answer)).toMatch(/takes yes or no/);
    expect(answer.flags & 64).toBe(64);
    const choices = await h.bed.driver.autocomplete({ ...as('olivia'), name: 'space', subcommand: 'show', focused: 'space', options: { space: 'Maybe' } });
    expect(choices).toEqual([]);
  });

  it('answers a plain 404 for an unknown slug and for a page turned off', async () => {
    expect((await get('/a/nobody-here/')).status).toBe(404);
    expect((await get('/a/x/')).status).toBe(404);
    const other = await h.newAlliance();
    await other.setup({ 'public-slug': 'quiet-alliance' });
    expect((await get('/a/quiet-alliance/')).status).toBe(404);
    expect((await get('/a/quiet-alliance/spaces.json')).status).toBe(404);
  });
});

function events(ics: string): { uid: string; summary: string; start: string; status: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // The feed's own VTIMEZONE is what places its local times (as a calendar app does).
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    summary: String(vevent.getFirstPropertyValue('summary')),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    status: String(vevent.getFirstPropertyValue('status')),
  }));
}

async function schedule(options: Record<string, string | boolean>): Promise<void> {
  const preview = await a.reply('olivia', 'meeting schedule', options);
  await (await h.bed.driver.click({ ...as('olivia'), channelId: preview.channelId, messageId: preview.id, label: 'Confirm' })).updated();
}

describe('calendar feeds', () => {
  it('events.ics lists public meetings only; a moved meeting moves and a cancelled one says so', async () => {
    await schedule({ title: 'Open coworking social', when: '2026-12-10 18:00', public: true });
    await schedule({ title: 'Organizers only', when: '2026-12-11 18:00' });
    let feed = events(await text('/a/river-valley/events.ics'));
    expect(feed.map((e) => e.summary)).toEqual(['Open coworking social']);
    expect(feed[0]!.start).toBe('2026-12-11T02:00:00.000Z');
    const uid = feed[0]!.uid;
    const meetings = h.bot.services.meetings.list(a.id);
    const social = meetings.find((m) => m.title === 'Open coworking social')!;
    const preview = await a.reply('olivia', 'meeting reschedule', { meeting: social.id, when: '2026-12-12 19:00' });
    await (await h.bed.driver.click({ ...as('olivia'), channelId: preview.channelId, messageId: preview.id, label: 'Confirm' })).updated();
    feed = events(await text('/a/river-valley/events.ics'));
    expect(feed).toEqual([expect.objectContaining({ uid, start: '2026-12-13T03:00:00.000Z', status: 'CONFIRMED' })]);
    await a.reply('olivia', 'meeting cancel', { meeting: social.id });
    expect(events(await text('/a/river-valley/events.ics'))).toEqual([expect.objectContaining({ uid, status: 'CANCELLED' })]);
  });

  it('events.ics carries the Coworking Day open houses spaces registered, without who hosts them', async () => {
    const answer = await a.reply('marcus', 'coworkingday host', { space: String(await spaceId('Rainier Commons')), title: 'Open doors', when: '09:00-17:00' });
    expect(answer.content).toContain('Registered');
    const ics = await text('/a/river-valley/events.ics');
    expect(events(ics)).toContainEqual(expect.objectContaining({ summary: 'Open doors at Rainier Commons', start: '2027-08-09T16:00:00.000Z' }));
    expect(ics).not.toContain(a.members.marcus);
  });

  it('/meeting calendar gives a private feed of every meeting; calendar-reset revokes the old address', async () => {
    const answer = await a.reply('priya', 'meeting calendar');
    expect(answer.flags & 64).toBe(64);
    const url = /<(http[^>]+\.ics)>/.exec(answer.content)![1]!;
    const path = new URL(url).pathname;
    const feed = events(await text(path));
    expect(feed.map((e) => e.summary)).toEqual(expect.arrayContaining(['Organizers only', 'Open coworking social']));
    expect((await a.reply('priya', 'meeting calendar')).content).toContain(url);
    const reset = await a.reply('priya', 'meeting calendar-reset');
    const fresh = new URL(/<(http[^>]+\.ics)>/.exec(reset.content)![1]!).pathname;
    expect(fresh).not.toBe(path);
    expect((await get(path)).status).toBe(404);
    expect((await get(fresh)).status).toBe(200);
    // Request logs: the path without query string, and never a feed token.
    const requests = logLines.filter((line) => line.includes('"msg":"http request"'));
    expect(requests.some((line) => line.includes('"path":"/calendar/[token]"'))).toBe(true);
    expect(requests.some((line) => line.includes('"path":"/a/river-valley/"'))).toBe(true);
    for (const line of requests) expect(line).not.toMatch(/\?q=|min-desks=|\/calendar\/[A-Za-z0-9_-]{32}/);
  });
});

describe('the updates archive', () => {
  it('keeps each posted update as a page, as e-mail HTML and in the Atom feed', async () => {
    await a.reply('olivia', 'updates post-now');
    const archive = await text('/a/river-valley/updates');
    expect(archive).toContain('/a/river-valley/updates/2026-11');
    const pageBody = await text('/a/river-valley/updates/2026-11');
    expect(pageBody).toContain('November 2026');
    expect(pageBody).not.toMatch(/<@\d+>|<t:\d+/);
    const email = await text('/a/river-valley/updates/2026-11/email');
    expect(email).not.toContain('<script');
    expect(email).toMatch(/style="/);
    const atom = new XMLParser({ ignoreAttributes: false }).parse(await text('/a/river-valley/updates.atom'));
    const entries = [atom.feed.entry].flat();
    expect(entries[0].link['@_href']).toMatch(/\/a\/river-valley\/updates\/2026-11$/);
    expect(entries[0].title).toContain('November 2026');
    expect((await get('/a/river-valley/updates/2026-13')).status).toBe(404);
  });
});

describe('/healthz', () => {
  it('is 200 with the database, the gateway and a recent scheduler tick, and 503 naming a stale tick', async () => {
    await h.bot.scheduler.tick();
    const ok = await get('/healthz');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', database: 'ok', gateway: 'ok', scheduler: 'ok' });
    h.clock.advance(3 * 60_000);
    const stale = await get('/healthz');
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({ status: 'unhealthy', scheduler: 'has not ticked in the last two minutes' });
    await h.bot.scheduler.tick();
    expect((await get('/healthz')).status).toBe(200);
  });

  it('is 503 naming the gateway while the connection to Discord is down, and 200 once it is back', async () => {
    await h.bot.scheduler.tick();
    h.bed.gateway.drop();
    let seen: Record<string, string> | null = null;
    const until = Date.now() + 3000;
    while (!seen && Date.now() < until) {
      const response = await get('/healthz');
      if (response.status === 503) seen = (await response.json()) as Record<string, string>;
    }
    expect(seen).toMatchObject({ status: 'unhealthy', gateway: 'not connected', database: 'ok' });
    await h.bed.gateway.waitForSession();
    await h.bot.scheduler.tick();
    let status = 0;
    const back = Date.now() + 5000;
    while (status !== 200 && Date.now() < back) status = (await get('/healthz')).status;
    expect(status).toBe(200);
  });
});
