// `npm run doctor`: the same checks from the command line, for every alliance, with exit code 1 when anything is wrong.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/open.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBed } from '../../src/testbed/index.js';
import { startHarness, type Harness } from '../support/bot.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

async function doctorCli(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const result = await run(process.execPath, ['--import', 'tsx', 'src/doctor.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'], DATABASE_PATH: h.databasePath, DISCORD_API_URL: h.bed.apiUrl, ...env },
  }).then(
    (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
  return result;
}

describe('npm run doctor', () => {
  it('lists every alliance\'s problems with their fixes and exits 1', async () => {
    const first = await h.newAlliance('Seattle Coworking Alliance');
    await first.setup();
    first.guild.denyBot(first.channel('proposals'), ['ManageMessages']);
    const second = await h.newAlliance('Kansas City Alliance');
    await second.setup();
    second.guild.deleteChannel(second.channel('meetings'));
    const { code, stdout, stderr } = await doctorCli({ DISCORD_TOKEN: h.bed.token, BACKUP_DIR: mkdtempSync(join(tmpdir(), 'alliance-doctor-')) });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('Seattle Coworking Alliance:');
    expect(stdout).toContain('✗ In #proposals (the proposals channel) I am missing Manage Messages.');
    expect(stdout).toContain('fix: Edit #proposals → Permissions and allow Manage Messages for my role.');
    expect(stdout).toContain('Kansas City Alliance:');
    expect(stdout).toContain('✗ The meetings channel set in /alliance setup no longer exists');
    expect(stdout).toContain('✗ No scheduled backup has been written yet.');
    expect(stdout).toMatch(/Database: [\d.]+ MB, integrity ok\./);
    expect(stdout).not.toContain(h.bed.token);
  });

  it('says which privileged intent to turn on when Discord refuses it, and exits 1', async () => {
    const strict = await startTestBed({ privilegedIntents: [] });
    try {
      const { code, stdout } = await doctorCli({ DISCORD_TOKEN: strict.token, DISCORD_API_URL: strict.apiUrl });
      expect(code).toBe(1);
      expect(stdout).toContain('✗ Discord refused the bot.');
      expect(stdout).toContain('turn on "Server Members Intent"');
    } finally {
      await strict.close();
    }
  });

  it('never upgrades a database itself: one behind this version is reported and left as it is', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alliance-doctor-')), 'alliance.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.prepare('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
    const before = (raw.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    raw.close();
    const { code, stdout } = await doctorCli({ DISCORD_TOKEN: h.bed.token, DATABASE_PATH: path });
    expect(code).toBe(1);
    expect(stdout).toContain('✗ The database is 1 upgrade behind this version of the bot.');
    expect(stdout).toContain('fix: Start the bot: it copies the database, then upgrades it');
    const after = new Database(path, { readonly: true });
    expect((after.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(before);
    after.close();
  });

  it('says when there is no database at DATABASE_PATH, without creating one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alliance-doctor-')), 'typo.db');
    const { code, stdout } = await doctorCli({ DISCORD_TOKEN: h.bed.token, DATABASE_PATH: path });
    expect(code).toBe(1);
    expect(stdout).toContain(`✗ There is no database at ${path}.`);
    expect(stdout).toContain('fix: Check DATABASE_PATH in .env');
    expect(existsSync(path)).toBe(false);
  });

  it('says the token was refused, with how to fix it, and exits 1', async () => {
    const { code, stdout } = await doctorCli({ DISCORD_TOKEN: 'not-the-token' });
    expect(code).toBe(1);
    expect(stdout).toContain('✗ Discord refused the bot.');
    expect(stdout).toContain('Reset it in the developer portal');
    expect(stdout).not.toContain('not-the-token');
  });
});
