// A fresh database, a manual clock and the services, with an alliance that has a proposals channel.
import { freshDb } from '../../support/db.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import type { Actor } from '../../../src/shared/actor.js';
import type { AgendaPort, GuildPeople, SpacesPort } from '../../../src/proposals/ports.js';

export const G1 = '100000000000000001';
export const G2 = '200000000000000002';
export const BOARD = '300000000000000003';
export const ORGANIZER = '400000000000000000';
export const members = ['400000000000000001', '400000000000000002', '400000000000000003', '400000000000000004'] as const;

export function actor(userId: string, guildId = G1, isOrganizer = false, roleIds: string[] = []): Actor {
  return { guildId, userId, isOrganizer, roleIds };
}

export const organizer = (guildId = G1) => actor(ORGANIZER, guildId, true);

/** The organizer plus four members; the first two hold the board role. */
export const people: GuildPeople = {
  humans: [
    { id: ORGANIZER, roleIds: [] },
    ...members.map((id, i) => ({ id, roleIds: i < 2 ? [BOARD] : [] })),
  ],
};

export function setup(options: { spaces?: SpacesPort; agenda?: AgendaPort } = {}) {
  const db = freshDb();
  const clock = manualClock('2026-11-24T10:00:00Z');
  const services = createServices({ db: db.db, clock, ports: options });
  for (const guildId of [G1, G2]) {
    services.alliances.update(organizer(guildId), { proposalsChannelId: `5000000000000000${guildId.slice(-2)}`, announcementsChannelId: `6000000000000000${guildId.slice(-2)}` });
  }
  return { db, clock, services };
}

export const basic = { title: 'Shared printer', summary: 'Buy a shared printer for the alliance.' };
