// Builds the dues feature from the database: the ledger and standing service, and the reminders planner, as
// named services, with its reminder jobs' data, its monthly-update section and privacy part. The directory's spaces and the alliance's time zone come in as ports.
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { skipJob } from '../jobs/job-handler.js';
import type { Job, JobsRepo } from '../jobs/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createDuesReminders, type DuesReminders } from './dues-reminders.service.js';
import { DUE_SOON_JOB, OVERDUE_JOB, type DuesReminderKind, type DuesSpacesPort } from './dues.ports.js';
import { createDuesRepo } from './dues.repo.js';
import { createDuesService } from './dues.service.js';
import { createDuesUpdateSection } from './dues.update-section.js';

const reminderPayload = z.object({ spaceId: z.number().int(), dueOn: z.string() });

/** A due reminder job's data: what to tell which hosts, or a skip when there is nothing left to remind of. */
function reminderData(reminders: Pick<DuesReminders, 'reminder'>, kind: DuesReminderKind) {
  return (job: Job) => {
    const { spaceId, dueOn } = reminderPayload.parse(job.payload);
    return reminders.reminder(job.guildId, kind, spaceId, dueOn) ?? skipJob('paid since, no plan, space gone, or every host turned reminders off');
  };
}

export function createDuesFeature(deps: { db: Db; clock: Clock; jobs: JobsRepo; spaces: DuesSpacesPort; timezone(guildId: string): string }) {
  const repo = createDuesRepo(deps.db);
  const transaction = <T>(work: () => T): T => deps.db.transaction(() => work());
  const duesReminders = createDuesReminders({ repo, jobs: deps.jobs, clock: deps.clock, spaces: deps.spaces, timezone: deps.timezone });
  // A new plan or a ledger entry re-plans the reminders at once (a ledger entry inside its own transaction).
  const dues = createDuesService({ repo, clock: deps.clock, spaces: deps.spaces, timezone: deps.timezone, transaction, changed: duesReminders.replan });
  return defineFeature({
    services: { dues, duesReminders },
    jobs: { [DUE_SOON_JOB]: reminderData(duesReminders, DUE_SOON_JOB), [OVERDUE_JOB]: reminderData(duesReminders, OVERDUE_JOB) },
    updateSections: [createDuesUpdateSection(dues)],
    privacy: [{ feature: 'dues', order: 90, forget: (guildId: string, userId: string) => dues.forgetMember(guildId, userId) }],
  });
}
