// Scheduling meetings: parse → confirm, durable posts, reschedule/cancel rights, recurrence, attendance, isolation.
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/shared/clock.js';
import { DomainError } from '../../../src/shared/errors.js';
import { actor, GUILD, MARCUS, OTHER_GUILD, organizer, PRIYA, setup, type Setup } from './harness.js';
import { t as t_ } from '../../../src/i18n/translate.js';

let t: Setup;
afterEach(() => t?.close());

function problemsOf(fn: () => unknown): { kind: string; fields: string[]; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, fields: error.problems.map((p) => p.field), message: error.message };
    throw error;
  }
  throw new Error('expected a DomainError');
}

const count = (t: Setup, table: string): number =>
  (t.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('scheduling a meeting', () => {
  it('shows how the time was understood and stores nothing until confirmed', () => {
    t = setup();
    const preview = t.services.meetings.previewSchedule(actor(MARCUS), { title: 'December meetup', when: '2026-12-03 18:00' });
    expect(preview.choices).toHaveLength(1);
    expect(preview.choices[0]!.instant).toBe(Date.parse('2026-12-03T17:00:00Z'));
    expect(preview.timeZone).toBe('Europe/Berlin');
    expect(count(t, 'meetings')).toBe(0);

    const confirmed = t.services.meetings.confirm(actor(MARCUS), preview.draftId, 0);
    expect(confirmed.kind).toBe('scheduled');
    const meeting = confirmed.kind === 'scheduled' ? confirmed.meetings[0]! : null;
    expect(meeting).toMatchObject({ title: 'December meetup', durationMinutes: 120, structuredMinutes: 60, createdBy: MARCUS, repeats: 'once' });
    expect(count(t, 'meeting_drafts')).toBe(0);
  });

  it('plans the 24-hour agenda post and the 10-minute "starting now" post as durable jobs', () => {
    t = setup();
    const meeting = t.schedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00' });
    const jobs = t.services.jobs.list(GUILD, ['meeting-agenda', 'meeting-start']);
    expect(jobs.map((j) => [j.key, j.dueAt, j.status])).toEqual([
      [`meeting-agenda:${meeting.id}:${meeting.startsAt}`, meeting.startsAt - 24 * HOUR, 'pending'],
      [`meeting-start:${meeting.id}:${meeting.startsAt}`, meeting.startsAt - 10 * MINUTE, 'pending'],
    ]);
  });

  it('reads `when` in the member’s language first, then English, and refuses in keys', () => {
    t = setup();
    const es = t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Reunión', when: 'el próximo lunes a las 18:00' }, 'es');
    const fr = t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Réunion', when: 'lundi prochain 18 h' }, 'fr');
    const en = t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Meeting', when: 'next monday 6pm' }, 'fr');
    expect(es.choices[0]!.instant).toBe(fr.choices[0]!.instant);
    expect(en.choices[0]!.instant).toBe(fr.choices[0]!.instant);
    try {
      t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Meeting', when: 'lundi prochain 18 h' }, 'en');
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).text?.key).toBe('when.refused.leftover');
    }
  });

  it('asks which 02:30 was meant on the night clocks go back, and saves the chosen one', () => {
    t = setup();
    const preview = t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Late night', when: '2027-10-31 02:30' });
    expect(preview.choices).toHaveLength(2);
    expect(preview.question && t_('en', preview.question.key, preview.question.values as Record<string, string>)).toMatch(/twice/);
    const confirmed = t.services.meetings.confirm(actor(MARCUS), preview.draftId, 1);
    expect(confirmed.kind === 'scheduled' && confirmed.meetings[0]!.startsAt).toBe(Date.parse('2027-10-31T01:30:00Z'));
  });

  it('refuses every bad option at once, naming each, and stores nothing', () => {
    t = setup();
    const result = problemsOf(() =>
      t.services.meetings.previewSchedule(actor(MARCUS), { title: ' ', when: 'tomorrow 18:00', durationMinutes: 10, structuredMinutes: 5 }),
    );
    expect(result.kind).toBe('invalid');
    expect(result.fields.sort()).toEqual(['duration-minutes', 'title']);
    expect(count(t, 'meetings') + count(t, 'meeting_drafts')).toBe(0);
  });

  it('says what a channel, member or minutes option must be by key, in the member\'s language', () => {
    t = setup();
    const refused = (patch: Record<string, unknown>) => {
      try {
        t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00', ...patch });
      } catch (error) {
        return (error as DomainError).problems.map((p) => t_('fr', p.text!.key, p.text!.values as Record<string, string>));
      }
      throw new Error('expected a refusal');
    };
    expect(refused({ voiceChannelId: 'lobby', channelId: 'general', durationMinutes: 90.5 })).toEqual([
      '**duration-minutes** doit être un nombre entier de minutes.',
      '**where** doit être un salon vocal.',
      '**channel** doit être un salon textuel.',
    ]);
  });

  it.each([
    [{ durationMinutes: 481 }, 'duration-minutes'],
    [{ durationMinutes: 90, structuredMinutes: 120 }, 'structured-minutes'],
    [{ when: 'yesterday 18:00' }, 'when'],
    [{ when: '2027-03-28 02:30' }, 'when'],
    [{ when: 'sometime soon' }, 'when'],
    [{ location: 'x'.repeat(101) }, 'where'],
    [{ location: 'Café', voiceChannelId: '400000000000000001' }, 'where'],
  ])('refuses %o naming %s', (patch, field) => {
    t = setup();
    const result = problemsOf(() =>
      t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00', ...patch }),
    );
    expect(result).toMatchObject({ kind: 'invalid', fields: [field] });
    expect(count(t, 'meetings') + count(t, 'meeting_drafts')).toBe(0);
  });

  it('a short meeting gets a structured block no longer than itself by default', () => {
    t = setup();
    const meeting = t.schedule(actor(MARCUS), { title: 'Stand-up', when: '2026-12-03 09:00', durationMinutes: 30 });
    expect(meeting.structuredMinutes).toBe(30);
  });

  it('only the member who asked can confirm, and only within 15 minutes', () => {
    t = setup();
    const preview = t.services.meetings.previewSchedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00' });
    expect(problemsOf(() => t.services.meetings.confirm(actor(PRIYA), preview.draftId, 0)).kind).toBe('not_found');
    t.clock.advance(16 * MINUTE);
    expect(problemsOf(() => t.services.meetings.confirm(actor(MARCUS), preview.draftId, 0)).kind).toBe('conflict');
    expect(count(t, 'meetings')).toBe(0);
  });
});

