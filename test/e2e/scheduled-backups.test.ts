// Scheduled backups in the running bot: a copy appears in BACKUP_DIR at BACKUP_AT, and a backup that cannot be
// written is told once to the organizers of the first alliance, in words they can act on.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/main.js';
import { MINUTE, manualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startTestBed } from '../../src/testbed/index.js';
import type { TestBed } from '../../src/testbed/types.js';
import { visibleText, waitUntil } from '../support/bot.js';

let bed: TestBed | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await bed?.close();
  bot = undefined;
  bed = undefined;
});

async function start(backupDir: string) {
  const clock = manualClock('2026-11-24T02:50:00');
  bed = await startTestBed({ now: () => clock.now().getTime() });
  const root = mkdtempSync(join(tmpdir(), 'alliance-sched-backup-'));
  const config = loadConfig({
    DISCORD_TOKEN: bed.token, DISCORD_API_URL: bed.apiUrl, DATABASE_PATH: join(root, 'alliance.db'), LOG_LEVEL: 'silent',
    BACKUP_DIR: backupDir, BACKUP_KEEP: '2', BACKUP_AT: '03:00',
  });
  bot = await startBot(config, { clock, logger: silentLogger, startScheduler: false });
  const guild = bed.createGuild({ name: 'First Alliance', owner: 'olivia', channels: [{ name: 'organizers' }] });
  await waitUntil(() => bot!.ctx.client.guilds.cache.has(guild.id), 5000, 'the guild');
  const setup = await bed.driver.command({
    guildId: guild.id, channelId: guild.channel('general'), userId: guild.ownerId, name: 'alliance', subcommand: 'setup',
    options: { announcements: guild.channel('announcements'), 'organizers-channel': guild.channel('organizers') },
  });
  await setup.reply();
  return { clock, guild, bed, bot };
}

describe('scheduled backups in the bot', () => {
  it('writes a copy at BACKUP_AT through the scheduler', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'alliance-sched-backup-')), 'backups');
    const { clock, bot: running } = await start(dir);
    // At start the latest slot (yesterday 03:00) was missed: one late copy.
    await running.scheduler.tick();
    expect(readdirSync(dir)).toEqual(['alliance-2026-11-24-0250.db']);
    clock.advance(10 * MINUTE);
    await running.scheduler.tick();
    expect(readdirSync(dir).sort()).toEqual(['alliance-2026-11-24-0250.db', 'alliance-2026-11-24-0300.db']);
  });

  it('a backup that cannot be written is told once to the first alliance\'s organizers', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'alliance-sched-backup-')), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const { clock, guild, bed: testBed, bot: running } = await start(join(blocker, 'backups'));
    for (let i = 0; i < 12; i++) {
      await running.scheduler.tick();
      clock.advance(30 * MINUTE);
    }
    const notices = testBed.messages(guild.channel('organizers')).filter((m) => visibleText(m).includes('daily backup'));
    expect(notices).toHaveLength(1);
    const text = visibleText(notices[0]!);
    expect(text).toContain('The daily backup failed');
    expect(text).toContain('could not be written after 5 attempts');
    expect(text).toContain('check that BACKUP_DIR exists, is writable and has free space');

    // The doctor says so too, with the fix.
    const doctor = await testBed.driver.command({ guildId: guild.id, channelId: guild.channel('general'), userId: guild.ownerId, name: 'alliance', subcommand: 'doctor' });
    const report = visibleText(await doctor.reply());
    expect(report).toMatch(/The daily backup failed for good this week \(last error: .+\)\./);
    expect(report).toContain('No scheduled backup has been written yet.');
  });
});
