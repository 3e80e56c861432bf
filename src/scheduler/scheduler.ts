// The one scheduler: node-cron wakes the job runner every minute; everything else (planning, running each job
// once, grace windows, retries, failure notices) lives in runner.ts so tests can drive it without a timer.
import cron, { type ScheduledTask } from 'node-cron';
import { createJobRunner, type SchedulerDeps } from './runner.js';

export { FAILURE_NOTICE_KIND, SkipJob, createJobRunner } from './runner.js';
export type { FailureListener, JobHandler, JobRunner, Planner, SchedulerDeps } from './runner.js';

export interface Scheduler {
  /** Plans and runs everything due now. Ticks never overlap; a tick asked for during one runs after it. */
  tick(): Promise<void>;
  /** Recovers jobs a crash left running, then starts the minute timer. */
  start(): void;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
  /** When the last tick started (the scheduler's clock), or null before the first: /healthz reads it. */
  lastTickAt(): number | null;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const runner = createJobRunner(deps);
  let task: ScheduledTask | null = null;
  let lastTick: number | null = null;
  const tick = () => {
    lastTick = deps.clock.now().getTime();
    return runner.tick();
  };
  return {
    tick,
    lastTickAt: () => lastTick,
    start() {
      runner.recover();
      task = cron.schedule('* * * * *', () => {
        tick().catch((error: unknown) => deps.logger.error({ err: error }, 'scheduler tick failed'));
      });
    },
    async stop() {
      await task?.stop();
      task = null;
      await runner.idle();
    },
  };
}
