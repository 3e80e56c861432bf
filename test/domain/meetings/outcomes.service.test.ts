// After the meeting: outcomes per item, carry-over onto the next meeting, action items and their reminders.
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/shared/clock.js';
import { actor, errorOf, GUILD, MARCUS, OTHER_GUILD, organizer, PRIYA, SAM, setup, type Setup } from './harness.js';
import { englishOf } from '../../support/english.js';

let t: Setup;
afterEach(() => t?.close());


/** A meeting that has just ended with two items on it, and the next one scheduled. */
function afterMeeting() {
  t = setup();
  const meeting = t.schedule(actor(SAM), { title: 'December meetup', when: '2026-12-03 18:00' });
  const next = t.schedule(organizer(), { title: 'January meetup', when: '2027-01-07 18:00' });
  const a = t.services.meetings.addItem(actor(MARCUS), { meetingId: meeting.id, topic: 'Shared insurance', minutes: 20 }).item;
  const b = t.services.meetings.addItem(actor(PRIYA), { meetingId: meeting.id, topic: 'Events calendar', minutes: 20 }).item;
  t.clock.set(meeting.startsAt + 2 * HOUR);
  return { meeting, next, a, b };
}

describe('recording outcomes', () => {
  it('a carried-over item appears on the next meeting, once', () => {
    const { meeting, next, a } = afterMeeting();
    const result = t.services.meetings.recordOutcome(actor(SAM), { meetingId: meeting.id, itemId: a.id, result: 'carry-over' });
    expect(result.carriedTo?.id).toBe(next.id);
    t.services.meetings.recordOutcome(actor(SAM), { meetingId: meeting.id, itemId: a.id, result: 'carry-over' });
    const carried = t.services.meetings.agenda(GUILD, next.id).items;
    expect(carried.map((i) => [i.topic, i.proposedBy, i.carriedFromId])).toEqual([['Shared insurance', MARCUS, a.id]]);
    // Carried items do not use the proposer's quota on the next meeting.
    t.services.meetings.addItem(actor(MARCUS), { meetingId: next.id, topic: 'One', minutes: 5 });
    t.services.meetings.addItem(actor(MARCUS), { meetingId: next.id, topic: 'Two', minutes: 5 });
  });

  it('changing a carry-over to done takes the copy back off the next agenda', () => {
    const { meeting, next, a } = afterMeeting();
    t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: a.id, result: 'carry-over' });
    t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: a.id, result: 'done' });
    expect(t.services.meetings.agenda(GUILD, next.id).items).toEqual([]);
    expect(t.services.meetings.requireItem(GUILD, a.id)).toMatchObject({ outcome: 'done', carriedToId: null });
  });

  it('carry-over needs a later meeting', () => {
    t = setup();
    const meeting = t.schedule(organizer(), { title: 'Only meeting', when: '2026-12-03 18:00' });
    const item = t.services.meetings.addItem(organizer(), { meetingId: meeting.id, topic: 'Topic', minutes: 5 }).item;
    t.clock.set(meeting.startsAt + HOUR);
    const error = errorOf(() => t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: item.id, result: 'carry-over' }));
    expect(englishOf(error)).toMatch(/schedule the next meeting first/);
    expect(t.services.meetings.requireItem(GUILD, item.id).outcome).toBeNull();
  });

  it('an action item has an owner and a due day, and its owner is reminded at 10:00 local the day before', () => {
    const { meeting, a } = afterMeeting();
    const result = t.services.meetings.recordOutcome(actor(SAM), {
      meetingId: meeting.id,
      itemId: a.id,
      result: 'action',
      ownerId: PRIYA,
      due: '2026-12-10',
      note: 'Collect three insurance quotes',
    });
    expect(result.action).toMatchObject({ ownerId: PRIYA, dueDate: '2026-12-10', text: 'Collect three insurance quotes', status: 'open' });
    const [job] = t.services.jobs.list(GUILD, ['action-reminder']);
    expect(job).toMatchObject({ key: `action-reminder:${result.action!.id}:2026-12-10`, dueAt: Date.parse('2026-12-09T09:00:00Z') });
    expect(t.services.meetings.myActions(actor(PRIYA)).map((x) => x.id)).toEqual([result.action!.id]);
    expect(t.services.meetings.notes(GUILD, meeting.id).items[0]!.actions).toHaveLength(1);
  });

  it('refuses an action without owner and due, naming both, and stores nothing', () => {
    const { meeting, a } = afterMeeting();
    const error = errorOf(() => t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: a.id, result: 'action' }));
    expect(error.problems.map((p) => p.field)).toEqual(['owner', 'due']);
    expect(errorOf(() => t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: a.id, result: 'action', ownerId: PRIYA, due: 'last week' })).problems[0]?.field).toBe('due');
    expect(t.services.meetings.requireItem(GUILD, a.id).outcome).toBeNull();
    expect(t.services.meetings.openActions(GUILD)).toEqual([]);
  });

  it('only organizers and the creator record outcomes, and only once the meeting has started', () => {
    const { meeting, a } = afterMeeting();
    expect(errorOf(() => t.services.meetings.recordOutcome(actor(MARCUS), { meetingId: meeting.id, itemId: a.id, result: 'done' })).kind).toBe('forbidden');
    t.clock.set(meeting.startsAt - MINUTE);
    expect(errorOf(() => t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: a.id, result: 'done' })).kind).toBe('conflict');
  });

  it('an item of another meeting or alliance is unknown', () => {
    const { meeting, next, a } = afterMeeting();
    const other = t.services.meetings.addItem(organizer(), { meetingId: next.id, topic: 'Later', minutes: 5 }).item;
    expect(errorOf(() => t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: other.id, result: 'done' })).kind).toBe('not_found');
    expect(errorOf(() => t.services.meetings.recordOutcome(organizer(OTHER_GUILD), { meetingId: meeting.id, itemId: a.id, result: 'done' })).kind).toBe('not_found');
  });
});

