// `npm run backup -- FILE`: a consistent copy of the live database through SQLite's online backup API, safe while
// the bot runs (it copies pages under SQLite's own locking and restarts if the bot writes mid-copy).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { config as loadDotenv } from 'dotenv';

export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`No database at ${source} (set DATABASE_PATH or pass --db).`);
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new file so no backup is overwritten.`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const result = await db.backup(destination);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  loadDotenv({ quiet: true });
  const args = [...argv];
  const dbFlag = args.indexOf('--db');
  const source = dbFlag >= 0 ? args.splice(dbFlag, 2)[1] : (process.env['DATABASE_PATH'] || './data/alliance.db');
  const destination = args[0];
  if (!destination || !source) {
    process.stderr.write('Usage: npm run backup -- FILE [--db DATABASE]\n');
    process.exit(2);
  }
  try {
    const { pages } = await backupDatabase(source, destination);
    process.stdout.write(`Backed up ${source} to ${destination} (${pages} pages).\n`);
  } catch (error) {
    process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main(process.argv.slice(2));
