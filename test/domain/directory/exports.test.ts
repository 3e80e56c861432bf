// What other features read from the directory, the privacy clean-up, and the monthly update section.
import { describe, expect, it } from 'vitest';
import { directoryUpdateSection } from '../../../src/directory/directory.update-section.js';
import { actor, countRows, GUILD, HOST, MEMBER, montreal, ORGANIZER, OTHER_GUILD, seattle, setup, STRANGER } from './helpers.js';
import { englishSection } from '../../support/english.js';
import { sectionLine } from '../../../src/discord/rhythm/posts.js';
import { sayIn } from '../../../src/i18n/translate.js';

const organizer = actor(ORGANIZER, { organizer: true });
const host = actor(HOST);

describe('read models for other features', () => {
  it('memberLocality: the linked space first, else a hosted approved space, else null', () => {
    const { dir } = setup();
    const a = dir.register(host, seattle).space;
    expect(dir.memberLocality(GUILD, HOST)).toBeNull();
    dir.approve(organizer, a.id);
    expect(dir.memberLocality(GUILD, HOST)).toEqual({ spaceId: a.id, spaceName: 'Rainier Commons', city: 'Seattle', region: 'Washington', country: 'US' });
    const b = dir.register(actor(STRANGER), montreal).space;
    dir.approve(organizer, b.id);
    dir.requestJoin(host, b.id);
    dir.decideJoin(actor(STRANGER), b.id, HOST, true);
    expect(dir.memberLocality(GUILD, HOST)?.spaceName).toBe('Café Collectif');
    expect(dir.memberLocality(OTHER_GUILD, HOST)).toBeNull();
  });

  it('spacesHostedBy and approvedSpaces list approved spaces only, with hosts', () => {
    const { dir } = setup();
    const a = dir.register(host, seattle).space;
    dir.register(host, montreal);
    dir.approve(organizer, a.id);
    dir.addHost(host, a.id, MEMBER);
    expect(dir.spacesHostedBy(GUILD, HOST)).toEqual([{ id: a.id, name: 'Rainier Commons' }]);
    expect(dir.spacesHostedBy(GUILD, MEMBER)).toEqual([{ id: a.id, name: 'Rainier Commons' }]);
    expect(dir.approvedSpaces(GUILD)).toEqual([{ id: a.id, name: 'Rainier Commons', hostUserIds: [HOST, MEMBER] }]);
    expect(dir.approvedSpaces(OTHER_GUILD)).toEqual([]);
  });
});

describe('removeMemberData', () => {
  it('unlinks the member, drops them as co-host, removes spaces they host alone', () => {
    const { dir, sqlite } = setup();
    const alone = dir.register(host, seattle).space;
    const shared = dir.register(host, montreal).space;
    const linked = dir.register(actor(STRANGER), { ...seattle, name: 'Elsewhere' }).space;
    for (const s of [alone, shared, linked]) dir.approve(organizer, s.id);
    dir.addHost(host, shared.id, MEMBER);
    dir.requestJoin(host, linked.id);
    dir.decideJoin(actor(STRANGER), linked.id, HOST, true);
    expect(dir.removeMemberData(GUILD, HOST)).toEqual({ removedSpaceIds: [alone.id], leftSpaceIds: [shared.id], removedListed: [alone.name] });
    expect(dir.show(organizer, shared.id).hosts).toEqual([MEMBER]);
    expect(dir.show(organizer, linked.id).members).toEqual([]);
    expect(countRows(sqlite, 'spaces')).toBe(2);
    expect(dir.search(GUILD, { text: 'rainier' }).total).toBe(0);
  });

  it('drops the registrations the member left waiting for their form (what they typed), not other members’', () => {
    const { dir, sqlite } = setup();
    dir.prepareRegistration(host, seattle);
    dir.prepareRegistration(actor(STRANGER), montreal);
    dir.removeMemberData(GUILD, HOST);
    const left = sqlite.prepare('SELECT user_id AS userId FROM directory_stash').all() as { userId: string }[];
    expect(left.map((row) => row.userId)).toEqual([STRANGER]);
  });
});

describe('monthly update section', () => {
  it('lists spaces approved in the period, and says nothing for an empty month', () => {
    const { dir, clock } = setup('2026-03-10T12:00:00Z');
    const section = directoryUpdateSection(dir);
    const march = { guildId: GUILD, from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-04-01T00:00:00Z'), aheadTo: Date.parse('2026-05-01T00:00:00Z'), now: Date.parse('2026-04-01T10:00:00Z'), timezone: 'UTC' };
    expect(section.build(march)).toBeNull();
    dir.approve(organizer, dir.register(host, seattle).space.id);
    const late = dir.register(host, montreal).space;
    clock.set('2026-04-02T00:00:00Z');
    dir.approve(organizer, late.id);
    expect(englishSection(section.build(march))).toEqual({
      title: 'A new space joined the directory',
      lines: ['• **Rainier Commons** (Seattle, Washington, United States) · bipoc-owned, coworking, childcare'],
    });
  });

  it('names a new space\'s country in the alliance\'s language', () => {
    const { dir } = setup('2026-03-10T12:00:00Z');
    dir.approve(organizer, dir.register(host, { ...seattle, tags: '' }).space.id);
    const march = { guildId: GUILD, from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-04-01T00:00:00Z'), aheadTo: Date.parse('2026-05-01T00:00:00Z'), now: Date.parse('2026-04-01T10:00:00Z'), timezone: 'UTC' };
    const built = directoryUpdateSection(dir).build(march);
    const content = Array.isArray(built) ? built[0]! : built!;
    expect(sectionLine(sayIn('fr'), 'fr', content.lines[0]!)).toBe('• **Rainier Commons** (Seattle, Washington, États-Unis)');
    expect(sectionLine(sayIn('es'), 'es', content.lines[0]!)).toBe('• **Rainier Commons** (Seattle, Washington, Estados Unidos)');
  });
});

describe('demo samples', () => {
  it('seed a dozen approved spaces across four cities, once', async () => {
    const { seedDirectorySamples } = await import('../../../src/shell/demo/directory-samples.js');
    const ctx = setup();
    const members = { olivia: ORGANIZER, marcus: HOST, priya: MEMBER, sam: STRANGER, lee: '200000000000000005' };
    seedDirectorySamples(ctx, { guildId: GUILD, members });
    seedDirectorySamples(ctx, { guildId: GUILD, members });
    const stats = ctx.dir.stats(GUILD);
    expect(stats.total).toBe(12);
    expect(stats.byCity.map((c) => c.city).sort()).toEqual(['Kansas City', 'Laval', 'Montréal', 'Seattle', 'Tacoma']);
    expect(ctx.dir.pending(organizer)).toHaveLength(1);
    expect(ctx.dir.memberLocality(GUILD, MEMBER)?.spaceName).toBe('Crossroads Collective');
  });
});
