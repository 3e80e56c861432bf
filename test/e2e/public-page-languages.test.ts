// The public page in the alliance's language end to end (issue #19): the real bot sends the web thread each server's
// locale; a French alliance's directory, space page, map, updates (page, e-mail, Atom) and calendar are French, a
// Spanish one Spanish, a French server that chose no language French, an English one unchanged; errors likewise.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../src/testbed/types.js';
import { startHarness, type Alliance, type Harness } from '../support/bot.js';

const NBSP = '\u00a0';
let h: Harness;
let web: string;
let french: Alliance;

async function register(al: Alliance, member: string, options: CommandInput['options'], modal: Record<string, string>): Promise<void> {
  const opened = await al.run(member, 'space register', options);
  if (opened.type !== 9) return;
  await h.bed.driver.submitModal({ guildId: al.id, channelId: al.channel('general'), userId: al.userId(member), modal: opened.modal!, values: modal });
}

async function alliance(name: string, slug: string, options: { language?: string; locale?: string }): Promise<Alliance> {
  const al = await h.newAlliance(name, options.locale ? { locale: options.locale } : undefined);
  await al.setup({ 'directory-approval': false, timezone: 'Europe/Paris', 'public-page': 'on', 'public-slug': slug, ...(options.language ? { language: options.language } : {}) });
  await register(al, 'marcus', { name: `${name} Loft`, city: 'Lyon', country: 'FR', desks: 1200, tags: 'coworking' }, { description: 'Lumineux', public: 'yes', contact: 'Front desk' });
  return al;
}

beforeAll(async () => {
  h = await startHarness({ web: true, now: '2026-11-24T15:00:00Z' });
  web = `http://127.0.0.1:${h.bot.web!.port}`;
  french = await alliance('Rive Gauche', 'rive-gauche', { language: 'fr' });
  await alliance('Red Sur', 'red-sur', { language: 'es' });
  await alliance('Québec Ouvert', 'quebec-ouvert', { locale: 'fr' });
  await alliance('River Valley', 'river-valley', {});
}, 90_000);
afterAll(async () => {
  await h?.stop();
});

