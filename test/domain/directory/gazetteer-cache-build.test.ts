// A first start's gazetteer cache is built apart: in a child process when the cache is a file (its memory leaves with
// it), here when the cache is in memory (a child cannot share it); a child that fails leaves the directory working,
// the first city lookup building the gazetteer in the bot's process as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachePathFor, openCacheDatabase, type CacheDatabase } from '../../../src/db/cache.js';
import { buildCacheApart, type CacheBuilder } from '../../../src/db/cache-build.js';
import { createDirectory } from '../../../src/directory/directory.feature.js';
import { createGazetteerStore } from '../../../src/directory/gazetteer-cache.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { freshDb } from '../../support/db.js';

const clock = manualClock('2026-12-07T02:00:00Z');
const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

/** A cache file beside a database path in a new temporary folder, closed and removed after the test. */
function cacheFile(): CacheDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-cache-build-'));
  const cache = openCacheDatabase(cachePathFor(join(dir, 'alliance.db')));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => cache.close());
  return cache;
}

describe('the gazetteer cache built on a first start', () => {
  it('is stored in the cache file by a child process, and the bot then reads it from there', async () => {
    const cache = cacheFile();
    const database = freshDb();
    cleanup.push(() => database.close());
    const services = createServices({ db: database.db, clock, cache });
    const store = createGazetteerStore(cache, () => 1);
    expect(store.has()).toBe(false);

    expect(await services.directory.storeGazetteer()).toBe('apart');
    // Through the bot's own connection: the child's write is there, whole.
    expect(store.load()!.ids.length).toBeGreaterThan(100_000);
    expect(await services.directory.storeGazetteer()).toBe('already');
    expect(services.directory.placeAutocomplete('montre').map((choice) => choice.label)).toContain('Montréal, Quebec, Canada');
  }, 60_000);

  it('is built in the bot\'s process when the cache is in memory, which a child cannot share', async () => {
    const database = freshDb();
    cleanup.push(() => database.close());
    const calls: string[] = [];
    const recording: CacheBuilder = (entry, path) => (calls.push(path), buildCacheApart(entry, path));
    const cache = openCacheDatabase(':memory:');
    cleanup.push(() => cache.close());
    const directory = createDirectory({ db: database.db, cache, clock, alliances: createServices({ db: database.db, clock }).alliances, buildApart: recording });
    expect(await directory.storeGazetteer()).toBe('here');
    expect(calls).toEqual([]);
    expect(createGazetteerStore(cache, () => 1).has()).toBe(true);
  }, 60_000);

  it('fails with the child\'s reason when the child fails, and the directory still finds cities', async () => {
    const cache = cacheFile();
    const database = freshDb();
    cleanup.push(() => database.close());
    const missing: CacheBuilder = (_entry, path) => buildCacheApart(new URL('./no-such-build.ts', import.meta.url), path);
    const directory = createDirectory({ db: database.db, cache, clock, alliances: createServices({ db: database.db, clock }).alliances, buildApart: missing });
    await expect(directory.storeGazetteer()).rejects.toThrow(/no-such-build\.ts ended with code 1: .*Cannot find module/s);
    expect(directory.placeAutocomplete('montre').map((choice) => choice.label)).toContain('Montréal, Quebec, Canada');
  }, 60_000);
});
