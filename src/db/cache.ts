// The cache file beside the database (<db>.cache.db): data the bot can rebuild (the gazetteer), kept out of the
// members' database so backups hold only alliance data. No migrations: a cache of another shape is simply dropped.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type CacheDatabase = Database.Database;

/** Bump when the cache's tables change shape: an older file is emptied, not migrated. */
const CACHE_VERSION = 1;

/** Where the cache lives for a database path (in memory beside an in-memory database). */
export function cachePathFor(databasePath: string): string {
  return databasePath === ':memory:' ? ':memory:' : `${databasePath}.cache.db`;
}

/** Opens the cache; a file that is not a usable SQLite database is deleted and started afresh (it is only a cache). */
export function openCacheDatabase(path: string): CacheDatabase {
  try {
    return openCache(path);
  } catch (error) {
    if (path === ':memory:') throw error;
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    return openCache(path);
  }
}

function openCache(path: string): CacheDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const cache = new Database(path);
  try {
    cache.pragma('journal_mode = WAL');
    cache.pragma('busy_timeout = 5000');
    // The gazetteer is one blob, written once and read once per start: through better-sqlite3's default 16 MB page
    // cache its pages stayed in the process for good (RSS). 256 KB is enough to stream it.
    cache.pragma('cache_size = -256');
    if (cache.pragma('user_version', { simple: true }) !== CACHE_VERSION) {
      cache.exec('DROP TABLE IF EXISTS gazetteer_cache');
      cache.pragma(`user_version = ${CACHE_VERSION}`);
    }
    cache.exec('CREATE TABLE IF NOT EXISTS gazetteer_cache (key TEXT PRIMARY KEY NOT NULL, data BLOB NOT NULL, created_at INTEGER NOT NULL)');
    return cache;
  } catch (error) {
    cache.close();
    throw error;
  }
}
