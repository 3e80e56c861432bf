// Finding spaces: text search with filters, `near` a gazetteer place, stats, every autocomplete, and the parked
// search behind Previous/Next so paging works after a restart.
import { z } from 'zod';
import type { Clock } from '../shared/clock.js';
import { DAY } from '../shared/clock.js';
import { invalidFields, msg, notFound, problem, type MessageRef } from '../shared/errors.js';
import { countryAutocomplete, countryCode, countryName } from './countries.js';
import { ftsQuery, isValidTag, LIMITS, mentionsIdentity, normalizeTag, SUGGESTED_TAGS } from './directory.rules.js';
import type { DirectoryRepo } from './directory.repo.js';
import type { DirectorySearchRepo, SearchFilters, SpaceListing } from './directory-search.repo.js';
import { between, issueProblem } from '../shared/validate.js';
import { placeLabel, type Gazetteer, type Place } from './gazetteer.js';
import { foldKey, haversineKm } from './text.rules.js';
import { createNearFinder } from './directory-near.service.js';
import { createRecentSearches } from './recent-searches.js';

export interface SearchQuery {
  text?: string;
  city?: string;
  country?: string;
  tag?: string;
  minDesks?: number;
  maxDesks?: number;
}

export interface SpaceHit extends Omit<SpaceListing, 'tags'> {
  tags: string[];
  countryName: string;
  /** Only for `near`. */
  distanceKm?: number;
  /** Only for `near`: the space is in the city searched from, so "in <city>" says more than a distance. */
  sameCity?: boolean;
}

export interface ResultPage<Q> {
  searchId: number;
  query: Q;
  items: SpaceHit[];
  /** Matches, counted up to LIMITS.countCap: `totalCapped` says there are at least that many (shown as "100+"). */
  total: number;
  totalCapped: boolean;
  page: number;
  pageCount: number;
  /** For an empty result: what to widen, e.g. "remove tag (3 spaces match without it)", as message keys. */
  suggestions: MessageRef[];
}

export interface NearQuery {
  /** Gazetteer id (autocomplete value) or a city name. */
  place: string;
  radiusKm?: number;
}

const searchSchema = z.object({
  text: z.string().trim().max(LIMITS.searchText).optional(),
  city: z.string().trim().max(LIMITS.city).optional(),
  country: z.string().trim().max(LIMITS.country).optional(),
  tag: z.string().trim().max(40).optional(),
  minDesks: z.number().int().refine(...between(1, LIMITS.maxDesks)).optional(),
  maxDesks: z.number().int().refine(...between(1, LIMITS.maxDesks)).optional(),
});

/** Parked searches one member keeps for paging; plenty for the result messages anyone still has on screen. */
export const PARKED_PER_MEMBER = 25;

/** The key under which a parked search keeps the ids it found (searches parked before it existed lack it). */
const PARKED_IDS = 'foundIds';
/**
 * How many ids a parked search looked for (absent: LIMITS.countCap, as first parked): it found them all and there
 * may be more when it holds that many.
 */
const PARKED_SOUGHT = 'sought';
/** A parked search keeps finding ids for pages past the ones it holds up to this many (100 pages); past them, it searches again. */
const PARKED_IDS_MAX = 1000;

const FIELD: Record<string, string> = { minDesks: 'min-desks', maxDesks: 'max-desks', radiusKm: 'radius-km' };
const fieldName = (key: string) => FIELD[key] ?? key;

