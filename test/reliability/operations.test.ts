// Operations: a backup taken while the bot runs and members act is consistent, restores, and the bot starts on
// it; a database migrated by a newer bot is refused at start-up with exit code 1 and a message saying why.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { createServices } from '../../src/services.js';
import { systemClock } from '../../src/shared/clock.js';
import { startTestBed } from '../../src/testbed/index.js';
import type { GuildHandle, TestBed } from '../../src/testbed/types.js';
import { spawnBot } from './support/child-bot.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
afterAll(async () => {
  await bed?.close();
});

function freshAlliance(databasePath: string): GuildHandle {
  const guild = bed.createGuild({ name: 'Ops Alliance', owner: 'olivia' });
  guild.addMember({ username: 'marcus' });
  const { db, close } = openDatabase(databasePath);
  createServices({ db, clock: systemClock }).alliances.update(
    { guildId: guild.id, userId: guild.ownerId, isOrganizer: true, roleIds: [] },
    { timezone: 'UTC', announcementsChannelId: guild.channel('announcements') },
  );
  close();
  return guild;
}

async function offer(guild: GuildHandle, skill: string): Promise<string> {
  const result = await bed.driver.command({ guildId: guild.id, channelId: guild.channel('general'), userId: guild.member('marcus'), name: 'skills', subcommand: 'offer', options: { skill } });
  return (await result.reply()).content;
}

describe('operations', () => {
  it('npm run backup copies the database consistently while the bot runs, and the bot starts on the restored copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-ops-'));
    const databasePath = join(dir, 'alliance.db');
    const backupPath = join(dir, 'backup.db');
    const guild = freshAlliance(databasePath);
    const bot = spawnBot(bed, databasePath);
    await bot.ready;
    for (const skill of ['bookkeeping', 'grant writing', 'web development']) expect(await offer(guild, skill)).toMatch(/^✅/);

    // Members keep acting while the backup runs.
    let acting = true;
    const during = (async () => {
      let n = 0;
      while (acting) await offer(guild, `zorblat skill ${++n}`).catch(() => '');
    })();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/backup.ts', backupPath, '--db', databasePath], { cwd: ROOT });
    acting = false;
    await during;
    expect(stdout).toContain(`Backed up ${databasePath} to ${backupPath}`);
    await bot.kill('SIGTERM');

    const copy = new Database(backupPath, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const entries = (copy.prepare('SELECT COUNT(*) AS n FROM skill_entries').get() as { n: number }).n;
    copy.close();
    expect(entries).toBeGreaterThanOrEqual(3);

    // Restore as README → Data and backups says: the live files moved aside, the copy put in their place, the bot
    // started on it (the cache file beside it, <db>.cache.db, stays: it holds nothing of the alliance's).
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${databasePath}${suffix}`)) renameSync(`${databasePath}${suffix}`, `${databasePath}${suffix}.aside`);
    copyFileSync(backupPath, databasePath);
    const restored = spawnBot(bed, databasePath);
    await restored.ready;
    const mine = await bed.driver.command({ guildId: guild.id, channelId: guild.channel('general'), userId: guild.member('marcus'), name: 'skills', subcommand: 'mine' });
    const text = JSON.stringify(await mine.reply());
    await restored.kill('SIGTERM');
    expect(text).toContain('Bookkeeping');
    expect(text).toContain('Grant writing');
  }, 60_000);

  it('refuses to start on a database whose migrations are newer than the code: exit 1 and a clear message', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-ahead-')), 'alliance.db');
    freshAlliance(databasePath);
    const sqlite = new Database(databasePath);
    sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-a-newer-bot', 4_102_444_800_000);
    sqlite.close();
    const bot = spawnBot(bed, databasePath);
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('was migrated by a newer version of Alliance bot');
    expect(bot.stderr()).not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);
});
