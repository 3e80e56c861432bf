// Space profiles: registration (options then modal), approval, editing, removal, hosts, member links.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/shared/errors.js';
import { actor, countRows, GUILD, HOST, MEMBER, montreal, ORGANIZER, OTHER_GUILD, seattle, setup, STRANGER } from './helpers.js';
import { englishError, englishOf } from '../../support/english.js';

const organizer = actor(ORGANIZER, { organizer: true });
const host = actor(HOST);

function problemsOf(run: () => unknown): { kind: string; fields: string[]; messages: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { kind: error.kind, fields: error.problems.map((p) => p.field), messages: error.problems.map(englishOf) };
  }
  throw new Error('expected a DomainError');
}

describe('registering a space', () => {
  it('starts pending, with the caller as host and gazetteer coordinates', () => {
    const { dir } = setup();
    const { space, needsApproval } = dir.register(host, seattle);
    expect(needsApproval).toBe(true);
    expect(space).toMatchObject({
      status: 'pending',
      hosts: [HOST],
      city: 'Seattle',
      region: 'Washington',
      country: 'US',
      countryName: 'United States',
      tags: ['bipoc-owned', 'coworking', 'childcare'],
      dayPass: '$25, alliance pass accepted',
      approvedAt: null,
    });
    expect(space.latitude).toBeCloseTo(47.606, 2);
  });

  it('stores the country as alpha-2 and the city with its accents', () => {
    const { dir } = setup();
    const { space } = dir.register(host, montreal);
    expect(space).toMatchObject({ city: 'Montréal', country: 'CA', region: 'Quebec' });
  });

  it('is approved at once when the alliance turned approval off', () => {
    const { dir, alliances } = setup();
    alliances.update(organizer, { directoryApproval: false });
    const { space, needsApproval } = dir.register(host, seattle);
    expect(needsApproval).toBe(false);
    expect(space.status).toBe('approved');
    expect(space.approvedAt).not.toBeNull();
  });

  it('takes coordinates the host gives instead of the gazetteer’s', () => {
    const { dir } = setup();
    const { space } = dir.register(host, { ...seattle, latitude: 47.55, longitude: -122.28 });
    expect(space).toMatchObject({ latitude: 47.55, longitude: -122.28 });
  });

  it('parks the options, then registers with the modal fields', () => {
    const { dir } = setup();
    const { description, hours, contact, accessibility, ...options } = seattle;
    const draft = dir.prepareRegistration(host, options);
    expect(draft).toMatchObject({ name: 'Rainier Commons', city: 'Seattle' });
    const { space } = dir.completeRegistration(host, draft.draftId, { description, hours, contact, accessibility });
    expect(space).toMatchObject({ description, hours, contact, accessibility, desks: 40 });
    expect(englishError(() => dir.completeRegistration(host, draft.draftId, {}))).toMatch(/expired/);
  });

  it('does not let someone else complete a parked registration', () => {
    const { dir } = setup();
    const { description: _d, hours: _h, contact: _c, accessibility: _a, ...options } = seattle;
    const draft = dir.prepareRegistration(host, options);
    expect(problemsOf(() => dir.completeRegistration(actor(STRANGER), draft.draftId, {})).kind).toBe('not_found');
  });
});

describe('bad input is refused naming the field, and nothing is stored', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['an invalid URL', { website: 'ftp://files.example.org' }, 'website', /http/],
    ['a URL that is not one', { website: 'not a url' }, 'website', /http/],
    ['too few desks', { desks: 0 }, 'desks', /between 1 and 5,000/],
    ['too many desks', { desks: 5001 }, 'desks', /between 1 and 5,000/],
    ['an unknown city', { city: 'Seatle' }, 'city', /Closest: Seattle/],
    ['a city in another country', { city: 'Montreal', country: 'US' }, 'city', /not a place I know in United States/],
    ['an unknown country', { country: 'Atlantis' }, 'country', /not a country/],
    ['an over-long description', { description: 'x'.repeat(1001) }, 'description', /at most 1,000 characters/],
    ['an over-long name', { name: 'x'.repeat(81) }, 'name', /at most 80/],
    ['a bad tag', { tags: 'coworking, Not/A/Tag' }, 'tags', /"Not\/A\/Tag"/],
    ['latitude without longitude', { latitude: 47 }, 'longitude', /go together/],
    ['latitude out of range', { latitude: 91, longitude: 0 }, 'latitude', /between -90 and 90/],
  ];
  for (const [what, change, field, message] of cases) {
    it(`refuses ${what}`, () => {
      const { dir, sqlite } = setup();
      const result = problemsOf(() => dir.register(host, { ...seattle, ...change }));
      expect(result.kind).toBe('invalid');
      expect(result.fields).toContain(field);
      expect(result.messages.join(' ')).toMatch(message);
      expect(countRows(sqlite, 'spaces')).toBe(0);
      expect(countRows(sqlite, 'space_tags')).toBe(0);
    });
  }

  it('reports every wrong field at once', () => {
    const { dir } = setup();
    const result = problemsOf(() => dir.register(host, { ...seattle, desks: 0, website: 'nope' }));
    expect(result.fields).toEqual(expect.arrayContaining(['desks', 'website']));
  });

  it('refuses a duplicate name in the same city (accents and case ignored), not in another city', () => {
    const { dir, sqlite } = setup();
    dir.register(host, seattle);
    const result = problemsOf(() => dir.register(actor(STRANGER), { ...seattle, name: 'rainier  COMMONS' }));
    expect(result.fields).toEqual(['name']);
    expect(countRows(sqlite, 'spaces')).toBe(1);
    expect(() => dir.register(actor(STRANGER), { ...seattle, city: 'Tacoma' })).not.toThrow();
  });

  it('checks options before the modal so the member never fills it in vain', () => {
    const { dir, sqlite } = setup();
    expect(problemsOf(() => dir.prepareRegistration(host, { ...seattle, desks: 9000 })).fields).toEqual(['desks']);
    expect(countRows(sqlite, 'directory_stash')).toBe(0);
  });
});

