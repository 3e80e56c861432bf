// Finding spaces: text (prefix, accent-insensitive, ranked), filters, paging, near with distances, stats, autocomplete.
import { describe, expect, it } from 'vitest';
import { englishError, englishOf } from '../../support/english.js';
import { t, type MessageValues } from '../../../src/i18n/translate.js';
import type { ProfileInput } from '../../../src/directory/directory.rules.js';
import { actor, HOST, montreal, ORGANIZER, OTHER_GUILD, GUILD, seattle, setup } from './helpers.js';

const organizer = actor(ORGANIZER, { organizer: true });
const host = actor(HOST);

function withSpaces(extra: ProfileInput[] = []) {
  const ctx = setup();
  const approve = (input: ProfileInput) => ctx.dir.approve(organizer, ctx.dir.register(host, input).space.id);
  const spaces = {
    seattle: approve(seattle),
    montreal: approve(montreal),
    tacoma: approve({ name: 'Tacoma Makers', city: 'Tacoma', country: 'US', desks: 8, tags: 'makerspace, women-owned', description: 'Tools, a laser cutter and coffee.' }),
    kc: approve({ name: 'Crossroads Hub', city: 'Kansas City', region: 'Missouri', country: 'US', desks: 120, tags: 'coworking, lgbtq-owned', description: 'Coworking in the Crossroads arts district.' }),
  };
  for (const input of extra) approve(input);
  return { ...ctx, spaces };
}

describe('text search', () => {
  it('matches prefixes without accents: "montre" finds Montréal', () => {
    const { dir } = withSpaces();
    expect(dir.search(GUILD, { text: 'montre' }).items.map((s) => s.name)).toEqual(['Café Collectif']);
    expect(dir.search(GUILD, { text: 'cafe' }).items.map((s) => s.name)).toEqual(['Café Collectif']);
  });
  it('searches name, description, city and tags', () => {
    const { dir } = withSpaces();
    expect(dir.search(GUILD, { text: 'laser' }).items.map((s) => s.name)).toEqual(['Tacoma Makers']);
    expect(dir.search(GUILD, { text: 'lgbtq' }).items.map((s) => s.name)).toEqual(['Crossroads Hub']);
    expect(dir.search(GUILD, { text: 'kansas' }).items.map((s) => s.name)).toEqual(['Crossroads Hub']);
  });
  it('ranks a name hit above a description-only hit', () => {
    const { dir } = withSpaces([
      { name: 'Loft Nine', city: 'Seattle', country: 'US', description: 'The friendliest coworking loft in town.' },
      { name: 'Coworking Central', city: 'Seattle', country: 'US', description: 'Desks.' },
    ]);
    const names = dir.search(GUILD, { text: 'coworking' }).items.map((s) => s.name);
    expect(names.indexOf('Coworking Central')).toBeLessThan(names.indexOf('Loft Nine'));
    expect(names).toContain('Crossroads Hub');
  });
  it('finds every word a prefix stands for, whether a few (read as whole words) or many (kept a prefix)', () => {
    const words = ['studio', 'studios', 'studious', 'studied', 'studying', 'student', 'students', 'study', 'studs', 'stud'];
    const { dir } = withSpaces(words.map((word, i) => ({ name: `Space ${i}`, city: 'Seattle', country: 'US', description: `A ${word} place.` })));
    // "studen" stands for two words of the index, "stud" for ten (more than are expanded).
    expect(dir.search(GUILD, { text: 'studen' }).items.map((s) => s.name).sort()).toEqual(['Space 5', 'Space 6']);
    expect(dir.search(GUILD, { text: 'stud' }).total).toBeGreaterThanOrEqual(10); // a sample space is a studio too
    expect(dir.search(GUILD, { text: 'stud place' }).total).toBe(10);
    expect(dir.search(GUILD, { text: 'studen space' }).total).toBe(2);
  });
  it('finds nothing pending', () => {
    const { dir } = withSpaces();
    dir.register(host, { name: 'Hidden Loft', city: 'Seattle', country: 'US' });
    expect(dir.search(GUILD, { text: 'hidden' }).total).toBe(0);
  });
});

describe('filters', () => {
  it('filters by city (accent-insensitive), country, tag and desks', () => {
    const { dir } = withSpaces();
    const names = (q: Parameters<typeof dir.search>[1]) => dir.search(GUILD, q).items.map((s) => s.name);
    expect(names({ city: 'montreal' })).toEqual(['Café Collectif']);
    expect(names({ country: 'United States' })).toEqual(['Crossroads Hub', 'Rainier Commons', 'Tacoma Makers']);
    expect(names({ tag: 'Women-Owned' })).toEqual(['Café Collectif', 'Tacoma Makers']);
    expect(names({ minDesks: 12, maxDesks: 40 })).toEqual(['Café Collectif', 'Rainier Commons']);
    expect(names({ text: 'coworking', country: 'US', minDesks: 100 })).toEqual(['Crossroads Hub']);
  });
  it('refuses min-desks above max-desks and a malformed tag', () => {
    const { dir } = withSpaces();
    expect(englishError(() => dir.search(GUILD, { minDesks: 50, maxDesks: 10 }))).toMatch(/min-desks/);
    expect(englishError(() => dir.search(GUILD, { tag: 'bad tag!' }))).toMatch(/tag/);
  });
  it('suggests which filter to widen when nothing matches', () => {
    const { dir } = withSpaces();
    const result = dir.search(GUILD, { tag: 'makerspace', country: 'CA' });
    expect(result.total).toBe(0);
    expect(result.suggestions.map((s) => t('en', s.key, s.values as MessageValues))).toEqual(['remove country (1 space matches without it)', 'remove tag (1 space matches without it)']);
  });
});

