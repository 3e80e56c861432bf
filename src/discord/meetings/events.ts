// Keeps each meeting's Discord scheduled event in step with it: created when scheduled (voice channel or
// external place), moved when rescheduled, cancelled when cancelled. The event id is stored on the meeting.
import {
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
} from 'discord.js';
import type { Meeting } from '../../meetings/meetings.service.js';
import type { BotContext } from '../command.js';
import { truncate } from '../format.js';

/** External events need a location; this one points members at the meetings channel. */
export const DEFAULT_LOCATION = 'See the meetings channel';

function description(meeting: Meeting): string {
  const social = meeting.durationMinutes - meeting.structuredMinutes;
  const shape = social > 0 ? `${meeting.structuredMinutes} min with an agenda, then ${social} min social.` : `${meeting.structuredMinutes} min with an agenda.`;
  return truncate(`${shape} The agenda is posted 24 hours before. Propose items with /agenda add.`, 1000);
}

/**
 * Creates, moves or cancels the meeting's event. Returns a short note for the member when Discord refused
 * (e.g. the bot lacks Manage Events); the meeting itself is saved either way.
 */
export async function syncMeetingEvent(ctx: BotContext, meeting: Meeting): Promise<string | null> {
  try {
    const guild = ctx.client.guilds.cache.get(meeting.guildId) ?? (await ctx.client.guilds.fetch(meeting.guildId));
    if (meeting.status === 'cancelled') {
      if (meeting.discordEventId) {
        await guild.scheduledEvents.edit(meeting.discordEventId, { status: GuildScheduledEventStatus.Canceled });
      }
      return null;
    }
    const times = { scheduledStartTime: new Date(meeting.startsAt), scheduledEndTime: new Date(meeting.endsAt) };
    if (meeting.discordEventId) {
      await guild.scheduledEvents.edit(meeting.discordEventId, times);
      return null;
    }
    const event = await guild.scheduledEvents.create({
      name: truncate(meeting.title, 100),
      description: description(meeting),
      privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
      ...times,
      ...(meeting.voiceChannelId
        ? { entityType: GuildScheduledEventEntityType.Voice, channel: meeting.voiceChannelId }
        : { entityType: GuildScheduledEventEntityType.External, entityMetadata: { location: truncate(meeting.location ?? DEFAULT_LOCATION, 100) } }),
    });
    ctx.services.meetings.setDiscordEventId(meeting.guildId, meeting.id, event.id);
    return null;
  } catch (error) {
    ctx.logger.warn({ err: error, meetingId: meeting.id, guildId: meeting.guildId }, 'could not sync the meeting scheduled event');
    if (error instanceof DiscordAPIError && error.code === 50013) {
      return 'I could not create or update the Discord event: give me the Manage Events permission.';
    }
    return 'I could not create or update the Discord event this time.';
  }
}
