// An organizer's Approve/Reject on a pending space: the notice (or the pending list) becomes the decision, the
// approved space is welcomed, and whoever registered it hears by DM.
import { MessageFlags, type ButtonInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { InteractionContext } from '../command.js';
import { approvalDecidedDm, approvalDecidedText } from './answers.js';
import { welcome } from './publish.js';
import { renderProfile } from './render.js';
import { sayTo } from '../member-language.js';

export async function decideSpace(interaction: ButtonInteraction | StringSelectMenuInteraction, ctx: InteractionContext, spaceId: number, approve: boolean): Promise<void> {
  const dir = ctx.services.directory;
  const space = approve ? dir.approve(ctx.actor, spaceId) : dir.reject(ctx.actor, spaceId);
  // The notice in the organizers' channel is read by every organizer (the alliance's language); the pending list
  // is the clicker's own ephemeral answer (theirs).
  const own = interaction.message.flags.has(MessageFlags.Ephemeral);
  const [language, say] = own ? [ctx.language, ctx.say] : [ctx.publicLanguage, ctx.sayPublic];
  // Replacing the buttons with the decision keeps anyone from pressing them twice.
  await interaction.update({ content: approvalDecidedText(say, approve, space.name, ctx.actor.userId), embeds: approve ? [renderProfile(language, space)] : [], components: [] });
  if (approve) await welcome(ctx, space);
  // Whoever registered it is not the one clicking: their language is unknown here, so the alliance's.
  await ctx.poster.dm(space.createdBy, { content: approvalDecidedDm(sayTo(ctx, ctx.actor.guildId, space.createdBy).say, approve, space.name) });
}
