// /help: every command with a one-line description, privately, in the member's language: one message whose
// Previous/Next buttons turn its pages in place.
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandModule } from '../src/discord/command.js';
import { createHelpPages } from '../src/discord/help/render.js';
import { asSent, reply } from '../src/discord/respond.js';

export function createHelpCommand(listed: () => readonly CommandModule[]): CommandModule {
  const page = createHelpPages(listed);
  return defineCommand({
    order: 0,
    data: new SlashCommandBuilder().setName('help').setDescription('Every Alliance bot command with what it does').toJSON(),
    async execute(interaction, ctx) {
      await reply(interaction, { ...asSent(page(ctx.language, 0)), ephemeral: true });
    },
    components: {
      page: {
        args: z.tuple([z.coerce.number().int().min(0).max(100), z.enum(['p', 'n'])]),
        async run(interaction, [target], ctx) {
          await interaction.update(asSent(page(ctx.language, target)));
        },
      },
    },
  });
}
