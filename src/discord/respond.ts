// Sending replies without caring whether the interaction was already deferred or answered.
import { MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';

export type ReplyPayload = Omit<InteractionReplyOptions, 'flags' | 'ephemeral' | 'withResponse' | 'fetchReply'> & {
  ephemeral?: boolean;
};

/**
 * Answers an interaction: first reply, the edit of a deferred reply, or a follow-up after that.
 * Mentions never ping (allowed_mentions parse: []) unless a payload says otherwise on purpose.
 */
export async function reply(interaction: RepliableInteraction, payload: ReplyPayload | string): Promise<void> {
  const { ephemeral = false, ...rest } = typeof payload === 'string' ? { content: payload } : payload;
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
