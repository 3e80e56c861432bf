// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { Db } from './db/open.js';
import type { Clock } from './shared/clock.js';
import { createJobsRepo } from './scheduler/jobs.repo.js';
import { noSpacesDirectory } from './rhythm/ports.js';
import { createRhythmRepo } from './rhythm/rhythm.repo.js';
import { createRhythmService } from './rhythm/rhythm.service.js';
import { createSkillsRepo } from './skills/skills.repo.js';
import { createSkillsService } from './skills/skills.service.js';
import { skillsUpdateSection } from './skills/skills.update-section.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  // locality: the directory feature's memberLocality (wired at merge); matching works without it.
  const skills = createSkillsService({ db, repo: createSkillsRepo(db), jobs, clock, timezone: (guildId) => alliances.settings(guildId).timezone });
  // sections: each feature's UpdateSectionProvider; directory: the directory feature's spaces (wired at merge).
  const rhythm = createRhythmService({ repo: createRhythmRepo(db), jobs, alliances, clock, sections: [skillsUpdateSection(skills)], directory: noSpacesDirectory });
  return { jobs, alliances, skills, rhythm };
}

export type Services = ReturnType<typeof createServices>;