describe('approval', () => {
  it('lists pending spaces for organizers and approves them', () => {
    const { dir, clock } = setup();
    const { space } = dir.register(host, seattle);
    expect(dir.pending(organizer).map((s) => s.id)).toEqual([space.id]);
    clock.advance(60_000);
    const approved = dir.approve(organizer, space.id);
    expect(approved).toMatchObject({ status: 'approved', approvedAt: clock.now().getTime() });
    expect(dir.pending(organizer)).toEqual([]);
    expect(problemsOf(() => dir.approve(organizer, space.id)).kind).toBe('conflict');
  });

  it('lets only organizers list, approve or reject', () => {
    const { dir } = setup();
    const { space } = dir.register(host, seattle);
    expect(problemsOf(() => dir.pending(host)).kind).toBe('forbidden');
    expect(problemsOf(() => dir.approve(host, space.id)).kind).toBe('forbidden');
    expect(problemsOf(() => dir.reject(host, space.id)).kind).toBe('forbidden');
  });

  it('rejecting removes the listing so the name is free again', () => {
    const { dir, sqlite } = setup();
    const { space } = dir.register(host, seattle);
    expect(dir.reject(organizer, space.id)).toMatchObject({ name: 'Rainier Commons', createdBy: HOST });
    expect(countRows(sqlite, 'spaces')).toBe(0);
    expect(countRows(sqlite, 'space_hosts')).toBe(0);
    expect(() => dir.register(host, seattle)).not.toThrow();
  });

  it('shows a pending space only to its hosts and organizers', () => {
    const { dir } = setup();
    const { space } = dir.register(host, seattle);
    expect(dir.show(host, space.id).name).toBe('Rainier Commons');
    expect(dir.show(organizer, space.id).name).toBe('Rainier Commons');
    expect(problemsOf(() => dir.show(actor(STRANGER), space.id)).kind).toBe('not_found');
    dir.approve(organizer, space.id);
    expect(dir.show(actor(STRANGER), space.id).name).toBe('Rainier Commons');
  });
});

describe('editing and removing', () => {
  it('a host edits any field; moving city takes the new city’s coordinates', () => {
    const { dir } = setup();
    const { space } = dir.register(host, seattle);
    const edited = dir.edit(host, space.id, { city: 'Tacoma', desks: 55, tags: 'quiet', website: null });
    expect(edited).toMatchObject({ city: 'Tacoma', desks: 55, tags: ['quiet'], website: null, name: 'Rainier Commons' });
    expect(edited.latitude).toBeCloseTo(47.25, 1);
    expect(edited.description).toBe(seattle.description);
  });

  it('a non-host cannot edit or remove; an organizer can', () => {
    const { dir, sqlite } = setup();
    const { space } = dir.register(host, seattle);
    expect(problemsOf(() => dir.edit(actor(STRANGER), space.id, { desks: 1 })).kind).toBe('forbidden');
    expect(problemsOf(() => dir.remove(actor(STRANGER), space.id)).kind).toBe('forbidden');
    expect(dir.show(host, space.id).desks).toBe(40);
    expect(dir.edit(organizer, space.id, { desks: 41 }).desks).toBe(41);
    dir.remove(organizer, space.id);
    expect(countRows(sqlite, 'spaces')).toBe(0);
  });

  it('an invalid edit changes nothing', () => {
    const { dir } = setup();
    const { space } = dir.register(host, seattle);
    expect(problemsOf(() => dir.edit(host, space.id, { desks: 77, website: 'javascript:alert(1)' })).fields).toEqual(['website']);
    expect(dir.show(host, space.id)).toMatchObject({ desks: 40, website: seattle.website });
  });

  it('renaming onto another space of the same city is refused', () => {
    const { dir } = setup();
    dir.register(host, seattle);
    const { space } = dir.register(host, { ...seattle, name: 'Second Place' });
    expect(problemsOf(() => dir.edit(host, space.id, { name: 'Rainier Commons' })).fields).toEqual(['name']);
    expect(dir.edit(host, space.id, { name: 'Second Place' }).name).toBe('Second Place');
  });
});

