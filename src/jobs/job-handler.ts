// What a scheduled job is to the features that plan and run it: the handler contract, a feature's data function,
// the "skip" result and the kind of the failure notice. The ground floor under the domain, so features never import the scheduler.
import type { Job } from './jobs.repo.js';

const SKIPPED: unique symbol = Symbol('job skipped');

/** A job a handler decided not to run (e.g. its meeting was cancelled): finished as skipped, not retried. */
export interface JobSkipped {
  readonly [SKIPPED]: true;
  readonly reason: string;
}

/** What a handler returns: what is worth remembering (e.g. a posted message id), nothing, or a skip. */
export type JobOutcome = Record<string, unknown> | JobSkipped | void;

/** What a feature's data function answers for a due job: the data its Discord handler renders and posts, or a skip. */
export type JobData<D> = D | JobSkipped;

/**
 * A feature's part of running one job kind, with no Discord in it: given the due job row, what to post and to whom
 * (and, where the feature keeps a record, the function to call once it is posted), or `skipJob(reason)`.
 * Throwing means "retry later", as for a handler.
 */
export type JobDataFunction<D = unknown> = (job: Job, now: Date) => JobData<D> | Promise<JobData<D>>;

/** Runs one job. Throwing means "retry later"; returning `skipJob(reason)` means "not this time, and not again". */
export type JobHandler = (job: Job, now: Date) => Promise<JobOutcome>;

/** Adds upcoming recurring jobs (idempotently, by key) so they exist before they are due. */
export type Planner = (now: Date) => void | Promise<void>;

/**
 * Told once when a job has used all its retries (or ran out of grace while retrying). `noticeKey` is stable for
 * that failure: send the notice with it as the idempotency key, so a notice re-sent after a crash is not doubled.
 * Throwing makes the notice itself retry with the same backoff.
 */
export type FailureListener = (job: Job, error: string, noticeKey: string) => Promise<void>;

/** The job kind of the durable "tell the organizers" notice the runner queues when a job fails for good. */
export const FAILURE_NOTICE_KIND = 'scheduler.failure-notice';

/** The result a handler returns to finish its job as skipped, with the reason kept on the row. */
export function skipJob(reason: string): JobSkipped {
  return { [SKIPPED]: true, reason };
}

export function isSkipped(outcome: unknown): outcome is JobSkipped {
  return typeof outcome === 'object' && outcome !== null && SKIPPED in outcome;
}
