// Agendas: anyone proposes within the quota, the freeze sends late items to the next meeting, rights to reorder
// and remove, timeboxing, priorities, the 25-item cap, and the hooks the proposals feature uses.
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/shared/clock.js';
import { actor, errorOf, GUILD, MARCUS, OTHER_GUILD, organizer, PRIYA, SAM, setup, type Setup } from './harness.js';
import { englishOf } from '../../support/english.js';

let t: Setup;
afterEach(() => t?.close());


function withMeeting() {
  t = setup();
  const meeting = t.schedule(organizer(), { title: 'December meetup', when: '2026-12-03 18:00' });
  return meeting;
}

describe('proposing agenda items', () => {
  it('fills the structured hour in order and tells how much is over time', () => {
    const meeting = withMeeting();
    const add = (who: string, topic: string, minutes: number) => t.services.meetings.addItem(actor(who), { meetingId: meeting.id, topic, minutes });
    add(MARCUS, 'Shared insurance', 30);
    add(PRIYA, 'Joint events calendar', 20);
    const third = add(SAM, 'Website refresh', 25);
    expect(third.overByMinutes).toBe(15);
    const view = t.services.meetings.agenda(GUILD, meeting.id);
    expect(view.items.map((i) => [i.position, i.topic, (i.plannedStart - meeting.startsAt) / MINUTE, i.overTime])).toEqual([
      [1, 'Shared insurance', 0, false],
      [2, 'Joint events calendar', 30, false],
      [3, 'Website refresh', 50, true],
    ]);
    expect(view.social).toEqual({ start: meeting.startsAt + 60 * MINUTE, end: meeting.startsAt + 120 * MINUTE });
    expect(view.channelId).toBe('300000000000000001');
  });

  it('each member proposes at most the alliance quota per meeting; organizers are not bound by it', () => {
    const meeting = withMeeting();
    const add = (who: ReturnType<typeof actor>) => t.services.meetings.addItem(who, { meetingId: meeting.id, topic: 'Topic', minutes: 5 });
    add(actor(MARCUS));
    add(actor(MARCUS));
    const refused = errorOf(() => add(actor(MARCUS)));
    expect(refused.kind).toBe('conflict');
    expect(englishOf(refused)).toMatch(/already proposed 2 items/);
    for (let i = 0; i < 3; i++) add(organizer());
    t.services.alliances.update(organizer(), { agendaQuota: 3 });
    add(actor(MARCUS));
    expect(t.services.meetings.agenda(GUILD, meeting.id).items).toHaveLength(6);
  });

  it('holds at most 25 items, organizers included', () => {
    const meeting = withMeeting();
    for (let i = 1; i <= 25; i++) t.services.meetings.addItem(organizer(), { meetingId: meeting.id, topic: `Item ${i}`, minutes: 1 });
    const refused = errorOf(() => t.services.meetings.addItem(organizer(), { meetingId: meeting.id, topic: 'One more', minutes: 1 }));
    expect(refused.kind).toBe('conflict');
    expect(englishOf(refused)).toMatch(/full \(25 items\)/);
  });

  it.each([
    [{ minutes: 0 }, 'minutes'],
    [{ minutes: 121 }, 'minutes'],
    [{ topic: '' }, 'topic'],
    [{ presenterId: 'olivia' }, 'presenter'],
    [{ priorityId: 999 }, 'priority'],
  ])('refuses %o naming %s, storing nothing', (patch, field) => {
    const meeting = withMeeting();
    const error = errorOf(() => t.services.meetings.addItem(actor(MARCUS), { meetingId: meeting.id, topic: 'Topic', minutes: 10, ...patch }));
    expect(error.problems.map((p) => p.field)).toEqual([field]);
    expect(t.services.meetings.agenda(GUILD, meeting.id).items).toEqual([]);
  });

  it('refuses an unknown meeting', () => {
    withMeeting();
    expect(errorOf(() => t.services.meetings.addItem(actor(MARCUS), { meetingId: 999, topic: 'Topic', minutes: 10 })).kind).toBe('not_found');
  });
});

describe('the freeze', () => {
  it("after the freeze a member's item goes to the next meeting, and they are told", () => {
    const meeting = withMeeting();
    const next = t.schedule(organizer(), { title: 'January meetup', when: '2027-01-07 18:00' });
    t.clock.set(meeting.startsAt - 23 * HOUR);
    const added = t.services.meetings.addItem(actor(MARCUS), { meetingId: meeting.id, topic: 'Late idea', minutes: 10 });
    expect(added.meeting.id).toBe(next.id);
    expect(added.movedFrom?.id).toBe(meeting.id);
    expect(t.services.meetings.agenda(GUILD, meeting.id).frozen).toBe(true);
  });

  it('an organizer still adds to the frozen meeting', () => {
    const meeting = withMeeting();
    t.clock.set(meeting.startsAt - HOUR);
    const added = t.services.meetings.addItem(organizer(), { meetingId: meeting.id, topic: 'Urgent', minutes: 10 });
    expect([added.meeting.id, added.movedFrom]).toEqual([meeting.id, null]);
  });

  it('with no later meeting the late item is refused with an explanation', () => {
    const meeting = withMeeting();
    t.clock.set(meeting.startsAt - HOUR);
    const error = errorOf(() => t.services.meetings.addItem(actor(MARCUS), { meetingId: meeting.id, topic: 'Late', minutes: 10 }));
    expect(englishOf(error)).toMatch(/frozen.*no later meeting/);
  });
});

