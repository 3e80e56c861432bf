// /help: every command with a one-line description, privately, in the member's language.
import { SlashCommandBuilder } from 'discord.js';
import { defineCommand, type CommandModule } from '../src/discord/command.js';
import { renderHelp } from '../src/discord/help/render.js';
import { reply } from '../src/discord/respond.js';

export function createHelpCommand(listed: () => readonly CommandModule[]): CommandModule {
  return defineCommand({
    data: new SlashCommandBuilder().setName('help').setDescription('Every Alliance bot command with what it does').toJSON(),
    async execute(interaction, ctx) {
      for (const embed of renderHelp(ctx.language, listed())) await reply(interaction, { embeds: [embed], ephemeral: true });
    },
  });
}
