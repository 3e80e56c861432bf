// The directory in the bench: 10,000 approved spaces over 400 North American cities (bulk rows as the directory
// repo writes them); /directory search (text + filters), /directory near, the space-name autocomplete and a Next
// page turn measured as members meet them; and the growth of search, near and space-name autocomplete.
import type Database from 'better-sqlite3';
import type { SearchQuery } from '../../src/directory/directory-search.service.js';
import { worldGazetteer, type Place } from '../../src/directory/gazetteer.js';
import { foldKey } from '../../src/directory/text.rules.js';
import type { InteractionResult } from '../../src/testbed/index.js';
import { complete, expectMessage, hasEmbeds, slash } from '../interact.js';
import type { BenchContext, BenchFeature, GrowthQuery } from './types.js';

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
  // The multiplication in 32-bit integers: in doubles it lost the low bits past 2^53 and the sequence fell into a
  // short cycle (100,000 seeded spaces sat on 466 points, 660 of them on one point 12 km from Seattle).
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 2 ** 31);
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

const COMMON = ['coffee', 'quiet', 'garden', 'loft'];
const COMMON_TAGS = ['women-owned', 'coworking', 'makerspace', 'quiet'];
/** 2-4 letters typed into a space option: name starts and word starts (ranked by the index, then FTS). */
const TYPED = ['ra', 'har', 'mapl', 'ce', 'uni', 'summ', 'ri', 'lak', 'bea', 'vin', 'hub', 'lof', 'co', 'wor', 'kin', 'mos'];
const PAGE_SIZE = 10;
/** Next is clicked up to this page, then a new search is posted. */
const PAGE_WALK = 20;

interface DirectoryState {
  searches: SearchQuery[];
  /** The search with the most results: the one whose pages are turned. */
  pager: SearchQuery;
  /** Gazetteer ids of the cities with the most spaces (the autocomplete's values). */
  places: string[];
  /** The TYPED prefixes that name some space (all of them at full scale). */
  typed: string[];
  /** The result message whose Next button is clicked. */
  posted?: { messageId: string };
}

const directoryState = (ctx: BenchContext) => ctx.state.directory as DirectoryState;