const get = (path: string) => fetch(`${web}${path}`, { redirect: 'manual' });
const text = async (path: string) => (await get(path)).text();
const spacePath = async (slug: string) => /href="(\/a\/[^"]+\/spaces\/[^"]+)"/.exec(await text(`/a/${slug}/`))![1]!;

describe('a French alliance’s page', () => {
  it('lists, searches and shows spaces in French, with lang="fr" and numbers the French way', async () => {
    const directory = await text('/a/rive-gauche/');
    expect(directory).toContain('<html lang="fr">');
    expect(directory).toContain(`<title>Rive Gauche${NBSP}: espaces de coworking</title>`);
    expect(directory).toContain('<legend>Trouver un espace</legend>');
    expect(directory).toContain('Au moins ce nombre de postes');
    expect(directory).toContain('1 espace correspond.');
    expect(directory).toContain(`1${'\u202f'}200 postes`);
    expect(directory).toContain('Chaque espace figure ici avec l’accord de ses responsables.');
    expect(await text('/a/rive-gauche/?q=nulle-part')).toContain('Aucun espace ne correspond. Essayez avec moins de mots ou retirez un filtre.');
    const space = await text(await spacePath('rive-gauche'));
    expect(space).toContain('<html lang="fr">');
    expect(space).toContain('<dt>Postes</dt>');
    expect(space).toContain('Rive Gauche Loft sur la carte');
    expect(space).toContain('Retour à tous les espaces');
    const map = await text('/a/rive-gauche/map');
    expect(map).toContain(`<title>Rive Gauche${NBSP}: carte des espaces</title>`);
    expect(map).toContain('1 espace de l’alliance. La carte a besoin de JavaScript');
    expect(map).toContain('<h2>Tous les espaces</h2>');
  });

  it('says its field problems and 404s in French, while an unknown address stays English', async () => {
    const bad = await get('/a/rive-gauche/?min-desks=trois');
    expect(bad.status).toBe(400);
    const body = await bad.text();
    expect(body).toContain(`Certains champs de recherche sont à corriger${NBSP}:`);
    expect(body).toContain('min-desks doit être un nombre entier');
    expect(await text('/a/rive-gauche/?max-desks=beaucoup')).toContain('max-desks est trop long');
    const missing = await get('/a/rive-gauche/spaces/999999');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Page introuvable');
    expect(await text('/a/rive-gauche/updates/2026-13')).toBe('Page introuvable');
    expect(await text('/a/nobody-here/')).toBe('Not found');
  });

  it('keeps its monthly updates in French: archive, page, e-mail version and Atom feed', async () => {
    await french.reply('olivia', 'updates post-now');
    const archive = await text('/a/rive-gauche/updates');
    expect(archive).toContain('<html lang="fr">');
    expect(archive).toContain('Les bulletins mensuels publiés par l’alliance, du plus récent au plus ancien.');
    expect(archive).toContain('Publié le 24 novembre 2026');
    const page = await text('/a/rive-gauche/updates/2026-11');
    expect(page).toMatch(/Publié le mardi 24 novembre 2026 à \d\d:\d\d \(Europe\/Paris\)/);
    expect(page).toContain('Version courriel (à coller dans une liste de diffusion)');
    const email = await text('/a/rive-gauche/updates/2026-11/email');
    expect(email).toContain('<html lang="fr">');
    expect(email).toMatch(new RegExp(`<title>Rive Gauche${NBSP}: `));
    const atom = new XMLParser({ ignoreAttributes: false }).parse(await text('/a/rive-gauche/updates.atom'));
    expect(atom.feed['@_xml:lang']).toBe('fr');
    expect(atom.feed.title).toBe(`Rive Gauche${NBSP}: bulletins mensuels`);
  });

  it('names its calendar in French', async () => {
    expect(await text('/a/rive-gauche/events.ics')).toContain(`X-WR-CALNAME:Rive Gauche${NBSP}: événements publics`);
  });
});

describe('a Spanish alliance’s page', () => {
  it('is in Spanish, with lang="es"', async () => {
    const directory = await text('/a/red-sur/');
    expect(directory).toContain('<html lang="es">');
    expect(directory).toContain('<title>Red Sur: espacios de coworking</title>');
    expect(directory).toContain('<legend>Encuentra un espacio</legend>');
    expect(directory).toContain('Coincide 1 espacio.');
    expect(directory).toContain('1200 puestos');
    expect(await text(await spacePath('red-sur'))).toContain('Volver a todos los espacios');
    expect(await text('/a/red-sur/map')).toContain('1 espacio de la alianza. El mapa necesita JavaScript');
    expect(await text('/a/red-sur/updates')).toContain('Todavía no se ha publicado ningún boletín mensual.');
    expect(await text('/a/red-sur/?min-desks=muchos')).toContain('min-desks debe ser un número entero');
    expect(await text('/a/red-sur/events.ics')).toContain('X-WR-CALNAME:Red Sur: eventos públicos');
  });
});

describe('an alliance that chose no language', () => {
  it('follows its French server, also after the page’s thread starts again from the bot’s initial data', async () => {
    const before = await text('/a/quebec-ouvert/');
    expect(before).toContain('<html lang="fr">');
    expect(before).toContain(`Québec Ouvert${NBSP}: espaces de coworking`);
    await h.restart();
    web = `http://127.0.0.1:${h.bot.web!.port}`;
    const after = await text('/a/quebec-ouvert/map');
    expect(after).toContain('<html lang="fr">');
    expect(after).toContain('1 espace de l’alliance.');
  });

  it('stays English on an English server, word for word', async () => {
    const directory = await text('/a/river-valley/');
    expect(directory).toContain('<html lang="en">');
    expect(directory).toContain('<title>River Valley: coworking spaces</title>');
    expect(directory).toContain('1 space matches.');
    expect(directory).toContain('1,200 desks');
    expect(directory).toContain('Listings are shown with their hosts’ consent.');
    expect(await text('/a/river-valley/updates')).toContain('No monthly update has been posted yet.');
  });
});