describe('hosts and members', () => {
  it('a host adds and removes co-hosts, but never the last one', () => {
    const { dir } = setup();
    const { space } = dir.register(host, seattle);
    expect(dir.addHost(host, space.id, MEMBER).hosts).toEqual([HOST, MEMBER]);
    expect(dir.edit(actor(MEMBER), space.id, { desks: 3 }).desks).toBe(3);
    expect(problemsOf(() => dir.addHost(actor(STRANGER), space.id, STRANGER)).kind).toBe('forbidden');
    expect(dir.removeHost(actor(MEMBER), space.id, HOST).hosts).toEqual([MEMBER]);
    expect(problemsOf(() => dir.removeHost(actor(MEMBER), space.id, MEMBER)).kind).toBe('conflict');
  });

  it('a member asks to join, the host approves, and the profile lists them', () => {
    const { dir } = setup();
    const { space } = dir.register(host, seattle);
    dir.approve(organizer, space.id);
    dir.requestJoin(actor(MEMBER), space.id);
    expect(problemsOf(() => dir.requestJoin(actor(MEMBER), space.id)).kind).toBe('conflict');
    expect(dir.show(actor(MEMBER), space.id).members).toEqual([]);
    expect(problemsOf(() => dir.decideJoin(actor(STRANGER), space.id, MEMBER, true)).kind).toBe('forbidden');
    expect(dir.decideJoin(host, space.id, MEMBER, true).approved).toBe(true);
    expect(dir.show(actor(STRANGER), space.id).members).toEqual([MEMBER]);
  });

  it('a declined request leaves no link; a host cannot join their own space', () => {
    const { dir, sqlite } = setup();
    const { space } = dir.register(host, seattle);
    dir.approve(organizer, space.id);
    expect(problemsOf(() => dir.requestJoin(host, space.id)).kind).toBe('conflict');
    dir.requestJoin(actor(MEMBER), space.id);
    dir.decideJoin(host, space.id, MEMBER, false);
    expect(countRows(sqlite, 'space_members')).toBe(0);
  });

  it('joining a second space moves the member there', () => {
    const { dir } = setup();
    const a = dir.register(host, seattle).space;
    const b = dir.register(host, montreal).space;
    dir.approve(organizer, a.id);
    dir.approve(organizer, b.id);
    dir.requestJoin(actor(MEMBER), a.id);
    dir.decideJoin(host, a.id, MEMBER, true);
    dir.requestJoin(actor(MEMBER), b.id);
    dir.decideJoin(host, b.id, MEMBER, true);
    expect(dir.show(host, a.id).members).toEqual([]);
    expect(dir.show(host, b.id).members).toEqual([MEMBER]);
  });

  it('a pending space cannot be joined', () => {
    const { dir } = setup();
    const { space } = dir.register(host, seattle);
    expect(problemsOf(() => dir.requestJoin(actor(MEMBER), space.id)).kind).toBe('not_found');
  });
});

describe('alliance isolation', () => {
  it('another alliance can neither see nor change a space, and may reuse its name', () => {
    const { dir } = setup();
    const { space } = dir.register(host, seattle);
    dir.approve(organizer, space.id);
    const outsider = actor(ORGANIZER, { organizer: true, guildId: OTHER_GUILD });
    expect(problemsOf(() => dir.show(outsider, space.id)).kind).toBe('not_found');
    expect(problemsOf(() => dir.edit(outsider, space.id, { desks: 1 })).kind).toBe('not_found');
    expect(problemsOf(() => dir.remove(outsider, space.id)).kind).toBe('not_found');
    expect(dir.pending(outsider)).toEqual([]);
    expect(dir.register(actor(HOST, { guildId: OTHER_GUILD }), seattle).space.guildId).toBe(OTHER_GUILD);
    expect(dir.show(actor(STRANGER), space.id).guildId).toBe(GUILD);
  });
});
