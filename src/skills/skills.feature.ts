// Skill-share through the composition contract: the skills service, its jobs' data, its monthly-update section and
// its privacy part.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import type { SkillsServiceDeps } from './skills.context.js';
import { createMemberLanguages } from './member-languages.service.js';
import { skillsJobData, type SkillsJobDeps } from './skills.jobs.js';
import { createSkillsRepo } from './skills.repo.js';
import { createSkillsService } from './skills.service.js';
import { skillsUpdateSection } from './skills.update-section.js';

export function createSkillsFeature(
  deps: { db: Db; clock: Clock; organizersChannel: SkillsJobDeps['organizersChannel'] } & Pick<SkillsServiceDeps, 'jobs' | 'timezone' | 'locality' | 'localities'>,
) {
  const repo = createSkillsRepo(deps.db);
  // Places come from the directory's tables, whose triggers move this version: they can be kept between requests.
  const skills = createSkillsService({ ...deps, repo, placesVersion: deps.locality ? (guildId) => repo.placesVersion(guildId) : undefined });
  const memberLanguages = createMemberLanguages(deps);
  return defineFeature({
    services: { skills, memberLanguages },
    jobs: skillsJobData({ jobs: skills.jobs, introFollowup: skills.introFollowup, timezone: deps.timezone, organizersChannel: deps.organizersChannel }),
    updateSections: [skillsUpdateSection(skills)],
    privacy: [
      {
        feature: 'skills',
        order: 20,
        forget: (guildId: string, userId: string) => {
          memberLanguages.forget(guildId, userId);
          return skills.forgetMember(guildId, userId);
        },
      },
    ],
  });
}
