// Tells organizers, once, that a scheduled post failed for good: the scheduler's onFailed. The notice is sent with
// the scheduler's notice key as idempotency key, so a notice re-sent after a crash is not doubled.
import type { FailureListener } from '../scheduler/runner.js';
import type { BotContext } from './command.js';
import { backupFailureNotice } from './operations/messages.js';

export function notifyOrganizersOfFailedJob(ctx: BotContext): FailureListener {
  return async (job, error, noticeKey) => {
    const channelId = ctx.services.alliances.organizersChannel(job.guildId);
    if (!channelId) {
      ctx.logger.warn({ job: job.key }, 'a scheduled post failed and the alliance has no organizers channel to tell');
      return;
    }
    const backup = backupFailureNotice(job, error);
    const text =
      backup?.text ??
      ctx.services.rhythm.failureNotice(job, error) ??
      `A scheduled post (${job.kind}) could not be sent after ${job.attempts} attempts (${error}). Check my permissions in the channels set in /alliance setup.`;
    await ctx.poster.post(
      channelId,
      { embeds: [{ title: backup?.title ?? '⚠️ A scheduled post failed', description: text.slice(0, 4096), color: 0xef4444 }] },
      { idempotencyKey: noticeKey },
    );
  };
}
