// Skill-share through the composition contract: the skills service, its monthly-update section and its privacy part.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import type { SkillsServiceDeps } from './skills.context.js';
import { createSkillsRepo } from './skills.repo.js';
import { createSkillsService } from './skills.service.js';
import { skillsUpdateSection } from './skills.update-section.js';

export function createSkillsFeature(deps: { db: Db; clock: Clock } & Pick<SkillsServiceDeps, 'jobs' | 'timezone' | 'locality' | 'localities'>) {
  const skills = createSkillsService({ ...deps, repo: createSkillsRepo(deps.db) });
  return defineFeature({
    services: { skills },
    updateSections: [skillsUpdateSection(skills)],
    privacy: [{ feature: 'skills', forget: (guildId: string, userId: string) => skills.forgetMember(guildId, userId) }],
  });
}
