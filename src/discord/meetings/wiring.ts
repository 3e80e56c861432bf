// The meetings feature's scheduled work: the 24-hour agenda post, the "starting now" post with its attendance
// button, action-item reminders by DM, and a planner that keeps recurring meetings (and their events) ahead.
import { z } from 'zod';
import { ACTION_REMINDER_JOB, MEETING_AGENDA_JOB, MEETING_START_JOB } from '../../meetings/meeting-jobs.rules.js';
import { skipJob, type JobHandler } from '../../jobs/job-handler.js';
import { sayIn } from '../../i18n/translate.js';
import type { BotContext } from '../command.js';
import type { FeatureWiring } from '../feature-wiring.js';
import { publicLanguageOf } from '../language.js';
import { syncMeetingEvent } from './events.js';
import { renderAgenda } from './agenda-render.js';
import { renderReminder, renderStartPost } from './render.js';
import { sayTo } from '../member-language.js';

// Payloads as the planner wrote them (meeting-jobs.rules.ts), parsed rather than cast.
const meetingPayload = z.object({ meetingId: z.number(), startsAt: z.number() });
const reminderPayload = z.object({ actionId: z.number(), dueDate: z.string() });

function meetingPost(ctx: BotContext, which: 'agenda' | 'start'): JobHandler {
  return async (job) => {
    const { meetingId, startsAt } = meetingPayload.parse(job.payload);
    const plan = ctx.services.meetings.scheduledPost(job.guildId, meetingId, startsAt);
    if (plan.kind === 'skip') return skipJob(plan.reason);
    // No interaction here: the post speaks the alliance's language.
    const say = sayIn(publicLanguageOf(ctx.client, ctx.services.alliances.settings(job.guildId), job.guildId));
    const payload =
      which === 'agenda'
        ? { content: say('agenda.set'), embeds: renderAgenda(plan.agenda, say) }
        : renderStartPost(plan.agenda.meeting, say);
    // The job key as idempotency key: a run repeated after a crash is refused by Discord's nonce check.
    const posted = await ctx.poster.post(plan.channelId, payload, { idempotencyKey: job.key });
    ctx.services.meetings.recordPosted(job.guildId, meetingId, which, posted.messageId);
    return { messageId: posted.messageId };
  };
}

const actionReminder =
  (ctx: BotContext): JobHandler =>
  async (job) => {
    const { actionId, dueDate } = reminderPayload.parse(job.payload);
    const plan = ctx.services.meetings.reminderFor(job.guildId, actionId, dueDate);
    if (plan.kind === 'skip') return skipJob(plan.reason);
    const { say, language } = sayTo(ctx, job.guildId, plan.action.ownerId);
    const sent = await ctx.poster.dm(plan.action.ownerId, { content: renderReminder(plan.action, plan.meetingTitle, say, language) }, { idempotencyKey: job.key });
    return sent ? { messageId: sent.messageId } : { dm: 'closed' };
  };

export const meetingsWiring: FeatureWiring = {
  name: 'meetings',
  jobHandlers: (ctx) => ({
    [MEETING_AGENDA_JOB]: meetingPost(ctx, 'agenda'),
    [MEETING_START_JOB]: meetingPost(ctx, 'start'),
    [ACTION_REMINDER_JOB]: actionReminder(ctx),
  }),
  planners: (ctx) => [
    async () => {
      for (const meeting of ctx.services.meetings.planOccurrences()) await syncMeetingEvent(ctx, meeting);
    },
  ],
};
