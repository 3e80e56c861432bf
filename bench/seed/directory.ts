// The directory in the bench: 10,000 approved spaces over 400 North American cities (written through the
// directory repo in one transaction, as bench/directory.bench.ts does), and the growth of search, near and
// space-name autocomplete. /directory and /space commands are not on main yet: see PENDING in seed/index.ts.
import { createDirectoryRepo } from '../../src/directory/directory.repo.js';
import { worldGazetteer, type Place } from '../../src/directory/gazetteer.js';
import { foldKey } from '../../src/directory/text.rules.js';
import type { Db } from '../../src/db/open.js';
import type { BenchFeature, GrowthProbe } from './types.js';

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

/** Writes approved spaces `from`..`to`-1 for a guild; deterministic, so runs compare. */
export function writeSpaces(db: Db, guildId: string, from: number, to: number, hostIds: readonly string[]): void {
  const repo = createDirectoryRepo(db);
  const places = northAmerica();
  let seed = 42 + from;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  repo.transaction(() => {
    for (let i = from; i < to; i++) {
      const city = places[Math.floor(rand() ** 2 * places.length)]!;
      const name = `${pick(NAMES_A)} ${pick(NAMES_B)} ${i}`;
      const tags = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(TAGS)))];
      repo.insert(
        {
          guildId, name, nameKey: foldKey(name), city: city.name, cityKey: foldKey(city.name), placeId: city.id,
          region: city.region, country: city.country,
          latitude: city.lat + (rand() - 0.5) * 0.2, longitude: city.lon + (rand() - 0.5) * 0.2,
          desks: 1 + Math.floor(rand() * 200), dayPass: '$20',
          description: Array.from({ length: 25 }, () => pick(WORDS)).join(' '),
          status: 'approved', createdBy: hostIds[i % hostIds.length]!, createdAt: i, updatedAt: i, approvedAt: i,
        },
        tags,
        [hostIds[i % hostIds.length]!],
      );
    }
  });
}

const GROWTH_GUILD = '900000000000000001';
const HOSTS = Array.from({ length: 500 }, (_, i) => String(100_000_000_000_000_000n + BigInt(i)));

function probe(name: string, query: (services: Parameters<GrowthProbe['start']>[0]['services'], i: number, seattle: string) => unknown): GrowthProbe {
  return {
    name,
    target: 'log',
    start({ db, services }) {
      let rows = 0;
      const seattle = String(worldGazetteer().lookup('Seattle', 'US')[0]!.id);
      return {
        fillTo(n) {
          writeSpaces(db, GROWTH_GUILD, rows, n, HOSTS);
          rows = n;
        },
        query: (i) => query(services, i, seattle),
      };
    },
  };
}

const TEXTS = ['coffee', 'quiet loft', 'montre', 'rainier works', 'podcast'];
const NAMES = ['ra', 'rainier co', 'ha', 'uni', 'mosaic l'];

export const directory: BenchFeature = {
  name: 'directory',

  seed({ db, guild, members, scale }) {
    writeSpaces(db, guild.id, 0, scale.spaces, members.slice(0, 500));
  },

  interactions: [],

  growth: [
    probe('directory search: text + tag + country + desks', (services, i) => services.directory.search(GROWTH_GUILD, { text: TEXTS[i % TEXTS.length]!, tag: 'women-owned', country: 'US', minDesks: 20 })),
    probe('directory near: Seattle, 50 km', (services, _i, seattle) => services.directory.near(GROWTH_GUILD, { place: seattle, radiusKm: 50 })),
    probe('autocomplete: space name', (services, i) => services.directory.spaceAutocomplete(GROWTH_GUILD, NAMES[i % NAMES.length]!)),
  ],
};