describe('action items', () => {
  function withAction() {
    const { meeting, a } = afterMeeting();
    const action = t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: a.id, result: 'action', ownerId: PRIYA, due: '2026-12-10' }).action!;
    return action;
  }

  it('the reminder is skipped once the action is done, and done cancels the job', () => {
    const action = withAction();
    expect(t.services.meetings.reminderFor(GUILD, action.id, '2026-12-10').kind).toBe('send');
    expect(errorOf(() => t.services.meetings.completeAction(actor(MARCUS), action.id)).kind).toBe('forbidden');
    t.services.meetings.completeAction(actor(PRIYA), action.id);
    expect(t.services.meetings.reminderFor(GUILD, action.id, '2026-12-10')).toEqual({ kind: 'skip', reason: 'action item is done' });
    expect(t.services.jobs.list(GUILD, ['action-reminder'])[0]!.status).toBe('cancelled');
  });

  it('owners can opt out of reminders and back in', () => {
    const action = withAction();
    t.services.meetings.setActionReminders(actor(PRIYA), false);
    expect(t.services.meetings.reminderFor(GUILD, action.id, '2026-12-10')).toEqual({ kind: 'skip', reason: 'owner opted out of reminders' });
    t.services.meetings.setActionReminders(actor(PRIYA), true);
    expect(t.services.meetings.reminderFor(GUILD, action.id, '2026-12-10').kind).toBe('send');
  });

  it('no reminder is planned when its time has already passed', () => {
    const { meeting, a } = afterMeeting();
    const tomorrow = new Date(t.clock.now().getTime() + 24 * HOUR).toISOString().slice(0, 10);
    t.clock.advance(16 * HOUR); // past 10:00 local the day before
    t.services.meetings.recordOutcome(organizer(), { meetingId: meeting.id, itemId: a.id, result: 'action', ownerId: PRIYA, due: tomorrow });
    expect(t.services.jobs.list(GUILD, ['action-reminder'])).toEqual([]);
  });
});
