// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { Db } from './db/open.js';
import type { Clock } from './shared/clock.js';
import { createJobsRepo } from './scheduler/jobs.repo.js';
import { createDirectory } from './directory/directory.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  const directory = createDirectory({ db, clock, alliances });
  return { jobs, alliances, directory };
}

export type Services = ReturnType<typeof createServices>;
