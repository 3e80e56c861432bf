// Opens the SQLite database: pragmas for safety and speed, then the committed migrations (a copy of the file is
// written first when any are pending, and a failed migration leaves the database as it was).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.js';

/** Drizzle over the plain connection (`$client`, as drizzle() returns it). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * SQLite's page cache per connection, in KiB (negative: SQLite's unit for a size). better-sqlite3 builds SQLite with
 * 16 MB, which a large alliance fills soon after start (the search index's compaction, the skills index build) and
 * keeps for good; the file's pages stay in the OS cache, so a page this cache dropped is a copy away.
 */
export const PAGE_CACHE_KIB = -4000;

export interface OpenDatabase {
  db: Db;
  /**
   * The connection drizzle runs on, as better-sqlite3 made it (no cache in between). Drizzle prepares a statement on
   * every call of a query built on the spot; hot queries are built once with `.prepare()` in their repo, or kept per
   * shape (`preparedPerShape`, `createSqlStatements` in prepared.ts) where their input changes their SQL text: reuse
   * is visible where it happens. Tests count fresh prepares on this handle (test/support/prepares.ts).
   */
  sqlite: Database.Database;
  /** Migrations this code has that the database lacks (only ever non-empty when opened with migrate: false). */
  pendingMigrations: string[];
  /**
   * Refreshes the query planner's statistics where tables changed a lot (cheap; SQLite's advice for long-lived
   * connections). A read-only connection picks up the ones the writer refreshed instead.
   */
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

export class MigrationFailedError extends Error {
  constructor(tags: string[], cause: unknown, backup: string | null) {
    super(
      `Could not upgrade the database: applying ${tags.join(', ')} failed (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Nothing was changed: the database is as it was before this start. ' +
        (backup ? `A copy from before the attempt is at ${backup}. ` : '') +
        'Start the previous version of the bot again, and report this message.',
    );
    this.name = 'MigrationFailedError';
  }
}

interface JournalEntry {
  when: number;
  tag: string;
}

function readJournal(folder: string): JournalEntry[] {
  return (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

function hasMigrationsTable(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() !== undefined;
}

/** Migrations drizzle will apply: those newer than the last one applied (its own rule). Empty for a new database. */
function pendingMigrations(sqlite: Database.Database, journal: JournalEntry[]): JournalEntry[] {
  const hasTables = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
  if (!hasTables) return [];
  if (!hasMigrationsTable(sqlite)) return journal;
  const last = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as { last: number | null };
  return journal.filter((entry) => last.last === null || Number(last.last) < entry.when);
}

/** `<db>.before-<migration>.db`, with a counter when an earlier attempt already left one (it is never overwritten). */
function preMigrationBackupPath(path: string, tag: string): string {
  const base = `${path}.before-${tag}`;
  if (!existsSync(`${base}.db`)) return `${base}.db`;
  for (let n = 2; ; n++) if (!existsSync(`${base}-${n}.db`)) return `${base}-${n}.db`;
}

/** Refuses a database whose migration journal holds an entry this code does not know. */
function assertMigrationsKnown(sqlite: Database.Database, folder: string, path: string): void {
  if (!hasMigrationsTable(sqlite)) return;
  const journal = { entries: readJournal(folder) };
  const known = new Set(journal.entries.map((entry) => entry.when));
  const applied = sqlite.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations').all() as {
    createdAt: number;
  }[];
  if (applied.some((row) => !known.has(Number(row.createdAt)))) throw new MigrationsAheadError(path);
}

/**
 * Gives back the pages a migration freed (dropping the old in-database gazetteer cache freed ~8 MB) when they are a
 * quarter of the file or more: otherwise every backup would carry them. Safe for the FTS tables: their rowids are
 * spaces.id, an INTEGER PRIMARY KEY, which VACUUM keeps.
 */
function reclaimFreedSpace(sqlite: Database.Database): void {
  const free = sqlite.pragma('freelist_count', { simple: true }) as number;
  const total = sqlite.pragma('page_count', { simple: true }) as number;
  if (free >= 256 && free * 4 >= total) sqlite.exec('VACUUM');
}

export interface OpenOptions {
  /** The migrations to apply (tests plant a failing one); default: the committed drizzle/ folder. */
  migrationsFolder?: string;
  /** Told where the copy made before applying pending migrations went (main logs it). */
  onBackup?: (backupPath: string, pending: string[]) => void;
  /** False: apply nothing, only report what is pending (the doctor must not upgrade a database under a running bot). */
  migrate?: boolean;
  /** Told every statement the connection runs, its values filled in (better-sqlite3's `verbose`): tests watch reads. */
  trace?: (sql: string) => void;
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path, options.trace ? { verbose: (message) => options.trace!(String(message)) } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commit.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
    const folder = options.migrationsFolder ?? migrationsFolder();
    assertMigrationsKnown(sqlite, folder, path);
    const pending = path === ':memory:' ? [] : pendingMigrations(sqlite, readJournal(folder));
    if (options.migrate === false) {
      return { db: drizzle(sqlite, { schema }), sqlite, pendingMigrations: pending.map((entry) => entry.tag), optimize: () => undefined, close: () => sqlite.close() };
    }
    let backup: string | null = null;
    if (pending.length > 0) {
      // A consistent copy in one statement (the bot is not running yet); the way back if the upgrade goes wrong.
      backup = preMigrationBackupPath(path, pending[0]!.tag);
      sqlite.prepare('VACUUM INTO ?').run(backup);
      options.onBackup?.(backup, pending.map((entry) => entry.tag));
    }
    const db = drizzle(sqlite, { schema });
    try {
      // Drizzle applies every pending migration in one transaction and rolls all of it back when one fails.
      migrate(db, { migrationsFolder: folder });
    } catch (error) {
      throw new MigrationFailedError(pending.length ? pending.map((entry) => entry.tag) : ['the migrations'], error, backup);
    }
    if (pending.length > 0) {
      try {
        reclaimFreedSpace(sqlite);
      } catch {
        // Only space is at stake (e.g. a full disk): the upgraded database is complete either way.
      }
    }
    // Statistics for the planner: without them it sorted a whole directory by name for a filtered page (30 ms at
    // 10,000 spaces) instead of walking the name index. The limit keeps ANALYZE to milliseconds on any size.
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
    const optimize = () => void sqlite.pragma('optimize');
    return {
      db,
      sqlite,
      pendingMigrations: [],
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

/** What the planner's statistics say now ('' before the first ANALYZE): a change means the writer refreshed them. */
function statisticsNow(sqlite: Database.Database): string {
  try {
    const row = sqlite.prepare("SELECT group_concat(tbl || ' ' || ifnull(idx, '') || ' ' || stat, char(10)) AS s FROM sqlite_stat1").get() as { s: string | null };
    return row.s ?? '';
  } catch {
    return '';
  }
}

/**
 * A second, read-only connection to a database the bot has open and migrated (the public page's thread): WAL lets
 * it read while the bot writes, and `query_only` turns any write attempt into an error instead of a change.
 * Its `optimize` picks up the statistics the writer refreshed: SQLite loads them with the schema, so another
 * connection's ANALYZE never reaches a connection already open, and a reader opened on a small directory kept
 * sorting a grown one for a filtered page (17 ms instead of 0.2 ms at 10,000 spaces). A read-only connection cannot
 * run ANALYZE, but `writable_schema = RESET` reloads the schema with the statistics; its statements plan again.
 */
export function openReadOnlyDatabase(path: string): OpenDatabase {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('query_only = ON');
    sqlite.pragma('busy_timeout = 5000');
    // The same bound as the bot's connection: left at better-sqlite3's 16 MB, the page's thread (same process, same
    // RSS) kept up to 16 MB of pages the OS already caches, growing with every page of the directory read.
    sqlite.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
    let statistics = statisticsNow(sqlite);
    return {
      db: drizzle(sqlite, { schema }),
      sqlite,
      pendingMigrations: [],
      optimize: () => {
        const now = statisticsNow(sqlite);
        if (now === statistics) return;
        statistics = now;
        sqlite.pragma('writable_schema = RESET');
      },
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
