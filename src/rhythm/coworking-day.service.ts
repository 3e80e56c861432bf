// International Coworking Day use cases: the countdown and who hosts what, registering a space's event (also a
// Discord scheduled event), the organizers' settings (reminders, coworking week), and planning its posts (and what each says when due).
import { z } from 'zod';
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import { isSkipped, skipJob, type JobSkipped } from '../jobs/job-handler.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { conflict, forbidden, invalidFields, msg, problem, type FieldProblem } from '../shared/errors.js';
import { issueProblem } from '../shared/validate.js';
import type { UpdateSectionProvider } from '../shared/update-section.js';
import { countdownSection, type HostedEventView, type ReminderDraft, type WeekDraft, type WeekView } from './content.rules.js';
import {
  addDays,
  coworkingDay,
  daysUntilCoworkingDay,
  editionYear,
  formatLocalDate,
  ICD_COUNTDOWN_DAYS,
  ICD_REMINDER_KIND,
  ICD_REMINDER_OFFSETS,
  ICD_WEEK_KIND,
  icdPrefix,
  icdReminderSlot,
  icdWeekKey,
  icdWeekSlot,
  isCoworkingDate,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
  weekEnd,
  weekIncludesCoworkingDay,
  type CoworkingWeek,
  type DueSlot,
  type IcdReminderOffset,
  type LocalDate,
} from './due.rules.js';
import { dayInWords } from '../shared/day-words.js';
import type { Language } from '../shared/languages.js';
import type { HostedSpace, ScheduledEvents, SpaceChoice, SpacesDirectory } from './ports.js';
import type { CoworkingDayEventRow, RhythmRepo } from './rhythm.repo.js';
import { parseWhen, whenToInstants } from './when.rules.js';
import { parseLocalDate as parseDay } from '../shared/when.rules.js';

export interface CoworkingDaySettings {
  remindersEnabled: boolean;
  /** Days before August 9, from 30 down to 0. */
  reminders: IcdReminderOffset[];
  week: { name: string; start: string; end: string } | null;
}

export interface CoworkingDayOverview {
  year: number;
  /** 0 on the day; negative during the rest of the coworking week. */
  daysUntil: number;
  coworkingDayAt: number;
  week: WeekView | null;
  events: HostedEventView[];
  /** The alliance's zone: Coworking Day and the week are days in its calendar. */
  timeZone: string;
}

export const hostInputSchema = z.object({
  spaceId: z.number({ error: 'rhythm.errors.pickSpace' }).int('rhythm.errors.pickSpace').positive('rhythm.errors.pickSpace'),
  title: z.string().trim().min(1).max(100),
  when: z.string().trim().min(1).max(40),
  link: z.url({ protocol: /^https?$/, error: 'rhythm.errors.link' }).max(100).optional(),
});
/** `language`: the member's, in which `when` is read first (then English) and its days are written in refusals. */
export type HostInput = z.input<typeof hostInputSchema> & { language?: Language };

export const coworkingSettingsSchema = z.object({
  remindersEnabled: z.boolean().optional(),
  /** e.g. "30,7,1,0" or "7 0": which reminders go out. */
  reminders: z.string().trim().max(40).optional(),
  /** Null clears the week (with its start). */
  weekName: z.string().trim().min(1).max(60).nullable().optional(),
  weekStart: z.string().trim().nullable().optional(),
});
/** `language`: the organizer's, in which `weekStart` is read first (then English). */
export type CoworkingSettingsInput = z.input<typeof coworkingSettingsSchema> & { language?: Language };
const FIELD_NAMES: Record<string, string> = { remindersEnabled: 'reminders', reminders: 'which', weekName: 'week-name', weekStart: 'week-start', spaceId: 'space', title: 'title', when: 'when', link: 'link' };

function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => issueProblem(issue, FIELD_NAMES[String(issue.path[0])] ?? String(issue.path[0])));
}

export function parseReminderList(text: string): IcdReminderOffset[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean).map(Number);
  if (parts.length === 0 || parts.some((n) => !(ICD_REMINDER_OFFSETS as readonly number[]).includes(n))) return null;
  return ICD_REMINDER_OFFSETS.filter((offset) => parts.includes(offset));
}

