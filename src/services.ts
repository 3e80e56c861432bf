// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { Db } from './db/open.js';
import type { Clock } from './shared/clock.js';
import { createJobsRepo } from './scheduler/jobs.repo.js';
import { noSpacesDirectory, type SpacesDirectory } from './rhythm/ports.js';
import { createRhythmRepo } from './rhythm/rhythm.repo.js';
import { createRhythmService } from './rhythm/rhythm.service.js';

/** Stand-ins for features that have not landed yet (or for end-to-end tests that need a known world). */
export interface ServicePorts {
  directory?: SpacesDirectory;
}

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  ports?: ServicePorts;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  // sections: each feature's UpdateSectionProvider; directory: the directory feature's spaces (wired at merge).
  const rhythm = createRhythmService({ repo: createRhythmRepo(db), jobs, alliances, clock, sections: [], directory: deps.ports?.directory ?? noSpacesDirectory });
  return { jobs, alliances, rhythm };
}

export type Services = ReturnType<typeof createServices>;