describe('rescheduling and cancelling', () => {
  it('moves the meeting and its posts; the old posts will not happen', () => {
    t = setup();
    const meeting = t.schedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00' });
    const preview = t.services.meetings.previewReschedule(actor(MARCUS), { meetingId: meeting.id, when: '2026-12-10 18:00' });
    const done = t.services.meetings.confirm(actor(MARCUS), preview.draftId, 0);
    expect(done).toMatchObject({ kind: 'rescheduled', previousStartsAt: meeting.startsAt });
    const jobs = t.services.jobs.list(GUILD, ['meeting-agenda']);
    expect(jobs.map((j) => [j.status, j.dueAt])).toEqual([
      ['cancelled', meeting.startsAt - 24 * HOUR],
      ['pending', Date.parse('2026-12-10T17:00:00Z') - 24 * HOUR],
    ]);
  });

  it('only organizers or the creator may reschedule or cancel', () => {
    t = setup();
    const meeting = t.schedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00' });
    expect(problemsOf(() => t.services.meetings.previewReschedule(actor(PRIYA), { meetingId: meeting.id, when: '2026-12-10 18:00' })).kind).toBe('forbidden');
    expect(problemsOf(() => t.services.meetings.cancel(actor(PRIYA), meeting.id)).kind).toBe('forbidden');
    const cancelled = t.services.meetings.cancel(organizer(), meeting.id);
    expect(cancelled.map((m) => m.status)).toEqual(['cancelled']);
    expect(t.services.jobs.list(GUILD).every((j) => j.status === 'cancelled')).toBe(true);
    expect(t.services.meetings.list(GUILD)).toEqual([]);
  });

  it('a meeting that has started can no longer be moved', () => {
    t = setup();
    const meeting = t.schedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00' });
    t.clock.set(meeting.startsAt + MINUTE);
    expect(problemsOf(() => t.services.meetings.cancel(actor(MARCUS), meeting.id)).kind).toBe('conflict');
  });
});

describe('recurring meetings', () => {
  it('a monthly meeting on the first Tuesday keeps two occurrences ahead, each its own meeting', () => {
    t = setup();
    const preview = t.services.meetings.previewSchedule(organizer(), { title: 'Monthly', when: '2026-12-01 18:00', repeat: 'monthly-nth-weekday' });
    const confirmed = t.services.meetings.confirm(organizer(), preview.draftId, 0);
    const meetings = confirmed.kind === 'scheduled' ? confirmed.meetings : [];
    expect(meetings.map((m) => new Date(m.startsAt).toISOString())).toEqual(['2026-12-01T17:00:00.000Z', '2027-01-05T17:00:00.000Z']);
    expect(meetings[0]!.repeats).toBe('the first Tuesday of each month');

    t.clock.set('2026-12-01T20:00:00Z');
    expect(t.services.meetings.planOccurrences().map((m) => new Date(m.startsAt).toISOString())).toEqual(['2027-02-02T17:00:00.000Z']);
    expect(t.services.meetings.planOccurrences()).toEqual([]);
    expect(t.services.jobs.list(GUILD, ['meeting-start']).length).toBe(3);
  });

  it('cancelling the series cancels this and later occurrences and stops new ones', () => {
    t = setup();
    const first = t.schedule(organizer(), { title: 'Weekly', when: '2026-11-26 18:00', repeat: 'weekly' });
    const cancelled = t.services.meetings.cancel(organizer(), first.id, { series: true });
    expect(cancelled).toHaveLength(2);
    t.clock.set('2026-12-20T00:00:00Z');
    expect(t.services.meetings.planOccurrences()).toEqual([]);
  });
});

describe('attendance and isolation', () => {
  it('members mark themselves present once, only around the meeting', () => {
    t = setup();
    const meeting = t.schedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00' });
    expect(problemsOf(() => t.services.meetings.markPresent(actor(PRIYA), meeting.id)).kind).toBe('conflict');
    t.clock.set(meeting.startsAt - 10 * MINUTE);
    expect(t.services.meetings.markPresent(actor(PRIYA), meeting.id)).toMatchObject({ newly: true, count: 1 });
    expect(t.services.meetings.markPresent(actor(PRIYA), meeting.id)).toMatchObject({ newly: false, count: 1 });
  });

  it("one alliance never sees or touches another's meetings", () => {
    t = setup();
    const meeting = t.schedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00' });
    expect(t.services.meetings.list(OTHER_GUILD)).toEqual([]);
    expect(t.services.meetings.choices(OTHER_GUILD, '')).toEqual([]);
    expect(problemsOf(() => t.services.meetings.get(OTHER_GUILD, meeting.id)).kind).toBe('not_found');
    expect(problemsOf(() => t.services.meetings.cancel(organizer(OTHER_GUILD), meeting.id)).kind).toBe('not_found');
    expect(t.services.meetings.list(GUILD).map((m) => [m.id, m.agendaLength])).toEqual([[meeting.id, 0]]);
  });
});
