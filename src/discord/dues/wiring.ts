// Dues in the bot's life cycle: the reminder planner on every scheduler tick, and the reminder jobs, each a DM to
// the space's hosts (a private thread for those who closed DMs), sent once per key whatever restarts happen.
import { ChannelType } from 'discord.js';
import { DUE_SOON_JOB, OVERDUE_JOB, type DuesReminderKind } from '../../dues/dues.ports.js';
import { isSkipped, type JobHandler } from '../../jobs/job-handler.js';
import type { BotContext } from '../command.js';
import type { FeatureWiring } from '../feature-wiring.js';
import { deliverPrivately } from '../skills/delivery.js';
import { publicLanguageOf } from '../language.js';
import { sayIn } from '../../i18n/translate.js';
import { reminderText, reminderThreadName } from './render.js';
import { sayTo } from '../member-language.js';

/**
 * Where hosts who closed DMs get a private thread: the first of the alliance's channels members can read that can
 * hold one (announcement channels cannot).
 */
function fallbackChannel(ctx: BotContext, guildId: string): string | null {
  const s = ctx.services.alliances.settings(guildId);
  const candidates = [s.announcementsChannelId, s.proposalsChannelId, s.meetingsChannelId, s.organizersChannelId];
  return candidates.find((id) => id !== null && ctx.client.channels.cache.get(id)?.type === ChannelType.GuildText) ?? null;
}

function reminderHandler(ctx: BotContext, kind: DuesReminderKind): JobHandler {
  return async (job) => {
    const reminder = ctx.services.jobData[kind](job);
    if (isSkipped(reminder)) return reminder;
    // Each host by DM in the language they last used the bot in; a shared thread in the alliance's.
    const language = publicLanguageOf(ctx.client, ctx.services.alliances.settings(job.guildId), job.guildId);
    const say = sayIn(language);
    const delivered = await deliverPrivately(ctx, {
      userIds: reminder.hostUserIds,
      channelId: fallbackChannel(ctx, job.guildId),
      threadName: reminderThreadName(say, reminder.spaceName),
      payloadFor: (userId) => ({ content: reminderText(userId ? sayTo(ctx, job.guildId, userId) : { say, language }, reminder) }),
      idempotencyKey: job.key,
    });
    return { delivered };
  };
}

export const duesWiring: FeatureWiring = {
  name: 'dues',
  order: 60,
  jobHandlers: (ctx) => ({ [DUE_SOON_JOB]: reminderHandler(ctx, DUE_SOON_JOB), [OVERDUE_JOB]: reminderHandler(ctx, OVERDUE_JOB) }),
  planners: (ctx) => [(now) => ctx.services.duesReminders.plan(now)],
};
