// Checks, at setup time, that the bot can really post where organizers point it.
import { PermissionFlagsBits, type Guild } from 'discord.js';
import { invalid } from '../shared/errors.js';

const NEEDED = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

/** Throws an `invalid` naming the option when the bot could not post in the channel. */
export function assertBotCanPost(guild: Guild, channelId: string, option: string): void {
  const channel = guild.channels.cache.get(channelId);
  if (!channel) throw invalid(option, `**${option}**: I can't see that channel. Give me the View Channel permission there.`);
  if (!channel.isTextBased() || channel.isVoiceBased()) throw invalid(option, `**${option}** must be a text or announcement channel.`);
  const me = guild.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  if (!permissions || !permissions.has(NEEDED)) {
    throw invalid(option, `**${option}**: I can't post in <#${channelId}>. Give me View Channel, Send Messages and Embed Links there.`);
  }
}
