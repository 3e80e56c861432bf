// The job contract (#15): every job kind in src/jobs gets its data from exactly one feature's <feature>.feature.ts,
// gathered by services.ts; a data function answers a due job row with what to post or a skip, without Discord.
import { describe, expect, it } from 'vitest';
import { isSkipped, skipJob } from '../../../src/jobs/job-handler.js';
import { FEATURE_JOB_KINDS, JOB_KINDS } from '../../../src/jobs/job-kinds.js';
import type { Job } from '../../../src/jobs/jobs.repo.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { freshDb } from '../../support/db.js';

const G = '300000000000000001';

function dueJob(kind: string, payload: Record<string, unknown>): Job {
  return { id: 1, guildId: G, key: `${kind}:test`, kind, dueAt: 0, expiresAt: null, payload, status: 'running', attempts: 1, nextAttemptAt: null, lastError: null, result: null, finishedAt: null };
}

describe('job kinds and the features that give their data', () => {
  const services = createServices({ db: freshDb().db, clock: manualClock('2026-11-24T15:00:00Z') });

  it('every job kind in src/jobs has a data function, and the features claim no kind outside that list', () => {
    expect(Object.keys(services.jobData).sort()).toEqual([...FEATURE_JOB_KINDS].sort());
    for (const kind of FEATURE_JOB_KINDS) expect(typeof services.jobData[kind], kind).toBe('function');
  });

  it('a monthly update job for a month that cannot be read is skipped by its data, with the reason kept', () => {
    const answer = services.jobData[JOB_KINDS.rhythmMonthly](dueJob(JOB_KINDS.rhythmMonthly, { period: 'soon' }));
    expect(isSkipped(answer) && answer.reason).toBe('bad period in payload: soon');
  });

  it('a proposal deadline without a proposal is skipped by its data, before anything is closed', () => {
    const answer = services.jobData[JOB_KINDS.proposalClose](dueJob(JOB_KINDS.proposalClose, {}));
    expect(isSkipped(answer) && answer.reason).toBe('job without a proposal id');
  });

  it("a dues reminder for a space the alliance does not have is skipped by its data", () => {
    const answer = services.jobData[JOB_KINDS.duesOverdue](dueJob(JOB_KINDS.duesOverdue, { spaceId: 42, dueOn: '2026-12-01' }));
    expect(isSkipped(answer) && answer.reason).toMatch(/no plan, space gone/);
  });

  it('a job whose payload is not what its planner writes fails (and is retried) rather than guessing', () => {
    expect(() => services.jobData[JOB_KINDS.meetingAgenda](dueJob(JOB_KINDS.meetingAgenda, { meetingId: 'x' }))).toThrow();
  });
});
