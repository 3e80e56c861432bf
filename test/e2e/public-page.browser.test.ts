// The public page in a real browser (Debian's Chromium through playwright-core) against the real bot on the test
// bed: search and filters through the form, paging, a space page, the map's markers and cards, a page that is off,
// consent respected, and axe-core finding no serious accessibility problem. Saves the README's screenshots.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/shared/actor.js';
import { startHarness, type Alliance, type Harness } from '../support/bot.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
// In CI a missing browser is a failure, never a silent skip (.ci/run installs it).
const suite = haveBrowser || process.env['CI'] === 'true' ? describe : describe.skip;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Screenshots are test artifacts in test-results/; UPDATE_SCREENSHOTS=1 refreshes the README's in docs/screenshots.
const SHOTS = join(process.cwd(), ...(process.env['UPDATE_SCREENSHOTS'] ? ['docs', 'screenshots'] : ['test-results', 'screenshots']));

let h: Harness;
let a: Alliance;
let web: string;
let context: BrowserContext;

const CITIES = [
  ['Seattle', 'Washington'],
  ['Portland', 'Oregon'],
  ['Tacoma', 'Washington'],
  ['Spokane', 'Washington'],
  ['Boise', 'Idaho'],
] as const;

beforeAll(async () => {
  if (!haveBrowser) throw new Error(`Chromium is not at ${CHROMIUM}: install it with apt-get install -y chromium`);
  h = await startHarness({ web: true });
  web = `http://127.0.0.1:${h.bot.web!.port}`;
  a = await h.newAlliance('Cascadia Coworking Alliance');
  await a.setup({ 'directory-approval': false, 'public-page': 'on', 'public-slug': 'cascadia' });
  const host: Actor = { guildId: a.id, userId: a.members.marcus, isOrganizer: false, roleIds: [] };
  const dir = h.bot.services.directory;
  // Fourteen public spaces (two pages), one identity-tagged without the second consent, one not public at all.
  for (let i = 0; i < 14; i++) {
    const [city, region] = CITIES[i % CITIES.length]!;
    const { space } = dir.register(host, {
      name: `${['Harbor', 'Cedar', 'Summit', 'Alder', 'Juniper', 'Maple', 'Orca'][i % 7]} ${i < 7 ? 'Desk' : 'Works'}`,
      city, region, country: 'US', desks: 6 + i * 3,
      // Apart on the map, so each marker can be clicked.
      latitude: 43 + (i % 5) * 1.1 + Math.floor(i / 5) * 0.4, longitude: -123 + Math.floor(i / 5) * 1.3 + (i % 5) * 0.5,
      tags: i === 0 ? 'women-owned,coworking' : i % 2 ? 'coworking,quiet' : 'makerspace',
      description: i === 0 ? 'Sunny loft with a quiet room and a childcare corner.' : 'A friendly place to work.',
      hours: 'Mon-Fri 8:00-18:00', dayPass: '$20', contact: 'Ask at the front desk', accessibility: 'Step-free entrance',
    });
    dir.publicPage.setConsent(host, space.id, { listed: true });
  }
  dir.register(host, { name: 'Private Nook', city: 'Seattle', country: 'US', desks: 4 });
  // A fresh profile each run (playwright passes it to Chromium as --user-data-dir).
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
  });
  // Map tiles come from OpenStreetMap in a visitor's browser; here there is no outside network, so refuse them fast.
  await context.route('https://tile.openstreetmap.org/**', (route) => route.abort());
}, 60_000);

