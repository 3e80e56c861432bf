// Keeps each meeting's Discord scheduled event in step with it: created when scheduled (voice channel or
// external place), moved when rescheduled, cancelled when cancelled. The event id is stored on the meeting.
import {
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
} from 'discord.js';
import type { Meeting } from '../../meetings/meetings.service.js';
import { sayIn, type Say } from '../../i18n/translate.js';
import type { BotContext } from '../command.js';
import { truncate } from '../format.js';
import { publicLanguageOf } from '../language.js';
import type { EventNote } from './render.js';

/** The event's description, in the alliance's language: the two-hour shape and how to add to the agenda. */
function description(meeting: Meeting, say: Say): string {
  const social = meeting.durationMinutes - meeting.structuredMinutes;
  return truncate(say('meetings.event.description', { structured: meeting.structuredMinutes, social }), 1000);
}

/**
 * Creates, moves or cancels the meeting's event (its words in the alliance's language). Returns why, when Discord
 * refused (e.g. the bot lacks Manage Events); the meeting itself is saved either way.
 */
export async function syncMeetingEvent(ctx: BotContext, meeting: Meeting): Promise<EventNote | null> {
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
    const say = sayIn(publicLanguageOf(ctx.client, ctx.services.alliances.settings(meeting.guildId), meeting.guildId));
    const event = await guild.scheduledEvents.create({
      name: truncate(meeting.title, 100),
      description: description(meeting, say),
      privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
      ...times,
      ...(meeting.voiceChannelId
        ? { entityType: GuildScheduledEventEntityType.Voice, channel: meeting.voiceChannelId }
        : { entityType: GuildScheduledEventEntityType.External, entityMetadata: { location: truncate(meeting.location ?? say('meetings.event.location'), 100) } }),
    });
    ctx.services.meetings.setDiscordEventId(meeting.guildId, meeting.id, event.id);
    return null;
  } catch (error) {
    ctx.logger.warn({ err: error, meetingId: meeting.id, guildId: meeting.guildId }, 'could not sync the meeting scheduled event');
    return error instanceof DiscordAPIError && error.code === 50013 ? 'no-permission' : 'failed';
  }
}
