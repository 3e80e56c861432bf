// Shared setup for directory domain tests: fresh migrated DB, manual clock, services, and a few actors.
import { afterEach } from 'vitest';
import { createServices } from '../../../src/services.js';
import type { Actor } from '../../../src/shared/actor.js';
import { manualClock } from '../../../src/shared/clock.js';
import type { ProfileInput } from '../../../src/directory/directory.rules.js';
import { freshDb } from '../../support/db.js';

export const GUILD = '100000000000000001';
export const OTHER_GUILD = '100000000000000002';
export const ORGANIZER = '200000000000000001';
export const HOST = '200000000000000002';
export const MEMBER = '200000000000000003';
export const STRANGER = '200000000000000004';

const opened: { close(): void }[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

export function actor(userId: string, opts: { organizer?: boolean; guildId?: string } = {}): Actor {
  return { guildId: opts.guildId ?? GUILD, userId, isOrganizer: opts.organizer ?? false, roleIds: [] };
}

export function setup(start = '2026-03-10T12:00:00Z') {
  const database = freshDb();
  opened.push(database);
  const clock = manualClock(start);
  const services = createServices({ db: database.db, clock });
  return { ...services, db: database.db, sqlite: database.sqlite, clock, dir: services.directory };
}

export const seattle: ProfileInput = {
  name: 'Rainier Commons',
  city: 'Seattle',
  country: 'US',
  desks: 40,
  website: 'https://rainier.example.org',
  dayPass: '$25, alliance pass accepted',
  tags: 'bipoc-owned, coworking, childcare',
  description: 'A bright loft near the light rail with a kids corner.',
  hours: 'Mon-Fri 8-18',
  contact: 'Book at the front desk or email hello@rainier.example.org',
  accessibility: 'Step-free entrance, accessible restroom',
};

export const montreal: ProfileInput = {
  name: 'Café Collectif',
  city: 'Montreal',
  country: 'Canada',
  desks: 12,
  tags: 'women-owned, studio',
  description: 'Studio partagé dans le Mile End.',
};

export function countRows(sqlite: { prepare(sql: string): { get(): unknown } }, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export { databaseBefore, migrationsBefore } from '../../support/db.js';
