// The scheduler's engine without a timer: plans and runs what is due, each job once, late only within its grace
// window, retried with backoff, and a final failure turned into one durable notice. Tests drive it by hand.
import { FAILURE_NOTICE_KIND, isSkipped, skipJob, type FailureListener, type JobHandler, type JobOutcome, type Planner } from '../jobs/job-handler.js';
import type { Job, JobsRepo } from '../jobs/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry.rules.js';

export interface SchedulerDeps {
  jobs: JobsRepo;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  planners?: Planner[];
  onFailed?: FailureListener;
  /**
   * Spreads a tick's jobs over real time: at most this many start per second after a burst of `jobBurst`. A tick
   * with 1,000 monthly updates then posts for about a minute instead of spending all of the bot's 50 requests a
   * second that Discord allows, which members' replies share. Unset: no pacing (tests that drive the runner).
   */
  jobsPerSecond?: number;
  jobBurst?: number;
  /** One process of several (DISCORD_SHARDS): run only the jobs of guilds on these shards. Unset: every job. */
  shards?: { ids: readonly number[]; count: number };
}

/**
 * A token bucket on real time (not the injected clock: it is Discord's wall-clock rate that matters, and a manual
 * clock would never refill it). `take()` resolves when a job may start.
 */
export function createPacer(perSecond: number, burst: number, now: () => number = () => performance.now()): () => Promise<void> {
  let tokens = burst;
  let last = now();
  return async function take() {
    for (;;) {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - tokens) / perSecond) * 1000)));
    }
  };
}

export interface JobRunner {
  /** Plans and runs everything due now. Ticks never overlap; a tick asked for during one runs after it. */
  tick(): Promise<void>;
  /** Puts jobs a crash left `running` back to pending (call once at start-up, before the first tick). */
  recover(): number;
  /** Resolves when the tick in progress (if any) is over. */
  idle(): Promise<void>;
  /** A tick is in progress: it will see jobs added meanwhile, since it reads due jobs until none are left. */
  busy(): boolean;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createJobRunner(deps: SchedulerDeps): JobRunner {
  const { jobs, clock, logger } = deps;
  const pace = deps.jobsPerSecond ? createPacer(deps.jobsPerSecond, Math.max(1, deps.jobBurst ?? 1)) : null;
  let current: Promise<void> | null = null;
  let again = false;
  // Set before the tick's first (synchronous) steps run, which `current` is not yet.
  let ticking = false;

  /** Marks the job failed and, in the same transaction, queues the one notice about it. */
  function failForGood(job: Job, attempts: number, error: string, at: number): void {
    if (job.kind === FAILURE_NOTICE_KIND) {
      // A notice about a notice would loop: the log is the last resort.
      jobs.finish(job.id, 'failed', at, { error });
      logger.error({ job: job.key, error }, 'could not tell organizers about a failed job');
      return;
    }
    jobs.failAndQueueNotice(job.id, at, error, {
      guildId: job.guildId,
      key: `${FAILURE_NOTICE_KIND}:${job.key}`,
      kind: FAILURE_NOTICE_KIND,
      dueAt: at,
      payload: { jobId: job.id, attempts, error },
    });
    logger.error({ job: job.key, attempts, error }, 'scheduled job failed for good; organizers will be told');
  }

  async function tellOrganizers(notice: Job): Promise<JobOutcome> {
    const jobId = Number(notice.payload['jobId']);
    const failed = jobs.byId(jobId);
    if (!failed) return skipJob(`failed job ${jobId} no longer exists`);
    if (!deps.onFailed) {
      logger.warn({ job: failed.key }, 'no failure listener: organizers not told');
      return { told: false };
    }
    await deps.onFailed(failed, String(notice.payload['error'] ?? failed.lastError ?? 'unknown error'), notice.key);
    return { told: true };
  }

  async function runJob(job: Job): Promise<void> {
    const now = clock.now().getTime();
    if (job.expiresAt !== null && now > job.expiresAt) {
      if (job.attempts === 0) {
        jobs.finish(job.id, 'skipped', now, { error: 'missed its grace window' });
        logger.warn({ job: job.key, dueAt: new Date(job.dueAt).toISOString() }, 'scheduled job skipped: missed its grace window');
      } else {
        // It was tried and kept failing until its moment passed: that is a failure organizers must hear about.
        failForGood(job, job.attempts, `gave up after the grace window: ${job.lastError ?? 'unknown error'}`, now);
      }
      return;
    }
    if (job.attempts >= MAX_ATTEMPTS) {
      // Only reachable when the process died during the last attempts: stop a crash loop.
      failForGood(job, job.attempts, `interrupted ${job.attempts} times: ${job.lastError ?? 'the bot stopped while running it'}`, now);
      return;
    }
    const handler = job.kind === FAILURE_NOTICE_KIND ? tellOrganizers : deps.handlers[job.kind];
    if (!handler) {
      jobs.finish(job.id, 'failed', now, { error: `no handler for kind ${job.kind}` });
      logger.error({ job: job.key, kind: job.kind }, 'scheduled job has no handler');
      return;
    }
    if (!jobs.claim(job.id)) return;
    const attempts = job.attempts + 1;
    try {
      const outcome = await handler({ ...job, status: 'running', attempts }, clock.now());
      if (isSkipped(outcome)) {
        jobs.finish(job.id, 'skipped', clock.now().getTime(), { error: outcome.reason });
        logger.info({ job: job.key, reason: outcome.reason }, 'scheduled job skipped');
        return;
      }
      jobs.finish(job.id, 'done', clock.now().getTime(), { result: outcome ?? null });
    } catch (error) {
      const message = errorMessage(error);
      const at = clock.now().getTime();
      const retryAt = nextAttemptAt(at, attempts);
      if (retryAt !== null) {
        jobs.retryLater(job.id, retryAt, message);
        logger.warn({ job: job.key, attempt: attempts, retryAt: new Date(retryAt).toISOString(), err: error }, 'scheduled job failed; will retry');
        return;
      }
      failForGood(job, attempts, message, at);
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
    // Bounded batches so one tick never holds the event loop for long; the next tick carries on.
    for (let batch = 0; batch < 50; batch++) {
      const due = deps.shards ? jobs.dueOnShards(clock.now().getTime(), 50, deps.shards) : jobs.due(clock.now().getTime(), 50);
      if (due.length === 0) return;
      for (const job of due) {
        try {
          if (pace) await pace();
          await runJob(job);
        } catch (error) {
          // A database error on one job must not starve the others; the job stays as it was and is seen again.
          logger.error({ job: job.key, err: error }, 'scheduler could not run a job');
        }
      }
    }
  }

  function tick(): Promise<void> {
    if (current) {
      again = true;
      return current;
    }
    ticking = true;
    current = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })().finally(() => {
      ticking = false;
      current = null;
    });
    return current;
  }

  return {
    tick,
    recover() {
      const recovered = jobs.recoverInterrupted(deps.shards);
      if (recovered > 0) logger.warn({ recovered }, 'scheduled jobs interrupted by a stop will run again');
      return recovered;
    },
    async idle() {
      await current;
    },
    busy: () => ticking,
  };
}
