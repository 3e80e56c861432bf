// Members' places kept between matches (services.ts wiring, real directory): read once while the directory does
// not change, and any change to a space, its hosts or its members shows in the very next match.
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { freshDb } from '../../support/db.js';
import { actor, G1, G2, U } from './support.js';

const seattle = { name: 'Rainier Commons', city: 'Seattle', country: 'US', desks: 40 };
const organizer = actor(U.hal, G1, true);

function world() {
  const { db } = freshDb();
  const services = createServices({ db, clock: manualClock('2026-03-10T12:00:00Z') });
  const reads = { bulk: 0, single: 0 };
  const { memberLocalities, memberLocality } = services.directory;
  services.directory.memberLocalities = (guildId, userIds) => (reads.bulk++, memberLocalities(guildId, userIds));
  services.directory.memberLocality = (guildId, userId) => (reads.single++, memberLocality(guildId, userId));
  const ana = services.directory.register(actor(U.ana), seattle).space;
  services.directory.approve(organizer, ana.id);
  const ben = services.directory.register(actor(U.ben), { ...seattle, name: 'Pike Desk' }).space;
  services.directory.approve(organizer, ben.id);
  services.skills.need(actor(U.ana), { skill: 'seo' });
  for (const user of [U.ben, U.cat, U.dan]) services.skills.offer(actor(user), { skill: 'seo', level: 'expert' });
  const places = () => services.skills.match(actor(U.ana)).map((m) => [m.userId, m.locality, m.place?.spaceName ?? null]);
  return { db, services, reads, places, spaces: { ana, ben } };
}

describe('places kept between matches', () => {
  it('reads places from the directory once for many matches while it does not change', () => {
    const { reads, places } = world();
    const first = places();
    const afterFirst = { ...reads };
    for (let i = 0; i < 5; i++) expect(places()).toEqual(first);
    expect(afterFirst.single + afterFirst.bulk).toBeGreaterThan(0);
    expect(reads).toEqual(afterFirst);
  });

  it('a member whose request to join a space is approved has that place in the next match', () => {
    const { services, places, spaces } = world();
    expect(places()).toContainEqual([U.cat, 'unknown', null]);
    services.directory.requestJoin(actor(U.cat), spaces.ana.id);
    expect(places()).toContainEqual([U.cat, 'unknown', null]);
    services.directory.decideJoin(actor(U.ana), spaces.ana.id, U.cat, true);
    expect(places()).toContainEqual([U.cat, 'space', 'Rainier Commons']);
  });

  it('a space renamed or moved shows in the next match', () => {
    const { services, places, spaces } = world();
    expect(places()).toContainEqual([U.ben, 'city', 'Pike Desk']);
    services.directory.edit(actor(U.ben), spaces.ben.id, { name: 'Pike Desk & Loft' });
    expect(places()).toContainEqual([U.ben, 'city', 'Pike Desk & Loft']);
    services.directory.edit(actor(U.ben), spaces.ben.id, { city: 'Montreal', country: 'Canada' });
    expect(places()).toContainEqual([U.ben, 'remote', 'Pike Desk & Loft']);
  });

  it('a host added to a space, then the space removed, shows in the next match each time', () => {
    const { services, places, spaces } = world();
    services.directory.addHost(actor(U.ben), spaces.ben.id, U.dan);
    expect(places()).toContainEqual([U.dan, 'city', 'Pike Desk']);
    services.directory.remove(actor(U.ben), spaces.ben.id);
    expect(places()).toContainEqual([U.dan, 'unknown', null]);
    expect(places()).toContainEqual([U.ben, 'unknown', null]);
  });

  it('a change written by another process (same database) shows in the next match', () => {
    const { db, places, spaces } = world();
    expect(places()).toContainEqual([U.cat, 'unknown', null]);
    const other = createServices({ db, clock: manualClock('2026-03-10T12:00:00Z') });
    other.directory.addHost(actor(U.ana), spaces.ana.id, U.cat);
    expect(places()).toContainEqual([U.cat, 'space', 'Rainier Commons']);
  });

  it('a change in another alliance does not make this one read its places again', () => {
    const { services, reads, places } = world();
    places();
    const before = { ...reads };
    services.directory.register(actor(U.eve, G2), { ...seattle, name: 'Elsewhere' });
    places();
    expect(reads).toEqual(before);
  });
});
