// Referrals between spaces as one feature: its service, its line in the monthly update, its part of /privacy delete.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import type { SpacesLookup } from '../shared/spaces-port.js';
import { createLeadsRepo } from './leads.repo.js';
import { createLeadsService } from './leads.service.js';
import { leadsUpdateSection } from './leads.update-section.js';

export function createLeadsFeature(deps: { db: Db; clock: Clock; spaces: SpacesLookup; timezone(guildId: string): string }) {
  const leads = createLeadsService({ repo: createLeadsRepo(deps.db), clock: deps.clock, spaces: deps.spaces, timezone: deps.timezone });
  return defineFeature({
    services: { leads },
    updateSections: [leadsUpdateSection(leads)],
    privacy: [{ feature: 'leads', order: 70, forget: (guildId: string, userId: string) => leads.forgetMember(guildId, userId) }],
  });
}