export function createSearchService(deps: {
  repo: DirectoryRepo;
  search: DirectorySearchRepo;
  gazetteer: () => Gazetteer;
  clock: Clock;
}) {
  const { repo, search, gazetteer, clock } = deps;
  const near = createNearFinder({ search, countCap: LIMITS.countCap });

  const hit = (row: SpaceListing, distanceKm?: number): SpaceHit => ({
    ...row,
    tags: row.tags ? row.tags.split(' ') : [],
    countryName: countryName(row.country),
    ...(distanceKm === undefined ? {} : { distanceKm: Math.round(distanceKm * 10) / 10 }),
  });

  function filtersFor(query: SearchQuery): SearchFilters {
    const parsed = searchSchema.safeParse(query);
    if (!parsed.success) {
      throw invalidFields(parsed.error.issues.map((issue) => issueProblem(issue, fieldName(String(issue.path[0])))));
    }
    const q = parsed.data;
    const problems = [];
    const country = q.country ? countryCode(q.country) : undefined;
    if (q.country && !country) problems.push(problem('country', msg('directory.search.unknownCountry', { country: q.country })));
    const tag = q.tag ? normalizeTag(q.tag) : undefined;
    if (tag && !isValidTag(tag)) problems.push(problem('tag', msg('directory.search.badTag', { tag: q.tag })));
    if (q.minDesks !== undefined && q.maxDesks !== undefined && q.minDesks > q.maxDesks) {
      problems.push(problem('min-desks', msg('directory.search.minOverMax')));
    }
    if (problems.length) throw invalidFields(problems);
    // A city may arrive as a gazetteer id (from autocomplete) or as a typed name.
    // A city may also be a name people use for it ("New York" for New York City, as stored).
    const city = q.city && /^\d{1,9}$/.test(q.city) ? (gazetteer().byId(Number(q.city))?.name ?? q.city) : q.city && (gazetteer().aliased(q.city, country ?? undefined)?.name ?? q.city);
    return {
      match: q.text ? ftsQuery(q.text) : null,
      ...(city ? { cityKey: foldKey(city) } : {}),
      ...(country ? { country } : {}),
      ...(tag ? { tag } : {}),
      ...(q.minDesks !== undefined ? { minDesks: q.minDesks } : {}),
      ...(q.maxDesks !== undefined ? { maxDesks: q.maxDesks } : {}),
    };
  }

  /** For an empty result, each filter whose removal would find something. */
  function widen(guildId: string, filters: SearchFilters): MessageRef[] {
    const options: [string, Partial<SearchFilters>][] = [
      ['text', { match: null }],
      ['city', { cityKey: undefined }],
      ['country', { country: undefined }],
      ['tag', { tag: undefined }],
      ['min-desks', { minDesks: undefined }],
      ['max-desks', { maxDesks: undefined }],
    ];
    const active = options.filter(([name]) => {
      const key = ({ text: 'match', city: 'cityKey', 'min-desks': 'minDesks', 'max-desks': 'maxDesks' } as Record<string, string>)[name] ?? name;
      const value = (filters as unknown as Record<string, unknown>)[key];
      return value !== undefined && value !== null;
    });
    const out: MessageRef[] = [];
    for (const [name, change] of active) {
      const n = search.count(guildId, { ...filters, ...change } as SearchFilters, LIMITS.countCap);
      if (n >= LIMITS.countCap) out.push(msg('directory.suggest.removeCapped', { filter: name, count: n }));
      else if (n > 0) out.push(msg('directory.suggest.remove', { filter: name, count: n }));
    }
    if (!out.length && active.length > 1) out.push(msg('directory.suggest.fewerFilters'));
    if (!out.length && search.count(guildId, { match: null }, 1) === 0) out.push(msg('directory.suggest.empty'));
    return out;
  }

  const recentSearches = createRecentSearches(search);

  const pageOf = (page: number, total: number) => {
    const pageCount = Math.max(1, Math.ceil(total / LIMITS.pageSize));
    return { page: Math.min(Math.max(0, Math.floor(page)), pageCount - 1), pageCount };
  };

  function runSearch(guildId: string, searchId: number, query: SearchQuery, page: number, publicOnly = false): ResultPage<SearchQuery> {
    const filters = filtersFor(query);
    if (publicOnly) {
      filters.publicOnly = true;
      // The alliance's own identity tags that start with a typed word (an index range each), beside the suggested ones.
      const words = query.text ? foldKey(query.text).split(' ').filter((w) => /^[a-z0-9]{2,}$/.test(w)).slice(0, 8) : [];
      const own = words.flatMap((w) => search.tagsLike(guildId, `${w}-`, 20).map((t) => t.tag));
      if (query.text && mentionsIdentity(query.text, [...SUGGESTED_TAGS, ...own])) filters.textWithoutTags = true;
    }
    const size = LIMITS.pageSize;
    const fetch = (p: number) => search.search(guildId, filters, size, p * size).map((r) => hit(r));
    let at = Math.max(0, Math.floor(page));
    let items = fetch(at);
    let total: number;
    let exact: boolean;
    if (items.length > 0 && items.length < size) {
      // A short page is the last one: the total is known without counting.
      total = at * size + items.length;
      exact = true;
    } else if (items.length === 0 && at > 0) {
      // A parked search paged past its end (spaces were removed since): fewer than at × size match, so this
      // count is exact; show the last page.
      total = search.count(guildId, filters, at * size);
      exact = true;
      at = pageOf(at, total).page;
      items = total ? fetch(at) : [];
    } else {
      // Counting stops at the cap (or just past this page): counting every match of a broad word cost more
      // than the page itself.
      const cap = Math.max(LIMITS.countCap, (at + 1) * size + 1);
      total = search.count(guildId, filters, cap);
      exact = total < cap;
    }
    const totalCapped = !exact;
    const pageCount = Math.max(1, Math.ceil(total / size), totalCapped ? at + 2 : 0);
    return { searchId, query, items, total, totalCapped, page: at, pageCount, suggestions: total || publicOnly ? [] : widen(guildId, filters) };
  }

  /**
   * Page 0 of a new search. The first LIMITS.countCap matches' ids give the page and the count (capped as a
   * count would be) in one pass, and are parked with the query so the pages before the cap read only their listings.
   */
  function firstSearch(guildId: string, query: SearchQuery): { first: ResultPage<SearchQuery>; ids: number[] } {
    const filters = filtersFor(query);
    const size = LIMITS.pageSize;
    // The first page's listings are remembered with the ids, as `near` remembers its page: they are the spaces' rows
    // and tags, which move the version too. Reading them again was most of a repeated search's time.
    const { ids, items } = recentSearches.recall(guildId, `search ${JSON.stringify(filters)}`, () => {
      const found = search.searchIds(guildId, filters, LIMITS.countCap);
      return { ids: found, items: search.listings(guildId, found.slice(0, size)).map((row) => hit(row)) };
    });
    const total = ids.length;
    const totalCapped = total >= LIMITS.countCap;
    const pageCount = Math.max(1, Math.ceil(total / size), totalCapped ? 2 : 0);
    return { first: { searchId: 0, query, items, total, totalCapped, page: 0, pageCount, suggestions: total ? [] : widen(guildId, filters) }, ids };
  }

  /**
   * A page of a parked search from the ids it found, when they cover it and every space on it is still approved;
   * null otherwise (the search then runs again, as it did before ids were kept). The page before the cap is left
   * to the search as well: its count reaches one past the cap.
   */
  function storedPage(guildId: string, searchId: number, query: SearchQuery, ids: number[], page: number, sought: number = LIMITS.countCap): ResultPage<SearchQuery> | null {
    const size = LIMITS.pageSize;
    const totalCapped = ids.length >= sought;
    const at = Math.max(0, Math.floor(page));
    if (ids.length === 0 || (totalCapped && (at + 1) * size >= ids.length)) return null;
    const { page: shown, pageCount } = pageOf(at, ids.length);
    const wanted = ids.slice(shown * size, (shown + 1) * size);
    // A page's listings are remembered by its ids, as a first page is: the same hits are rendered once (hitLineOnce).
    const items = recentSearches.recall(guildId, `page ${wanted.join(' ')}`, () => search.listings(guildId, wanted, true).map((row) => hit(row)));
    if (items.length !== wanted.length) return null;
    return { searchId, query, items, total: ids.length, totalCapped, page: shown, pageCount: Math.max(pageCount, totalCapped ? shown + 2 : 0), suggestions: [] };
  }

  function origin(placeInput: string): Place {
    const g = gazetteer();
    const typed = placeInput.trim();
    const place = /^\d{1,9}$/.test(typed) ? g.byId(Number(typed)) : (g.lookup(typed)[0] ?? g.lookup(typed.split(',')[0] ?? typed)[0] ?? null);
    if (place) return place;
    const closest = g.closest(typed.split(',')[0] ?? typed, undefined, 5).map((p) => ({ city: p.name, region: p.region, country: p.country }));
    const shown = typed.slice(0, 60);
    throw invalidFields([
      problem('place', closest.length ? msg('directory.near.unknownPlaceClosest', { place: shown, closest }) : msg('directory.near.unknownPlace', { place: shown })),
    ]);
  }

  function runNear(guildId: string, searchId: number, query: NearQuery, page: number): ResultPage<NearQuery> & { origin: Place; radiusKm: number } {
    const radiusKm = query.radiusKm ?? LIMITS.radiusKm.default;
    if (!Number.isFinite(radiusKm) || radiusKm < LIMITS.radiusKm.min || radiusKm > LIMITS.radiusKm.max) {
      throw invalidFields([problem('radius-km', msg('validation.between', { field: 'radius-km', min: LIMITS.radiusKm.min, max: LIMITS.radiusKm.max }))]);
    }
    const from = origin(query.place);
    // The nearest spaces up to this page and one more (is there a next page?); counts stop at the cap as a search's do.
    const size = LIMITS.pageSize;
    const want = (Math.max(0, Math.floor(page)) + 1) * size + 1;
    // The page's listings are remembered with what was found: they are the spaces' rows, which move the version too.
    const { total, capped, at, items } = recentSearches.recall(guildId, `near ${from.id} ${from.lat} ${from.lon} ${radiusKm} ${want}`, () => {
      const { found, ...count } = near.nearest(guildId, from.lat, from.lon, radiusKm, want);
      const at = pageOf(page, found.length);
      const fromKey = foldKey(from.name);
      // Distances shown are from the spaces' own coordinates.
      const items = search
        .listings(guildId, found.slice(at.page * size, (at.page + 1) * size).map((d) => d.id))
        .map((row) => ({ ...hit(row, haversineKm(from.lat, from.lon, row.latitude, row.longitude)), ...(row.country === from.country && foldKey(row.city) === fromKey ? { sameCity: true } : {}) }));
      return { ...count, at, items };
    });
    const suggestions =
      total || radiusKm >= LIMITS.radiusKm.max ? [] : [msg('directory.suggest.widenRadius', { max: LIMITS.radiusKm.max })];
    const pageCount = Math.max(at.pageCount, Math.ceil(total / size), capped ? at.page + 2 : 0);
    return { searchId, query, items, total, totalCapped: capped, page: at.page, pageCount, suggestions, origin: from, radiusKm };
  }

  const now = () => clock.now().getTime();
  /** Parks a query for paging; a member keeps at most PARKED_PER_MEMBER of them (older pages then say "expired"). */
  let purgedAt = -Infinity;
  function park(guildId: string, kind: 'search' | 'near', params: object, userId: string | null): number {
    // Searches a month old go at most once a minute: a delete per search was a query each member paid for.
    if (now() - purgedAt >= 60_000) {
      repo.purgeStash(now() - 30 * DAY);
      purgedAt = now();
    }
    const id = repo.stash(guildId, kind, userId, { ...params }, now());
    if (userId) repo.trimStash(guildId, userId, ['search', 'near'], PARKED_PER_MEMBER);
    return id;
  }
  function parked(guildId: string, kind: 'search' | 'near', searchId: number): Record<string, unknown> {
    const found = repo.unstash(guildId, kind, searchId);
    if (!found) throw notFound(msg('directory.search.expired'));
    return found.params;
  }

  return {
    /** /directory search: validates, parks the query for paging, returns page 0. */
    search(guildId: string, query: SearchQuery, userId: string | null = null): ResultPage<SearchQuery> {
      const { first, ids } = firstSearch(guildId, query);
      return { ...first, searchId: park(guildId, 'search', { ...query, [PARKED_IDS]: ids }, userId) };
    },
    /** Previous/Next on a parked search: from the ids it found when they cover the page, else searched again. */
    searchPage(guildId: string, searchId: number, page: number): ResultPage<SearchQuery> {
      const { [PARKED_IDS]: ids, [PARKED_SOUGHT]: soughtValue, ...rest } = parked(guildId, 'search', searchId);
      const query = rest as SearchQuery;
      const stored = Array.isArray(ids) && ids.every((id) => Number.isSafeInteger(id)) ? (ids as number[]) : null;
      const sought = typeof soughtValue === 'number' && Number.isSafeInteger(soughtValue) ? soughtValue : LIMITS.countCap;
      const fromStored = stored && storedPage(guildId, searchId, query, stored, page, sought);
      if (fromStored) return fromStored;
      // Past the ids it holds (and there are more): find the ids up to this page and a hundred more, once, and keep
      // them, so the next pages read only their listings instead of searching again from the first match each time.
      const want = (Math.max(0, Math.floor(page)) + 1) * LIMITS.pageSize + LIMITS.countCap;
      if (stored && stored.length >= sought && want <= PARKED_IDS_MAX) {
        const found = search.searchIds(guildId, filtersFor(query), want);
        repo.restash(guildId, searchId, { ...query, [PARKED_IDS]: found, [PARKED_SOUGHT]: want });
        const deeper = storedPage(guildId, searchId, query, found, page, want);
        if (deeper) return deeper;
      }
      return runSearch(guildId, searchId, query, page);
    },
    /**
     * The public page's search: the same text search and filters, over the spaces whose hosts agreed to be public,
     * paged by number (nothing parked: the page is read-only). Identity tags stay in the hits; the page hides them.
     */
    publicSearch(guildId: string, query: SearchQuery, page: number): ResultPage<SearchQuery> {
      return runSearch(guildId, 0, query, page, true);
    },
    near(guildId: string, query: NearQuery, userId: string | null = null) {
      const first = runNear(guildId, 0, query, 0);
      return { ...first, searchId: park(guildId, 'near', query, userId) };
    },
    nearPage(guildId: string, searchId: number, page: number) {
      return runNear(guildId, searchId, parked(guildId, 'near', searchId) as unknown as NearQuery, page);
    },

    stats(guildId: string, limit = 10) {
      return {
        total: repo.countApproved(guildId),
        byCountry: search.countsByCountry(guildId, limit).map((r) => ({ ...r, name: countryName(r.country) })),
        byCity: search.countsByCity(guildId, limit),
        byTag: search.countsByTag(guildId, limit),
      };
    },

    /** Space names for autocomplete: whole-name prefix first (index range), then word prefixes (FTS). */
    spaceAutocomplete(guildId: string, query: string, opts: { hostedBy?: string; limit?: number } = {}) {
      const limit = Math.min(opts.limit ?? 25, 25);
      const key = foldKey(query);
      if (opts.hostedBy) {
        // A member hosts a handful of spaces, pending ones included: filter them here.
        return repo
          .hostedBy(guildId, opts.hostedBy)
          .filter((s) => !key || s.nameKey.startsWith(key) || s.nameKey.split(' ').some((w) => w.startsWith(key)))
          .slice(0, limit)
          .map(({ id, name, city }) => ({ id, name, city }));
      }
      const found = search.namesStartingWith(guildId, key, limit);
      const terms = ftsQuery(query);
      if (found.length < limit && terms) {
        const seen = new Set(found.map((s) => s.id));
        for (const s of search.namesMatching(guildId, terms, limit)) {
          if (found.length < limit && !seen.has(s.id)) found.push(s);
        }
      }
      return found;
    },

    /** Gazetteer places for register/near: value is the GeoNames id; `nameCountry` names countries in the reader's language. */
    placeAutocomplete(query: string, country?: string, nameCountry: (code: string) => string = countryName): { value: string; label: string }[] {
      const code = country ? (countryCode(country) ?? undefined) : undefined;
      return gazetteer()
        .autocomplete(query, { ...(code ? { country: code } : {}), limit: 25 })
        .map((p) => ({ value: String(p.id), label: placeLabel(p, nameCountry) }));
    },

    /** Cities that have spaces in this alliance (the search filter); `nameCountry` as for placeAutocomplete. */
    directoryCityAutocomplete(guildId: string, query: string, nameCountry: (code: string) => string = countryName): { value: string; label: string }[] {
      return search.citiesLike(guildId, foldKey(query), 25).map((c) => ({
        value: c.city,
        label: `${c.city}, ${nameCountry(c.country)} (${c.count})`,
      }));
    },

    countryAutocomplete(query: string) {
      return countryAutocomplete(query).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
    },

    /** The alliance's tags first (most used), then suggested ones not yet used. For a comma list, completes the last. */
    tagAutocomplete(guildId: string, query: string): { value: string; label: string }[] {
      const parts = query.split(',');
      const last = normalizeTag(parts.pop() ?? '');
      const head = parts.map((p) => normalizeTag(p)).filter(Boolean);
      const used = search.tagsLike(guildId, last, 25).map((t) => t.tag);
      const suggested = SUGGESTED_TAGS.filter((t) => t.startsWith(last) && !used.includes(t));
      return [...used, ...suggested]
        .filter((t) => !head.includes(t))
        .slice(0, 25)
        .map((t) => {
          const value = [...head, t].join(',');
          return { value: value.slice(0, 100), label: value.slice(0, 100) };
        });
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
