// Scheduled backups on an injected clock: one a day at BACKUP_AT, exactly once, late (once) after downtime, the
// oldest rotated away, other files left alone; and backup destinations that could be redirected are refused.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BackupError, backupDatabase } from '../../../src/backups/backup-file.js';
import { backupSlots, filesToRotate } from '../../../src/backups/backups.rules.js';
import { BACKUP_JOB_KIND, BOT_JOBS_GUILD_ID, createBackupsService } from '../../../src/backups/backups.service.js';
import { openDatabase } from '../../../src/db/open.js';
import { FAILURE_NOTICE_KIND, skipJob } from '../../../src/jobs/job-handler.js';
import { createJobRunner } from '../../../src/scheduler/runner.js';
import { createJobsRepo } from '../../../src/jobs/jobs.repo.js';
import { DAY, HOUR, MINUTE, manualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';

const FIRST_GUILD = '100000000000000001';

function setup(options: { keep?: number; at?: string; start: string; dir?: string }) {
  const root = mkdtempSync(join(tmpdir(), 'alliance-backups-'));
  const databasePath = join(root, 'alliance.db');
  const database = openDatabase(databasePath);
  database.sqlite.prepare("INSERT INTO alliances (guild_id) VALUES (?)").run(FIRST_GUILD);
  const dir = options.dir ?? join(root, 'backups');
  const clock = manualClock(options.start);
  const jobs = createJobsRepo(database.db);
  const backups = createBackupsService({
    jobs, clock, databasePath, settings: { dir, keep: options.keep ?? 14, at: options.at ?? '03:00' },
  });
  const runner = createJobRunner({
    jobs,
    clock,
    logger: silentLogger,
    planners: [(now) => backups.plan(now)],
    handlers: {
      // As src/discord/backups/wiring.ts does it.
      [BACKUP_JOB_KIND]: async (job) => {
        const run = await backups.run(job);
        if (!run) return skipJob('superseded');
        return { file: run.file };
      },
    },
  });
  const files = () => (existsSync(dir) ? readdirSync(dir).sort() : []);
  const jobRows = (kind: string) => database.sqlite.prepare('SELECT key, status, guild_id AS guildId FROM scheduled_jobs WHERE kind = ? ORDER BY id').all(kind) as { key: string; status: string; guildId: string }[];
  return { database, databasePath, dir, clock, runner, backups, files, jobRows };
}

describe('scheduled backups', () => {
  it('takes one backup a day at BACKUP_AT, once however often the scheduler ticks, and keeps only BACKUP_KEEP', async () => {
    // Local (server) time: no Z.
    const t = setup({ keep: 3, start: '2026-03-01T02:30:00' });
    t.clock.set('2026-03-01T03:00:00');
    for (let day = 0; day < 6; day++) {
      await t.runner.tick();
      await t.runner.tick();
      t.clock.advance(10 * MINUTE);
      await t.runner.tick();
      t.clock.advance(DAY - 10 * MINUTE);
    }
    expect(t.files()).toEqual([
      'alliance-2026-03-04-0300.db',
      'alliance-2026-03-05-0300.db',
      'alliance-2026-03-06-0300.db',
    ]);
    const done = t.jobRows(BACKUP_JOB_KIND).filter((job) => job.status === 'done');
    expect(done.map((job) => job.key)).toEqual(['01', '02', '03', '04', '05', '06'].map((d) => `${BACKUP_JOB_KIND}:2026-03-${d}`));
    // Each copy is a real, sound database with the alliance in it.
    const copy = new Database(join(t.dir, 'alliance-2026-03-06-0300.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT guild_id FROM alliances').all()).toEqual([{ guild_id: FIRST_GUILD }]);
    copy.close();
  });

  it('after days down, takes one late backup at start, not one per missed day', async () => {
    const t = setup({ start: '2026-03-01T03:00:00' });
    await t.runner.tick();
    expect(t.files()).toEqual(['alliance-2026-03-01-0300.db']);
    // Down from the 1st until the 4th at 14:05.
    t.clock.set('2026-03-04T14:05:00');
    await t.runner.tick();
    expect(t.files()).toEqual(['alliance-2026-03-01-0300.db', 'alliance-2026-03-04-1405.db']);
    const statuses = Object.fromEntries(t.jobRows(BACKUP_JOB_KIND).map((job) => [job.key.split(':')[1], job.status]));
    expect(statuses).toMatchObject({ '2026-03-01': 'done', '2026-03-02': 'skipped', '2026-03-04': 'done', '2026-03-05': 'pending' });
  });

  it('rotation touches only backup files, never other files in the folder', async () => {
    const t = setup({ keep: 1, start: '2026-03-01T03:00:00' });
    mkdirSync(t.dir, { recursive: true });
    writeFileSync(join(t.dir, 'notes.txt'), 'keep me');
    writeFileSync(join(t.dir, 'alliance-2020-01-01-0300.db.keep'), 'keep me too');
    await t.runner.tick();
    t.clock.advance(DAY);
    await t.runner.tick();
    expect(t.files()).toEqual(['alliance-2020-01-01-0300.db.keep', 'alliance-2026-03-02-0300.db', 'notes.txt']);
    expect(filesToRotate(['b.txt', 'alliance-2026-01-02-0300.db', 'alliance-2026-01-01-0300.db'], 1)).toEqual(['alliance-2026-01-01-0300.db']);
  });

  it('a backup that keeps failing is retried, then queued once as a notice (the bot\'s, not one alliance\'s)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'alliance-backups-'));
    const notAFolder = join(root, 'file');
    writeFileSync(notAFolder, 'in the way');
    const t = setup({ start: '2026-03-01T03:00:00', dir: join(notAFolder, 'backups') });
    for (let i = 0; i < 8; i++) {
      await t.runner.tick();
      t.clock.advance(HOUR);
    }
    expect(t.jobRows(BACKUP_JOB_KIND).filter((job) => job.status === 'failed')).toHaveLength(1);
    const notices = t.jobRows(FAILURE_NOTICE_KIND);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.guildId).toBe(BOT_JOBS_GUILD_ID);
  });

  it('slots fall at BACKUP_AT in server time: the one at or before now, and the next', () => {
    const { latest, next } = backupSlots(new Date('2026-03-01T02:59:00'), '03:00');
    expect([latest.toString(), next.toString()]).toEqual([new Date('2026-02-28T03:00:00').toString(), new Date('2026-03-01T03:00:00').toString()]);
    const exact = backupSlots(new Date('2026-03-01T03:00:00'), '03:00');
    expect(exact.latest.toString()).toBe(new Date('2026-03-01T03:00:00').toString());
  });
});