export interface CoworkingDayServiceDeps {
  repo: RhythmRepo;
  jobs: JobsRepo;
  alliances: AlliancesService;
  clock: Clock;
  directory: SpacesDirectory;
}

export function createCoworkingDayService(deps: CoworkingDayServiceDeps) {
  const { repo, jobs, alliances, clock, directory } = deps;

  function weekOf(guildId: string, row = repo.settings(guildId)): CoworkingWeek | null {
    const start = row?.icdWeekStart ? parseLocalDate(row.icdWeekStart) : null;
    return row?.icdWeekName && start ? { name: row.icdWeekName, start } : null;
  }

  function settings(guildId: string, row = repo.settings(guildId)): CoworkingDaySettings {
    const week = weekOf(guildId, row);
    return {
      remindersEnabled: row?.icdRemindersEnabled ?? true,
      reminders: ICD_REMINDER_OFFSETS.filter((offset) => (row?.icdReminders ?? [...ICD_REMINDER_OFFSETS]).includes(offset)),
      week: week ? { name: week.name, start: formatLocalDate(week.start), end: formatLocalDate(weekEnd(week)) } : null,
    };
  }

  function weekView(week: CoworkingWeek | null, year: number, timezone: string): WeekView | null {
    if (!week || week.start.year !== year) return null;
    return { name: week.name, startsAt: startOfLocalDay(week.start, timezone), endsAt: startOfLocalDay(addDays(weekEnd(week), 1), timezone) - 1 };
  }

  function toView(row: CoworkingDayEventRow): HostedEventView {
    return { spaceName: row.spaceName, title: row.title, hostUserId: row.hostUserId, startsAt: row.startsAt, endsAt: row.endsAt, link: row.link };
  }

  function overview(guildId: string, now: number): CoworkingDayOverview {
    const timezone = alliances.settings(guildId).timezone;
    const today = localDateOf(now, timezone);
    const week = weekOf(guildId);
    const year = editionYear(today, week);
    return {
      year,
      daysUntil: daysUntilCoworkingDay(today, year),
      coworkingDayAt: startOfLocalDay(coworkingDay(year), timezone),
      week: weekView(week, year, timezone),
      events: repo.events(guildId, year).map(toView),
      timeZone: timezone,
    };
  }

  function planSlot(guildId: string, slot: DueSlot, kind: string, payload: Record<string, unknown>, now: number): void {
    if (now <= slot.expiresAt) jobs.plan({ guildId, key: slot.key, kind, dueAt: slot.dueAt, expiresAt: slot.expiresAt, payload });
    else jobs.reschedule(slot.key, slot.dueAt, slot.expiresAt);
  }

  function plan(guildId: string, now: number): void {
    const row = repo.settings(guildId);
    const current = settings(guildId, row);
    const { timezone, announcementsChannelId } = alliances.settings(guildId);
    const week = weekOf(guildId, row);
    const year = editionYear(localDateOf(now, timezone), week);
    if (!current.remindersEnabled || !announcementsChannelId) {
      jobs.cancelByPrefix(guildId, icdPrefix(guildId));
      jobs.cancel(icdWeekKey(guildId, year));
      return;
    }
    for (const offset of ICD_REMINDER_OFFSETS) {
      const slot = icdReminderSlot(guildId, year, offset, timezone);
      if (current.reminders.includes(offset)) planSlot(guildId, slot, ICD_REMINDER_KIND, { year, offset }, now);
      else jobs.cancel(slot.key);
    }
    if (week && week.start.year === year) planSlot(guildId, icdWeekSlot(guildId, week.start, timezone), ICD_WEEK_KIND, { year, start: formatLocalDate(week.start) }, now);
    else jobs.cancel(icdWeekKey(guildId, year));
  }

  /** The channel a Coworking Day post goes to, or why it is skipped. */
  function postTarget(guildId: string): { channelId: string } | JobSkipped {
    if (!settings(guildId).remindersEnabled) return skipJob('Coworking Day reminders are switched off');
    const channelId = alliances.settings(guildId).announcementsChannelId;
    if (!channelId) return skipJob('no announcements channel');
    return { channelId };
  }

  return {
    settings,

    /** The countdown and who hosts what (anyone may look). */
    overview(actor: Actor): CoworkingDayOverview {
      return overview(actor.guildId, clock.now().getTime());
    },

    /** Spaces the caller hosts, for the `space` option's autocomplete. */
    spaceChoices(actor: Actor, query: string): SpaceChoice[] {
      return directory.spaceAutocomplete(actor.guildId, query.slice(0, 100), { hostedBy: actor.userId }).slice(0, 25);
    },

    async host(actor: Actor, input: HostInput, events: ScheduledEvents): Promise<HostedEventView & { id: number; discordEventId: string | null }> {
      const parsed = hostInputSchema.safeParse(input);
      const problems = parsed.success ? [] : problemsOf(parsed.error);
      const now = clock.now().getTime();
      const timezone = alliances.settings(actor.guildId).timezone;
      const week = weekOf(actor.guildId);
      const year = editionYear(localDateOf(now, timezone), week);
      let space: HostedSpace | undefined;
      if (Number.isInteger(input.spaceId)) {
        const hosted = directory.spacesHostedBy(actor.guildId, actor.userId);
        space = hosted.find((s) => s.id === input.spaceId);
        if (!space) {
          problems.push(problem('space', hosted.length === 0 ? msg('rhythm.errors.hostNone') : msg('rhythm.errors.notYourSpace')));
        }
      }
      let instants: { startsAt: number; endsAt: number } | null = null;
      const language = input.language ?? 'en';
      const when = parseWhen(input.when ?? '', now, timezone, language);
      if (typeof when === 'string' || !('start' in when)) problems.push(problem('when', when));
      else {
        const date = when.date ?? coworkingDay(year);
        if (!isCoworkingDate(date, year, week)) {
          // Days in words in the member's language: a calendar date, not an instant.
          const words = (d: LocalDate) => dayInWords(formatLocalDate(d), language);
          const day = words(coworkingDay(year));
          problems.push(
            problem(
              'when',
              week && week.start.year === year
                ? msg('rhythm.errors.notInWeek', { day, week: week.name, from: words(week.start), to: words(weekEnd(week)) })
                : msg('rhythm.errors.notOnDay', { day }),
            ),
          );
        } else {
          instants = whenToInstants(date, when, timezone);
          if (instants.startsAt <= now) problems.push(problem('when', msg('rhythm.errors.past')));
        }
      }
      if (problems.length > 0 || !parsed.success || !space || !instants) throw invalidFields(problems);
      if (repo.eventAt(actor.guildId, space.id, instants.startsAt)) throw conflict(msg('rhythm.errors.taken', { space: space.name }));
      const { title, link } = parsed.data;
      const created = await events.create(actor.guildId, {
        name: title,
        about: { spaceName: space.name, year, link: link ?? null },
        startAt: instants.startsAt,
        endAt: instants.endsAt,
        location: (link ?? space.name).slice(0, 100),
      });
      try {
        const row = repo.addEvent({
          guildId: actor.guildId,
          year,
          spaceId: space.id,
          spaceName: space.name,
          hostUserId: actor.userId,
          title,
          startsAt: instants.startsAt,
          endsAt: instants.endsAt,
          link: link ?? null,
          discordEventId: created.id,
          createdAt: now,
        });
        return { ...toView(row), id: row.id, discordEventId: row.discordEventId };
      } catch (error) {
        // Nothing half-written: the Discord event goes too when the row cannot be stored (e.g. a double submit).
        await events.remove(actor.guildId, created.id).catch(() => undefined);
        if (repo.eventAt(actor.guildId, space.id, instants.startsAt)) throw conflict(msg('rhythm.errors.taken', { space: space.name }));
        throw error;
      }
    },

    updateSettings(actor: Actor, input: CoworkingSettingsInput): CoworkingDaySettings {
      if (!actor.isOrganizer) throw forbidden(msg('rhythm.errors.cwdOrganizersOnly'));
      const parsed = coworkingSettingsSchema.safeParse(input);
      const problems = parsed.success ? [] : problemsOf(parsed.error);
      const data = parsed.success ? parsed.data : {};
      const reminders = data.reminders === undefined ? undefined : parseReminderList(data.reminders);
      if (reminders === null) problems.push(problem('which', msg('rhythm.errors.which')));
      let weekStart: string | null | undefined = data.weekStart;
      if (weekStart) {
        const day = parseDay(weekStart, clock.now().getTime(), alliances.settings(actor.guildId).timezone, 'week-start', { allowPast: true, language: input.language });
        const start = day.kind === 'ok' ? parseLocalDate(day.date) : null;
        if (day.kind === 'refused') problems.push(problem('week-start', day.text));
        else if (!start) problems.push(problem('week-start', msg('rhythm.errors.weekStart')));
        else if (!weekIncludesCoworkingDay(start)) problems.push(problem('week-start', msg('rhythm.errors.weekIncludes')));
        else weekStart = formatLocalDate(start);
      }
      // A week is a name and a start together; clearing either (null) clears both.
      const clearWeek = data.weekName === null || data.weekStart === null;
      const current = repo.settings(actor.guildId);
      const name = data.weekName ?? current?.icdWeekName ?? null;
      const start = weekStart ?? current?.icdWeekStart ?? null;
      if (!clearWeek && Boolean(name) !== Boolean(start)) {
        problems.push(problem(name ? 'week-start' : 'week-name', msg('rhythm.errors.weekBoth')));
      }
      if (problems.length > 0) throw invalidFields(problems);
      repo.saveSettings(
        actor.guildId,
        {
          icdRemindersEnabled: data.remindersEnabled,
          icdReminders: reminders ?? undefined,
          icdWeekName: clearWeek ? null : name,
          icdWeekStart: clearWeek ? null : start,
        },
        clock.now().getTime(),
      );
      plan(actor.guildId, clock.now().getTime());
      return settings(actor.guildId);
    },

    plan,

    /** The reminder job's data: the channel and what the reminder says (the writer words it), or a skip. */
    reminderPost(job: { guildId: string; payload: Record<string, unknown> }): { channelId: string; reminder: ReminderDraft } | JobSkipped {
      const target = postTarget(job.guildId);
      if (isSkipped(target)) return target;
      const offset = Number(job.payload['offset']) as IcdReminderOffset;
      if (!settings(job.guildId).reminders.includes(offset)) return skipJob(`the ${offset}-day reminder is switched off`);
      const view = overview(job.guildId, clock.now().getTime());
      return { channelId: target.channelId, reminder: { offset, coworkingDayAt: view.coworkingDayAt, week: view.week, events: view.events, timeZone: view.timeZone } };
    },

    /** The coworking week's announcement job's data, or a skip when the week is gone. */
    weekPost(job: { guildId: string }): { channelId: string; week: WeekDraft } | JobSkipped {
      const target = postTarget(job.guildId);
      if (isSkipped(target)) return target;
      const view = overview(job.guildId, clock.now().getTime());
      if (!view.week) return skipJob('no coworking week set any more');
      return { channelId: target.channelId, week: { week: view.week, coworkingDayAt: view.coworkingDayAt, events: view.events, timeZone: view.timeZone } };
    },

    /** The monthly update's Coworking Day section: the countdown when August 9 is within 60 days. */
    updateSection(): UpdateSectionProvider {
      return {
        id: 'coworking-day',
        order: 900,
        build(period) {
          const view = overview(period.guildId, period.now);
          if (view.daysUntil < 0 || view.daysUntil > ICD_COUNTDOWN_DAYS) return null;
          return countdownSection({
            daysUntil: view.daysUntil,
            coworkingDay: formatLocalDate(coworkingDay(view.year)),
            week: view.week ? settings(period.guildId).week : null,
            hostedCount: view.events.length,
          });
        },
      };
    },
  };
}

export type CoworkingDayService = ReturnType<typeof createCoworkingDayService>;
