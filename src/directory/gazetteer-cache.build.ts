// The gazetteer cache's build, run in a short-lived child process (src/db/cache-build.ts) on a first start: stores the
// shipped gazetteer in the cache file named by its one argument, then exits, so the ~50 MB of short-lived objects of
// the decode and the blob's buffers never enter the bot's process.
import { openCacheDatabase } from '../db/cache.js';
import { systemClock } from '../shared/clock.js';
import { ensureGazetteerStored } from './gazetteer.js';
import { createGazetteerStore } from './gazetteer-cache.js';

const path = process.argv[2];
if (!path) throw new Error('usage: gazetteer-cache.build <cache file>');
const cache = openCacheDatabase(path);
try {
  ensureGazetteerStored(createGazetteerStore(cache, () => systemClock.now().getTime()));
} finally {
  cache.close();
}
// The IPC channel fork opens would keep the child alive.
process.disconnect?.();
