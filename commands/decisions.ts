// /decisions list|export: the alliance's decision register, and the same as a CSV file.
import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { decisionsColumns } from '../src/discord/csv-header.js';
import { renderProposalList } from '../src/discord/proposals/render.js';
import { replyPrivately } from '../src/discord/respond.js';
import { csvFile } from '../src/discord/csv-file.js';

const data = new SlashCommandBuilder()
  .setName('decisions')
  .setDescription('The alliance\'s decision register')
  .addSubcommand((s) =>
    s.setName('list').setDescription('Decided and withdrawn proposals, newest first')
      .addIntegerOption((o) => o.setName('page').setDescription('Page number').setMinValue(1).setMaxValue(1000)))
  .addSubcommand((s) => s.setName('export').setDescription('The whole register as a CSV file'));

export const decisions = defineCommand({
  order: 150,
  data: data.toJSON(),

  async execute(interaction, ctx) {
    if (interaction.options.getSubcommand() === 'export') {
      const { csv, count } = ctx.services.decisions.exportCsv(ctx.actor.guildId, decisionsColumns(ctx.say));
      const file = csvFile(csv, 'decisions.csv');
      return replyPrivately(interaction, { content: ctx.say('decisions.export.done', { count }), files: [file] });
    }
    const page = (interaction.options.getInteger('page') ?? 1) - 1;
    const { items, total } = ctx.services.decisions.list(ctx.actor.guildId, page, 10);
    return replyPrivately(interaction, { embeds: [renderProposalList(ctx.say, ctx.say('decisions.list.title'), items, total, page, 10)] });
  },
});
