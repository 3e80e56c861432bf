// The rhythm domain's ports on Discord: hosted Coworking Day events as external scheduled events, and the check
// that the bot can post in the channel organizers pick for the monthly update.
import { GuildScheduledEventEntityType, GuildScheduledEventPrivacyLevel, type Client, type Guild } from 'discord.js';
import { isDomainError } from '../../shared/errors.js';
import type { ChannelCheck, ScheduledEventInput, ScheduledEvents } from '../../rhythm/ports.js';
import type { Say } from '../../i18n/translate.js';
import { escapeMarkdown, plainUrl } from '../../shared/markdown.js';
import { assertBotCanPost } from '../channel-check.js';

async function guildOf(client: Client, guildId: string): Promise<Guild> {
  return client.guilds.cache.get(guildId) ?? client.guilds.fetch(guildId);
}

/** The event's description as members read it in Discord's event list, in the alliance's language. */
export function eventDescription(say: Say, about: ScheduledEventInput['about']): string {
  const values = { space: escapeMarkdown(about.spaceName), year: about.year };
  const text = about.link ? say('rhythm.event.descriptionLink', { ...values, link: plainUrl(about.link) }) : say('rhythm.event.description', values);
  return text.slice(0, 1000);
}

export function discordScheduledEvents(client: Client, say: Say): ScheduledEvents {
  return {
    async create(guildId, event) {
      const guild = await guildOf(client, guildId);
      const created = await guild.scheduledEvents.create({
        name: event.name,
        description: eventDescription(say, event.about),
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