/** Slash options of a search query (the option names the command declares). */
function searchOptions(query: SearchQuery): Record<string, string | number> {
  const { minDesks, maxDesks, ...rest } = query;
  return Object.fromEntries(Object.entries({ ...rest, 'min-desks': minDesks, 'max-desks': maxDesks }).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
}

async function postPager(ctx: BenchContext, userId: string): Promise<{ messageId: string }> {
  const state = directoryState(ctx);
  const result: InteractionResult = await slash(ctx, userId, 'directory search', searchOptions(state.pager));
  expectMessage(result, '/directory search (pager)', hasEmbeds);
  state.posted = { messageId: (await result.reply()).id };
  return state.posted;
}

/** The Next button's custom id while it leads to a page up to PAGE_WALK; null to start over. */
function nextButton(ctx: BenchContext, messageId: string): string | null {
  const buttons = (ctx.bed.message(messageId)?.components ?? []).flatMap((row) => row.components ?? []);
  const next = buttons.find((b) => b.label === 'Next');
  const page = Number(next?.custom_id?.split(':')[5]);
  return next?.custom_id && !next.disabled && page <= PAGE_WALK ? next.custom_id : null;
}

const GROWTH_GUILD = '900000000000000001';
const HOSTS = Array.from({ length: 500 }, (_, i) => String(100_000_000_000_000_000n + BigInt(i)));
const TEXTS = ['coffee', 'quiet loft', 'montre', 'rainier works', 'podcast'];
const NAMES = ['ra', 'rainier co', 'ha', 'uni', 'mosaic l'];

export const directory: BenchFeature = {
  name: 'directory',

  seed({ sqlite, services, guild, members, scale, state }) {
    writeSpaces(sqlite, guild.id, 0, scale.spaces, members.slice(0, 500));
    // As the bot leaves a database after its first start: gazetteer cached, FTS compacted, planner statistics.
    services.directory.warmUp();
    // The cities with the most spaces: what members filter by and search near.
    const cities = sqlite.prepare(`SELECT city, place_id AS placeId FROM spaces WHERE guild_id = ? AND status = 'approved'
      GROUP BY place_id ORDER BY count(*) DESC, place_id LIMIT 4`).all(guild.id) as { city: string; placeId: number }[];
    // A common word with a city and/or a tag, kept when it finds something (the bulk rows must be what the service reads).
    const totals = new Map<SearchQuery, number>();
    for (const [k, { city }] of cities.entries()) {
      const tag = COMMON_TAGS[k % COMMON_TAGS.length]!;
      for (const query of [{ text: COMMON[k % COMMON.length]!, city }, { text: COMMON[(k + 1) % COMMON.length]!, city, tag }, { text: COMMON[(k + 2) % COMMON.length]!, tag }]) {
        totals.set(query, services.directory.search(guild.id, query).total);
      }
    }
    const searches = [...totals].filter(([, total]) => total > 0).map(([query]) => query);
    let pager = [...totals].sort((a, b) => b[1] - a[1])[0];
    if (pager && scale.spaces > 2 * PAGE_SIZE && pager[1] <= PAGE_SIZE) {
      // A smoke-sized directory spreads its spaces over too many cities for one city to fill two pages: Next turns
      // the pages of a common word over the whole directory instead.
      const broad: SearchQuery = { text: COMMON[0]! };
      pager = [broad, services.directory.search(guild.id, broad).total];
    }
    // A small alliance (the scale probe's 10 spaces) has one page: nothing to turn, but still something to find.
    if (!searches.length || !pager || (scale.spaces > 2 * PAGE_SIZE && pager[1] <= PAGE_SIZE)) throw new Error('seeded spaces are not found by directory search');
    const typed = TYPED.filter((t) => services.directory.spaceAutocomplete(guild.id, t).length > 0);
    const directoryState: DirectoryState = { searches, pager: pager[0], places: cities.map((c) => String(c.placeId)), typed };
    state.directory = directoryState;
  },

  interactions: [
    {
      name: '/directory search (text + filters)',
      async send(ctx, i) {
        const { searches } = directoryState(ctx);
        expectMessage(await slash(ctx, ctx.member(i), 'directory search', searchOptions(searches[i % searches.length]!)), '/directory search', hasEmbeds);
      },
    },
    {
      name: '/directory near (50 km)',
      async send(ctx, i) {
        const { places } = directoryState(ctx);
        expectMessage(await slash(ctx, ctx.member(i), 'directory near', { place: places[i % places.length]!, 'radius-km': 50 }), '/directory near', hasEmbeds);
      },
    },
    {
      name: 'autocomplete: space name',
      async send(ctx, i) {
        const { typed } = directoryState(ctx);
        const choices = await complete(ctx, ctx.member(i), 'space show', 'space', typed[i % typed.length]!);
        if (choices.length === 0) throw new Error(`space-name autocomplete: no choices for "${typed[i % typed.length]}"`);
      },
    },
    {
      name: 'button: next page of a search',
      // A /directory search is posted once; each run clicks its Next button (pages 1…PAGE_WALK, then a new search,
      // not timed), and the click's own interaction is what is timed.
      prepare: async (ctx) => {
        await postPager(ctx, ctx.organizerId);
      },
      async send(ctx, i) {
        let messageId = directoryState(ctx).posted!.messageId;
        let next = nextButton(ctx, messageId);
        if (!next) {
          messageId = (await postPager(ctx, ctx.member(i))).messageId;
          next = nextButton(ctx, messageId);
        }
        if (!next) throw new Error('the search has no Next button');
        const result = await ctx.driver.click({ guildId: ctx.guild.id, channelId: ctx.guild.channel('general'), userId: ctx.member(i), messageId, customId: next });
        if (result.type !== 7 || !hasEmbeds(result.data ?? {})) throw new Error(`Next: unexpected answer (type ${result.type}) ${JSON.stringify(result.data).slice(0, 300)}`);
        return { interactionId: result.interactionId };
      },
    },
  ],

  growth: [
    {
      rows: 'approved spaces',
      start({ sqlite, services }) {
        let rows = 0;
        // A host edits their space: a real write to the spaces table, which moves the alliance's directory version
        // (drizzle/0023) and so what search and near remember, without touching the text or spatial indexes. By id:
        // the space's own lookup took 3.6 ms at 100,000 spaces, and CPU time that long spills into the next reading.
        const edit = sqlite.prepare('UPDATE spaces SET updated_at = updated_at + 1 WHERE id = ?');
        let edited = 0;
        const askedTwoWays = (name: string, run: (i: number) => unknown): GrowthQuery[] => [
          { name: `${name} (first ask)`, target: 'log', before: () => edit.run(edited), run },
          { name: `${name} (repeated)`, target: 'log', run },
        ];
        const seattle = String(worldGazetteer().lookup('Seattle', 'US')[0]!.id);
        const dir = services.directory;
        return {
          fillTo(n) {
            writeSpaces(sqlite, GROWTH_GUILD, rows, n, HOSTS);
            rows = n;
            edited ||= (sqlite.prepare('SELECT min(id) AS id FROM spaces WHERE guild_id = ?').get(GROWTH_GUILD) as { id: number }).id;
            // What the bot does at start and after an import: compact the FTS indexes, refresh the planner's statistics.
            dir.warmUp();
          },
          // Search and near remember what they found while the directory is unchanged (recent-searches.ts): each is
          // measured asked the first time (after a host's edit, as members meet it after any write) and repeated.
          queries: [
            ...askedTwoWays('directory search: text', (i) => dir.search(GROWTH_GUILD, { text: TEXTS[i % TEXTS.length]! })),
            ...askedTwoWays('directory search: text + tag + country + desks', (i) => dir.search(GROWTH_GUILD, { text: TEXTS[i % TEXTS.length]!, tag: 'women-owned', country: 'US', minDesks: 20 })),
            ...askedTwoWays('directory near: Seattle, 50 km', () => dir.near(GROWTH_GUILD, { place: seattle, radiusKm: 50 })),
            { name: 'autocomplete: space name', target: 'log', run: (i) => dir.spaceAutocomplete(GROWTH_GUILD, NAMES[i % NAMES.length]!) },
          ],
        };
      },
    },
  ],
};
