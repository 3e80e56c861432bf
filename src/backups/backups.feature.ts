// Scheduled backups through the composition contract: the service that copies and rotates the database file, and
// its daily job's data (the copy written, or a skip when a later daily backup supersedes this one).
import { skipJob } from '../jobs/job-handler.js';
import type { Job } from '../jobs/jobs.repo.js';
import { defineFeature } from '../shared/feature.js';
import { BACKUP_JOB_KIND, createBackupsService } from './backups.service.js';

export function createBackupsFeature(deps: Parameters<typeof createBackupsService>[0]) {
  const backups = createBackupsService(deps);
  return defineFeature({
    services: { backups },
    jobs: { [BACKUP_JOB_KIND]: async (job: Job) => (await backups.run(job)) ?? skipJob('a later daily backup supersedes this one') },
  });
}
