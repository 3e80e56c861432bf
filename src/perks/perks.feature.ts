// Member perks as one feature: its service and its part of /privacy delete.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createPerksRepo } from './perks.repo.js';
import { createPerksService } from './perks.service.js';

export function createPerksFeature(deps: { db: Db; clock: Clock; timezone(guildId: string): string }) {
  const perks = createPerksService({ repo: createPerksRepo(deps.db), clock: deps.clock, timezone: deps.timezone });
  return defineFeature({ services: { perks }, privacy: [{ feature: 'perks', order: 80, forget: (guildId: string, userId: string) => perks.forgetMember(guildId, userId) }] });
}
