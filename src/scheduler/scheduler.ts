// The one scheduler: node-cron wakes it every minute; it asks planners to add what is coming, then runs
// what is due from the durable job table, each job once, late within its grace window, retried with backoff.
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Job, JobsRepo } from './jobs.repo.js';
import { nextAttemptAt } from './retry.rules.js';

/** Runs one job. Returns what is worth remembering (e.g. a posted message id). Throwing means "retry later". */
export type JobHandler = (job: Job, now: Date) => Promise<Record<string, unknown> | void>;

/** Adds upcoming recurring jobs (idempotently, by key) so they exist before they are due. */
export type Planner = (now: Date) => void | Promise<void>;

/** Told once when a job has used all its retries. */
export type FailureListener = (job: Job, error: string) => Promise<void>;

/** A job a handler decides not to run (e.g. its meeting was cancelled): finished as skipped, not retried. */
export class SkipJob extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SkipJob';
  }
}

export interface SchedulerDeps {
  jobs: JobsRepo;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  planners?: Planner[];
  onFailed?: FailureListener;
}

export interface Scheduler {
  /** Plans and runs everything due now. Ticks never overlap; a tick asked for during one runs after it. */
  tick(): Promise<void>;
  /** Starts the minute timer (and recovers jobs a crash left running). */
  start(): void;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { jobs, clock, logger, handlers } = deps;
  let current: Promise<void> | null = null;
  let again = false;
  let task: ScheduledTask | null = null;

  async function runJob(job: Job): Promise<void> {
    const now = clock.now().getTime();
    if (job.expiresAt !== null && now > job.expiresAt) {
      jobs.finish(job.id, 'skipped', now, { error: 'missed its grace window' });
      logger.warn({ job: job.key, dueAt: new Date(job.dueAt).toISOString() }, 'scheduled job skipped: missed its grace window');
      return;
    }
    const handler = handlers[job.kind];
    if (!handler) {
      jobs.finish(job.id, 'failed', now, { error: `no handler for kind ${job.kind}` });
      logger.error({ job: job.key, kind: job.kind }, 'scheduled job has no handler');
      return;
    }
    if (!jobs.claim(job.id)) return;
    try {
      const result = await handler({ ...job, attempts: job.attempts + 1 }, clock.now());
      jobs.finish(job.id, 'done', clock.now().getTime(), { result: result ?? null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = clock.now().getTime();
      if (error instanceof SkipJob) {
        jobs.finish(job.id, 'skipped', at, { error: message });
        logger.info({ job: job.key, reason: message }, 'scheduled job skipped');
        return;
      }
      const retryAt = nextAttemptAt(at, job.attempts + 1);
      if (retryAt !== null) {
        jobs.retryLater(job.id, retryAt, message);
        logger.warn({ job: job.key, attempt: job.attempts + 1, retryAt: new Date(retryAt).toISOString(), err: error }, 'scheduled job failed; will retry');
        return;
      }
      jobs.finish(job.id, 'failed', at, { error: message });
      logger.error({ job: job.key, err: error }, 'scheduled job failed for good');
      try {
        await deps.onFailed?.({ ...job, attempts: job.attempts + 1 }, message);
      } catch (notifyError) {
        logger.error({ job: job.key, err: notifyError }, 'could not tell organizers about a failed job');
      }
    }
  }

  async function runOnce(): Promise<void> {
    for (const planner of deps.planners ?? []) {
      try {
        await planner(clock.now());
      } catch (error) {
        logger.error({ err: error }, 'scheduler planner failed');
      }
    }
    // Bounded batches so one tick never holds the event loop for long.
    for (let batch = 0; batch < 50; batch++) {
      const due = jobs.due(clock.now().getTime(), 50);
      if (due.length === 0) return;
      for (const job of due) await runJob(job);
    }
  }

  async function tick(): Promise<void> {
    if (current) {
      again = true;
      return current;
    }
    current = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })().finally(() => {
      current = null;
    });
    return current;
  }

  return {
    tick,
    start() {
      const recovered = jobs.recoverInterrupted();
      if (recovered > 0) logger.warn({ recovered }, 'scheduled jobs interrupted by a stop will run again');
      task = cron.schedule('* * * * *', () => {
        tick().catch((error: unknown) => logger.error({ err: error }, 'scheduler tick failed'));
      });
    },
    async stop() {
      await task?.stop();
      task = null;
      await current;
    },
  };
}
