// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { Db } from './db/open.js';
import { createDirectory } from './directory/directory.js';
import { directoryUpdateSection } from './directory/directory.update-section.js';
import type { Clock } from './shared/clock.js';
import { createJobsRepo } from './scheduler/jobs.repo.js';
import { createRhythmRepo } from './rhythm/rhythm.repo.js';
import { createRhythmService } from './rhythm/rhythm.service.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  const directory = createDirectory({ db, clock, alliances });
  // sections: each feature's UpdateSectionProvider.
  const sections = [directoryUpdateSection(directory)];
  const rhythm = createRhythmService({ repo: createRhythmRepo(db), jobs, alliances, clock, sections, directory });
  return { jobs, alliances, directory, rhythm };
}

export type Services = ReturnType<typeof createServices>;
