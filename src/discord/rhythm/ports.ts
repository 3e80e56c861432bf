// The rhythm domain's ports on Discord: hosted Coworking Day events as external scheduled events, and the check
// that the bot can post in the channel organizers pick for the monthly update.
import { GuildScheduledEventEntityType, GuildScheduledEventPrivacyLevel, type Client, type Guild } from 'discord.js';
import { isDomainError } from '../../shared/errors.js';
import type { ChannelCheck, ScheduledEvents } from '../../rhythm/ports.js';
import { assertBotCanPost } from '../channel-check.js';

async function guildOf(client: Client, guildId: string): Promise<Guild> {
  return client.guilds.cache.get(guildId) ?? client.guilds.fetch(guildId);
}

export function discordScheduledEvents(client: Client): ScheduledEvents {
  return {
    async create(guildId, event) {
      const guild = await guildOf(client, guildId);
      const created = await guild.scheduledEvents.create({
        name: event.name,
        description: event.description,
        scheduledStartTime: new Date(event.startAt),
        scheduledEndTime: new Date(event.endAt),
        privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
        entityType: GuildScheduledEventEntityType.External,
        entityMetadata: { location: event.location },
      });
      return { id: created.id };
    },
    async remove(guildId, eventId) {
      const guild = await guildOf(client, guildId);
      await guild.scheduledEvents.delete(eventId);
    },
  };
}

/** The kit's setup-time channel check, as the domain's port: the problem text names the `channel` option. */
export function channelCheckIn(guild: Guild | null): ChannelCheck {
  return async (_guildId, channelId) => {
    if (!guild) return null;
    try {
      assertBotCanPost(guild, channelId, 'channel');
      return null;
    } catch (error) {
      if (isDomainError(error)) return error.problems[0]?.text ?? error.text ?? error.message;
      throw error;
    }
  };
}

/** A link that opens a scheduled event in Discord. */
export function eventUrl(guildId: string, eventId: string): string {
  return `https://discord.com/events/${guildId}/${eventId}`;
}
