// The participation report for organizers, and forgetting a member (privacy).
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/shared/clock.js';
import { actor, errorOf, GUILD, MARCUS, OTHER_GUILD, organizer, PRIYA, SAM, setup, type Setup } from './harness.js';

let t: Setup;
afterEach(() => t?.close());


function twoMeetingsHeld() {
  t = setup();
  const first = t.schedule(organizer(), { title: 'December meetup', when: '2026-12-03 18:00' });
  const second = t.schedule(organizer(), { title: 'January meetup', when: '2027-01-07 18:00' });
  const item = t.services.meetings.addItem(actor(MARCUS), { meetingId: first.id, topic: 'Insurance', minutes: 20 }).item;
  t.clock.set(first.startsAt);
  t.services.meetings.markPresent(actor(MARCUS), first.id);
  t.services.meetings.markPresent(actor(PRIYA), first.id);
  t.services.meetings.recordOutcome(organizer(), { meetingId: first.id, itemId: item.id, result: 'action', ownerId: SAM, due: '2026-12-20' });
  t.clock.set(second.startsAt);
  t.services.meetings.markPresent(actor(MARCUS), second.id);
  return { first, second, item };
}

describe('participation report', () => {
  it('shows who attended and who owns open (and overdue) actions', () => {
    twoMeetingsHeld();
    t.clock.advance(HOUR);
    const report = t.services.meetings.participationReport(organizer(), { months: 3, memberIds: ['200000000000000009'] });
    expect(report.meetingsHeld).toBe(2);
    expect(report.members).toEqual([
      { userId: MARCUS, attended: 2, openActions: 0, overdueActions: 0 },
      { userId: PRIYA, attended: 1, openActions: 0, overdueActions: 0 },
      { userId: SAM, attended: 0, openActions: 1, overdueActions: 1 },
      { userId: '200000000000000009', attended: 0, openActions: 0, overdueActions: 0 },
    ]);
  });

  it('counts only meetings inside the period', () => {
    twoMeetingsHeld();
    const report = t.services.meetings.participationReport(organizer(), { months: 1 });
    expect(report.meetingsHeld).toBe(1);
    expect(report.members.find((m) => m.userId === PRIYA)).toBeUndefined();
  });

  it('is for organizers only, with months 1-24', () => {
    twoMeetingsHeld();
    expect(errorOf(() => t.services.meetings.participationReport(actor(MARCUS))).kind).toBe('forbidden');
    expect(errorOf(() => t.services.meetings.participationReport(organizer(), { months: 0 })).problems[0]?.field).toBe('months');
    expect(t.services.meetings.participationReport(organizer(OTHER_GUILD)).members).toEqual([]);
  });
});

describe('forgetting a member', () => {
  it("removes their attendance, items, actions (with reminders) and ideas, and nobody else's", () => {
    const { first } = twoMeetingsHeld();
    t.services.ideas.addIdea(actor(SAM), 'Sam idea');
    t.services.ideas.addIdea(actor(MARCUS), 'Marcus idea');
    const forgotten = t.services.meetings.forgetMember(GUILD, SAM);
    expect(forgotten).toEqual({ attendance: 0, agendaItems: 0, actionItems: 1, ideas: 1 });
    expect(t.services.jobs.list(GUILD, ['action-reminder']).every((j) => j.status !== 'pending')).toBe(true);

    const marcus = t.services.meetings.forgetMember(GUILD, MARCUS);
    expect(marcus).toEqual({ attendance: 2, agendaItems: 1, actionItems: 0, ideas: 1 });
    expect(t.services.meetings.attendees(GUILD, first.id)).toEqual([PRIYA]);
    expect(t.services.meetings.agenda(GUILD, first.id).items).toEqual([]);
  });

  it('removes the meeting drafts they started (what they typed), not other members’ drafts', () => {
    t = setup();
    const mine = t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Marcus private plans', when: '2026-12-10 18:00' });
    const theirs = t.services.meetings.previewSchedule(organizer(), { title: 'Olivia plans', when: '2026-12-11 18:00' });
    t.services.meetings.forgetMember(GUILD, MARCUS);
    const remaining = t.sqlite.prepare('SELECT id FROM meeting_drafts WHERE guild_id = ?').all(GUILD) as { id: number }[];
    expect(remaining.map((row) => row.id)).toEqual([theirs.draftId]);
    expect(remaining.map((row) => row.id)).not.toContain(mine.draftId);
  });
});
