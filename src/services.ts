// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { Db } from './db/open.js';
import type { Clock } from './shared/clock.js';
import { createMeetingsFeature } from './meetings/meetings.feature.js';
import { createJobsRepo } from './scheduler/jobs.repo.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  const { meetings, ideas } = createMeetingsFeature({ db, clock, jobs, alliances });
  return { jobs, alliances, meetings, ideas };
}

export type Services = ReturnType<typeof createServices>;
