// Checks that the bot can really post where a member points it, and that the member could post there themselves.
import { PermissionFlagsBits, type Guild, type Interaction } from 'discord.js';
import { invalid, msg } from '../shared/errors.js';

const NEEDED = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

/** Throws an `invalid` naming the option when the bot could not post in the channel. */
export function assertBotCanPost(guild: Guild, channelId: string, option: string): void {
  const channel = guild.channels.cache.get(channelId);
  if (!channel) throw invalid(option, msg('channels.botCannotSee', { field: option }));
  if (!channel.isTextBased() || channel.isVoiceBased()) throw invalid(option, msg('channels.notText', { field: option }));
  const me = guild.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  if (!permissions || !permissions.has(NEEDED)) {
    throw invalid(option, msg('channels.botCannotPost', { field: option, channel: `<#${channelId}>` }));
  }
}

const MEMBER_NEEDS = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages];

/**
 * Throws an `invalid` naming the option and the channel when the member who asked could not view and send messages
 * there: the bot must not become a way to post where a member may not (channel overwrites included). Fails closed
 * when the member or channel is unknown.
 */
export function assertMemberCanPost(interaction: Interaction, channelId: string, option: string): void {
  const channel = interaction.guild?.channels.cache.get(channelId);
  const permissions = channel && interaction.inCachedGuild() ? channel.permissionsFor(interaction.member) : null;
  if (!permissions || !permissions.has(MEMBER_NEEDS)) {
    throw invalid(option, msg('channels.memberCannotPost', { field: option, channel: `<#${channelId}>` }));
  }
}