describe('backup destinations', () => {
  function liveDatabase(): { path: string; dir: string } {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-dest-'));
    const path = join(dir, 'alliance.db');
    openDatabase(path).close();
    return { path, dir };
  }

  it('refuses an existing file, leaving it as it was', async () => {
    const { path, dir } = liveDatabase();
    const target = join(dir, 'taken.db');
    writeFileSync(target, 'precious');
    await expect(backupDatabase(path, target)).rejects.toThrow(/already exists/);
    expect(readdirSync(dir)).toContain('taken.db');
  });

  it('refuses an existing folder', async () => {
    const { path, dir } = liveDatabase();
    mkdirSync(join(dir, 'folder'));
    await expect(backupDatabase(path, join(dir, 'folder'))).rejects.toThrow(BackupError);
  });

  it('refuses a symbolic link, even one pointing nowhere, and writes nothing through it', async () => {
    const { path, dir } = liveDatabase();
    const elsewhere = join(dir, 'elsewhere.db');
    symlinkSync(elsewhere, join(dir, 'link.db'));
    await expect(backupDatabase(path, join(dir, 'link.db'))).rejects.toThrow(/symbolic link/);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('writes a sound copy to a new path', async () => {
    const { path, dir } = liveDatabase();
    const { pages } = await backupDatabase(path, join(dir, 'copy.db'));
    expect(pages).toBeGreaterThan(0);
  });
});
