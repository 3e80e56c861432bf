// The web layer's pure pieces: the health verdict, the rate limit, token-free log paths, iCalendar text and
// folding, and Discord markdown in archived updates turned into safe HTML without member ids.
import { Hono } from 'hono';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { icalendar } from '../../src/web/feeds.js';
import { offsetChanges } from '../../src/web/vtimezone.js';
import { checkHealth } from '../../src/web/health.js';
import { loggedPath, rateLimit, securityHeaders } from '../../src/web/middleware.js';
import { discordLine, ENGLISH, webText } from '../../src/web/text.js';

describe('/healthz verdict', () => {
  const probes = { database: () => true, gateway: () => true, lastTickAt: () => 1_000, now: () => 61_000 };
  it('is healthy with all three, and names each failing one', () => {
    expect(checkHealth(probes).ok).toBe(true);
    expect(checkHealth({ ...probes, gateway: () => false }).checks.gateway).toBe('not connected');
    expect(checkHealth({ ...probes, database: () => { throw new Error('closed'); } }).checks.database).toBe('not reachable');
    expect(checkHealth({ ...probes, lastTickAt: () => null }).checks.scheduler).toBe('has not ticked yet');
    expect(checkHealth({ ...probes, now: () => 1_000 + 2 * 60_000 + 1 }).ok).toBe(false);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit per address, and resets with the window', async () => {
    let now = 0;
    const app = new Hono();
    app.use(rateLimit({ limit: 2, windowMs: 10_000 }, (c) => c.req.header('x-ip') ?? '', () => now));
    app.get('/', (c) => c.text('ok'));
    const hit = (ip: string) => app.request('/', { headers: { 'x-ip': ip } });
    expect((await hit('a')).status).toBe(200);
    expect((await hit('a')).status).toBe(200);
    const limited = await hit('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect((await hit('b')).status).toBe(200);
    now = 10_000;
    expect((await hit('a')).status).toBe(200);
  });
});

describe('security headers', () => {
  it('go on the page’s own response, not on copies of it (a copy is sent as a stream, chunk by chunk)', async () => {
    const app = new Hono();
    app.use(securityHeaders());
    let made: Response | null = null;
    app.get('/', (c) => (made = c.text('ok')));
    const response = await app.request('/');
    expect(response).toBe(made);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('ok');
  });
});

describe('request logs', () => {
  it('never carry a member feed token', () => {
    expect(loggedPath('/calendar/AbCdEf0123456789AbCdEf0123456789.ics')).toBe('/calendar/[token]');
    expect(loggedPath('/a/river-valley/')).toBe('/a/river-valley/');
  });
});

describe('iCalendar output', () => {
  it('escapes text, folds long lines and parses back with ical.js', () => {
    const title = `Meet; greet, and "more"\n${'é'.repeat(60)}`;
    const ics = icalendar({
      name: 'Test', host: 'example.org', timeZone: 'Europe/Berlin', now: 0,
      entries: [{ uid: 'meeting-1', title, startsAt: Date.UTC(2027, 7, 9, 8), endsAt: Date.UTC(2027, 7, 9, 10), location: null, url: null, description: null, cancelled: false, createdAt: 0 }],
    });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe(title);
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2027-08-09T08:00:00.000Z');
  });
});

describe('time zones in feeds', () => {
  it('writes local times with TZID and a VTIMEZONE whose changes put them at the right instants', () => {
    const winter = Date.UTC(2027, 0, 15, 17); // 18:00 CET
    const summer = Date.UTC(2027, 7, 9, 7); // 09:00 CEST
    const ics = icalendar({
      name: 'Test', host: 'example.org', timeZone: 'Europe/Berlin', now: 0,
      entries: [winter, summer].map((at, i) => ({ uid: `m-${i}`, title: 'x', startsAt: at, endsAt: at + 3_600_000, location: null, url: null, description: null, cancelled: false, createdAt: 0 })),
    });
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270115T180000');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270809T090000');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(zone);
    const starts = calendar.getAllSubcomponents('vevent').map((e) => (e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime());
    expect(starts).toEqual([winter, summer]);
    // The change to summer time, 28 March 2027 at 02:00 local.
    expect(offsetChanges('Europe/Berlin', Date.UTC(2027, 2, 1), Date.UTC(2027, 3, 1))).toEqual([Date.UTC(2027, 2, 28, 1)]);
  });
});

describe('archived update lines, escaping', () => {
  it('drop the backslashes that escape markdown in Discord', async () => {
    expect(String(await discordLine(ENGLISH, 'Fuzz\\_name \\*not bold\\*', 'UTC'))).toBe('Fuzz_name *not bold*');
  });
});

describe('archived update lines', () => {
  it('escape HTML, keep bold and links, and show timestamps and mentions in words', async () => {
    const line = await discordLine(ENGLISH, '**Hive** <b>x</b> hosted by <@123456789012345678> in <#223456789012345678> at <t:1786262400:F> [site](https://a.example)', 'UTC');
    expect(String(line)).toBe(
      '<strong>Hive</strong> &lt;b&gt;x&lt;/b&gt; hosted by a member in a channel at Sunday, 9 August 2026 at 08:00 (UTC) <a href="https://a.example">site</a>',
    );
  });

  it('say timestamps and mentions in the alliance’s language', async () => {
    const line = 'Con <@123456789012345678> en <#223456789012345678>: <t:1786262400:F>';
    expect(String(await discordLine(webText('fr'), line, 'Europe/Paris'))).toBe('Con un membre en un salon: dimanche 9 août 2026 à 10:00 (Europe/Paris)');
    expect(String(await discordLine(webText('es'), line, 'America/Mexico_City'))).toBe('Con una persona de la comunidad en un canal: domingo, 9 de agosto de 2026, 2:00 (America/Mexico City)');
  });
});
