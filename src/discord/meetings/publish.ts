// Meetings' Discord side effects after a member acts: a confirmed schedule or reschedule (its Discord events
// synced, the answer edited), a discarded preview, attendance, and the short public notice of a change.
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { Meeting } from '../../meetings/meetings.service.js';
import type { InteractionContext } from '../command.js';
import { syncMeetingEvent } from './events.js';
import { reply } from '../respond.js';
import { confirmedText, presentText, renderMovedNotice, type EventNote } from './render.js';

/** The Confirm button of a schedule or reschedule preview. */
export async function confirm(interaction: ButtonInteraction | StringSelectMenuInteraction, args: [number, number], ctx: InteractionContext) {
  const result = ctx.services.meetings.confirm(ctx.actor, args[0], args[1]);
  // Creating the Discord event is a round trip; acknowledge first so the 3-second deadline never bites.
  await interaction.deferUpdate();
  const meetings = result.kind === 'scheduled' ? result.meetings : [result.meeting];
  const notes: (EventNote | null)[] = [];
  for (const meeting of meetings) notes.push(await syncMeetingEvent(ctx, meeting));
  // The answer is the member's; the notice in the channel is everyone's.
  await interaction.editReply({ content: confirmedText(result, notes, ctx.say, ctx.language), embeds: [], components: [] });
  if (result.kind === 'rescheduled') await noticeInChannel(ctx, result.meeting, renderMovedNotice(result.meeting, result.previousStartsAt, ctx.sayPublic));
}

/** The Cancel button of a preview: nothing was saved. */
export async function discard(interaction: ButtonInteraction | StringSelectMenuInteraction, [draftId]: [number], ctx: InteractionContext) {
  ctx.services.meetings.discardDraft(ctx.actor, draftId);
  await interaction.update({ content: ctx.say('meetings.draft.discarded'), embeds: [], components: [] });
}

/** "I'm here" on the starting-now post: the member's answer is theirs alone. */
export async function markPresent(interaction: ButtonInteraction | StringSelectMenuInteraction, [meetingId]: [number], ctx: InteractionContext) {
  const marked = ctx.services.meetings.markPresent(ctx.actor, meetingId);
  await reply(interaction, { content: presentText(marked, ctx.say), ephemeral: true });
}

/**
 * A short public notice where the meeting is announced (unless the public answer already went there); the change
 * itself stands even if the post fails.
 */
export async function noticeInChannel(ctx: InteractionContext, meeting: Meeting, content: string, answeredIn?: string): Promise<void> {
  const channelId = meeting.channelId ?? ctx.settings.meetingsChannelId;
  if (!channelId || channelId === answeredIn) return;
  await ctx.poster.post(channelId, { content }).catch((error: unknown) => {
    ctx.logger.warn({ error: String(error), meeting: meeting.id }, 'could not post a meeting change notice');
  });
}
