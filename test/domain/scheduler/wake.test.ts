// A job added for "now" runs at once (next event-loop turn), not at the next minute's tick; still once, also when a
// second scheduler on the same database (a restart) is woken for the same job.
import { describe, expect, it } from 'vitest';
import { createJobsRepo } from '../../../src/jobs/jobs.repo.js';
import type { JobHandler } from '../../../src/jobs/job-handler.js';
import { createScheduler } from '../../../src/scheduler/scheduler.js';
import { MINUTE, manualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { freshDb } from '../../support/db.js';

const T0 = Date.UTC(2026, 11, 1, 10, 0);
const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

function setup() {
  const { db } = freshDb();
  const jobs = createJobsRepo(db);
  const clock = manualClock(T0);
  const runs: string[] = [];
  const handlers: Record<string, JobHandler> = { post: async (job) => void runs.push(job.key) };
  const scheduler = () => createScheduler({ jobs, clock, logger: silentLogger, handlers });
  return { jobs, clock, runs, scheduler };
}

describe('the scheduler wakes for jobs due now', () => {
  it('runs a job added for now within a few event-loop turns, without a tick', async () => {
    const s = setup();
    const scheduler = s.scheduler();
    scheduler.wakeOnDueJobs();
    s.jobs.schedule({ guildId: 'g', key: 'now', kind: 'post', dueAt: T0 });
    expect(s.runs).toEqual([]);
    await turns();
    await scheduler.stop();
    expect(s.runs).toEqual(['now']);
    expect(s.jobs.byKey('now')?.status).toBe('done');
  });

  it('leaves a job due later for its time', async () => {
    const s = setup();
    const scheduler = s.scheduler();
    scheduler.wakeOnDueJobs();
    s.jobs.schedule({ guildId: 'g', key: 'later', kind: 'post', dueAt: T0 + MINUTE });
    await turns();
    await scheduler.stop();
    expect(s.runs).toEqual([]);
  });

  it('runs a burst of jobs added at once each exactly once, even with two schedulers woken (a restart)', async () => {
    const s = setup();
    const first = s.scheduler();
    const second = s.scheduler();
    first.wakeOnDueJobs();
    second.wakeOnDueJobs();
    for (const key of ['a', 'b', 'c']) s.jobs.schedule({ guildId: 'g', key, kind: 'post', dueAt: T0 });
    s.jobs.plan({ guildId: 'g', key: 'd', kind: 'post', dueAt: T0 - MINUTE });
    await turns(10);
    await Promise.all([first.stop(), second.stop()]);
    expect([...s.runs].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('stops waking once stopped', async () => {
    const s = setup();
    const scheduler = s.scheduler();
    scheduler.wakeOnDueJobs();
    await scheduler.stop();
    s.jobs.schedule({ guildId: 'g', key: 'after-stop', kind: 'post', dueAt: T0 });
    await turns();
    expect(s.runs).toEqual([]);
  });

  it('does not wake itself over and over for a job its own planner keeps moving', async () => {
    const { db } = freshDb();
    const jobs = createJobsRepo(db);
    const clock = manualClock(T0);
    let passes = 0;
    // A failing job that a planner moves on every pass: each pass would add it again "for now".
    const planner = () => void jobs.plan({ guildId: 'g', key: 'moving', kind: 'fails', dueAt: T0, payload: { pass: ++passes } });
    const handlers: Record<string, JobHandler> = { fails: async () => Promise.reject(new Error('down')) };
    const scheduler = createScheduler({ jobs, clock, logger: silentLogger, handlers, planners: [planner] });
    scheduler.wakeOnDueJobs();
    await scheduler.tick();
    await turns(20);
    await scheduler.stop();
    expect(passes).toBeLessThanOrEqual(2);
  });
});
