// Members' own data through the composition contract: /privacy over every feature's privacy part.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature, type MemberDataOwner } from '../shared/feature.js';
import { createMemberRowsRepo } from './member-rows.repo.js';
import { createPrivacyService, type SpacesPreviewPort } from './privacy.service.js';

export function createPrivacyFeature(deps: { db: Db; clock: Clock; spaces: SpacesPreviewPort; owners: MemberDataOwner[] }) {
  return defineFeature({
    services: { privacy: createPrivacyService({ db: deps.db, clock: deps.clock, rows: createMemberRowsRepo(deps.db), spaces: deps.spaces, owners: deps.owners }) },
  });
}
