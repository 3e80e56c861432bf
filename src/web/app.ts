// The public web page: routes over the same domain services the commands use, read-only. One Hono app; the
// server (server.ts) runs it when HTTP_PORT is set.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import type { AllianceSettings } from '../alliances/alliances.service.js';
import { LIMITS } from '../directory/directory.rules.js';
import type { Services } from '../services.js';
import type { Clock } from '../shared/clock.js';
import { isDomainError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { directoryPage, mapPage, spacePage, type SearchForm } from './directory.pages.js';
import { icalendar, type CalendarEntry } from './feeds.js';
import { createAllianceLookup } from './alliance-lookup.js';
import { createRenderCache } from './cache.js';
import { createListingCache } from './listing.js';
import type { HealthReport } from './health.js';
import type { Html, PageFrame } from './layout.js';
import { rateLimit, requestLog, securityHeaders, type RateLimit } from './middleware.js';
import { shedWhenBehind } from './overload.js';
import { loadStaticFiles } from './static.js';
import { allianceLanguage } from '../i18n/locale.js';
import { sayRef } from '../i18n/translate.js';
import { ENGLISH, webText, type WebText } from './text.js';
import { archivePage, updateEmail, updatePage, updatesAtom } from './updates.pages.js';

export interface WebDeps {
  services: Services;
  clock: Clock;
  logger: Logger;
  /** Absolute base for links in feeds, e.g. https://alliance.example (no trailing slash). */
  publicUrl: string;
  /** The bot's health as /healthz reports it (asked of the main thread when the page runs in its own thread). */
  health: () => HealthReport | Promise<HealthReport>;
  /** The alliance's display name (its Discord server's name), or null to use the slug. */
  allianceName?: (guildId: string) => string | null;
  /** The alliance's Discord server locale (preferred_locale): the page's language when organizers chose none. */
  allianceLocale?: (guildId: string) => string | null;
  rateLimit?: RateLimit;
  /** How late the serving thread's event loop runs (ms): past MAX_LAG_MS requests get 503 (overload.ts). */
  lag?: () => number;
  /** The client's address for the rate limit (the socket's remote address in the server). */
  addressOf?: (c: Context) => string;
  /** SQLite's data_version of the page's own connection: alliances are looked up again only when it changed. */
  dataVersion?: () => number;
}

const PAGES = 'public, max-age=60';
const FEEDS = 'public, max-age=300';

const searchParams = z.object({
  q: z.string().max(LIMITS.searchText).default(''),
  city: z.string().max(LIMITS.city).default(''),
  country: z.string().max(LIMITS.country).default(''),
  tag: z.string().max(40).default(''),
  'min-desks': z.string().max(6).default(''),
  'max-desks': z.string().max(6).default(''),
  page: z.string().max(6).default('1'),
});

const wholeNumber = (T: WebText, raw: string, name: string, problems: string[]): number | undefined => {
  if (!raw.trim()) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) problems.push(T.wholeNumber(name));
  return Number.isInteger(n) ? n : undefined;
};

/** The ETag of a body, hashed here in one call (the etag middleware would tee and re-read the response stream). */
const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

async function send(c: Context, page: Html, status: 200 | 400 = 200): Promise<Response> {
  const body = String(await page);
  c.header('ETag', etagOf(body));
  return c.html(body, status);
}

function sendText(c: Context, body: string): Response {
  c.header('ETag', etagOf(body));
  return c.body(body);
}

