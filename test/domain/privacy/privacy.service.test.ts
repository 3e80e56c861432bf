// Members' own data: the export holds every row naming the member, deletion goes through every feature and leaves
// only the alliance's attribution records, other members and other alliances untouched.
import { describe, expect, it } from 'vitest';
import { createPrivacyService, KEPT_ATTRIBUTION } from '../../../src/privacy/privacy.service.js';
import { personTables } from '../../../src/privacy/member-rows.repo.js';
import { actor, GUILD, MARCUS, OLIVIA, organizer, OTHER_GUILD, PRIYA, setup, type Setup } from '../meetings/harness.js';

const profile = (name: string) => ({ name, city: 'Seattle', country: 'US', desks: 20 });

/** Marcus takes part in everything: two spaces (one alone, one with Priya), skills, an intro, thanks, a meeting. */
function seedMarcus(t: Setup, guildId = GUILD) {
  const marcus = actor(MARCUS, { guildId });
  const priya = actor(PRIYA, { guildId });
  const s = t.services;
  const alone = s.directory.register(marcus, profile('Marcus Desk')).space;
  const shared = s.directory.register(marcus, profile('Shared Loft')).space;
  s.directory.approve(organizer(guildId), alone.id);
  s.directory.approve(organizer(guildId), shared.id);
  s.directory.addHost(marcus, shared.id, PRIYA);
  s.skills.offer(marcus, { skill: 'seo', level: 'expert' });
  s.skills.need(marcus, { skill: 'bookkeeping' });
  s.skills.offer(priya, { skill: 'bookkeeping', level: 'expert' });
  s.skills.need(priya, { skill: 'seo' });
  s.skills.thank(priya, { user: MARCUS, userIsBot: false, skill: 'seo' });
  const meeting = t.schedule(organizer(guildId), { title: 'December meetup', when: '2026-12-03 18:00' });
  s.meetings.addItem(marcus, { meetingId: meeting.id, topic: 'Shared insurance', minutes: 10 });
  s.meetings.addItem(priya, { meetingId: meeting.id, topic: 'Desk swaps', minutes: 10, presenterId: MARCUS });
  const idea = s.ideas.addIdea(priya, 'A joint open day');
  s.ideas.vote(marcus, idea.id, 1);
  s.ideas.addIdea(marcus, 'Shared cleaning contract');
  s.meetings.setActionReminders(marcus, false);
  s.skills.requestIntro(marcus, { user: PRIYA, userIsBot: false, channelId: '300000000000000009' });
  s.meetings.previewSchedule(marcus, { title: 'Marcus draft', when: '2026-12-10 18:00' });
  s.directory.prepareRegistration(marcus, profile('Draft Space'));
  // Proposals: Marcus votes on one that closes and on one still open, and asks for reminders.
  s.alliances.update(organizer(guildId), { proposalsChannelId: '300000000000000002' });
  const people = { humans: [OLIVIA, MARCUS, PRIYA].map((id) => ({ id, roleIds: [] })) };
  const closed = s.proposals.create(priya, { title: 'Shared printer', summary: 'Buy one.' }, people);
  const open = s.proposals.create(priya, { title: 'Shared coffee', summary: 'Buy beans.' }, people);
  s.proposals.attachMessage(guildId, closed.id, { channelId: '1', messageId: `70000000000000000${guildId.slice(-1)}`, threadId: null });
  s.proposals.attachMessage(guildId, open.id, { channelId: '1', messageId: `70000000000000001${guildId.slice(-1)}`, threadId: null });
  s.votes.reactionAdded({ guildId, messageId: `70000000000000000${guildId.slice(-1)}`, userId: MARCUS, emoji: '✅', isBot: false });
  s.votes.reactionAdded({ guildId, messageId: `70000000000000001${guildId.slice(-1)}`, userId: MARCUS, emoji: '✅', isBot: false });
  s.votes.setReminders(marcus, true);
  s.proposals.close(guildId, closed.id, organizer(guildId));
  // A coworking-day event Marcus hosts (registered through /coworkingday host on Discord).
  t.sqlite
    .prepare('INSERT INTO coworking_day_events (guild_id, year, space_id, space_name, host_user_id, title, starts_at, ends_at, created_at) VALUES (?, 2027, ?, ?, ?, ?, 1, 2, 0)')
    .run(guildId, shared.id, shared.name, MARCUS, 'Open doors');
  return { alone, shared, meeting };
}

