// The health check through the composition contract: what /doctor and the CLI report about the bot's state.
import type { BackupsService } from '../backups/backups.service.js';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createDoctorService } from './doctor.service.js';

export function createDoctorFeature(deps: { db: Db; clock: Clock; backups: Pick<BackupsService, 'settings' | 'lastBackup'> }) {
  return defineFeature({ services: { doctor: createDoctorService(deps) } });
}
