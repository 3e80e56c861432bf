// Scheduled backups: plans one job row per daily slot (exactly once, late if the bot was down), writes the copy
// through the online backup API under a temporary name, renames it into place, then rotates old copies.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { jobKind } from '../jobs/job-kinds.js';
import type { Job, JobsRepo } from '../jobs/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import { assertFreshDestination, backupDatabase } from './backup-file.js';
import { backupFileName, backupSlots, filesToRotate, localDay, newestBackup, type BackupSettings } from './backups.rules.js';

export const BACKUP_JOB_KIND = jobKind('backups.daily');

/** The guild id of jobs that belong to the bot, not to one alliance. */
export const BOT_JOBS_GUILD_ID = '';

export interface BackupRun {
  file: string;
  pages: number;
  rotated: string[];
}

export interface LastBackup {
  file: string;
  /** When the copy was written (file modification time, ms). */
  at: number;
}

export function createBackupsService(deps: {
  jobs: Pick<JobsRepo, 'schedule'>;
  clock: Clock;
  databasePath: string;
  /** Null: scheduled backups are off (no BACKUP_DIR). */
  settings: BackupSettings | null;
}) {
  const { settings } = deps;

  function listBackups(): string[] {
    if (!settings) return [];
    try {
      return readdirSync(settings.dir);
    } catch {
      return [];
    }
  }

  return {
    settings(): BackupSettings | null {
      return settings;
    },

    /** Planner: the latest slot (runs late if it was missed) and the next one, each once by its day's key. */
    plan(now: Date): void {
      if (!settings) return;
      const { latest, next } = backupSlots(now, settings.at);
      for (const slot of [latest, next]) {
        // Not an alliance's job: the empty guild id, whose failures go to the first alliance's organizers.
        deps.jobs.schedule({ guildId: BOT_JOBS_GUILD_ID, key: `${BACKUP_JOB_KIND}:${localDay(slot)}`, kind: BACKUP_JOB_KIND, dueAt: slot.getTime() });
      }
    },

    /**
     * Writes a copy and rotates. Null when a later slot is already due (after downtime only the newest missed backup
     * is taken). Throws (the scheduler retries, then tells organizers once) when it cannot write.
     */
    async run(job: Job): Promise<BackupRun | null> {
      if (!settings) throw new Error('scheduled backups are off (BACKUP_DIR is not set)');
      if (job.dueAt < backupSlots(deps.clock.now(), settings.at).latest.getTime()) return null;
      mkdirSync(settings.dir, { recursive: true });
      const name = backupFileName(deps.clock.now());
      const file = join(settings.dir, name);
      // A crash mid-copy leaves only the temporary file, never a half backup under a real name.
      const partial = join(settings.dir, `.${name}.partial`);
      rmSync(partial, { force: true });
      assertFreshDestination(file);
      const { pages } = await backupDatabase(deps.databasePath, partial);
      renameSync(partial, file);
      const rotated = filesToRotate(readdirSync(settings.dir), settings.keep);
      for (const old of rotated) rmSync(join(settings.dir, old), { force: true });
      return { file, pages, rotated };
    },

    /** The newest copy in BACKUP_DIR, or null when there is none (or backups are off). */
    lastBackup(): LastBackup | null {
      if (!settings) return null;
      const file = newestBackup(listBackups());
      if (!file) return null;
      return { file, at: statSync(join(settings.dir, file)).mtimeMs };
    },
  };
}

export type BackupsService = ReturnType<typeof createBackupsService>;
