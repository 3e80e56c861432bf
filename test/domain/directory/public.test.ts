// The public page's view of the directory: consent decides what is listed, identity tags need the second consent
// (in hits, filters and text search), pending spaces never appear, and alliances stay apart.
import { describe, expect, it } from 'vitest';
import { englishError, englishOf } from '../../support/english.js';
import { nameSlug, publicTags } from '../../../src/directory/directory-public.rules.js';
import { isIdentityTag, mentionsIdentity } from '../../../src/directory/directory.rules.js';
import { DomainError } from '../../../src/shared/errors.js';
import { actor, GUILD, HOST, montreal, ORGANIZER, OTHER_GUILD, seattle, setup, STRANGER } from './helpers.js';

const host = actor(HOST);
const organizer = actor(ORGANIZER, { organizer: true });

function listed(s: ReturnType<typeof setup>, guildId = GUILD, query = {}) {
  return s.dir.publicSearch(guildId, query, 0).items.map((hit) => s.dir.publicPage.fromHit(hit));
}

describe('public listing', () => {
  it('lists only approved spaces whose host said yes', () => {
    const s = setup();
    s.alliances.update(organizer, { directoryApproval: false });
    const rainier = s.dir.register(host, seattle).space;
    s.dir.register(host, montreal);
    expect(listed(s)).toEqual([]);
    s.dir.publicPage.setConsent(host, rainier.id, { listed: true });
    expect(listed(s).map((p) => p.name)).toEqual(['Rainier Commons']);
    expect(s.dir.publicPage.spaces(GUILD).map((p) => p.name)).toEqual(['Rainier Commons']);
    expect(s.dir.publicPage.space(GUILD, rainier.id)?.path).toBe(`${rainier.id}-rainier-commons`);
    s.dir.publicPage.setConsent(host, rainier.id, { listed: false });
    expect(s.dir.publicPage.space(GUILD, rainier.id)).toBeNull();
  });

  it('never shows a pending space, even with consent, nor another alliance’s', () => {
    const s = setup();
    const pending = s.dir.register(host, seattle).space;
    s.dir.publicPage.setConsent(host, pending.id, { listed: true });
    expect(listed(s)).toEqual([]);
    expect(s.dir.publicPage.space(GUILD, pending.id)).toBeNull();
    s.dir.approve(organizer, pending.id);
    expect(listed(s)).toHaveLength(1);
    expect(listed(s, OTHER_GUILD)).toEqual([]);
    expect(s.dir.publicPage.space(OTHER_GUILD, pending.id)).toBeNull();
  });

  it('drops a removed space at once', () => {
    const s = setup();
    s.alliances.update(organizer, { directoryApproval: false });
    const rainier = s.dir.register(host, seattle).space;
    s.dir.publicPage.setConsent(host, rainier.id, { listed: true });
    const before = s.dir.publicPage.version(GUILD);
    s.dir.remove(host, rainier.id);
    expect(s.dir.publicPage.spaces(GUILD)).toEqual([]);
    expect(s.dir.publicPage.space(GUILD, rainier.id)).toBeNull();
    expect(s.dir.publicPage.version(GUILD)).not.toBe(before);
  });

  it('lets only hosts and organizers change consent', () => {
    const s = setup();
    const rainier = s.dir.register(host, seattle).space;
    expect(() => s.dir.publicPage.setConsent(actor(STRANGER), rainier.id, { listed: true })).toThrow(DomainError);
    expect(s.dir.publicPage.setConsent(organizer, rainier.id, { tags: true })).toEqual({ name: 'Rainier Commons', listed: false, tags: true });
  });
});

describe('identity tags', () => {
  function withRainier() {
    const s = setup();
    s.alliances.update(organizer, { directoryApproval: false });
    const rainier = s.dir.register(host, seattle).space;
    s.dir.publicPage.setConsent(host, rainier.id, { listed: true });
    return { s, rainier };
  }

  it('are hidden without the second consent, shown with it', () => {
    const { s, rainier } = withRainier();
    expect(listed(s)[0]!.tags).toEqual(['coworking', 'childcare']);
    s.dir.publicPage.setConsent(host, rainier.id, { tags: true });
    expect(listed(s)[0]!.tags).toEqual(['bipoc-owned', 'coworking', 'childcare']);
  });

  it('do not find the space through the tag filter or a text search without the second consent', () => {
    const { s, rainier } = withRainier();
    expect(listed(s, GUILD, { tag: 'bipoc-owned' })).toEqual([]);
    expect(listed(s, GUILD, { text: 'bipoc' })).toEqual([]);
    expect(listed(s, GUILD, { text: 'childcare' }).map((p) => p.name)).toEqual(['Rainier Commons']);
    s.dir.publicPage.setConsent(host, rainier.id, { tags: true });
    expect(listed(s, GUILD, { tag: 'bipoc-owned' }).map((p) => p.name)).toEqual(['Rainier Commons']);
    // Members in Discord still find it by its tags as before.
    expect(s.dir.search(GUILD, { text: 'bipoc' }).items).toHaveLength(1);
  });

  it('are recognised by shape, including tags an alliance invents', () => {
    expect(['women-owned', 'veteran-led', 'neurodivergent-owned'].every(isIdentityTag)).toBe(true);
    expect(isIdentityTag('coworking')).toBe(false);
    expect(publicTags(['women-owned', 'quiet'], false)).toEqual(['quiet']);
    expect(mentionsIdentity('Women in tech')).toBe(true);
    expect(mentionsIdentity('neurodivergent', ['neurodivergent-owned'])).toBe(true);
    expect(mentionsIdentity('quiet loft')).toBe(false);
  });
});

describe('space addresses', () => {
  it('slug the name in ASCII', () => {
    expect(nameSlug('Café Collectif, Mile-End!')).toBe('cafe-collectif-mile-end');
    expect(nameSlug('東京')).toBe('space');
  });
});

describe('the alliance page', () => {
  it('answers for its slug only while on; slugs are unique and needed to turn it on', () => {
    const s = setup();
    expect(englishError(() => s.alliances.update(organizer, { publicPage: true }))).toMatch(/public-slug is needed/);
    s.alliances.update(organizer, { publicSlug: 'river-valley' });
    expect(s.alliances.publicPage('river-valley')).toBeNull();
    s.alliances.update(organizer, { publicPage: true });
    expect(s.alliances.publicPage('river-valley')?.guildId).toBe(GUILD);
    expect(s.alliances.publicPage('RIVER-VALLEY')).toBeNull();
    expect(englishError(() => s.alliances.update(actor(ORGANIZER, { organizer: true, guildId: OTHER_GUILD }), { publicSlug: 'river-valley' }))).toMatch(/taken/);
    expect(englishError(() => s.alliances.update(organizer, { publicSlug: 'ab' }))).toMatch(/3-40 characters/);
    expect(englishError(() => s.alliances.update(actor(HOST), { publicPage: false }))).toMatch(/Only organizers/);
  });
});
