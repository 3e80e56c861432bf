// One consistent copy of a live SQLite database through the online backup API, written only to a path that does not
// exist yet: never over another file, never through a symbolic link someone planted where the copy should go.
import { existsSync, lstatSync } from 'node:fs';
import Database from 'better-sqlite3';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Throws when anything at all is at the path: a file, a folder, or a symbolic link (even one pointing nowhere). */
export function assertFreshDestination(destination: string): void {
  // lstat, not exists: existsSync follows a link, so a dangling one looks free and SQLite would write through it.
  const found = lstatSync(destination, { throwIfNoEntry: false });
  if (!found) return;
  if (found.isSymbolicLink()) throw new BackupError(`${destination} is a symbolic link; give a plain new file name so the copy cannot be redirected.`);
  throw new BackupError(`${destination} already exists; choose a new file so no backup is overwritten.`);
}

export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new BackupError(`No database at ${source} (set DATABASE_PATH or pass --db).`);
  assertFreshDestination(destination);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const result = await db.backup(destination);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}
