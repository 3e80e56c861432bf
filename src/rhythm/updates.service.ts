// Monthly update use cases: settings and the organizers' note, composing the update from every feature's
// section (preview = post), posting it (now, or when its job is due), its history, and planning its jobs.
import { z } from 'zod';
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import { skipJob, type JobSkipped } from '../jobs/job-handler.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { forbidden, invalidFields, msg, problem, type FieldProblem } from '../shared/errors.js';
import { between, issueProblem } from '../shared/validate.js';
import type { UpdatePeriod, UpdateSectionContent, UpdateSectionProvider } from '../shared/update-section.js';
import { NOTE_MAX, type UpdateDraft } from './content.rules.js';
import {
  addDays,
  addMonths,
  formatYearMonth,
  localYearMonth,
  MONTHLY_KIND,
  monthlyPrefix,
  monthlyPeriodBounds,
  monthlySlot,
  type LocalDate,
  type YearMonth,
} from './due.rules.js';
import { messageUrl, type ChannelCheck, type PostMessage, type Publish, type RhythmWriter } from './ports.js';
import type { MonthlyUpdateRow, RhythmRepo } from './rhythm.repo.js';

const MEMBER_MENTION = /<@!?\d+>/g;
export const DEFAULT_MONTHLY = { enabled: true, day: 1, hour: 10 } as const;

export interface UpdateSettings {
  enabled: boolean;
  day: number;
  hour: number;
  /** Where the update goes: the chosen channel, else the announcements channel; null when neither is set. */
  channelId: string | null;
  channelIsDefault: boolean;
  note: string | null;
  noteBy: string | null;
  /** When the next scheduled update is due, if one is planned. */
  nextDueAt: number | null;
}

export interface ComposedUpdate {
  guildId: string;
  period: string;
  messages: PostMessage[];
  /** Sections for organizers' eyes only, posted in the organizers channel beside the update. */
  organizerMessages?: PostMessage[];
  quiet: boolean;
  sectionIds: string[];
  /** Sections whose provider threw: left out so the rest still goes out. */
  failedSections: string[];
  /** The note carried (its timestamp), so posting clears exactly that note. */
  noteAt: number | null;
  /** The local days it reports on, first and last (the preview says so). */
  covers: { from: LocalDate; through: LocalDate };
}

/** An update's content before it is written in a language: what `writeUpdate` turns into posts. */
export interface UpdateContent extends Omit<ComposedUpdate, 'messages' | 'organizerMessages'> {
  draft: UpdateDraft;
  /** Sections for organizers' eyes only (the companion post). */
  organizerSections: UpdateSectionContent[];
}

/** Where a composed update goes: the members' channel, the post's idempotency key, and the organizers' channel. */
export interface UpdateTarget {
  channelId: string;
  key: string;
  /** Null when there is none, or it is the members' channel (the companion is then not posted). */
  organizersChannelId: string | null;
}

/** The monthly job's data: a post recorded by an earlier run, or the update to write, post and record. */
export type ScheduledUpdate =
  | { kind: 'recorded'; messageIds: string[] }
  | { kind: 'post'; content: UpdateContent; target: UpdateTarget; record(composed: ComposedUpdate, messageIds: string[]): PostedUpdate };

export interface PostedUpdate {
  period: string;
  channelId: string;
  messageIds: string[];
  url: string;
}

export interface UpdateHistoryEntry {
  period: string;
  trigger: 'scheduled' | 'manual';
  postedAt: number;
  postedBy: string | null;
  url: string;
  messageCount: number;
}

