// Skill-share in the bot's life cycle: the scheduled jobs it creates (need reminders and expiry, match notices,
// "did it help?" follow-ups, new-skill suggestions to organizers), each what the feature's job data says, rendered
// as a DM or post through the poster.
import { isSkipped, type JobHandler } from '../../jobs/job-handler.js';
import { SKILL_JOBS } from '../../skills/skills.context.js';
import type { BotContext } from '../command.js';
import type { FeatureWiring } from '../feature-wiring.js';
import { publicLanguageOf } from '../language.js';
import { memberLanguage } from './delivery.js';
import { renderFollowup, renderMatchNotice, renderReminder, renderSuggestion, renderSuggestionDigest } from './intro-render.js';

export function skillJobHandlers(ctx: BotContext): Record<string, JobHandler> {
  const data = ctx.services.jobData;
  /** Organizers' channel posts are read by every organizer: in the alliance's language. */
  const allianceLanguage = (guildId: string) => publicLanguageOf(ctx.client, ctx.services.alliances.settings(guildId), guildId);
  return {
    [SKILL_JOBS.needReminder]: async (job) => {
      const due = data[SKILL_JOBS.needReminder](job);
      if (isSkipped(due)) return due;
      const sent = await ctx.poster.dm(due.userId, renderReminder(due.entry, job.guildId, due.timezone, memberLanguage(ctx, job.guildId, due.userId)), { idempotencyKey: job.key });
      return { delivered: sent !== null };
    },
    [SKILL_JOBS.needExpiry]: async (job) => {
      const expired = data[SKILL_JOBS.needExpiry](job);
      if (isSkipped(expired)) return expired;
      return { expired: expired.id };
    },
    [SKILL_JOBS.matchNotice]: async (job) => {
      const notice = data[SKILL_JOBS.matchNotice](job);
      if (isSkipped(notice)) return notice;
      // A DM if they allow it, otherwise nothing: a match notice is not worth a thread.
      const sent = await ctx.poster.dm(notice.toUserId, { content: renderMatchNotice(notice, memberLanguage(ctx, job.guildId, notice.toUserId)) }, { idempotencyKey: job.key });
      return { delivered: sent !== null };
    },
    [SKILL_JOBS.introFollowup]: async (job) => {
      const intro = data[SKILL_JOBS.introFollowup](job);
      if (isSkipped(intro)) return intro;
      const delivered: Record<string, boolean> = {};
      for (const userId of [intro.requesterId, intro.targetId]) {
        delivered[userId] = (await ctx.poster.dm(userId, renderFollowup(intro, userId, memberLanguage(ctx, job.guildId, userId)), { idempotencyKey: `${job.key}:${userId}` })) !== null;
      }
      return { delivered };
    },
    [SKILL_JOBS.suggestion]: async (job) => {
      const due = data[SKILL_JOBS.suggestion](job);
      if (isSkipped(due)) return due;
      const posted = await ctx.poster.post(due.channelId, { content: renderSuggestion(due.suggestion, allianceLanguage(job.guildId)) }, { idempotencyKey: job.key });
      return { messageId: posted.messageId };
    },
    [SKILL_JOBS.suggestionDigest]: async (job) => {
      const due = data[SKILL_JOBS.suggestionDigest](job);
      if (isSkipped(due)) return due;
      const posted = await ctx.poster.post(due.channelId, { content: renderSuggestionDigest(due.suggestions, allianceLanguage(job.guildId)) }, { idempotencyKey: job.key });
      return { messageId: posted.messageId, skills: due.suggestions.length };
    },
  };
}

export const skillsWiring: FeatureWiring = {
  name: 'skills',
  order: 30,
  jobHandlers: skillJobHandlers,
  // No warm-up after READY: an alliance's match index is built on its first skill-share use (~0.1 s of CPU for
  // 50,000 entries once the code is warm), so a process serving many alliances holds indexes only for those in use.
};
