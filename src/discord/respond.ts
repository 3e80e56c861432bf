// Sending replies without caring whether the interaction was already deferred or answered.
import {
  MessageFlags, PermissionFlagsBits,
  type APIEmbed, type APIMessageTopLevelComponent, type InteractionReplyOptions, type JSONEncodable, type RepliableInteraction,
} from 'discord.js';

export type ReplyPayload = Omit<InteractionReplyOptions, 'flags' | 'ephemeral' | 'withResponse' | 'fetchReply'> & {
  ephemeral?: boolean;
};

/**
 * Whether the member may post in the channel the interaction came from (Discord sends their permissions there,
 * channel overwrites included). Discord lets a member run a command where they cannot write; the bot must not then
 * post publicly for them.
 */
function memberMayPostHere(interaction: RepliableInteraction): boolean {
  const permissions = interaction.memberPermissions;
  if (!permissions) return true;
  const send = interaction.channel?.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  return permissions.has([PermissionFlagsBits.ViewChannel, send]);
}

/**
 * Answers an interaction: first reply, the edit of a deferred reply, or a follow-up after that.
 * Mentions never ping (allowed_mentions parse: []) unless a payload says otherwise on purpose. A public answer to
 * a member who may not post in the channel is sent to them privately instead.
 */
export async function reply(interaction: RepliableInteraction, payload: ReplyPayload | string): Promise<void> {
  const { ephemeral: asked = false, ...rest } = typeof payload === 'string' ? { content: payload } : payload;
  const ephemeral = asked || !memberMayPostHere(interaction);
  const body = { allowedMentions: { parse: [] }, ...rest };
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(body);
  } else if (interaction.replied) {
    await interaction.followUp({ ...body, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
  } else {
    await interaction.reply({ ...body, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
  }
}

/** A short private answer to the member who acted. */
export function replyPrivately(interaction: RepliableInteraction, payload: ReplyPayload | string): Promise<void> {
  return reply(interaction, typeof payload === 'string' ? { content: payload, ephemeral: true } : { ...payload, ephemeral: true });
}

/** Defers a reply meant to be public: private when the member may not post in this channel (see reply()). */
export async function deferPublicly(interaction: RepliableInteraction): Promise<void> {
  await interaction.deferReply(memberMayPostHere(interaction) ? {} : { flags: MessageFlags.Ephemeral });
}

/** A message whose embeds and component rows are Discord API data already (snake_case keys, within its limits). */
export interface ApiMessage {
  content?: string;
  embeds: readonly APIEmbed[];
  components: readonly APIMessageTopLevelComponent[];
}

const asIs = <T>(data: T): JSONEncodable<T> => ({ toJSON: () => data });

/**
 * The message marked to be sent as it is. discord.js sends an embed or row that has a toJSON through it, and passes
 * anything else through its jsonTransformer (toSnakeCase), which walks and copies every key of every embed, field and
 * button on each send: for a page of results or matches, about as much CPU as building the page.
 */
export function asSent(message: ApiMessage) {
  return { ...message, embeds: message.embeds.map(asIs), components: message.components.map(asIs) };
}
