// Tells organizers, once, that a scheduled post (or the daily backup) failed for good: the scheduler's onFailed. The notice is sent with
// the scheduler's notice key as idempotency key, so a notice re-sent after a crash is not doubled.
import { BOT_JOBS_GUILD_ID } from '../backups/backups.service.js';
import type { FailureListener } from '../jobs/job-handler.js';
import { sayIn } from '../i18n/translate.js';
import type { BotContext } from './command.js';
import { publicLanguageOf } from './language.js';
import { backupFailureNotice } from './operations/messages.js';
import { rhythmFailureNotice } from './rhythm/failure.js';

/** What failed, as a select value of the notice's message: job kinds are internal names and never shown. */
const POSTS: Record<string, string> = {
  'meeting-agenda': 'agenda',
  'meeting-start': 'start',
  'action-reminder': 'action',
  'proposal-close': 'result',
  'proposal-reminder': 'reminder',
};

function postKind(kind: string): string {
  return POSTS[kind] ?? (kind.startsWith('skills.') ? 'skills' : 'other');
}

export function notifyOrganizersOfFailedJob(ctx: BotContext): FailureListener {
  return async (job, error, noticeKey) => {
    // The bot's own jobs (backups) belong to no alliance: the first one set up hears about them.
    const guildId = job.guildId === BOT_JOBS_GUILD_ID ? ctx.services.alliances.allGuildIds()[0] : job.guildId;
    const channelId = guildId ? ctx.services.alliances.organizersChannel(guildId) : null;
    if (!guildId || !channelId) {
      ctx.logger.warn({ job: job.key }, 'a scheduled post failed and the alliance has no organizers channel to tell');
      return;
    }
    // Organizers read it in their channel: the alliance's language.
    const language = publicLanguageOf(ctx.client, ctx.services.alliances.settings(guildId), guildId);
    const say = sayIn(language);
    const backup = backupFailureNotice(job, error, say);
    const text =
      backup?.text ??
      rhythmFailureNotice(say, language, job, error) ??
      say('scheduler.failedPost.text', { what: postKind(job.kind), attempts: job.attempts, error });
    await ctx.poster.post(
      channelId,
      { embeds: [{ title: backup?.title ?? say('scheduler.failedPost.title'), description: text.slice(0, 4096), color: 0xef4444 }] },
      { idempotencyKey: noticeKey },
    );
  };
}
