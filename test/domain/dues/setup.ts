// A fresh database, a manual clock and the services, with two alliances whose member spaces are known stand-ins.
import { freshDb } from '../../support/db.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import type { Actor } from '../../../src/shared/actor.js';
import type { SpacesPort } from '../../../src/proposals/ports.js';

export const G1 = '100000000000000001';
export const G2 = '200000000000000002';
export const ORGANIZER = '400000000000000000';
export const HOST_A = '400000000000000001';
export const HOST_B = '400000000000000002';
export const HOST_C = '400000000000000003';
export const MEMBER = '400000000000000009';

export const actor = (userId: string, guildId = G1, isOrganizer = false): Actor => ({ guildId, userId, isOrganizer, roleIds: [] });
export const organizer = (guildId = G1) => actor(ORGANIZER, guildId, true);

/** Three member spaces in G1 (Hive by A, Loft by B, Dock by C and A), one in G2. */
export const spaces: SpacesPort = {
  approvedSpaces: (guildId) =>
    guildId === G1
      ? [
          { id: 1, name: 'Hive', hostUserIds: [HOST_A] },
          { id: 2, name: 'Loft', hostUserIds: [HOST_B] },
          { id: 3, name: 'Dock', hostUserIds: [HOST_C, HOST_A] },
        ]
      : [{ id: 9, name: 'Elsewhere', hostUserIds: [HOST_A] }],
};

export function setup(now = '2027-01-05T15:00:00Z') {
  const db = freshDb();
  const clock = manualClock(now);
  const services = createServices({ db: db.db, clock, ports: { spaces } });
  for (const guildId of [G1, G2]) {
    services.alliances.update(organizer(guildId), { proposalsChannelId: `5000000000000000${guildId.slice(-2)}`, organizersChannelId: `6000000000000000${guildId.slice(-2)}` });
  }
  return { db, clock, services };
}

export function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    return (error as { problems?: { field: string }[] }).problems?.map((p) => p.field) ?? [String(error)];
  }
  return [];
}
