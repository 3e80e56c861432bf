// The alliances feature through the composition contract: each guild's alliance and its settings.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createAlliancesRepo } from './alliances.repo.js';
import { createAlliancesService } from './alliances.service.js';

export function createAlliancesFeature(deps: { db: Db; clock: Clock }) {
  return defineFeature({ services: { alliances: createAlliancesService({ repo: createAlliancesRepo(deps.db), clock: deps.clock }) } });
}
