// /meeting calendar and /meeting calendar-reset: the member's private feed address, always ephemeral, in their language.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { InteractionContext } from '../command.js';
import { reply } from '../respond.js';
import { renderCalendarFeed, renderCalendarReset } from '../meetings/calendar-render.js';

export function memberFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/calendar/${token}.ics`;
}

export async function replyCalendarFeed(interaction: ChatInputCommandInteraction, ctx: InteractionContext, reset: boolean): Promise<void> {
  if (!ctx.publicUrl) {
    await reply(interaction, { content: ctx.say('meetings.calendar.noWebPage'), ephemeral: true });
    return;
  }
  const calendar = ctx.services.calendar;
  if (reset) {
    await reply(interaction, { content: renderCalendarReset(memberFeedUrl(ctx.publicUrl, calendar.resetFeedToken(ctx.actor)), ctx.say), ephemeral: true });
    return;
  }
  const { token, fresh } = calendar.feedToken(ctx.actor);
  await reply(interaction, { content: renderCalendarFeed(memberFeedUrl(ctx.publicUrl, token), fresh, ctx.say), ephemeral: true });
}
