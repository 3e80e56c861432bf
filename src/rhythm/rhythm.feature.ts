// The rhythm through the composition contract: monthly updates over every feature's section, Coworking Day, and
// its jobs' data and its privacy part (the coworking-day events a member hosts).
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import type { UpdateSectionProvider } from '../shared/update-section.js';
import type { SpacesDirectory } from './ports.js';
import { rhythmJobData } from './rhythm.jobs.js';
import { createRhythmRepo } from './rhythm.repo.js';
import { createRhythmService, type RhythmServiceDeps } from './rhythm.service.js';

export function createRhythmFeature(deps: {
  db: Db;
  jobs: RhythmServiceDeps['jobs'];
  alliances: AlliancesService;
  clock: Clock;
  /** Every other feature's monthly-update sections, gathered by services.ts (read when an update is composed). */
  sections(): readonly UpdateSectionProvider[];
  directory: SpacesDirectory;
}) {
  const rhythm = createRhythmService({ repo: createRhythmRepo(deps.db), jobs: deps.jobs, alliances: deps.alliances, clock: deps.clock, sections: deps.sections, directory: deps.directory });
  return defineFeature({
    services: { rhythm },
    jobs: rhythmJobData(rhythm),
    privacy: [{ feature: 'rhythm', order: 40, forget: (guildId: string, userId: string) => rhythm.forgetMember(guildId, userId) }],
  });
}