function leftovers(t: Setup, guildId: string, userId: string): string[] {
  const rows = t.services.privacy.export(actor(userId, { guildId })).data;
  const found: string[] = [];
  for (const { name, people } of personTables()) {
    for (const row of rows[name] ?? []) {
      for (const column of people) {
        const key = Object.keys(row).find((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) === column.name);
        if (key && row[key] === userId && !KEPT_ATTRIBUTION.has(`${name}.${column.name}`)) found.push(`${name}.${column.name}`);
      }
    }
  }
  return [...new Set(found)].sort();
}

describe('privacy', () => {
  it('the export holds the member’s rows from every feature and nothing of anyone else', () => {
    const t = setup();
    seedMarcus(t);
    const exported = t.services.privacy.export(actor(MARCUS));
    expect(exported.member).toBe(MARCUS);
    expect(Object.keys(exported.data)).toEqual(
      expect.arrayContaining(['space_hosts', 'spaces', 'skill_entries', 'skill_thanks', 'agenda_items', 'ideas']),
    );
    for (const entry of exported.data['skill_entries']!) expect(entry['userId']).toBe(MARCUS);
    expect(exported.data['skill_entries']).toHaveLength(2);
    // Priya's item names Marcus as presenter: it is about him, so it is in his export.
    expect(exported.data['agenda_items']!.map((item) => item['topic']).sort()).toEqual(['Desk swaps', 'Shared insurance']);
    expect(JSON.stringify(t.services.privacy.export(actor(MARCUS, { guildId: OTHER_GUILD })).data)).toBe('{}');
  });

  it('the preview lists the space hosted alone as removed and the co-hosted one as left', () => {
    const t = setup();
    seedMarcus(t);
    const preview = t.services.privacy.preview(actor(MARCUS));
    expect(preview.spacesRemoved).toEqual(['Marcus Desk']);
    expect(preview.spacesLeft).toEqual(['Shared Loft']);
    expect(preview.rows['skill_entries']).toBe(2);
  });

  it('deleting leaves no personal row naming the member in any table, only attribution records', () => {
    const t = setup();
    const { alone, shared } = seedMarcus(t);
    expect(t.services.privacy.preview(actor(MARCUS)).rows['coworking_day_events']).toBe(1);
    const summary = t.services.privacy.delete(actor(MARCUS));
    expect(summary['rhythm']).toEqual({ coworkingDayEvents: 1 });
    expect(summary['proposals']).toMatchObject({ anonymizedProposals: 2 });
    expect(leftovers(t, GUILD, MARCUS)).toEqual([]);
    expect(t.services.directory.memberSpaces(GUILD, MARCUS)).toEqual({ removed: [], left: [] });
    expect(t.services.directory.memberSpaces(GUILD, PRIYA).removed.map((s) => s.id)).toEqual([shared.id]);
    expect(() => t.services.directory.show(actor(PRIYA), alone.id)).toThrow();
  });

  it('deleting keeps other members’ data and the same member’s data in another alliance', () => {
    const t = setup();
    seedMarcus(t);
    seedMarcus(t, OTHER_GUILD);
    const priyaBefore = t.services.privacy.export(actor(PRIYA)).data['skill_entries'];
    const otherBefore = t.services.privacy.export(actor(MARCUS, { guildId: OTHER_GUILD })).data;
    t.services.privacy.delete(actor(MARCUS));
    expect(t.services.privacy.export(actor(PRIYA)).data['skill_entries']).toEqual(priyaBefore);
    expect(t.services.privacy.export(actor(MARCUS, { guildId: OTHER_GUILD })).data).toEqual(otherBefore);
  });

  it('a deletion that fails half-way changes nothing', () => {
    const t = setup();
    seedMarcus(t);
    const before = t.services.privacy.export(actor(MARCUS)).data;
    const broken = createPrivacyService({
      db: t.db,
      clock: t.clock,
      rows: { rowsOf: () => ({}), hasPersonalRows: () => false, anonymize: () => ({}) },
      spaces: t.services.directory,
      owners: () => [
        { feature: 'directory', forget: (g: string, u: string) => t.services.directory.removeMemberData(g, u) },
        { feature: 'boom', forget: () => { throw new Error('disk full'); } },
      ],
    });
    expect(() => broken.delete(actor(MARCUS))).toThrow('disk full');
    expect(t.services.privacy.export(actor(MARCUS)).data).toEqual(before);
  });
});
