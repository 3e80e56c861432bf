// The public page's language through the app itself (no Discord): the alliance's chosen language, else its server's
// locale, else English; refusals that come before the alliance is resolved (429, 503) follow the address's alliance.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/shared/logger.js';
import { createWebApp } from '../../src/web/app.js';
import { checkHealth } from '../../src/web/health.js';
import { MAX_LAG_MS } from '../../src/web/overload.js';
import { actor, GUILD, OTHER_GUILD, setup } from '../domain/directory/helpers.js';

function appFor(options: { locales?: Record<string, string>; lag?: { ms: number }; limit?: number } = {}) {
  const s = setup();
  const app = createWebApp({
    services: s, clock: s.clock, logger: silentLogger, publicUrl: 'http://localhost',
    health: () => checkHealth({ database: () => true, gateway: () => true, lastTickAt: () => s.clock.now().getTime(), now: () => s.clock.now().getTime() }),
    allianceName: (guildId) => (guildId === GUILD ? 'Alliance Rive Gauche' : 'Otra Alianza'),
    allianceLocale: (guildId) => options.locales?.[guildId] ?? null,
    ...(options.lag ? { lag: () => options.lag!.ms } : {}),
    ...(options.limit ? { rateLimit: { limit: options.limit, windowMs: 60_000 } } : {}),
  });
  return { s, app };
}

describe('the page’s language', () => {
  it('is the language organizers chose, over the server’s locale', async () => {
    const { s, app } = appFor({ locales: { [GUILD]: 'es-ES' } });
    s.alliances.update(actor('1', { organizer: true }), { publicPage: true, publicSlug: 'rive-gauche', language: 'fr' });
    const body = await (await app.request('/a/rive-gauche/')).text();
    expect(body).toContain('<html lang="fr">');
    expect(body).toContain('Alliance Rive Gauche\u00a0: espaces de coworking');
    expect(body).toContain('Aucun espace ne correspond. Essayez avec moins de mots ou retirez un filtre.');
  });

  it('follows the server’s locale when organizers chose none, and is English for a locale it does not speak', async () => {
    const { s, app } = appFor({ locales: { [GUILD]: 'es-419', [OTHER_GUILD]: 'de' } });
    s.alliances.update(actor('1', { organizer: true }), { publicPage: true, publicSlug: 'rive-gauche' });
    s.alliances.update(actor('1', { organizer: true, guildId: OTHER_GUILD }), { publicPage: true, publicSlug: 'otra' });
    const spanish = await (await app.request('/a/rive-gauche/map')).text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('0 espacios de la alianza. El mapa necesita JavaScript');
    const english = await (await app.request('/a/otra/map')).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('0 spaces of the alliance. The map needs JavaScript and map tiles; every space is also listed below.');
  });

  it('says the 503 of a page running late in the alliance’s language, and in English for an unknown address', async () => {
    const lag = { ms: MAX_LAG_MS + 50 };
    const { s, app } = appFor({ lag });
    s.alliances.update(actor('1', { organizer: true }), { publicPage: true, publicSlug: 'rive-gauche', language: 'fr' });
    const busy = await app.request('/a/rive-gauche/');
    expect(busy.status).toBe(503);
    expect(await busy.text()).toBe('La page est très sollicitée en ce moment\u00a0: réessayez dans un instant.');
    expect(await (await app.request('/a/nobody-here/')).text()).toBe('The page is busy right now: try again in a moment.');
  });

  it('says the 429 of the rate limit in the alliance’s language', async () => {
    const { s, app } = appFor({ limit: 1 });
    s.alliances.update(actor('1', { organizer: true }), { publicPage: true, publicSlug: 'red-sur', language: 'es' });
    expect((await app.request('/a/red-sur/')).status).toBe(200);
    const refused = await app.request('/a/red-sur/updates');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe('Demasiadas solicitudes: espera un momento y vuelve a intentarlo.');
    expect(await (await app.request('/healthz')).text()).toBe('Too many requests: wait a moment and try again.');
  });
});
