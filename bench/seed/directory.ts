// The directory in the bench: 10,000 approved spaces over 400 North American cities (bulk rows as the directory
// repo writes them), and the growth of search, near and space-name autocomplete. /directory and /space commands
// are not on main yet: see PENDING in seed/index.ts.
import type Database from 'better-sqlite3';
import { worldGazetteer, type Place } from '../../src/directory/gazetteer.js';
import { foldKey } from '../../src/directory/text.rules.js';
import type { BenchFeature } from './types.js';

const WORDS = 'bright loft desks quiet coffee light rail studio meeting rooms podcast booth garden rooftop kitchen community events workshops founders artists makers neighbourhood downtown riverside market library bikes parking childcare lounge phone booths fast wifi printers lockers showers terrace plants natural daylight friendly welcoming'.split(' ');
const NAMES_A = ['Rainier', 'Harbor', 'Maple', 'Cedar', 'Union', 'Summit', 'River', 'Lakeside', 'Beacon', 'Vine', 'Atlas', 'Nova', 'Unity', 'Kindred', 'Mosaic', 'Common', 'Hearth', 'Juniper', 'Willow', 'Crescent'];
const NAMES_B = ['Works', 'Commons', 'Hub', 'Collective', 'Studio', 'Lab', 'Loft', 'House', 'Exchange', 'Yard', 'Place', 'Co-op', 'Hall', 'Factory', 'Garage'];
const TAGS = ['bipoc-owned', 'black-owned', 'women-owned', 'lgbtq-owned', 'latinx-owned', 'coworking', 'makerspace', 'studio', 'incubator', 'childcare', 'accessible', 'quiet', 'podcast-room'];

let cities: Place[] | null = null;
/** 400 North American cities, weighted to the big ones when picked. */
function northAmerica(): Place[] {
  const gazetteer = worldGazetteer();
  return (cities ??= [...gazetteer.autocomplete('', { country: 'US', limit: 300 }), ...gazetteer.autocomplete('', { country: 'CA', limit: 100 })]);
}

/**
 * Writes approved spaces `from`..`to`-1 of a guild in one transaction with prepared statements: the rows the
 * directory repo writes (space with its tags column, tag rows, one host), inserted once so the FTS trigger runs once
 * per space. Deterministic, so runs compare.
 */
export function writeSpaces(sqlite: Database.Database, guildId: string, from: number, to: number, hostIds: readonly string[]): void {
  const places = northAmerica();
  let seed = 42 + from;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const space = sqlite.prepare(`INSERT INTO spaces (guild_id, name, name_key, city, city_key, place_id, region, country, latitude, longitude,
    desks, day_pass, tags, description, status, created_by, created_at, updated_at, approved_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '$20', ?, ?, 'approved', ?, ?, ?, ?)`);
  const tag = sqlite.prepare('INSERT INTO space_tags (space_id, guild_id, tag) VALUES (?, ?, ?)');
  const host = sqlite.prepare('INSERT INTO space_hosts (space_id, guild_id, user_id, added_at) VALUES (?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (let i = from; i < to; i++) {
      const city = places[Math.floor(rand() ** 2 * places.length)]!;
      const name = `${pick(NAMES_A)} ${pick(NAMES_B)} ${i}`;
      const tags = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(TAGS)))];
      const hostId = hostIds[i % hostIds.length]!;
      const { lastInsertRowid } = space.run(
        guildId, name, foldKey(name), city.name, foldKey(city.name), city.id, city.region ?? null, city.country,
        city.lat + (rand() - 0.5) * 0.2, city.lon + (rand() - 0.5) * 0.2, 1 + Math.floor(rand() * 200), tags.join(' '),
        Array.from({ length: 25 }, () => pick(WORDS)).join(' '), hostId, i, i, i,
      );
      for (const t of tags) tag.run(lastInsertRowid, guildId, t);
      host.run(lastInsertRowid, guildId, hostId, i);
    }
  })();
}

const GROWTH_GUILD = '900000000000000001';
const HOSTS = Array.from({ length: 500 }, (_, i) => String(100_000_000_000_000_000n + BigInt(i)));
const TEXTS = ['coffee', 'quiet loft', 'montre', 'rainier works', 'podcast'];
const NAMES = ['ra', 'rainier co', 'ha', 'uni', 'mosaic l'];

export const directory: BenchFeature = {
  name: 'directory',

  seed({ sqlite, services, guild, members, scale }) {
    writeSpaces(sqlite, guild.id, 0, scale.spaces, members.slice(0, 500));
    // The bulk rows must be what the service reads.
    if (services.directory.search(guild.id, { text: 'coffee' }).total === 0) throw new Error('seeded spaces are not found by directory search');
  },

  interactions: [],

  growth: [
    {
      rows: 'approved spaces',
      start({ sqlite, services }) {
        let rows = 0;
        const seattle = String(worldGazetteer().lookup('Seattle', 'US')[0]!.id);
        const dir = services.directory;
        return {
          fillTo(n) {
            writeSpaces(sqlite, GROWTH_GUILD, rows, n, HOSTS);
            rows = n;
          },
          queries: [
            { name: 'directory search: text + tag + country + desks', target: 'log', run: (i) => dir.search(GROWTH_GUILD, { text: TEXTS[i % TEXTS.length]!, tag: 'women-owned', country: 'US', minDesks: 20 }) },
            { name: 'directory near: Seattle, 50 km', target: 'log', run: () => dir.near(GROWTH_GUILD, { place: seattle, radiusKm: 50 }) },
            { name: 'autocomplete: space name', target: 'log', run: (i) => dir.spaceAutocomplete(GROWTH_GUILD, NAMES[i % NAMES.length]!) },
          ],
        };
      },
    },
  ],
};
