// The rhythm feature's job data: for a due monthly update, Coworking Day reminder or week announcement, what to
// write and where (the Discord layer words and posts it), or why it is skipped.
import type { Job } from '../jobs/jobs.repo.js';
import type { CoworkingDayService } from './coworking-day.service.js';
import { ICD_REMINDER_KIND, ICD_WEEK_KIND, MONTHLY_KIND } from './due.rules.js';
import type { UpdatesService } from './updates.service.js';

export function rhythmJobData(rhythm: { updates: Pick<UpdatesService, 'scheduledUpdate'>; coworkingDay: Pick<CoworkingDayService, 'reminderPost' | 'weekPost'> }) {
  return {
    [MONTHLY_KIND]: (job: Job) => rhythm.updates.scheduledUpdate(job),
    [ICD_REMINDER_KIND]: (job: Job) => rhythm.coworkingDay.reminderPost(job),
    [ICD_WEEK_KIND]: (job: Job) => rhythm.coworkingDay.weekPost(job),
  };
}

export type RhythmJobData = ReturnType<typeof rhythmJobData>;
