// The meetings part of the monthly update: held and upcoming meetings, open actions, priorities and ideas.
import { afterEach, describe, expect, it } from 'vitest';
import { createMeetingsUpdateSection } from '../../../src/meetings/meetings.update-section.js';
import { actor, GUILD, MARCUS, OTHER_GUILD, organizer, PRIYA, setup, type Setup } from './harness.js';
import { englishSection } from '../../support/english.js';

let t: Setup;
afterEach(() => t?.close());

const period = (guildId: string, now: string) => ({
  guildId,
  from: Date.parse('2026-11-30T23:00:00Z'),
  to: Date.parse('2026-12-31T23:00:00Z'),
  aheadTo: Date.parse('2027-01-31T23:00:00Z'),
  now: Date.parse(now),
  timezone: 'Europe/Berlin',
});

describe('meetings update section', () => {
  it('says what happened, what is coming, and what the alliance wants', () => {
    t = setup();
    const december = t.schedule(organizer(), { title: 'December meetup', when: '2026-12-03 18:00' });
    const january = t.schedule(organizer(), { title: 'January meetup', when: '2027-01-07 18:00' });
    const item = t.services.meetings.addItem(actor(MARCUS), { meetingId: december.id, topic: 'Insurance', minutes: 20 }).item;
    t.services.meetings.addItem(actor(MARCUS), { meetingId: january.id, topic: 'Newsletter', minutes: 20 });
    t.services.ideas.setPriority(organizer(), { rank: 1, text: 'Group insurance', targetDate: '2027-06-30' });
    const idea = t.services.ideas.addIdea(actor(PRIYA), 'Shared printer');
    t.services.ideas.vote(actor(MARCUS), idea.id, 2);
    t.clock.set(december.startsAt);
    t.services.meetings.markPresent(actor(MARCUS), december.id);
    t.services.meetings.recordOutcome(organizer(), { meetingId: december.id, itemId: item.id, result: 'action', ownerId: PRIYA, due: '2026-12-10' });
    t.clock.set('2027-01-01T08:00:00Z');

    const sections = englishSection(createMeetingsUpdateSection(t.services).build(period(GUILD, '2027-01-01T08:00:00Z')));
    expect(sections).toEqual([
      {
        title: 'Meetings',
        lines: [
          'Last month: 1 meeting, 1 attendance marked.',
          `• **January meetup**: <t:${january.startsAt / 1000}:F> · 1 agenda item`,
          '1 open action item (1 overdue): see /actions list.',
        ],
      },
      {
        title: 'Priorities and ideas',
        lines: ['1. Group insurance (target Wednesday 30 June 2027)', 'Most-wanted parked ideas:', '• Shared printer \\(2 dots\\)'],
      },
    ]);
  });

  it('has nothing to say for a quiet alliance', () => {
    t = setup();
    t.schedule(organizer(), { title: 'December meetup', when: '2026-12-03 18:00' });
    expect(createMeetingsUpdateSection(t.services).build(period(OTHER_GUILD, '2027-01-01T08:00:00Z'))).toBeNull();
  });
});
