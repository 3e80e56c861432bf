// Opens the SQLite database: pragmas for safety and speed, then the committed migrations, nothing else.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  /** Refreshes the query planner's statistics where tables changed a lot (cheap; SQLite's advice for long-lived connections). */
  optimize(): void;
  close(): void;
}

/** Finds drizzle/ by walking up from this file: the same code runs from src/ (tsx) and dist/src/ (compiled). */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('drizzle/ migrations folder not found next to the code');
}

export class MigrationsAheadError extends Error {
  constructor(path: string) {
    super(
      `The database at ${path} was migrated by a newer version of Alliance bot than this one. ` +
        'Upgrade the bot, or restore a backup made with this version (see README → Backups).',
    );
    this.name = 'MigrationsAheadError';
  }
}

/** Refuses a database whose migration journal holds an entry this code does not know. */
function assertMigrationsKnown(sqlite: Database.Database, folder: string, path: string): void {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return;
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const known = new Set(journal.entries.map((entry) => entry.when));
  const applied = sqlite.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations').all() as {
    createdAt: number;
  }[];
  if (applied.some((row) => !known.has(Number(row.createdAt)))) throw new MigrationsAheadError(path);
}

/**
 * Reuses prepared statements by SQL text. Drizzle prepares a statement on every call (~30 µs, a sixth of a
 * directory search's CPU); SQLite's own cache does not cover that. A statement is reset to return objects (drizzle
 * switches some to raw arrays per call), and one busy in an iteration is never handed out twice.
 */
function reusePreparedStatements(sqlite: Database.Database, max = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      // Most recently used last, so the first key is the one to evict.
      cache.delete(source);
      cache.set(source, cached);
      return cached.reader ? cached.raw(false) : cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

export function openDatabase(path: string): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commit.
    sqlite.pragma('synchronous = NORMAL');
    const folder = migrationsFolder();
    assertMigrationsKnown(sqlite, folder, path);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: folder });
    reusePreparedStatements(sqlite);
    // Statistics for the planner: without them it sorted a whole directory by name for a filtered page (30 ms at
    // 10,000 spaces) instead of walking the name index. The limit keeps ANALYZE to milliseconds on any size.
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
    const optimize = () => void sqlite.pragma('optimize');
    return {
      db,
      sqlite,
      optimize,
      close: () => {
        if (sqlite.open && !sqlite.readonly) optimize();
        sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