export function createWebApp(deps: WebDeps) {
  const { services, clock } = deps;
  const files = loadStaticFiles();
  const app = new Hono<{ Variables: { alliance: AllianceSettings } }>();
  const base = deps.publicUrl.replace(/\/$/, '');
  const host = new URL(base).host;
  const rendered = createRenderCache();
  const listing = createListingCache(services.directory.publicPage);
  const allianceAt = createAllianceLookup(services.alliances.publicPage, deps.dataVersion);
  /** The page's words in the alliance's language: the same rule as its public posts in Discord. */
  const textFor = (alliance: Pick<AllianceSettings, 'guildId' | 'language'>) => webText(allianceLanguage(alliance.language, deps.allianceLocale?.(alliance.guildId)));
  /** Refusals before the alliance is resolved (rate limit, overload): its language when the address names one. */
  const textOfPath = (c: Context) => {
    const slug = /^\/a\/([^/]+)/.exec(c.req.path)?.[1];
    const alliance = slug ? allianceAt(slug) : null;
    return alliance ? textFor(alliance) : ENGLISH;
  };
  const textOf = (c: Context<{ Variables: { alliance: AllianceSettings } }>) => {
    const alliance = c.get('alliance') as AllianceSettings | undefined;
    return alliance ? textFor(alliance) : ENGLISH;
  };

  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  if (deps.lag) app.use(shedWhenBehind(deps.lag, undefined, textOfPath));
  app.use(rateLimit(deps.rateLimit ?? { limit: 300, windowMs: 10_000 }, deps.addressOf ?? (() => 'unknown'), undefined, textOfPath));
  app.use(etag());

  app.get('/healthz', async (c) => {
    const health = await deps.health();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: health.ok ? 'ok' : 'unhealthy', ...health.checks }, health.ok ? 200 : 503);
  });

  app.get('/static/*', async (c) => {
    const file = files.get(c.req.path);
    if (!file) return c.text(ENGLISH.notFound, 404);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.type });
  });

  app.get('/calendar/:file', async (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '');
    const feed = services.calendar.memberFeed(token);
    if (!feed) return c.text(ENGLISH.notFound, 404);
    const settings = services.alliances.settings(feed.guildId);
    const T = textFor(settings);
    const name = deps.allianceName?.(feed.guildId) ?? settings.publicSlug ?? T.anAlliance;
    const entries = feed.meetings.map((m): CalendarEntry => ({ ...m, url: null, description: null }));
    c.header('Cache-Control', 'private, max-age=300');
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    return sendText(c, icalendar({ name: T.memberFeedName(name), host, timeZone: settings.timezone, now: clock.now().getTime(), entries }));
  });

  // Everything under /a/<slug>: a page that is off, or a slug nobody has, is the same plain 404.
  app.use('/a/:slug/*', async (c, next) => {
    const alliance = allianceAt(c.req.param('slug') ?? '');
    if (!alliance) return c.text(ENGLISH.notFound, 404);
    c.set('alliance', alliance);
    await next();
  });

  const frameOf = (c: Context<{ Variables: { alliance: AllianceSettings } }>, current: PageFrame['current'], title: (name: string) => string): PageFrame => {
    const alliance = c.get('alliance');
    const allianceName = deps.allianceName?.(alliance.guildId) ?? alliance.publicSlug ?? '';
    return { title: title(allianceName), base: `/a/${alliance.publicSlug}`, allianceName, current, text: textFor(alliance) };
  };
  const pageUrl = (alliance: AllianceSettings) => `${base}/a/${alliance.publicSlug}`;

  app.get('/a/:slug', (c) => c.redirect(`/a/${c.req.param('slug')}/`, 301));

  app.get('/a/:slug/', async (c) => {
    const alliance = c.get('alliance');
    const T = textFor(alliance);
    const frame = frameOf(c, 'directory', T.directoryTitle);
    const raw = searchParams.safeParse(c.req.query());
    const params = raw.success ? raw.data : searchParams.parse({});
    const form: SearchForm = { q: params.q, city: params.city, country: params.country, tag: params.tag, minDesks: params['min-desks'], maxDesks: params['max-desks'] };
    const problems: string[] = raw.success ? [] : raw.error.issues.map((issue) => T.tooLong(String(issue.path[0])));
    const minDesks = wholeNumber(T, form.minDesks, 'min-desks', problems);
    const maxDesks = wholeNumber(T, form.maxDesks, 'max-desks', problems);
    const pageNo = Math.max(1, Math.min(10_000, Math.floor(Number(params.page)) || 1));
    c.header('Cache-Control', PAGES);
    if (problems.length) return send(c, directoryPage(frame, form, null, problems), 400);
    try {
      const found = services.directory.publicSearch(
        alliance.guildId,
        { text: form.q || undefined, city: form.city || undefined, country: form.country || undefined, tag: form.tag || undefined, minDesks, maxDesks },
        pageNo - 1,
      );
      const results = {
        items: found.items.map((hit) => services.directory.publicPage.fromHit(hit)),
        total: found.total,
        totalCapped: found.totalCapped,
        page: found.page + 1,
        pageCount: found.pageCount,
      };
      return send(c, directoryPage(frame, form, results, []));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const problemText = (p: (typeof error.problems)[number]) => (p.text ? sayRef(T.say, p.text) : p.message);
      return send(c, directoryPage(frame, form, null, error.problems.length ? error.problems.map(problemText) : [error.text ? sayRef(T.say, error.text) : error.message]), 400);
    }
  });

  app.get('/a/:slug/spaces/:path', async (c) => {
    const alliance = c.get('alliance');
    const id = /^(\d{1,9})(?:-|$)/.exec(c.req.param('path'))?.[1];
    const space = id ? services.directory.publicPage.space(alliance.guildId, Number(id)) : null;
    if (!space) return c.text(textFor(alliance).notFound, 404);
    if (c.req.param('path') !== space.path) return c.redirect(`/a/${alliance.publicSlug}/spaces/${space.path}`, 301);
    c.header('Cache-Control', PAGES);
    return send(c, spacePage(frameOf(c, 'space', () => space.name), space, `${pageUrl(alliance)}/spaces/${space.path}`));
  });

  app.get('/a/:slug/map', async (c) => {
    const alliance = c.get('alliance');
    const frame = frameOf(c, 'map', textFor(alliance).mapTitle);
    const version = services.directory.publicPage.version(alliance.guildId);
    const { body, etag: tag } = await rendered.get(`map:${alliance.guildId}:${frame.base}:${frame.allianceName}:${frame.text.language}`, version, async () =>
      String(await mapPage(frame, listing.spaces(alliance.guildId))),
    );
    c.header('Cache-Control', PAGES);
    c.header('ETag', tag);
    c.header('Content-Type', 'text/html; charset=UTF-8');
    return c.body(body);
  });

  app.get('/a/:slug/spaces.json', async (c) => {
    const alliance = c.get('alliance');
    const version = services.directory.publicPage.version(alliance.guildId);
    const { body, etag: tag } = await rendered.get(`json:${alliance.guildId}:${alliance.publicSlug}`, version, () =>
      listing.json(alliance.guildId, { slug: alliance.publicSlug ?? '', pageUrl: pageUrl(alliance), now: clock.now().getTime() }),
    );
    c.header('Cache-Control', FEEDS);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('ETag', tag);
    return c.body(body);
  });

  app.get('/a/:slug/events.ics', async (c) => {
    const alliance = c.get('alliance');
    const name = frameOf(c, 'none', (n) => n).allianceName;
    const T = textFor(alliance);
    const meetings = services.calendar.publicMeetings(alliance.guildId).map((m): CalendarEntry => ({ ...m, url: `${pageUrl(alliance)}/`, description: null }));
    const openHouses = services.rhythm.publicPage.events(alliance.guildId).map(
      (e): CalendarEntry => ({ uid: e.uid, title: T.coworkingDayEvent(e.title, e.spaceName), startsAt: e.startsAt, endsAt: e.endsAt, location: e.spaceName, url: e.link, description: null, cancelled: false, createdAt: e.createdAt }),
    );
    const entries = [...meetings, ...openHouses].sort((a, b) => a.startsAt - b.startsAt);
    c.header('Cache-Control', FEEDS);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    return sendText(c, icalendar({ name: T.publicFeedName(name), host, timeZone: alliance.timezone, now: clock.now().getTime(), entries }));
  });

  app.get('/a/:slug/updates', async (c) => {
    const alliance = c.get('alliance');
    c.header('Cache-Control', PAGES);
    return send(c, archivePage(frameOf(c, 'updates', textFor(alliance).updatesTitle), services.rhythm.publicPage.archive(alliance.guildId), alliance.timezone));
  });

  app.get('/a/:slug/updates.atom', async (c) => {
    const alliance = c.get('alliance');
    const name = frameOf(c, 'none', (n) => n).allianceName;
    c.header('Cache-Control', FEEDS);
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return sendText(c, await updatesAtom(textFor(alliance), name, services.rhythm.publicPage.archive(alliance.guildId), alliance.timezone, pageUrl(alliance)));
  });

  app.get('/a/:slug/updates/:period', async (c) => {
    const alliance = c.get('alliance');
    const update = services.rhythm.publicPage.update(alliance.guildId, c.req.param('period'));
    if (!update) return c.text(textFor(alliance).notFound, 404);
    c.header('Cache-Control', PAGES);
    return send(c, updatePage(frameOf(c, 'updates', textFor(alliance).updatesTitle), update, alliance.timezone));
  });

  app.get('/a/:slug/updates/:period/email', async (c) => {
    const alliance = c.get('alliance');
    const update = services.rhythm.publicPage.update(alliance.guildId, c.req.param('period'));
    if (!update) return c.text(textFor(alliance).notFound, 404);
    const name = frameOf(c, 'none', (n) => n).allianceName;
    c.header('Cache-Control', PAGES);
    return send(c, updateEmail(textFor(alliance), name, update, alliance.timezone, `${pageUrl(alliance)}/updates/${update.period}`));
  });

  app.notFound((c) => c.text(textOf(c).notFound, 404));
  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, 'public page failed');
    return c.text(textOf(c).failed, 500);
  });
  return app;
}

export type WebApp = ReturnType<typeof createWebApp>;
