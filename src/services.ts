// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { Db } from './db/open.js';
import type { Clock } from './shared/clock.js';
import { createJobsRepo } from './scheduler/jobs.repo.js';
import { createSkillsRepo } from './skills/skills.repo.js';
import { createSkillsService } from './skills/skills.service.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  const skills = createSkillsService({ db, repo: createSkillsRepo(db), jobs, clock, timezone: (guildId) => alliances.settings(guildId).timezone });
  return { jobs, alliances, skills };
}

export type Services = ReturnType<typeof createServices>;
