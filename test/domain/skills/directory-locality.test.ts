// Skill matching with the real directory wired in (services.ts): the member's space and city come from it.
import { describe, expect, it } from 'vitest';
import { createDirectoryRepo } from '../../../src/directory/directory.repo.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { freshDb } from '../../support/db.js';
import { actor, G1, U } from './support.js';

const seattle = { name: 'Rainier Commons', city: 'Seattle', country: 'US', desks: 40 };

describe('skills with the directory', () => {
  it('ranks a member of a space in the same city first and shows where people are', () => {
    const { db } = freshDb();
    const services = createServices({ db, clock: manualClock('2026-03-10T12:00:00Z') });
    const organizer = actor(U.hal, G1, true);
    for (const [user, profile] of [
      [U.ana, seattle],
      [U.dan, { ...seattle, name: 'Pike Desk' }],
      [U.ben, { name: 'Café Collectif', city: 'Montreal', country: 'Canada', desks: 12 }],
    ] as const) {
      const { space } = services.directory.register(actor(user), profile);
      services.directory.approve(organizer, space.id);
    }
    services.skills.need(actor(U.ana), { skill: 'seo' });
    for (const user of [U.ben, U.cat, U.dan]) services.skills.offer(actor(user), { skill: 'seo', level: 'expert' });
    const matches = services.skills.match(actor(U.ana));
    expect(matches.map((m) => [m.userId, m.locality, m.place?.spaceName ?? null])).toEqual([
      [U.dan, 'city', 'Pike Desk'],
      [U.ben, 'remote', 'Café Collectif'],
      [U.cat, 'unknown', null],
    ]);
  });

  it('gives the same places in bulk as one member at a time (linked space first, then hosted, per guild)', () => {
    const { db } = freshDb();
    const services = createServices({ db, clock: manualClock('2026-03-10T12:00:00Z') });
    const organizer = actor(U.hal, G1, true);
    const a = services.directory.register(actor(U.ana), seattle).space;
    const b = services.directory.register(actor(U.ana), { ...seattle, name: 'Pike Desk' }).space;
    const c = services.directory.register(actor(U.ben), { name: 'Café Collectif', city: 'Montreal', country: 'Canada', desks: 12 }).space;
    services.directory.register(actor(U.dan), { ...seattle, name: 'Not Yet Approved' });
    for (const space of [a, b, c]) services.directory.approve(organizer, space.id);
    const users = [U.ana, U.ben, U.cat, U.dan, U.hal];
    const bulk = services.directory.memberLocalities(G1, users);
    for (const user of users) expect(bulk.get(user) ?? null).toEqual(services.directory.memberLocality(G1, user));
    expect(bulk.get(U.ana)?.spaceName).toBe('Rainier Commons');
    expect(services.directory.memberLocalities('900000000000000002', users).size).toBe(0);
  });

  it('reads one place per host, their first space, however many spaces they host', () => {
    const { db } = freshDb();
    const services = createServices({ db, clock: manualClock('2026-03-10T12:00:00Z') });
    const organizer = actor(U.hal, G1, true);
    const spaces = ['Rainier Commons', 'Pike Desk', 'Fremont Loft'].map((name) => services.directory.register(actor(U.ana), { ...seattle, name }).space);
    for (const space of spaces) services.directory.approve(organizer, space.id);
    const { hosted } = createDirectoryRepo(db).approvedSpacesOf(G1, [U.ana, U.ben]);
    expect(hosted).toEqual([expect.objectContaining({ userId: U.ana, spaceId: spaces[0]!.id, spaceName: 'Rainier Commons', city: 'Seattle' })]);
  });
});

