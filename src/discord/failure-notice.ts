// Tells organizers, once, that a scheduled post (or the daily backup) failed for good: the scheduler's onFailed. The notice is sent with
// the scheduler's notice key as idempotency key, so a notice re-sent after a crash is not doubled.
import { BOT_JOBS_GUILD_ID } from '../backups/backups.service.js';
import type { FailureListener } from '../jobs/job-handler.js';
import type { BotContext } from './command.js';
import { backupFailureNotice } from './operations/messages.js';
import { sayIn } from '../i18n/translate.js';
import { publicLanguageOf } from './language.js';
import { rhythmFailureNotice } from './rhythm/failure.js';

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
    // The bot's own jobs (backups) belong to no alliance: the first one set up hears about them.
    const guildId = job.guildId === BOT_JOBS_GUILD_ID ? ctx.services.alliances.allGuildIds()[0] : job.guildId;
    const channelId = guildId ? ctx.services.alliances.organizersChannel(guildId) : null;
    if (!channelId) {
      ctx.logger.warn({ job: job.key }, 'a scheduled post failed and the alliance has no organizers channel to tell');
      return;
    }
    const backup = backupFailureNotice(job, error);
    // Organizers read it where everyone of them does: in the alliance's language.
    const language = publicLanguageOf(ctx.client, ctx.services.alliances.settings(guildId ?? job.guildId), guildId ?? job.guildId);
    const text =
      backup?.text ??
      rhythmFailureNotice(sayIn(language), language, job, error) ??
      `${postWords(job.kind)} could not be sent after ${job.attempts} attempts (${error}). Check my permissions in the channels set in /alliance setup.`;
    await ctx.poster.post(
      channelId,
      { embeds: [{ title: backup?.title ?? '⚠️ A scheduled post failed', description: text.slice(0, 4096), color: 0xef4444 }] },
      { idempotencyKey: noticeKey },
    );
  };
}
