// Members' own data through the composition contract: /privacy over every feature's privacy part (read when a
// member deletes, so every feature's part is there whatever the order features are composed in).
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature, type MemberDataOwner } from '../shared/feature.js';
import { createMemberRowsRepo } from './member-rows.repo.js';
import { createPrivacyService, type SpacesPreviewPort } from './privacy.service.js';

export function createPrivacyFeature(deps: { db: Db; clock: Clock; spaces: SpacesPreviewPort; owners(): readonly MemberDataOwner[] }) {
  return defineFeature({
    services: { privacy: createPrivacyService({ db: deps.db, clock: deps.clock, rows: createMemberRowsRepo(deps.db), spaces: deps.spaces, owners: deps.owners }) },
  });
}
