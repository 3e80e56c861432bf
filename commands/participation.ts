// /participation report: who attended meetings and who owns open actions (organizers).
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { renderParticipation } from '../src/discord/actions/render.js';
import { reply } from '../src/discord/respond.js';

const data = new SlashCommandBuilder()
  .setName('participation')
  .setDescription('Participation in meetings (organizers)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('report')
      .setDescription('Attendance and open actions per member')
      .addIntegerOption((o) => o.setName('months').setDescription('How many months back (default 3)').setMinValue(1).setMaxValue(24)),
  );

export const participation = defineCommand({
  order: 100,
  data: data.toJSON(),
  organizerOnly: true,

  async execute(interaction, ctx) {
    const memberIds = [...(interaction.guild?.members.cache.filter((m) => !m.user.bot).keys() ?? [])];
    const report = ctx.services.meetings.participationReport(ctx.actor, { months: interaction.options.getInteger('months') ?? undefined, memberIds });
    await reply(interaction, { embeds: renderParticipation(ctx, report), ephemeral: true });
  },
});
