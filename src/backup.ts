// `npm run backup -- FILE` (or `node dist/src/backup.js FILE`): a consistent copy of the live database through
// SQLite's online backup API, safe while the bot runs. Refuses any existing path or symbolic link as destination.
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { backupDatabase } from './backups/backup-file.js';

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
