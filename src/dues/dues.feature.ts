// Builds the dues feature from the database: the ledger and standing service, and the reminders planner, as
// named services, with its monthly-update section and privacy part. The directory's spaces and the alliance's time zone come in as ports.
import type { Db } from '../db/open.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createDuesReminders } from './dues-reminders.service.js';
import type { DuesSpacesPort } from './dues.ports.js';
import { createDuesRepo } from './dues.repo.js';
import { createDuesService } from './dues.service.js';
import { createDuesUpdateSection } from './dues.update-section.js';

export function createDuesFeature(deps: { db: Db; clock: Clock; jobs: JobsRepo; spaces: DuesSpacesPort; timezone(guildId: string): string }) {
  const repo = createDuesRepo(deps.db);
  const transaction = <T>(work: () => T): T => deps.db.transaction(() => work());
  const duesReminders = createDuesReminders({ repo, jobs: deps.jobs, clock: deps.clock, spaces: deps.spaces, timezone: deps.timezone });
  // A new plan or a ledger entry re-plans the reminders at once (a ledger entry inside its own transaction).
  const dues = createDuesService({ repo, clock: deps.clock, spaces: deps.spaces, timezone: deps.timezone, transaction, changed: duesReminders.replan });
  return defineFeature({
    services: { dues, duesReminders },
    updateSections: [createDuesUpdateSection(dues)],
    privacy: [{ feature: 'dues', forget: (guildId: string, userId: string) => dues.forgetMember(guildId, userId) }],
  });
}
