// Tells organizers, once, that a scheduled post failed for good: the scheduler's onFailed. The notice is sent with
// the scheduler's notice key as idempotency key, so a notice re-sent after a crash is not doubled.
import type { FailureListener } from '../jobs/job-handler.js';
import type { BotContext } from './command.js';

/** What failed, in organizers' words: job kinds are internal names and never shown. */
const POST_WORDS: Record<string, string> = {
  'meeting-agenda': 'The agenda post of a meeting',
  'meeting-start': 'The "starting now" post of a meeting',
  'action-reminder': 'An action item reminder',
  'proposal-close': 'The result post of a proposal',
  'proposal-reminder': 'A reminder to vote on a proposal',
};

function postWords(kind: string): string {
  return POST_WORDS[kind] ?? (kind.startsWith('skills.') ? 'A skill-share message' : 'A scheduled post');
}

export function notifyOrganizersOfFailedJob(ctx: BotContext): FailureListener {
  return async (job, error, noticeKey) => {
    const channelId = ctx.services.alliances.organizersChannel(job.guildId);
    if (!channelId) {
      ctx.logger.warn({ job: job.key }, 'a scheduled post failed and the alliance has no organizers channel to tell');
      return;
    }
    const text =
      ctx.services.rhythm.failureNotice(job, error) ??
      `${postWords(job.kind)} could not be sent after ${job.attempts} attempts (${error}). Check my permissions in the channels set in /alliance setup.`;
    await ctx.poster.post(
      channelId,
      { embeds: [{ title: '⚠️ A scheduled post failed', description: text.slice(0, 4096), color: 0xef4444 }] },
      { idempotencyKey: noticeKey },
    );
  };
}
