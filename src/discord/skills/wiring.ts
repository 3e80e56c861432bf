// Skill-share in the bot's life cycle: the scheduled jobs it creates (need reminders and expiry, match notices,
// "did it help?" follow-ups, new-skill suggestions to organizers), each a DM or post through the poster.
import { z } from 'zod';
import { skipJob, type JobHandler } from '../../jobs/job-handler.js';
import { SKILL_JOBS } from '../../skills/skills.context.js';
import type { BotContext } from '../command.js';
import type { FeatureWiring } from '../feature-wiring.js';
import { publicLanguageOf } from '../language.js';
import { memberLanguage } from './delivery.js';
import { renderFollowup, renderMatchNotice, renderReminder, renderSuggestion, renderSuggestionDigest } from './intro-render.js';

const entryPayload = z.object({ entryId: z.number(), expiresAt: z.number() });
const noticePayload = z.object({ noticeId: z.number() });
const introPayload = z.object({ introId: z.number() });
const suggestionPayload = z.object({ skillKey: z.string() });
const digestPayload = z.object({ from: z.number(), to: z.number() });

export function skillJobHandlers(ctx: BotContext): Record<string, JobHandler> {
  const skills = ctx.services.skills;
  /** Organizers' channel posts are read by every organizer: in the alliance's language. */
  const allianceLanguage = (guildId: string) => publicLanguageOf(ctx.client, ctx.services.alliances.settings(guildId), guildId);
  return {
    [SKILL_JOBS.needReminder]: async (job) => {
      const { entryId, expiresAt } = entryPayload.parse(job.payload);
      const due = skills.jobs.needReminder(job.guildId, entryId, expiresAt);
      if (!due) return skipJob('need removed, renewed or reminders turned off');
      const sent = await ctx.poster.dm(due.userId, renderReminder(due.entry, job.guildId, ctx.services.alliances.settings(job.guildId).timezone, memberLanguage(ctx, job.guildId, due.userId)), { idempotencyKey: job.key });
      return { delivered: sent !== null };
    },
    [SKILL_JOBS.needExpiry]: async (job) => {
      const { entryId, expiresAt } = entryPayload.parse(job.payload);
      const expired = skills.jobs.expireNeed(job.guildId, entryId, expiresAt);
      if (!expired) return skipJob('need removed or renewed');
      return { expired: expired.id };
    },
    [SKILL_JOBS.matchNotice]: async (job) => {
      const notice = skills.jobs.matchNotice(job.guildId, noticePayload.parse(job.payload).noticeId);
      if (!notice) return skipJob('entries gone or hidden');
      // A DM if they allow it, otherwise nothing: a match notice is not worth a thread.
      const sent = await ctx.poster.dm(notice.toUserId, { content: renderMatchNotice(notice, memberLanguage(ctx, job.guildId, notice.toUserId)) }, { idempotencyKey: job.key });
      return { delivered: sent !== null };
    },
    [SKILL_JOBS.introFollowup]: async (job) => {
      const intro = skills.introFollowup(job.guildId, introPayload.parse(job.payload).introId);
      if (!intro) return skipJob('introduction gone');
      const delivered: Record<string, boolean> = {};
      for (const userId of [intro.requesterId, intro.targetId]) {
        delivered[userId] = (await ctx.poster.dm(userId, renderFollowup(intro, userId, memberLanguage(ctx, job.guildId, userId)), { idempotencyKey: `${job.key}:${userId}` })) !== null;
      }
      return { delivered };
    },
    [SKILL_JOBS.suggestion]: async (job) => {
      const suggestion = skills.jobs.suggestion(job.guildId, suggestionPayload.parse(job.payload).skillKey);
      const channelId = ctx.services.alliances.organizersChannel(job.guildId);
      if (!suggestion || !channelId) return skipJob('no suggestion or no organizers channel');
      const posted = await ctx.poster.post(channelId, { content: renderSuggestion(suggestion, allianceLanguage(job.guildId)) }, { idempotencyKey: job.key });
      return { messageId: posted.messageId };
    },
    [SKILL_JOBS.suggestionDigest]: async (job) => {
      const suggestions = skills.jobs.suggestionDigest(job.guildId, digestPayload.parse(job.payload));
      const channelId = ctx.services.alliances.organizersChannel(job.guildId);
      if (!suggestions.length || !channelId) return skipJob('no new skills left or no organizers channel');
      const posted = await ctx.poster.post(channelId, { content: renderSuggestionDigest(suggestions, allianceLanguage(job.guildId)) }, { idempotencyKey: job.key });
      return { messageId: posted.messageId, skills: suggestions.length };
    },
  };
}

export const skillsWiring: FeatureWiring = {
  name: 'skills',
  jobHandlers: skillJobHandlers,
  // No warm-up after READY: an alliance's match index is built on its first skill-share use (~0.1 s of CPU for
  // 50,000 entries once the code is warm), so a process serving many alliances holds indexes only for those in use.
};
