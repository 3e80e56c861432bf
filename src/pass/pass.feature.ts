// The alliance pass as one feature: its service, its line in the monthly update and its part of /privacy delete.
import { randomInt } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import type { SpacesLookup } from '../shared/spaces-port.js';
import { createPassRepo } from './pass.repo.js';
import { createPassService } from './pass.service.js';
import { passUpdateSection } from './pass.update-section.js';

export function createPassFeature(deps: { db: Db; clock: Clock; spaces: SpacesLookup; timezone(guildId: string): string; randomIndex?(n: number): number }) {
  const pass = createPassService({ repo: createPassRepo(deps.db), clock: deps.clock, spaces: deps.spaces, timezone: deps.timezone, randomIndex: deps.randomIndex ?? ((n) => randomInt(n)) });
  return defineFeature({
    services: { pass },
    updateSections: [passUpdateSection(pass)],
    privacy: [{ feature: 'pass', order: 60, forget: (guildId: string, userId: string) => pass.forgetMember(guildId, userId) }],
  });
}
