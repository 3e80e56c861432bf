// What the doctor reads from the bot's own data: the database's integrity and size, scheduled jobs that keep
// failing in an alliance, and the last scheduled backup.
import { and, desc, eq, gte, or, sql } from 'drizzle-orm';
import type { BackupsService } from '../backups/backups.service.js';
import type { Db } from '../db/open.js';
import { scheduledJobs } from '../db/schema/index.js';
import { DAY, type Clock } from '../shared/clock.js';
import type { JobTrouble } from './doctor.rules.js';

/** A pending job that failed this often is "keeping failing" even before it has used all its retries. */
const FAILING_AFTER = 2;
/** Jobs that failed for good are reported for a week (the notice went out; the doctor keeps reminding). */
const FAILED_WITHIN = 7 * DAY;

export function createDoctorService(deps: { db: Db; clock: Clock; backups: Pick<BackupsService, 'settings' | 'lastBackup'> }) {
  const { db } = deps;
  return {
    /** PRAGMA quick_check ("ok" when sound) and the file's size in bytes. */
    database(): { integrity: string; bytes: number } {
      const rows = db.all<{ quick_check: string }>(sql`PRAGMA quick_check`);
      const integrity = rows.map((row) => row.quick_check).join('; ') || 'no answer';
      const pages = db.get<{ page_count: number }>(sql`PRAGMA page_count`)?.page_count ?? 0;
      const pageSize = db.get<{ page_size: number }>(sql`PRAGMA page_size`)?.page_size ?? 0;
      return { integrity, bytes: pages * pageSize };
    },

    /** Jobs of one alliance still retrying after repeated failures, or failed for good in the last week. */
    troubledJobs(guildId: string): JobTrouble[] {
      const since = deps.clock.now().getTime() - FAILED_WITHIN;
      return db
        .select({ kind: scheduledJobs.kind, attempts: scheduledJobs.attempts, status: scheduledJobs.status, lastError: scheduledJobs.lastError })
        .from(scheduledJobs)
        .where(
          and(
            eq(scheduledJobs.guildId, guildId),
            or(
              and(eq(scheduledJobs.status, 'pending'), gte(scheduledJobs.attempts, FAILING_AFTER)),
              and(eq(scheduledJobs.status, 'failed'), gte(scheduledJobs.finishedAt, since)),
            ),
          ),
        )
        .orderBy(desc(scheduledJobs.id))
        .limit(20)
        .all()
        .map((row) => ({ kind: row.kind, attempts: row.attempts, failed: row.status === 'failed', lastError: row.lastError }));
    },

    backups(): { enabled: boolean; lastAt: number | null } {
      return { enabled: deps.backups.settings() !== null, lastAt: deps.backups.lastBackup()?.at ?? null };
    },
  };
}

export type DoctorService = ReturnType<typeof createDoctorService>;
