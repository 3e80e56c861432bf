// Meeting use cases: schedule (parse → draft → confirm), list, reschedule, cancel, recurring occurrences, attendance.
import { z } from 'zod';
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Db } from '../db/open.js';
import { RECURRENCES, type Recurrence } from '../db/schema/meetings.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { Actor } from '../shared/actor.js';
import { MINUTE, type Clock } from '../shared/clock.js';
import { conflict, forbidden, invalid, msg, notFound, type MessageRef } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';
import type { AgendaRepo } from './agenda.repo.js';
import { attendanceOpen, canManageMeeting, DEFAULT_DURATION, DEFAULT_STRUCTURED, DURATION_MINUTES, hasEnded } from './agenda.rules.js';
import { agendaJobPrefix, meetingJobs, startJobPrefix } from './meeting-jobs.rules.js';
import type { MeetingRow, MeetingsRepo } from './meetings.repo.js';
import { anchorFor, describeRecurrence, occurrenceInstant, OCCURRENCES_AHEAD, recurrenceDay } from './recurrence.rules.js';
import { between, SNOWFLAKE, validate } from '../shared/validate.js';
import { parseWhen, type WhenChoice } from '../shared/when.rules.js';

/** A confirm button works this long (a deferred interaction can be completed for 15 minutes). */
export const DRAFT_TTL_MS = 15 * MINUTE;

const whenSchema = z.string().trim().min(1, 'must say when').max(100, 'must be at most 100 characters');

const scheduleSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    when: whenSchema,
    durationMinutes: z
      .number()
      .int('validation.wholeMinutes')
      .refine(...between(DURATION_MINUTES.min, DURATION_MINUTES.max))
      .default(DEFAULT_DURATION),
    structuredMinutes: z.number().int('validation.wholeMinutes').min(0, 'must not be negative').optional(),
    location: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
    voiceChannelId: z.string().regex(SNOWFLAKE, 'validation.voiceChannel').optional(),
    channelId: z.string().regex(SNOWFLAKE, 'validation.textChannel').optional(),
    repeat: z.enum(RECURRENCES, 'must be none, weekly or monthly-nth-weekday').default('none'),
    /** Listed in the alliance's public calendar feed (events.ics); default false. */
    public: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if (input.structuredMinutes !== undefined && input.structuredMinutes > input.durationMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['structuredMinutes'],
        message: 'meetings.errors.structuredTooLong',
        params: { structured: input.structuredMinutes, duration: input.durationMinutes },
      });
    }
  });

const SCHEDULE_FIELDS = {
  title: 'title',
  when: 'when',
  durationMinutes: 'duration-minutes',
  structuredMinutes: 'structured-minutes',
  location: 'where',
  voiceChannelId: 'where',
  channelId: 'channel',
  repeat: 'repeat',
  public: 'public',
};

export type ScheduleInput = z.input<typeof scheduleSchema>;
type ScheduleDraft = Omit<z.output<typeof scheduleSchema>, 'when'> & { action: 'schedule'; structuredMinutes: number };
type RescheduleDraft = { action: 'reschedule'; meetingId: number };

export interface Meeting extends MeetingRow {
  endsAt: number;
  recurrence: Recurrence;
  /** "every Thursday", "the first Tuesday of each month" or "once" (English, for logs and summaries). */
  repeats: string;
  /** The series' weekday (0 = Sunday) and its nth in the month (5 = the last), for words in any language. */
  repeatDay: { weekday: number; nth: number } | null;
}

export interface Preview {
  draftId: number;
  /** One choice: "is this right?"; two: "which one did you mean?" (DST fall-back or day/month order). */
  choices: WhenChoice[];
  question: MessageRef | null;
  title: string;
  timeZone: string;
  /** Other meetings that would overlap it (at any of the choices): a warning, not a refusal. */
  clashes: { title: string; startsAt: number }[];
}

export type Confirmed =
  | { kind: 'scheduled'; meetings: Meeting[] }
  | { kind: 'rescheduled'; meeting: Meeting; previousStartsAt: number };

export interface MeetingsServiceDeps {
  db: Db;
  clock: Clock;
  repo: MeetingsRepo;
  agenda: AgendaRepo;
  jobs: JobsRepo;
  alliances: AlliancesService;
}

