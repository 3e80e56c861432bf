// The meetings feature's scheduled work: the 24-hour agenda post, the "starting now" post with its attendance
// button, action-item reminders by DM (each rendering what the feature's job data says), and a planner that keeps
// recurring meetings (and their events) ahead.
import { ACTION_REMINDER_JOB, MEETING_AGENDA_JOB, MEETING_START_JOB } from '../../meetings/meeting-jobs.rules.js';
import { isSkipped, type JobHandler } from '../../jobs/job-handler.js';
import { sayIn } from '../../i18n/translate.js';
import type { BotContext } from '../command.js';
import type { FeatureWiring } from '../feature-wiring.js';
import { publicLanguageOf } from '../language.js';
import { syncMeetingEvent } from './events.js';
import { renderAgenda } from './agenda-render.js';
import { renderReminder, renderStartPost } from './render.js';
import { sayTo } from '../member-language.js';

function meetingPost(ctx: BotContext, kind: typeof MEETING_AGENDA_JOB | typeof MEETING_START_JOB): JobHandler {
  return async (job) => {
    const plan = ctx.services.jobData[kind](job);
    if (isSkipped(plan)) return plan;
    // No interaction here: the post speaks the alliance's language.
    const say = sayIn(publicLanguageOf(ctx.client, ctx.services.alliances.settings(job.guildId), job.guildId));
    const payload =
      kind === MEETING_AGENDA_JOB
        ? { content: say('agenda.set'), embeds: renderAgenda(plan.agenda, say) }
        : renderStartPost(plan.agenda.meeting, say);
    // The job key as idempotency key: a run repeated after a crash is refused by Discord's nonce check.
    const posted = await ctx.poster.post(plan.channelId, payload, { idempotencyKey: job.key });
    plan.posted(posted.messageId);
    return { messageId: posted.messageId };
  };
}

const actionReminder =
  (ctx: BotContext): JobHandler =>
  async (job) => {
    const plan = ctx.services.jobData[ACTION_REMINDER_JOB](job);
    if (isSkipped(plan)) return plan;
    const { say, language } = sayTo(ctx, job.guildId, plan.action.ownerId);
    const sent = await ctx.poster.dm(plan.action.ownerId, { content: renderReminder(plan.action, plan.meetingTitle, say, language) }, { idempotencyKey: job.key });
    return sent ? { messageId: sent.messageId } : { dm: 'closed' };
  };

export const meetingsWiring: FeatureWiring = {
  name: 'meetings',
  order: 20,
  jobHandlers: (ctx) => ({
    [MEETING_AGENDA_JOB]: meetingPost(ctx, MEETING_AGENDA_JOB),
    [MEETING_START_JOB]: meetingPost(ctx, MEETING_START_JOB),
    [ACTION_REMINDER_JOB]: actionReminder(ctx),
  }),
  planners: (ctx) => [
    async () => {
      for (const meeting of ctx.services.meetings.planOccurrences()) await syncMeetingEvent(ctx, meeting);
    },
  ],
};
