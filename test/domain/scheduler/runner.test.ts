// The scheduler's promises: each key runs once, a restart mid-run re-runs safely, late jobs run within grace and are
// skipped after it, failures retry at 1/5/15/60 minutes and organizers are told once, planners are idempotent.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createJobsRepo } from '../../../src/jobs/jobs.repo.js';
import { FAILURE_NOTICE_KIND, skipJob, type JobHandler } from '../../../src/jobs/job-handler.js';
import { createJobRunner, type SchedulerDeps } from '../../../src/scheduler/runner.js';
import { MINUTE, DAY, manualClock } from '../../../src/shared/clock.js';
import { createLogger } from '../../../src/shared/logger.js';
import { freshDb } from '../../support/db.js';

const T0 = Date.UTC(2026, 11, 1, 10, 0);

function setup(handlers: Record<string, JobHandler>, extra: Partial<SchedulerDeps> = {}) {
  const { db } = freshDb();
  const jobs = createJobsRepo(db);
  const clock = manualClock(T0 - MINUTE);
  const logs: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => (logs.push(String(chunk)), done()) }));
  const runner = (more: Partial<SchedulerDeps> = {}) => {
    const r = createJobRunner({ jobs, clock, logger, handlers, ...extra, ...more });
    r.recover();
    return r;
  };
  return { jobs, clock, logs, runner };
}

