// The one scheduler: node-cron wakes the job runner every minute, and a job added for "now" wakes it at once (next
// event-loop turn); everything else (planning, running each job once, grace windows, retries, failure notices)
// lives in runner.ts so tests can drive it without a timer.
import cron, { type ScheduledTask } from 'node-cron';
import { createJobRunner, type SchedulerDeps } from './runner.js';

export { createJobRunner, createPacer } from './runner.js';
export type { JobRunner, SchedulerDeps } from './runner.js';

/**
 * How fast the bot runs due jobs in production. Discord allows a bot 50 requests a second (interaction callbacks
 * aside), and discord.js holds every request back once they are spent, members' follow-ups too: at 20 jobs a
 * second a monthly-update day of 1,000 alliances posts in under a minute and leaves most of the budget to members.
 */
export const SCHEDULED_JOBS_PER_SECOND = 20;

export interface Scheduler {
  /** Plans and runs everything due now. Ticks never overlap; a tick asked for during one runs after it. */
  tick(): Promise<void>;
  /** Recovers jobs a crash left running, then starts the minute timer. */
  start(): void;
  /** Runs a tick on the next event-loop turn whenever a job due now is added (start() does this too). */
  wakeOnDueJobs(): void;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
  /** When the last tick started (the scheduler's clock), or null before the first: /healthz reads it. */
  lastTickAt(): number | null;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const runner = createJobRunner(deps);
  let task: ScheduledTask | null = null;
  let unsubscribe: (() => void) | null = null;
  let woken = false;
  let lastTick: number | null = null;
  const tick = () => {
    lastTick = deps.clock.now().getTime();
    return runner.tick();
  };
  const runTick = () => {
    tick().catch((error: unknown) => deps.logger.error({ err: error }, 'scheduler tick failed'));
  };
  const wakeOnDueJobs = () => {
    unsubscribe ??= deps.jobs.onJobAdded((dueAt) => {
      // A tick in progress reads due jobs until none are left, so it takes this one too; waking it again would rerun
      // the planners, and a planner that moves a job on every pass would never let the scheduler rest.
      if (woken || runner.busy() || dueAt > deps.clock.now().getTime()) return;
      // One wake for a burst of jobs; the job row is committed by then, and claim() keeps each run single.
      woken = true;
      setImmediate(() => {
        woken = false;
        if (unsubscribe) runTick();
      });
    });
  };
  return {
    tick,
    lastTickAt: () => lastTick,
    wakeOnDueJobs,
    start() {
      runner.recover();
      wakeOnDueJobs();
      task = cron.schedule('* * * * *', runTick);
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      await task?.stop();
      task = null;
      await runner.idle();
    },
  };
}
