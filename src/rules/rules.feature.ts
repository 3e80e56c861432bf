// The decision-rules feature through the composition contract: each alliance's quorum and thresholds.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createRulesRepo } from './rules.repo.js';
import { createRulesService } from './rules.service.js';

export function createRulesFeature(deps: { db: Db; clock: Clock }) {
  return defineFeature({ services: { rules: createRulesService({ repo: createRulesRepo(deps.db), clock: deps.clock }) } });
}