describe('job runner', () => {
  it('runs a job once at its due time, however often it is scheduled or ticked', async () => {
    const runs: string[] = [];
    const s = setup({ post: async (job) => void runs.push(job.key) });
    expect(s.jobs.schedule({ guildId: 'g', key: 'k1', kind: 'post', dueAt: T0 })).toBe(true);
    expect(s.jobs.schedule({ guildId: 'g', key: 'k1', kind: 'post', dueAt: T0 })).toBe(false);
    const r = s.runner();
    await r.tick();
    expect(runs).toEqual([]);
    s.clock.set(T0);
    await Promise.all([r.tick(), r.tick(), r.tick()]);
    await r.tick();
    expect(runs).toEqual(['k1']);
    expect(s.jobs.byKey('k1')?.status).toBe('done');
    s.jobs.schedule({ guildId: 'g', key: 'k1', kind: 'post', dueAt: T0 + DAY });
    s.clock.set(T0 + 2 * DAY);
    await r.tick();
    expect(runs).toEqual(['k1']);
  });

  it('a restart in the middle of a run runs the handler again, and the job ends done once', async () => {
    const calls: number[] = [];
    let hang = true;
    const s = setup({
      post: (job) => {
        calls.push(job.attempts);
        // The first process dies while posting: its promise never settles.
        return hang ? new Promise(() => undefined) : Promise.resolve({ ok: true });
      },
    });
    s.jobs.schedule({ guildId: 'g', key: 'k', kind: 'post', dueAt: T0 });
    s.clock.set(T0);
    void s.runner().tick();
    await new Promise((resolve) => setImmediate(resolve));
    expect(s.jobs.byKey('k')?.status).toBe('running');
    hang = false;
    const second = s.runner();
    await second.tick();
    expect(calls).toEqual([1, 2]);
    expect(s.jobs.byKey('k')).toMatchObject({ status: 'done', result: { ok: true } });
    await second.tick();
    expect(calls).toHaveLength(2);
  });

  it('catches up a missed job within its grace window and skips it with a log line after', async () => {
    const runs: string[] = [];
    const s = setup({ post: async (job) => void runs.push(job.key) });
    s.jobs.schedule({ guildId: 'g', key: 'late', kind: 'post', dueAt: T0, expiresAt: T0 + 3 * DAY });
    s.jobs.schedule({ guildId: 'g', key: 'too-late', kind: 'post', dueAt: T0 - 2 * DAY, expiresAt: T0 + 2 * DAY - MINUTE });
    s.clock.set(T0 + 2 * DAY);
    await s.runner().tick();
    expect(runs).toEqual(['late']);
    expect(s.jobs.byKey('too-late')).toMatchObject({ status: 'skipped', lastError: 'missed its grace window' });
    expect(s.logs.some((line) => line.includes('too-late') && line.includes('missed its grace window'))).toBe(true);
  });

  it('retries after 1, 5, 15 and 60 minutes, then fails and queues exactly one notice', async () => {
    const attempts: number[] = [];
    const told: string[] = [];
    const failing = setup(
      {
        post: async () => {
          attempts.push(failing.clock.now().getTime());
          throw new Error('Missing Permissions');
        },
      },
      { onFailed: async (job, error, key) => void told.push(`${job.key}|${error}|${key}`) },
    );
    failing.jobs.schedule({ guildId: 'g', key: 'k', kind: 'post', dueAt: T0, expiresAt: T0 + 3 * DAY });
    const r = failing.runner();
    failing.clock.set(T0);
    for (let minute = 0; minute < 24 * 60; minute++) {
      await r.tick();
      failing.clock.advance(MINUTE);
    }
    expect(attempts.map((at) => (at - T0) / MINUTE)).toEqual([0, 1, 6, 21, 81]);
    expect(failing.jobs.byKey('k')).toMatchObject({ status: 'failed', attempts: 5, lastError: 'Missing Permissions' });
    expect(told).toEqual([`k|Missing Permissions|${FAILURE_NOTICE_KIND}:k`]);
  });

  it('retries the notice itself when telling the organizers fails, and tells them once', async () => {
    const notices: string[] = [];
    let noticeFailures = 2;
    const s = setup(
      { post: async () => { throw new Error('channel gone'); } },
      {
        onFailed: async (job) => {
          if (noticeFailures-- > 0) throw new Error('organizers channel unreachable');
          notices.push(job.key);
        },
      },
    );
    s.jobs.schedule({ guildId: 'g', key: 'k', kind: 'post', dueAt: T0 });
    const r = s.runner();
    s.clock.set(T0);
    for (let minute = 0; minute < 3 * 60; minute++) {
      await r.tick();
      s.clock.advance(MINUTE);
    }
    expect(notices).toEqual(['k']);
    expect(s.jobs.byKey(`${FAILURE_NOTICE_KIND}:k`)).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('a job still failing when its grace window ends is failed and reported, not silently skipped', async () => {
    const told: string[] = [];
    const s = setup({ post: async () => { throw new Error('50013'); } }, { onFailed: async (job, error) => void told.push(error) });
    s.jobs.schedule({ guildId: 'g', key: 'k', kind: 'post', dueAt: T0, expiresAt: T0 + 10 * MINUTE });
    const r = s.runner();
    s.clock.set(T0);
    for (let minute = 0; minute < 60; minute++) {
      await r.tick();
      s.clock.advance(MINUTE);
    }
    expect(s.jobs.byKey('k')?.status).toBe('failed');
    expect(told).toEqual(['gave up after the grace window: 50013']);
  });

  it('a job interrupted by crashes on every attempt is failed instead of looping forever', async () => {
    const told: string[] = [];
    const s = setup({ post: () => new Promise(() => undefined) }, { onFailed: async (job) => void told.push(job.key) });
    s.jobs.schedule({ guildId: 'g', key: 'k', kind: 'post', dueAt: T0 });
    s.clock.set(T0);
    for (let restart = 0; restart < 7; restart++) {
      void s.runner().tick();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(s.jobs.byKey('k')).toMatchObject({ status: 'failed', attempts: 5 });
    expect(told).toEqual(['k']);
  });

  it('a handler that returns a skip finishes the job as skipped without retrying', async () => {
    let calls = 0;
    const s = setup({ post: async () => { calls++; return skipJob('meeting cancelled'); } });
    s.jobs.schedule({ guildId: 'g', key: 'k', kind: 'post', dueAt: T0 });
    s.clock.set(T0);
    const r = s.runner();
    await r.tick();
    s.clock.advance(2 * 60 * MINUTE);
    await r.tick();
    expect(calls).toBe(1);
    expect(s.jobs.byKey('k')).toMatchObject({ status: 'skipped', lastError: 'meeting cancelled' });
  });
});

describe('planning jobs', () => {
  const job = { guildId: 'g', key: 'monthly:g:2026-12', kind: 'post', dueAt: T0, expiresAt: T0 + 3 * DAY };

  it('planning the same job every tick leaves one row, unchanged', () => {
    const s = setup({});
    expect(s.jobs.plan(job)).toBe('created');
    expect(s.jobs.plan(job)).toBe('unchanged');
    expect(s.jobs.plan(job)).toBe('unchanged');
    expect(s.jobs.list('g')).toHaveLength(1);
  });

  it('re-planning does not reset a job that is waiting for its retry', async () => {
    const s = setup({ post: async () => { throw new Error('boom'); } });
    s.jobs.plan(job);
    s.clock.set(T0);
    await s.runner({ planners: [() => void s.jobs.plan(job)] }).tick();
    expect(s.jobs.byKey(job.key)).toMatchObject({ attempts: 1, nextAttemptAt: T0 + MINUTE });
    s.jobs.plan(job);
    s.jobs.upsert(job);
    expect(s.jobs.byKey(job.key)).toMatchObject({ attempts: 1, nextAttemptAt: T0 + MINUTE });
  });

  it('moves a pending job when its time changes, revives a cancelled one, never touches a finished one', async () => {
    const s = setup({ post: async () => undefined });
    s.jobs.plan(job);
    expect(s.jobs.plan({ ...job, dueAt: T0 + DAY, expiresAt: T0 + 4 * DAY })).toBe('moved');
    expect(s.jobs.cancelByPrefix('g', 'monthly:g:')).toBe(1);
    expect(s.jobs.plan(job)).toBe('revived');
    expect(s.jobs.byKey(job.key)).toMatchObject({ status: 'pending', dueAt: T0 });
    s.clock.set(T0);
    await s.runner().tick();
    expect(s.jobs.plan({ ...job, dueAt: T0 + DAY })).toBe('finished');
    expect(s.jobs.byKey(job.key)).toMatchObject({ status: 'done', dueAt: T0 });
  });

  it('cancelling by prefix stays inside the guild', () => {
    const s = setup({});
    s.jobs.plan(job);
    s.jobs.plan({ ...job, guildId: 'h', key: 'monthly:h:2026-12' });
    expect(s.jobs.cancelByPrefix('h', 'monthly:')).toBe(1);
    expect(s.jobs.byKey(job.key)?.status).toBe('pending');
  });
});

describe('job runner pacing', () => {
  it('spreads a tick of many due jobs over real time: a burst, then at most jobsPerSecond a second', async () => {
    const starts: number[] = [];
    const s = setup({ post: async () => void starts.push(performance.now()) }, { jobsPerSecond: 100, jobBurst: 10 });
    for (let k = 0; k < 160; k++) s.jobs.schedule({ guildId: `g${k}`, key: `monthly:${k}`, kind: 'post', dueAt: T0 });
    s.clock.set(T0);
    await s.runner().tick();
    expect(starts).toHaveLength(160);
    expect(s.jobs.due(T0, 1000)).toHaveLength(0);
    // 10 at once, then 150 at 100 a second: at least 1.5 s, and no second holds more than the burst plus 100.
    expect(starts[159]! - starts[0]!).toBeGreaterThanOrEqual(1400);
    let busiest = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (starts[i]! - starts[j]! >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBeLessThanOrEqual(111);
  });

  it('runs a tick without pacing at once when jobsPerSecond is not set (tests, tools)', async () => {
    const starts: number[] = [];
    const s = setup({ post: async () => void starts.push(performance.now()) });
    for (let k = 0; k < 160; k++) s.jobs.schedule({ guildId: `g${k}`, key: `monthly:${k}`, kind: 'post', dueAt: T0 });
    s.clock.set(T0);
    await s.runner().tick();
    expect(starts).toHaveLength(160);
    expect(starts[159]! - starts[0]!).toBeLessThan(1000);
  });
});

describe('job runner on some shards', () => {
  // Discord's rule: a guild lives on shard (guild_id >> 22) % count.
  const onShard = (shard: number, k: number) => String(((BigInt(k) * 2n + BigInt(shard)) << 22n) + 1234n);

  it('runs only the jobs of its shards\' guilds, even when other shards\' due jobs are older and fill whole batches', async () => {
    const runs: string[] = [];
    const s = setup({ post: async (job) => void runs.push(job.guildId) });
    for (let k = 0; k < 120; k++) s.jobs.schedule({ guildId: onShard(1, k), key: `other:${k}`, kind: 'post', dueAt: T0 - 10 * MINUTE });
    for (let k = 0; k < 3; k++) s.jobs.schedule({ guildId: onShard(0, k), key: `mine:${k}`, kind: 'post', dueAt: T0 });
    s.clock.set(T0);
    await s.runner({ shards: { ids: [0], count: 2 } }).tick();
    expect(runs.sort()).toEqual([0, 1, 2].map((k) => onShard(0, k)).sort());
    expect(s.jobs.byKey('other:0')?.status).toBe('pending');
    await s.runner({ shards: { ids: [1], count: 2 } }).tick();
    expect(runs).toHaveLength(123);
  });

  it('recovers at start-up only its own shards\' interrupted jobs: the other process is running its own', () => {
    const s = setup({ post: async () => undefined });
    for (const [key, shard] of [['mine', 0], ['theirs', 1]] as const) {
      s.jobs.schedule({ guildId: onShard(shard, 7), key, kind: 'post', dueAt: T0 });
      expect(s.jobs.claim(s.jobs.byKey(key)!.id)).toBe(true);
    }
    s.runner({ shards: { ids: [0], count: 2 } });
    expect(s.jobs.byKey('mine')?.status).toBe('pending');
    expect(s.jobs.byKey('theirs')?.status).toBe('running');
  });
});