describe('paging', () => {
  it('pages 10 at a time and the parked search keeps paging', () => {
    const extra = Array.from({ length: 21 }, (_, i) => ({ name: `Desk Club ${String(i).padStart(2, '0')}`, city: 'Seattle', country: 'US' }));
    const { dir } = withSpaces(extra);
    const first = dir.search(GUILD, { text: 'desk club' });
    expect(first).toMatchObject({ total: 21, page: 0, pageCount: 3 });
    expect(first.items).toHaveLength(10);
    const third = dir.searchPage(GUILD, first.searchId, 2);
    expect(third.items.map((s) => s.name)).toEqual(['Desk Club 20']);
    const all = [0, 1, 2].flatMap((p) => dir.searchPage(GUILD, first.searchId, p).items.map((s) => s.id));
    expect(new Set(all).size).toBe(21);
    expect(dir.searchPage(GUILD, first.searchId, 99).page).toBe(2);
  });
  it('a parked search belongs to its alliance', () => {
    const { dir } = withSpaces();
    const { searchId } = dir.search(GUILD, { text: 'x' });
    expect(englishError(() => dir.searchPage(OTHER_GUILD, searchId, 0))).toMatch(/expired/);
  });
});

describe('near', () => {
  it('sorts by great-circle distance from a gazetteer place and shows it', () => {
    const { dir } = withSpaces();
    const result = dir.near(GUILD, { place: 'Seattle', radiusKm: 60 });
    expect(result.items.map((s) => s.name)).toEqual(['Rainier Commons', 'Tacoma Makers']);
    expect(result.items[0]!.distanceKm).toBe(0);
    expect(result.items[1]!.distanceKm).toBeGreaterThan(39);
    expect(result.items[1]!.distanceKm).toBeLessThan(41);
  });
  it('keeps to the radius (default 50 km) and accepts a gazetteer id', () => {
    const { dir } = withSpaces();
    const tacoma = dir.placeAutocomplete('Tacoma', 'US')[0]!;
    expect(dir.near(GUILD, { place: tacoma.value, radiusKm: 10 }).items.map((s) => s.name)).toEqual(['Tacoma Makers']);
    expect(dir.near(GUILD, { place: 'Kansas City' }).items.map((s) => s.name)).toEqual(['Crossroads Hub']);
  });
  it('refuses an unknown place with the closest names, and a radius out of range', () => {
    const { dir } = withSpaces();
    expect(englishError(() => dir.near(GUILD, { place: 'Seatle' }))).toMatch(/Closest: Seattle/);
    expect(englishError(() => dir.near(GUILD, { place: 'Seattle', radiusKm: 0 }))).toMatch(/radius-km/);
  });
  it('suggests a wider radius when nothing is near', () => {
    const { dir } = withSpaces();
    const result = dir.near(GUILD, { place: 'Spokane', radiusKm: 50 });
    expect(result.total).toBe(0);
    expect(englishOf({ field: '', message: '', text: result.suggestions[0]! })).toMatch(/radius-km/);
  });
});

describe('stats and autocomplete', () => {
  it('counts approved spaces by country, city and tag', () => {
    const { dir } = withSpaces();
    const stats = dir.stats(GUILD);
    expect(stats.total).toBe(4);
    expect(stats.byCountry).toEqual([{ country: 'US', name: 'United States', count: 3 }, { country: 'CA', name: 'Canada', count: 1 }]);
    expect(stats.byTag.find((t) => t.tag === 'women-owned')?.count).toBe(2);
    expect(stats.byCity).toHaveLength(4);
  });
  it('completes space names by word prefix; hostedBy includes pending spaces of that host', () => {
    const { dir } = withSpaces();
    expect(dir.spaceAutocomplete(GUILD, 'coll').map((s) => s.name)).toEqual(['Café Collectif']);
    expect(dir.spaceAutocomplete(GUILD, 'hub')).toEqual([expect.objectContaining({ name: 'Crossroads Hub', city: 'Kansas City' })]);
    dir.register(host, { name: 'Pending Place', city: 'Seattle', country: 'US' });
    expect(dir.spaceAutocomplete(GUILD, 'pend')).toEqual([]);
    expect(dir.spaceAutocomplete(GUILD, 'pend', { hostedBy: HOST }).map((s) => s.name)).toEqual(['Pending Place']);
    expect(dir.spaceAutocomplete(GUILD, '', { limit: 2 })).toHaveLength(2);
    expect(dir.spaceAutocomplete(OTHER_GUILD, 'hub')).toEqual([]);
  });
  it('completes directory cities, places, countries and tags', () => {
    const { dir } = withSpaces();
    expect(dir.directoryCityAutocomplete(GUILD, 'mont')).toEqual([{ value: 'Montréal', label: 'Montréal, Canada (1)' }]);
    expect(dir.placeAutocomplete('montre')[0]).toMatchObject({ label: 'Montréal, Quebec, Canada' });
    expect(dir.countryAutocomplete('can')[0]).toEqual({ value: 'CA', label: 'Canada (CA)' });
    expect(dir.tagAutocomplete(GUILD, 'coworking, wo').map((t) => t.value)).toEqual(['coworking,women-owned']);
  });
});
