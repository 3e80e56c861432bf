// /priorities set|clear|achieved|show: up to five ranked alliance priorities with target dates.
import { SlashCommandBuilder, type SlashCommandIntegerOption } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { priorityAchievedText, priorityClearedText, prioritySetText, renderPriorities } from '../src/discord/ideas/render.js';
import { reply } from '../src/discord/respond.js';

const rank = (o: SlashCommandIntegerOption) =>
  o.setName('rank').setDescription('Rank 1-5 (1 = most important)').setRequired(true).setMinValue(1).setMaxValue(5);

const data = new SlashCommandBuilder()
  .setName('priorities')
  .setDescription("The alliance's short priority list, kept until achieved")
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription('Set the priority at a rank (organizers)')
      .addIntegerOption(rank)
      .addStringOption((o) => o.setName('text').setDescription('The priority').setRequired(true).setMaxLength(200))
      .addStringOption((o) => o.setName('target-date').setDescription('Target day, e.g. "end of march", "in 3 months" or a date').setMaxLength(60)),
  )
  .addSubcommand((s) => s.setName('clear').setDescription('Remove the priority at a rank (organizers)').addIntegerOption(rank))
  .addSubcommand((s) => s.setName('achieved').setDescription('Mark the priority at a rank as achieved (organizers)').addIntegerOption(rank))
  .addSubcommand((s) => s.setName('show').setDescription('Show the priorities'));

export const priorities = defineCommand({
  order: 80,
  data: data.toJSON(),
  organizerSubcommands: ['set', 'clear', 'achieved'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const service = ctx.services.ideas;
    const sub = o.getSubcommand();
    if (sub === 'set') {
      const saved = service.setPriority(ctx.actor, { rank: o.getInteger('rank', true), text: o.getString('text', true), targetDate: o.getString('target-date') ?? undefined, language: ctx.language });
      const everyone = { say: ctx.sayPublic, language: ctx.publicLanguage };
      await reply(interaction, { content: prioritySetText(ctx.sayPublic, saved), embeds: [renderPriorities(everyone, service.priorities(ctx.actor.guildId))] });
    } else if (sub === 'clear') {
      const cleared = service.clearPriority(ctx.actor, o.getInteger('rank', true));
      await reply(interaction, priorityClearedText(ctx.sayPublic, cleared));
    } else if (sub === 'achieved') {
      const done = service.achievePriority(ctx.actor, o.getInteger('rank', true));
      await reply(interaction, priorityAchievedText(ctx.sayPublic, done));
    } else {
      await reply(interaction, { embeds: [renderPriorities(ctx, service.priorities(ctx.actor.guildId))], ephemeral: true });
    }
  },
});
