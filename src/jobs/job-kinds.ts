// How a feature names a kind of job it plans: only the mechanism (the name's type and its rule). Each feature
// declares its own kinds where it keeps its keys; what they must satisfy (data in exactly one feature, exactly one
// Discord handler) is checked on the composed features and wirings (src/shared/compose.ts, src/discord/job-handlers.ts).
import { FAILURE_NOTICE_KIND } from './job-handler.js';

/**
 * The name of a kind of job, as stored in `scheduled_jobs.kind` (never renamed: rows already planned carry it).
 * A plain string literal type, not a brand: a branded key in `{ [KIND]: data }` would widen each feature's job
 * map to an index signature and lose the type `jobData[KIND]` has for its handler.
 */
export type JobKind = string;

/** Lowercase words joined by single dots or hyphens (`meeting-agenda`, `skills.need-reminder`). */
const KIND_NAME = /^[a-z]+(?:[.-][a-z]+)*$/;

/** Declares a job kind a feature plans: `export const MEETING_AGENDA_JOB = jobKind('meeting-agenda')`. */
export function jobKind<const K extends string>(name: K): K {
  if (!KIND_NAME.test(name)) throw new Error(`the job kind "${name}" is not lowercase words joined by dots or hyphens`);
  if (name === FAILURE_NOTICE_KIND) throw new Error(`the job kind ${name} is the scheduler's own failure notice`);
  return name;
}
