import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MigrationsAheadError, openDatabase } from '../../src/db/open.js';

const root = resolve(import.meta.dirname, '../..');

describe('migrations', () => {
  it('the committed migrations match the schema (drizzle-kit finds nothing to generate)', () => {
    // drizzle-kit reads `out` relative to the project (an absolute path fails, and it still exits 0), so the scratch
    // copy lives inside the project and the test insists on drizzle-kit's own "no changes" line.
    const out = mkdtempSync(join(root, '.drizzle-drift-'));
    try {
      cpSync(join(root, 'drizzle'), out, { recursive: true });
      const before = readdirSync(out).filter((f) => f.endsWith('.sql')).length;
      const printed = execFileSync(process.execPath, [join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--name', 'drift'], {
        cwd: root,
        env: { ...process.env, DRIZZLE_OUT: `./${relative(root, out)}` },
        stdio: 'pipe',
        encoding: 'utf8',
      });
      const after = readdirSync(out).filter((f) => f.endsWith('.sql'));
      expect(after.filter((f) => f.includes('drift')), 'schema changed without a migration: run npm run db:generate').toEqual([]);
      expect(after.length).toBe(before);
      expect(printed).toContain('No schema changes');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('a new database gets WAL, foreign keys and a busy timeout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-db-'));
    const { sqlite, close } = openDatabase(join(dir, 'nested', 'alliance.db'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    close();
  });

  it('keeps at most 4 MB of database pages in memory, not the 16 MB better-sqlite3 builds SQLite with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-db-'));
    const { sqlite, close } = openDatabase(join(dir, 'alliance.db'));
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-4000);
    close();
  });

  it('refuses a database migrated by a newer version of the bot', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alliance-db-')), 'alliance.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10_000_000);
    raw.close();
    expect(() => openDatabase(path)).toThrow(MigrationsAheadError);
  });

  it('opening twice applies nothing twice', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alliance-db-')), 'alliance.db');
    openDatabase(path).close();
    const again = openDatabase(path);
    const count = again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(count.n).toBe(readdirSync(join(root, 'drizzle')).filter((f) => f.endsWith('.sql')).length);
    again.close();
  });
});
