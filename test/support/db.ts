// A fresh in-memory SQLite with the real migrations applied: one per test, so tests never share state. And the
// committed migrations as they were before one of them, for a test of what that one does to an existing database.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder, openDatabase, type OpenDatabase } from '../../src/db/open.js';

export function freshDb(): OpenDatabase {
  return openDatabase(':memory:');
}

/** A copy in `dir` of the migrations before the one whose tag ends with `tagEnd` (which must exist); its folder. */
export function migrationsBefore(dir: string, tagEnd: string): string {
  const before = join(dir, 'drizzle');
  cpSync(migrationsFolder(), before, { recursive: true });
  const journalPath = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag.endsWith(tagEnd));
  if (index <= 0) throw new Error(`no migration ${tagEnd} after the first`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
  return before;
}

/**
 * A database file in a new temporary folder, migrated up to just before the migration whose tag ends with `tagEnd`:
 * a database as it was when that migration landed. `remove()` deletes the folder (close the databases first).
 */
export function databaseBefore(tagEnd: string): { dir: string; path: string; old: OpenDatabase; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-before-'));
  const path = join(dir, 'alliance.db');
  const old = openDatabase(path, { migrationsFolder: migrationsBefore(dir, tagEnd) });
  return { dir, path, old, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