afterAll(async () => {
  await context?.close();
  await h?.stop();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${web}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

/** Waits (up to 5 s) for the page to show `n` of these, then checks: pages load and Leaflet draws asynchronously. */
async function expectCount(locator: Locator, n: number): Promise<void> {
  const until = Date.now() + 5000;
  while ((await locator.count()) !== n && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await locator.count()).toBe(n);
}

async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return (await locator.first().textContent())?.trim() ?? '';
}

/** axe-core in the page; the page's CSP does not apply to the test's own evaluation. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o?: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run({ resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

suite('the public page in Chromium', () => {
  it('searches and filters through the form, and pages through the results', async () => {
    const page = await open('/a/cascadia/');
    await expectCount(page.locator('ol.spaces > li'), 10);
    expect(await page.getByRole('status').textContent()).toContain('14 spaces match');
    await page.getByRole('link', { name: 'Next page' }).click();
    await expectCount(page.locator('ol.spaces > li'), 4);
    expect(page.url()).toContain('page=2');
    await page.getByLabel('Words (name, city, description…)').fill('childcare');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectCount(page.locator('ol.spaces > li'), 1);
    expect(await page.locator('ol.spaces').textContent()).toContain('Harbor Desk');
    await page.getByLabel('Words (name, city, description…)').fill('');
    await page.getByLabel('City', { exact: true }).fill('Portland');
    await page.getByLabel('At least this many desks').fill('20');
    await page.getByRole('button', { name: 'Search' }).click();
    const names = await page.locator('ol.spaces h2').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(await page.locator('ol.spaces').textContent()).not.toContain('Seattle');
    await page.close();
  });

  it('keeps spaces without consent out and identity tags hidden, and passes axe', async () => {
    const page = await open('/a/cascadia/');
    const body = (await page.content()).toLowerCase();
    expect(body).not.toContain('private nook');
    expect(body).not.toContain('women-owned');
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'directory.png'), fullPage: true });
    await page.close();
  });

  it('shows a space page with its details, a small map and a way back', async () => {
    const page = await open('/a/cascadia/?q=harbor+desk');
    await page.getByRole('link', { name: 'Harbor Desk' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Harbor Desk');
    expect(await page.locator('dl.facts').textContent()).toContain('Ask at the front desk');
    expect(await page.content()).not.toContain('women-owned');
    await expectCount(page.locator('.leaflet-marker-icon'), 1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'space.png'), fullPage: true });
    await page.getByRole('link', { name: 'Back to all spaces' }).click();
    expect(new URL(page.url()).pathname).toBe('/a/cascadia/');
    await page.close();
  });

  it('draws a marker per public space on the map, with the space’s card on click', async () => {
    const page = await open('/a/cascadia/map');
    await expectCount(page.locator('.leaflet-marker-icon'), 14);
    await expectCount(page.locator('ul.spaces > li'), 14);
    await page.locator('.leaflet-marker-icon[title="Harbor Desk"]').click();
    expect(await textOf(page.locator('.leaflet-popup-content a'))).toBe('Harbor Desk');
    // Leaflet fades the card in: checking contrast mid-fade measures blended colours, not the page's.
    await page.waitForFunction(() => {
      // Runs in the page (this file is compiled without the DOM library, hence the shape given by hand).
      const page = globalThis as unknown as { document: { querySelector(selector: string): object | null }; getComputedStyle(element: object): { opacity: string } };
      const popup = page.document.querySelector('.leaflet-popup');
      return popup !== null && page.getComputedStyle(popup).opacity === '1';
    });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'map.png') });
    await page.close();
  });

  it('shows a posted monthly update in the archive, accessibly', async () => {
    await a.reply('olivia', 'updates post-now');
    const page = await open('/a/cascadia/updates');
    await page.getByRole('link', { name: /2026|2027/ }).first().click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toMatch(/^[A-Z][a-z]+ \d{4}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('draws a French alliance’s map in French: the page, the zoom buttons and the tiles’ credit, accessibly', async () => {
    const fr = await h.newAlliance('Alliance Rive Gauche');
    await fr.setup({ 'directory-approval': false, 'public-page': 'on', 'public-slug': 'rive-gauche', language: 'fr' });
    const host: Actor = { guildId: fr.id, userId: fr.members.marcus, isOrganizer: false, roleIds: [] };
    const { space } = h.bot.services.directory.register(host, { name: 'Atelier Nord', city: 'Lyon', country: 'FR', desks: 10, latitude: 45.76, longitude: 4.83 });
    h.bot.services.directory.publicPage.setConsent(host, space.id, { listed: true });
    const page = await open('/a/rive-gauche/map');
    await expectCount(page.locator('.leaflet-marker-icon'), 1);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Alliance Rive Gauche\u00a0: carte des espaces');
    expect(await page.locator('.leaflet-control-zoom-in').getAttribute('title')).toBe('Zoom avant');
    expect(await page.locator('.leaflet-control-zoom-out').getAttribute('title')).toBe('Zoom arrière');
    expect(await textOf(page.locator('.leaflet-control-attribution'))).toContain('© les contributeurs d’OpenStreetMap');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('answers 404 for a page that is off', async () => {
    await a.reply('olivia', 'alliance setup', { 'public-page': 'off' });
    const page = await context.newPage();
    const response = await page.goto(`${web}/a/cascadia/`);
    expect(response?.status()).toBe(404);
    await page.close();
    await a.reply('olivia', 'alliance setup', { 'public-page': 'on' });
  });
});
