// Scheduled backups through the composition contract: the service that copies and rotates the database file.
import { defineFeature } from '../shared/feature.js';
import { createBackupsService } from './backups.service.js';

export function createBackupsFeature(deps: Parameters<typeof createBackupsService>[0]) {
  return defineFeature({ services: { backups: createBackupsService(deps) } });
}
