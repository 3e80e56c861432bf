// Shared set-up for the meetings domain tests: a fresh database, a manual clock, the services, and actors.
import { createServices } from '../../../src/services.js';
import type { Actor } from '../../../src/shared/actor.js';
import { manualClock } from '../../../src/shared/clock.js';
import { DomainError } from '../../../src/shared/errors.js';
import { freshDb } from '../../support/db.js';

export const GUILD = '100000000000000001';
export const OTHER_GUILD = '100000000000000002';
export const MEETINGS_CHANNEL = '300000000000000001';
export const OLIVIA = '200000000000000001'; // organizer
export const MARCUS = '200000000000000002';
export const PRIYA = '200000000000000003';
export const SAM = '200000000000000004';

export function actor(userId: string, options: { organizer?: boolean; guildId?: string } = {}): Actor {
  return { guildId: options.guildId ?? GUILD, userId, isOrganizer: options.organizer ?? false, roleIds: [] };
}

export const organizer = (guildId = GUILD): Actor => actor(OLIVIA, { organizer: true, guildId });

/** Friday 20 November 2026, 12:00 UTC (13:00 in Berlin). */
export const START = '2026-11-20T12:00:00Z';

export function setup(options: { start?: string; timezone?: string } = {}) {
  const { db, sqlite, close } = freshDb();
  const clock = manualClock(options.start ?? START);
  const services = createServices({ db, clock });
  for (const guildId of [GUILD, OTHER_GUILD]) {
    services.alliances.update(organizer(guildId), {
      timezone: options.timezone ?? 'Europe/Berlin',
      meetingsChannelId: MEETINGS_CHANNEL,
    });
  }

  /** Schedules and confirms a meeting in one go (first choice). */
  function schedule(who: Actor, input: Parameters<typeof services.meetings.previewSchedule>[1]) {
    const preview = services.meetings.previewSchedule(who, input);
    const confirmed = services.meetings.confirm(who, preview.draftId, 0);
    if (confirmed.kind !== 'scheduled') throw new Error('expected a scheduled meeting');
    return confirmed.meetings[0]!;
  }

  return { db, sqlite, clock, services, close, schedule };
}

export type Setup = ReturnType<typeof setup>;

/** The DomainError a use case throws (fails the test when it throws nothing or something else). */
export function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
