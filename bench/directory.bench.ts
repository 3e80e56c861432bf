// Directory speed with 10,000 approved spaces in one alliance (plus 2,000 in another), on a WAL database file:
// text search, filtered search, `near`, and every autocomplete a keystroke triggers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { openDatabase } from '../src/db/open.js';
import { createDirectoryRepo } from '../src/directory/directory.repo.js';
import { worldGazetteer, type Place } from '../src/directory/gazetteer.js';
import { foldKey } from '../src/directory/text.rules.js';
import { createServices } from '../src/services.js';
import { manualClock } from '../src/shared/clock.js';

const GUILD = '900000000000000001';
const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'directory-bench-')), 'bench.db'));
const services = createServices({ db, clock: manualClock('2026-03-01T00:00:00Z') });
const dir = services.directory;
const gazetteer = worldGazetteer();

// Deterministic pseudo-random data (no Math.random so runs compare).
let seed = 42;
// The multiplication in 32-bit integers: in doubles it lost the low bits past 2^53 and the sequence fell into a
// short cycle (100,000 seeded spaces sat on 466 points, 660 of them on one point 12 km from Seattle).
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const WORDS = 'bright loft desks quiet coffee light rail studio meeting rooms podcast booth garden rooftop kitchen community events workshops founders artists makers neighbourhood downtown riverside market library bikes parking childcare lounge phone booths fast wifi printers lockers showers terrace plants natural daylight friendly welcoming'.split(' ');
const NAMES_A = ['Rainier', 'Harbor', 'Maple', 'Cedar', 'Union', 'Summit', 'River', 'Lakeside', 'Beacon', 'Vine', 'Atlas', 'Nova', 'Unity', 'Kindred', 'Mosaic', 'Common', 'Hearth', 'Juniper', 'Willow', 'Crescent'];
const NAMES_B = ['Works', 'Commons', 'Hub', 'Collective', 'Studio', 'Lab', 'Loft', 'House', 'Exchange', 'Yard', 'Place', 'Co-op', 'Hall', 'Factory', 'Garage'];
const TAGS = ['bipoc-owned', 'black-owned', 'women-owned', 'lgbtq-owned', 'latinx-owned', 'coworking', 'makerspace', 'studio', 'incubator', 'childcare', 'accessible', 'quiet', 'podcast-room'];
// 400 North American cities, weighted to the big ones.
const cities: Place[] = [...gazetteer.autocomplete('', { country: 'US', limit: 300 }), ...gazetteer.autocomplete('', { country: 'CA', limit: 100 })];

function seedSpaces(guildId: string, count: number): void {
  const repo = createDirectoryRepo(db);
  repo.transaction(() => {
    for (let i = 0; i < count; i++) {
      const city = cities[Math.floor(rand() ** 2 * cities.length)]!;
      const name = `${pick(NAMES_A)} ${pick(NAMES_B)} ${i}`;
      const tags = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(TAGS)))];
      repo.insert(
        {
          guildId, name, nameKey: foldKey(name), city: city.name, cityKey: foldKey(city.name), placeId: city.id,
          region: city.region, country: city.country,
          latitude: city.lat + (rand() - 0.5) * 0.2, longitude: city.lon + (rand() - 0.5) * 0.2,
          desks: 1 + Math.floor(rand() * 200), dayPass: '$20',
          description: Array.from({ length: 25 }, () => pick(WORDS)).join(' '),
          status: 'approved', createdBy: '1', createdAt: i, updatedAt: i, approvedAt: i,
        },
        tags,
        [`${100000000000000000 + (i % 500)}`],
      );
    }
  });
}
seedSpaces(GUILD, 10_000);
seedSpaces('900000000000000002', 2_000);
// What the bot does once it is up: compact the FTS index (see warmUp); the gazetteer is already loaded above.
dir.warmUp();
const seattle = String(gazetteer.lookup('Seattle', 'US')[0]!.id);
const parked = dir.search(GUILD, { text: 'coffee' }).searchId;
const parkedTag = dir.search(GUILD, { tag: 'coworking' }).searchId;

describe('search (10,000 approved spaces)', () => {
  bench('text "montre" (rare prefix, accent-insensitive)', () => void dir.search(GUILD, { text: 'montre' }));
  bench('text "coffee" (common word, ~half the spaces)', () => void dir.search(GUILD, { text: 'coffee' }));
  bench('text "co" (2-letter prefix, nearly all spaces)', () => void dir.search(GUILD, { text: 'co' }));
  bench('text "rainier works" (two words)', () => void dir.search(GUILD, { text: 'rainier works' }));
  bench('text + tag + country + desks', () => void dir.search(GUILD, { text: 'quiet', tag: 'women-owned', country: 'US', minDesks: 20 }));
  bench('text + city (Seattle)', () => void dir.search(GUILD, { text: 'coffee', city: 'Seattle' }));
  bench('no text, tag filter', () => void dir.search(GUILD, { tag: 'coworking' }));
  bench('no text, tag filter, page 3 of a parked search', () => void dir.searchPage(GUILD, parkedTag, 3));
  bench('Next page of a parked search', () => void dir.searchPage(GUILD, parked, 2));
});

describe('near (10,000 approved spaces)', () => {
  bench('near Seattle, 50 km', () => void dir.near(GUILD, { place: seattle, radiusKm: 50 }));
  bench('near Seattle, 500 km', () => void dir.near(GUILD, { place: seattle, radiusKm: 500 }));
  bench('near "Kansas City" by name, 100 km', () => void dir.near(GUILD, { place: 'Kansas City', radiusKm: 100 }));
});

describe('autocomplete (per keystroke)', () => {
  bench('space name "ra"', () => void dir.spaceAutocomplete(GUILD, 'ra'));
  bench('space name "rainier co"', () => void dir.spaceAutocomplete(GUILD, 'rainier co'));
  bench('spaces hosted by a member "ha"', () => void dir.spaceAutocomplete(GUILD, 'ha', { hostedBy: '100000000000000007' }));
  bench('gazetteer place "s" (1 letter)', () => void dir.placeAutocomplete('s'));
  bench('gazetteer place "montr"', () => void dir.placeAutocomplete('montr'));
  bench('directory city "sea"', () => void dir.directoryCityAutocomplete(GUILD, 'sea'));
  bench('tag "wo"', () => void dir.tagAutocomplete(GUILD, 'coworking, wo'));
  bench('stats', () => void dir.stats(GUILD));
});
