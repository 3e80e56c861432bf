// Scheduled backups through the composition contract: the service that copies and rotates the database file.
import type { JobsRepo } from '../scheduler/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import type { BackupSettings } from './backups.rules.js';
import { createBackupsService } from './backups.service.js';

export function createBackupsFeature(deps: { jobs: JobsRepo; clock: Clock; databasePath: string; settings: BackupSettings | null }) {
  return defineFeature({ services: { backups: createBackupsService(deps) } });
}