export function createMeetingsService(deps: MeetingsServiceDeps) {
  const { db, clock, repo, jobs, alliances } = deps;
  const timeZone = (guildId: string): string => alliances.settings(guildId).timezone;

  function view(row: MeetingRow): Meeting {
    const series = row.seriesId ? repo.series(row.guildId, row.seriesId) : null;
    const recurrence = series?.recurrence ?? 'none';
    return {
      ...row,
      endsAt: row.startsAt + row.durationMinutes * MINUTE,
      recurrence,
      repeats: series ? describeRecurrence(series.anchorLocal, recurrence) : 'once',
      repeatDay: series ? recurrenceDay(series.anchorLocal) : null,
    };
  }

  function requireMeeting(guildId: string, meetingId: number): MeetingRow {
    const row = repo.get(guildId, meetingId);
    if (!row) throw notFound(msg('meetings.errors.notFound', { id: meetingId }));
    return row;
  }

  /** `language`: the member's, read first (then English); refusals come back as keys for it. */
  function whenOrThrow(when: string, guildId: string, language: Language): { choices: WhenChoice[]; question: MessageRef | null } {
    const result = parseWhen(when, clock.now().getTime(), timeZone(guildId), { language });
    if (result.kind === 'refused') throw invalid('when', result.text);
    if (result.kind === 'ok') return { choices: [{ instant: result.instant, label: 'Confirm' }], question: null };
    return { choices: result.choices, question: result.text };
  }

  /** Scheduled meetings overlapping [start, start + duration) for any of the instants, other than `exceptId`. */
  function clashes(guildId: string, instants: number[], durationMinutes: number, exceptId?: number): Preview['clashes'] {
    const found = new Map<number, { title: string; startsAt: number }>();
    for (const start of instants) {
      const end = start + durationMinutes * MINUTE;
      // A meeting lasts at most a day, so anything overlapping starts within a day before.
      for (const row of repo.startedBetween(guildId, start - 24 * 60 * MINUTE, end)) {
        if (row.id !== exceptId && row.startsAt + row.durationMinutes * MINUTE > start) found.set(row.id, { title: row.title, startsAt: row.startsAt });
      }
    }
    return [...found.values()].sort((a, b) => a.startsAt - b.startsAt);
  }

  function saveDraft(actor: Actor, payload: ScheduleDraft | RescheduleDraft, choices: WhenChoice[]): number {
    const now = clock.now().getTime();
    repo.purgeDrafts(now);
    return repo.insertDraft({
      guildId: actor.guildId,
      userId: actor.userId,
      payload,
      candidates: choices.map((c) => c.instant),
      expiresAt: now + DRAFT_TTL_MS,
    }).id;
  }

  function scheduleJobs(row: MeetingRow): void {
    for (const job of meetingJobs(row)) jobs.schedule(job);
  }

  function cancelJobs(row: MeetingRow): void {
    jobs.cancelByPrefix(row.guildId, agendaJobPrefix(row.id));
    jobs.cancelByPrefix(row.guildId, startJobPrefix(row.id));
  }

  /** Creates the occurrences a series is missing so OCCURRENCES_AHEAD future ones exist. */
  function fillSeries(guildId: string, seriesId: number, now: number): MeetingRow[] {
    const series = repo.series(guildId, seriesId);
    if (!series?.active) return [];
    const created: MeetingRow[] = [];
    const zone = timeZone(guildId);
    const missing = OCCURRENCES_AHEAD - repo.futureOccurrences(guildId, seriesId, now).length;
    for (let i = 0; i < missing; i++) {
      const last = repo.lastOccurrence(guildId, seriesId);
      if (!last) return created;
      // A bot that was down for a while skips the occurrences that are already past.
      let occurrence = last.occurrence + 1;
      while (occurrenceInstant(series.anchorLocal, series.recurrence, occurrence, zone) <= now) occurrence++;
      const { id: _id, ...template } = last;
      const row = repo.insert({
        ...template,
        startsAt: occurrenceInstant(series.anchorLocal, series.recurrence, occurrence, zone),
        occurrence,
        status: 'scheduled',
        discordEventId: null,
        agendaMessageId: null,
        startMessageId: null,
        createdAt: now,
      });
      scheduleJobs(row);
      created.push(row);
    }
    return created;
  }

  function confirmSchedule(actor: Actor, draft: ScheduleDraft, startsAt: number): Confirmed {
    const now = clock.now().getTime();
    return db.transaction(() => {
      const seriesId =
        draft.repeat === 'none'
          ? null
          : repo.insertSeries({
              guildId: actor.guildId,
              recurrence: draft.repeat,
              anchorLocal: anchorFor(startsAt, timeZone(actor.guildId)),
              createdBy: actor.userId,
            }).id;
      const first = repo.insert({
        guildId: actor.guildId,
        title: draft.title,
        startsAt,
        durationMinutes: draft.durationMinutes,
        structuredMinutes: draft.structuredMinutes,
        location: draft.location ?? null,
        voiceChannelId: draft.voiceChannelId ?? null,
        channelId: draft.channelId ?? null,
        createdBy: actor.userId,
        seriesId,
        occurrence: 0,
        createdAt: now,
        public: draft.public,
      });
      scheduleJobs(first);
      const more = seriesId ? fillSeries(actor.guildId, seriesId, now) : [];
      return { kind: 'scheduled' as const, meetings: [first, ...more].map(view) };
    });
  }

  function confirmReschedule(actor: Actor, draft: RescheduleDraft, startsAt: number): Confirmed {
    const row = requireMeeting(actor.guildId, draft.meetingId);
    assertChangeable(actor, row, 'reschedule');
    db.transaction(() => {
      cancelJobs(row);
      repo.update(actor.guildId, row.id, { startsAt });
      scheduleJobs({ ...row, startsAt });
    });
    return { kind: 'rescheduled', meeting: view({ ...row, startsAt }), previousStartsAt: row.startsAt };
  }

  function assertChangeable(actor: Actor, row: MeetingRow, verb: 'reschedule' | 'cancel'): void {
    if (!canManageMeeting(actor, row)) throw forbidden(msg('meetings.errors.notManager', { verb, title: row.title }));
    if (row.status === 'cancelled') throw conflict(msg('meetings.errors.alreadyCancelled', { title: row.title }));
    if (clock.now().getTime() >= row.startsAt) throw conflict(msg('meetings.errors.started', { title: row.title }));
  }

  return {
    view,
    requireMeeting,

    /** Reads `when` (in `language`, then English) and stores a draft; nothing real is written until `confirm`. */
    previewSchedule(actor: Actor, input: ScheduleInput, language: Language = 'en'): Preview {
      const parsed = validate(scheduleSchema, input, SCHEDULE_FIELDS);
      if (parsed.location && parsed.voiceChannelId) throw invalid('where', msg('meetings.errors.whereBoth'));
      const { choices, question } = whenOrThrow(parsed.when, actor.guildId, language);
      const { when: _when, ...rest } = parsed;
      const draft: ScheduleDraft = {
        ...rest,
        action: 'schedule',
        structuredMinutes: parsed.structuredMinutes ?? Math.min(DEFAULT_STRUCTURED, parsed.durationMinutes),
      };
      const draftId = saveDraft(actor, draft, choices);
      const overlapping = clashes(actor.guildId, choices.map((c) => c.instant), parsed.durationMinutes);
      return { draftId, choices, question, title: parsed.title, timeZone: timeZone(actor.guildId), clashes: overlapping };
    },

    previewReschedule(actor: Actor, input: { meetingId: number; when: string }, language: Language = 'en'): Preview {
      const row = requireMeeting(actor.guildId, input.meetingId);
      assertChangeable(actor, row, 'reschedule');
      const when = validate(z.object({ when: whenSchema }), { when: input.when }, { when: 'when' }).when;
      const { choices, question } = whenOrThrow(when, actor.guildId, language);
      const draftId = saveDraft(actor, { action: 'reschedule', meetingId: row.id }, choices);
      const overlapping = clashes(actor.guildId, choices.map((c) => c.instant), row.durationMinutes, row.id);
      return { draftId, choices, question, title: row.title, timeZone: timeZone(actor.guildId), clashes: overlapping };
    },

    /** Saves what the member confirmed (`choice` indexes the preview's choices). */
    confirm(actor: Actor, draftId: number, choice: number): Confirmed {
      const draft = repo.draft(actor.guildId, draftId);
      if (!draft || draft.userId !== actor.userId) throw notFound(msg('meetings.errors.confirmationGone'));
      const now = clock.now().getTime();
      if (draft.expiresAt < now) {
        repo.deleteDraft(actor.guildId, draftId);
        throw conflict(msg('meetings.errors.confirmationExpired'));
      }
      const startsAt = draft.candidates[choice];
      if (startsAt === undefined) throw invalid('choice', msg('meetings.errors.badChoice'));
      if (startsAt <= now) throw invalid('when', msg('meetings.errors.passedMeanwhile'));
      const payload = draft.payload as ScheduleDraft | RescheduleDraft;
      const result = payload.action === 'schedule' ? confirmSchedule(actor, payload, startsAt) : confirmReschedule(actor, payload, startsAt);
      repo.deleteDraft(actor.guildId, draftId);
      return result;
    },

    discardDraft(actor: Actor, draftId: number): void {
      const draft = repo.draft(actor.guildId, draftId);
      if (draft && draft.userId === actor.userId) repo.deleteDraft(actor.guildId, draftId);
    },

    /** Upcoming (not yet ended) meetings with their agenda length. */
    list(guildId: string, limit = 25): (Meeting & { agendaLength: number })[] {
      const rows = repo.upcoming(guildId, clock.now().getTime(), limit);
      const counts = deps.agenda.counts(guildId, rows.map((row) => row.id));
      return rows.map((row) => ({ ...view(row), agendaLength: counts.get(row.id) ?? 0 }));
    },

    /** Scheduled meetings starting in [from, to), with agenda length and attendance: for summaries. */
    between(guildId: string, from: number, to: number): (Meeting & { agendaLength: number; attendance: number })[] {
      const rows = repo.startedBetween(guildId, from, to);
      const counts = deps.agenda.counts(guildId, rows.map((row) => row.id));
      return rows.map((row) => ({
        ...view(row),
        agendaLength: counts.get(row.id) ?? 0,
        attendance: repo.attendees(guildId, row.id).length,
      }));
    },

    get(guildId: string, meetingId: number): Meeting {
      return view(requireMeeting(guildId, meetingId));
    },

    /** Meetings for autocomplete: upcoming ones, plus those of the last `pastDays` days (for notes and outcomes). */
    choices(guildId: string, query: string, pastDays = 0): { id: number; title: string; startsAt: number }[] {
      const from = clock.now().getTime() - pastDays * 24 * 60 * MINUTE;
      return repo.search(guildId, from, query.trim(), 25).map(({ id, title, startsAt }) => ({ id, title, startsAt }));
    },

    /** Cancels one meeting, or with `series` this and every later occurrence. Returns what was cancelled. */
    cancel(actor: Actor, meetingId: number, options: { series?: boolean } = {}): Meeting[] {
      const row = requireMeeting(actor.guildId, meetingId);
      assertChangeable(actor, row, 'cancel');
      if (options.series && !row.seriesId) throw invalid('series', msg('meetings.errors.notRepeating', { title: row.title }));
      return db.transaction(() => {
        const now = clock.now().getTime();
        const targets = options.series && row.seriesId
          ? repo.futureOccurrences(actor.guildId, row.seriesId, now).filter((m) => m.startsAt >= row.startsAt)
          : [row];
        if (options.series && row.seriesId) repo.endSeries(actor.guildId, row.seriesId);
        for (const target of targets) {
          repo.update(actor.guildId, target.id, { status: 'cancelled' });
          cancelJobs(target);
        }
        return targets.map((target) => view({ ...target, status: 'cancelled' }));
      });
    },

    /** Keeps every recurring series two occurrences ahead; returns the new meetings (they need Discord events). */
    planOccurrences(): Meeting[] {
      const now = clock.now().getTime();
      return repo
        .activeSeries()
        .flatMap((series) => db.transaction(() => fillSeries(series.guildId, series.id, now)))
        .map(view);
    },

    setDiscordEventId(guildId: string, meetingId: number, eventId: string | null): void {
      repo.update(guildId, meetingId, { discordEventId: eventId });
    },

    /** Marks the acting member present; true when newly marked. */
    markPresent(actor: Actor, meetingId: number): { newly: boolean; count: number; meeting: Meeting } {
      const row = requireMeeting(actor.guildId, meetingId);
      if (row.status === 'cancelled') throw conflict(msg('meetings.errors.cancelled', { title: row.title }));
      if (!attendanceOpen(row, clock.now().getTime())) throw conflict(msg('meetings.errors.attendanceClosed', { title: row.title }));
      const newly = repo.markPresent(actor.guildId, row.id, actor.userId, clock.now().getTime());
      return { newly, count: repo.attendees(actor.guildId, row.id).length, meeting: view(row) };
    },

    attendees(guildId: string, meetingId: number): string[] {
      return repo.attendees(guildId, requireMeeting(guildId, meetingId).id);
    },

    hasEnded(row: MeetingRow): boolean {
      return hasEnded(row, clock.now().getTime());
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