describe('reordering and removing', () => {
  it('organizers and the creator reorder; a member cannot', () => {
    t = setup();
    const meeting = t.schedule(actor(SAM), { title: "Sam's meetup", when: '2026-12-03 18:00' });
    const ids = ['A', 'B', 'C'].map((topic) => t.services.meetings.addItem(organizer(), { meetingId: meeting.id, topic, minutes: 10 }).item.id);
    expect(errorOf(() => t.services.meetings.moveItem(actor(MARCUS), ids[2]!, 1)).kind).toBe('forbidden');
    const view = t.services.meetings.moveItem(actor(SAM), ids[2]!, 1);
    expect(view.items.map((i) => [i.position, i.topic])).toEqual([[1, 'C'], [2, 'A'], [3, 'B']]);
    expect(errorOf(() => t.services.meetings.moveItem(organizer(), ids[0]!, 4)).problems[0]?.field).toBe('position');
  });

  it('a member removes their own item but not someone else’s; positions close up', () => {
    const meeting = withMeeting();
    const mine = t.services.meetings.addItem(actor(MARCUS), { meetingId: meeting.id, topic: 'Mine', minutes: 10 }).item;
    const theirs = t.services.meetings.addItem(actor(PRIYA), { meetingId: meeting.id, topic: 'Theirs', minutes: 10 }).item;
    expect(errorOf(() => t.services.meetings.removeItem(actor(MARCUS), theirs.id)).kind).toBe('forbidden');
    t.services.meetings.removeItem(actor(MARCUS), mine.id);
    expect(t.services.meetings.agenda(GUILD, meeting.id).items.map((i) => [i.position, i.topic])).toEqual([[1, 'Theirs']]);
    t.services.meetings.removeItem(organizer(), theirs.id);
    expect(t.services.meetings.agenda(GUILD, meeting.id).items).toEqual([]);
  });
});

describe('priorities on the agenda', () => {
  it('marks items that serve no current priority', () => {
    const meeting = withMeeting();
    const priority = t.services.ideas.setPriority(organizer(), { rank: 1, text: 'Shared insurance scheme' });
    t.services.meetings.addItem(actor(MARCUS), { meetingId: meeting.id, topic: 'Insurance quotes', minutes: 10, priorityId: priority.id });
    t.services.meetings.addItem(actor(PRIYA), { meetingId: meeting.id, topic: 'Pizza order', minutes: 5 });
    const items = () => t.services.meetings.agenda(GUILD, meeting.id).items.map((i) => i.priority?.rank ?? null);
    expect(items()).toEqual([1, null]);
    t.services.ideas.achievePriority(organizer(), 1);
    expect(items()).toEqual([null, null]);
  });
});

describe('scheduled posts', () => {
  it('skips the post of a cancelled or moved meeting', () => {
    const meeting = withMeeting();
    expect(t.services.meetings.scheduledPost(GUILD, meeting.id, meeting.startsAt).kind).toBe('post');
    expect(t.services.meetings.scheduledPost(GUILD, meeting.id, meeting.startsAt - HOUR)).toEqual({ kind: 'skip', reason: 'meeting was rescheduled' });
    t.services.meetings.cancel(organizer(), meeting.id);
    expect(t.services.meetings.scheduledPost(GUILD, meeting.id, meeting.startsAt)).toEqual({ kind: 'skip', reason: 'meeting was cancelled' });
  });

  it('/agenda post is for organizers and the creator', () => {
    const meeting = withMeeting();
    expect(errorOf(() => t.services.meetings.postNow(actor(MARCUS), meeting.id)).kind).toBe('forbidden');
    expect(t.services.meetings.postNow(organizer(), meeting.id).channelId).toBe('300000000000000001');
  });
});

describe('hooks for the proposals feature', () => {
  it('lists open items, describes one and records a decision on it, per alliance', () => {
    const meeting = withMeeting();
    const item = t.services.meetings.addItem(actor(MARCUS), { meetingId: meeting.id, topic: 'Adopt a code of conduct', minutes: 15 }).item;
    expect(t.services.meetings.agendaItemsForProposal(GUILD, 'conduct')).toEqual([{ id: item.id, label: 'December meetup · Adopt a code of conduct' }]);
    expect(t.services.meetings.agendaItemsForProposal(GUILD, 'pizza')).toEqual([]);
    expect(t.services.meetings.agendaItemsForProposal(GUILD, '%')).toEqual([]);
    expect(t.services.meetings.agendaItemsForProposal(OTHER_GUILD, '')).toEqual([]);
    expect(t.services.meetings.agendaItem(GUILD, item.id)).toEqual({ id: item.id, topic: 'Adopt a code of conduct', meetingId: meeting.id, meetingTitle: 'December meetup' });
    expect(t.services.meetings.agendaItem(OTHER_GUILD, item.id)).toBeNull();
    const decision = { key: 'proposals.agendaDecision.withdrawn', values: { number: 3 } };
    t.services.meetings.recordItemDecision(OTHER_GUILD, item.id, decision);
    expect(t.services.meetings.requireItem(GUILD, item.id).decision).toBeNull();
    t.services.meetings.recordItemDecision(GUILD, item.id, decision);
    // Stored as data; the notes give it back as a sentence by key for the reader's language.
    expect(t.services.meetings.notes(GUILD, meeting.id).items.find((i) => i.id === item.id)?.decision).toEqual(decision);
  });
});