export const updateSettingsSchema = z.object({
  day: z.number().int().refine(...between(1, 28)).optional(),
  hour: z.number().int().refine(...between(0, 23)).optional(),
  channelId: z.string().regex(/^\d{15,21}$/, 'rhythm.errors.channelId').optional(),
  enabled: z.boolean().optional(),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsSchema>;
const FIELD_NAMES: Record<string, string> = { day: 'day', hour: 'hour', channelId: 'channel', enabled: 'enabled' };

export interface UpdatesServiceDeps {
  repo: RhythmRepo;
  jobs: JobsRepo;
  alliances: AlliancesService;
  clock: Clock;
  /** Every feature's section, read when an update is composed; the rhythm feature adds its own Coworking Day countdown. */
  sections(): readonly UpdateSectionProvider[];
}

/** Whether a section has anything to say (a sentence by key always does). */
function hasWords(section: UpdateSectionContent): boolean {
  return section.lines.some((line) => typeof line !== 'string' || line.trim().length > 0);
}

function requireOrganizer(actor: Actor): void {
  if (!actor.isOrganizer) throw forbidden(msg('rhythm.errors.organizersOnly'));
}

/** An update's content written in one language (the writer is the Discord layer's words). */
export function writeUpdate(content: UpdateContent, writer: RhythmWriter): ComposedUpdate {
  const { draft, organizerSections, ...rest } = content;
  return { ...rest, messages: writer.update(draft), organizerMessages: writer.organizersNote(content.period, organizerSections) };
}

/**
 * Posts a written update through `publish`: the members' post, then `record` once it is out, then the organizers'
 * companion, best effort (a retry of a failed update never posts it twice, and a broken organizers channel never
 * holds the update back; a crash in between costs this note, not the update).
 */
export async function publishUpdate(composed: ComposedUpdate, target: UpdateTarget, publish: Publish, record: (messageIds: string[]) => PostedUpdate): Promise<PostedUpdate> {
  const posted = await publish({ guildId: composed.guildId, channelId: target.channelId, key: target.key }, composed.messages);
  const recorded = record(posted.map((message) => message.messageId));
  if (composed.organizerMessages?.length && target.organizersChannelId) {
    await publish({ guildId: composed.guildId, channelId: target.organizersChannelId, key: `${target.key}:organizers` }, composed.organizerMessages).catch(() => undefined);
  }
  return recorded;
}

export function createUpdatesService(deps: UpdatesServiceDeps) {
  const { repo, jobs, alliances, clock } = deps;

  function settings(guildId: string): UpdateSettings {
    const row = repo.settings(guildId);
    const alliance = alliances.settings(guildId);
    const channelId = row?.monthlyChannelId ?? alliance.announcementsChannelId;
    // A month already posted with post-now will skip its job: the next update is the one after it.
    const next = jobs
      .list(guildId, [MONTHLY_KIND])
      .find((job) => job.status === 'pending' && repo.updatesForPeriod(guildId, String(job.payload['period'] ?? '')).length === 0);
    return {
      enabled: row?.monthlyEnabled ?? DEFAULT_MONTHLY.enabled,
      day: row?.monthlyDay ?? DEFAULT_MONTHLY.day,
      hour: row?.monthlyHour ?? DEFAULT_MONTHLY.hour,
      channelId,
      channelIsDefault: !row?.monthlyChannelId,
      note: row?.note ?? null,
      noteBy: row?.noteBy ?? null,
      nextDueAt: next?.dueAt ?? null,
    };
  }

  /** The update's content for one month (every feature's section), not yet in any language. */
  function gather(guildId: string, month: YearMonth, now: number): UpdateContent {
    const current = settings(guildId);
    const noteAt = current.note ? (repo.settings(guildId)?.noteAt ?? null) : null;
    const timezone = alliances.settings(guildId).timezone;
    const bounds = monthlyPeriodBounds(month, current.day, timezone);
    const period: UpdatePeriod = { guildId, ...bounds, now, timezone };
    const contents: UpdateSectionContent[] = [];
    const organizerContents: UpdateSectionContent[] = [];
    const sectionIds: string[] = [];
    const failedSections: string[] = [];
    // In their own order, so the order features are composed in never moves a section.
    const providers = [...deps.sections()].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    for (const provider of providers) {
      try {
        const built = provider.build(period);
        const list = (Array.isArray(built) ? built : built ? [built] : []).filter((s) => s.lines.length > 0);
        if (list.length > 0) sectionIds.push(provider.id);
        (provider.audience === 'organizers' ? organizerContents : contents).push(...list);
      } catch {
        failedSections.push(provider.id);
      }
    }
    return {
      guildId,
      period: formatYearMonth(month),
      draft: { period: formatYearMonth(month), from: bounds.from, aheadTo: bounds.aheadTo, note: current.note, sections: contents, timeZone: timezone },
      organizerSections: organizerContents,
      quiet: !current.note && !contents.some(hasWords),
      sectionIds,
      failedSections,
      noteAt,
      covers: { from: { ...addMonths(month, -1), day: current.day }, through: addDays({ ...month, day: current.day }, -1) },
    };
  }

  function compose(guildId: string, month: YearMonth, now: number, writer: RhythmWriter): ComposedUpdate {
    return writeUpdate(gather(guildId, month, now), writer);
  }

  /** Where the update goes besides the members' channel: the organizers' channel, unless it is the same one. */
  function targetOf(guildId: string, channelId: string, key: string): UpdateTarget {
    const organizersChannelId = alliances.settings(guildId).organizersChannelId;
    return { channelId, key, organizersChannelId: organizersChannelId && organizersChannelId !== channelId ? organizersChannelId : null };
  }

  /** Records a posted update (once the members' post is out): the history, the archive, and the note it carried. */
  function record(
    composed: ComposedUpdate,
    options: { channelId: string; key: string; trigger: 'scheduled' | 'manual'; postedBy: string | null },
    messageIds: string[],
  ): PostedUpdate {
    repo.recordUpdate(
      {
        guildId: composed.guildId,
        period: composed.period,
        trigger: options.trigger,
        postKey: options.key,
        channelId: options.channelId,
        messageIds,
        sectionIds: composed.sectionIds,
        postedAt: clock.now().getTime(),
        postedBy: options.postedBy,
        // Kept for the public archive (/a/<slug>/updates): what was posted, not what the data says later.
        // Member mentions lose their ids (<@0>): the archive needs no one's id, and a deleted member stays deleted.
        content: composed.messages.flatMap((message) =>
          message.embeds.map((embed) => ({ title: embed.title.replace(MEMBER_MENTION, '<@0>'), description: embed.description.replace(MEMBER_MENTION, '<@0>') })),
        ),
      },
      composed.noteAt,
    );
    return { period: composed.period, channelId: options.channelId, messageIds, url: messageUrl(composed.guildId, options.channelId, messageIds[0] ?? '') };
  }

  return {
    settings,

    async updateSettings(actor: Actor, input: UpdateSettingsInput, canPost?: ChannelCheck): Promise<UpdateSettings> {
      requireOrganizer(actor);
      const parsed = updateSettingsSchema.safeParse(input);
      const problems: FieldProblem[] = parsed.success
        ? []
        : parsed.error.issues.map((issue) => issueProblem(issue, FIELD_NAMES[String(issue.path[0])] ?? String(issue.path[0])));
      // The channel is checked even when other fields are wrong, so organizers fix everything in one go.
      const channelOk = input.channelId !== undefined && !problems.some((problem) => problem.field === 'channel');
      if (channelOk && canPost) {
        const refused = await canPost(actor.guildId, input.channelId!);
        if (refused) problems.push(problem('channel', refused));
      }
      if (problems.length > 0 || !parsed.success) throw invalidFields(problems);
      const { day, hour, channelId, enabled } = parsed.data;
      repo.saveSettings(
        actor.guildId,
        { monthlyDay: day, monthlyHour: hour, monthlyChannelId: channelId, monthlyEnabled: enabled },
        clock.now().getTime(),
      );
      plan(actor.guildId, clock.now().getTime());
      return settings(actor.guildId);
    },

    setNote(actor: Actor, text: string): UpdateSettings {
      requireOrganizer(actor);
      const note = text.trim();
      if (!note) throw invalidFields([problem('text', msg('validation.empty', { field: 'text' }))]);
      // Characters as Discord counts them (code points), so the option's max_length and this check agree.
      const length = [...note].length;
      if (length > NOTE_MAX) {
        throw invalidFields([problem('text', msg('rhythm.errors.noteTooLong', { limit: NOTE_MAX, length }))]);
      }
      repo.saveSettings(actor.guildId, { note, noteBy: actor.userId, noteAt: clock.now().getTime() }, clock.now().getTime());
      return settings(actor.guildId);
    },

    clearNote(actor: Actor): UpdateSettings {
      requireOrganizer(actor);
      repo.saveSettings(actor.guildId, { note: null, noteBy: null, noteAt: null }, clock.now().getTime());
      return settings(actor.guildId);
    },

    /**
     * Exactly what `postNow` would post at this moment: this local month's update. With `soFar`, the next update
     * as it stands today: the month so far.
     */
    preview(actor: Actor, options: { soFar?: boolean }, writer: RhythmWriter): ComposedUpdate {
      requireOrganizer(actor);
      const now = clock.now().getTime();
      const month = localYearMonth(now, alliances.settings(actor.guildId).timezone);
      return compose(actor.guildId, options.soFar ? addMonths(month, 1) : month, now, writer);
    },

    /** Posts this month's update now; it counts as this month's, so the scheduled one is then skipped. */
    async postNow(actor: Actor, publish: Publish, writer: RhythmWriter): Promise<PostedUpdate> {
      requireOrganizer(actor);
      const now = clock.now().getTime();
      const channelId = settings(actor.guildId).channelId;
      if (!channelId) {
        throw invalidFields([problem('channel', msg('rhythm.errors.noChannel'))]);
      }
      const composed = compose(actor.guildId, localYearMonth(now, alliances.settings(actor.guildId).timezone), now, writer);
      const key = `monthly-now:${actor.guildId}:${now}`;
      return publishUpdate(composed, targetOf(actor.guildId, channelId, key), publish, (messageIds) =>
        record(composed, { channelId, key, trigger: 'manual', postedBy: actor.userId }, messageIds),
      );
    },

    history(actor: Actor, limit = 10): UpdateHistoryEntry[] {
      requireOrganizer(actor);
      return repo.history(actor.guildId, Math.min(Math.max(limit, 1), 25)).map((row: MonthlyUpdateRow) => ({
        period: row.period,
        trigger: row.trigger,
        postedAt: row.postedAt,
        postedBy: row.postedBy,
        url: messageUrl(row.guildId, row.channelId, row.messageIds[0] ?? ''),
        messageCount: row.messageIds.length,
      }));
    },

    /** The monthly job's data; safe to run again after a crash (same key → same post, recorded once). */
    scheduledUpdate(job: { guildId: string; key: string; payload: Record<string, unknown> }): ScheduledUpdate | JobSkipped {
      const done = repo.updateByKey(job.guildId, job.key);
      if (done) return { kind: 'recorded', messageIds: done.messageIds };
      const period = String(job.payload['period'] ?? '');
      const [year, month] = period.split('-').map(Number);
      if (!year || !month) return skipJob(`bad period in payload: ${period}`);
      const current = settings(job.guildId);
      if (!current.enabled) return skipJob('monthly updates are switched off');
      if (repo.updatesForPeriod(job.guildId, period).length > 0) return skipJob('already posted with /updates post-now');
      const channelId = current.channelId;
      if (!channelId) return skipJob('no channel for the monthly update');
      return {
        kind: 'post',
        content: gather(job.guildId, { year, month }, clock.now().getTime()),
        target: targetOf(job.guildId, channelId, job.key),
        record: (composed, messageIds) => record(composed, { channelId, key: job.key, trigger: 'scheduled', postedBy: null }, messageIds),
      };
    },

    /** Planner: keeps last, this and next month's jobs in line with the settings (idempotent; every tick). */
    plan(guildId: string, now: number): void {
      plan(guildId, now);
    },
  };

  function plan(guildId: string, now: number): void {
    const row = repo.settings(guildId);
    const alliance = alliances.settings(guildId);
    const current = {
      enabled: row?.monthlyEnabled ?? DEFAULT_MONTHLY.enabled,
      day: row?.monthlyDay ?? DEFAULT_MONTHLY.day,
      hour: row?.monthlyHour ?? DEFAULT_MONTHLY.hour,
    };
    if (!current.enabled || !(row?.monthlyChannelId ?? alliance.announcementsChannelId)) {
      jobs.cancelByPrefix(guildId, monthlyPrefix(guildId));
      return;
    }
    const timezone = alliance.timezone;
    const thisMonth = localYearMonth(now, timezone);
    for (const month of [addMonths(thisMonth, -1), thisMonth, addMonths(thisMonth, 1)]) {
      const slot = monthlySlot(guildId, month, current.day, current.hour, timezone);
      if (slot.dueAt <= now) {
        // The grace window is for a bot that was down, and the next month is always planned ahead: a month already
        // due but never planned (or switched off then) belongs to an alliance set up, given a channel or switched on
        // since, which starts with its next update. A settings change that puts this month's time in the past
        // skips this month rather than posting at once.
        const seen = jobs.byKey(slot.key);
        if (!seen || seen.status === 'cancelled') continue;
        if (seen.status === 'pending' && seen.dueAt !== slot.dueAt) {
          jobs.cancel(slot.key);
          continue;
        }
      }
      if (now <= slot.expiresAt) {
        jobs.plan({ guildId, key: slot.key, kind: MONTHLY_KIND, dueAt: slot.dueAt, expiresAt: slot.expiresAt, payload: { period: formatYearMonth(month) } });
      } else {
        // Settings moved a still-pending job into the past: move it anyway so it is skipped with a log line.
        jobs.reschedule(slot.key, slot.dueAt, slot.expiresAt);
      }
    }
  }
}

export type UpdatesService = ReturnType<typeof createUpdatesService>;
