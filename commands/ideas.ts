// /ideas add|list|vote|promote|drop: the idea parking lot, monthly dot votes, and promotion by organizers.
import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { escapeMarkdown } from '../src/discord/format.js';
import { meetingChoices } from '../src/discord/meeting-options.js';
import { renderIdeas } from '../src/discord/render/ideas.js';
import { meetingLine } from '../src/discord/render/meetings.js';
import { reply } from '../src/discord/respond.js';
import { DOTS_PER_MONTH } from '../src/ideas/ideas.rules.js';
import { invalid } from '../src/shared/errors.js';

const data = new SlashCommandBuilder()
  .setName('ideas')
  .setDescription('The idea parking lot: park ideas, dot-vote them, promote the wanted ones')
  .addSubcommand((s) =>
    s.setName('add').setDescription('Park an idea').addStringOption((o) => o.setName('text').setDescription('The idea').setRequired(true).setMaxLength(300)),
  )
  .addSubcommand((s) => s.setName('list').setDescription('Parked ideas, ranked by dots'))
  .addSubcommand((s) =>
    s
      .setName('vote')
      .setDescription(`Put some of your ${DOTS_PER_MONTH} monthly dots on an idea`)
      .addIntegerOption((o) => o.setName('idea').setDescription('The idea').setRequired(true).setAutocomplete(true))
      .addIntegerOption((o) => o.setName('dots').setDescription(`1-${DOTS_PER_MONTH}`).setRequired(true).setMinValue(1).setMaxValue(DOTS_PER_MONTH)),
  )
  .addSubcommand((s) =>
    s
      .setName('promote')
      .setDescription('Turn an idea into an agenda item or a priority (organizers)')
      .addIntegerOption((o) => o.setName('idea').setDescription('The idea').setRequired(true).setAutocomplete(true))
      .addStringOption((o) =>
        o.setName('to').setDescription('What it becomes').setRequired(true).addChoices({ name: 'agenda item', value: 'agenda' }, { name: 'priority', value: 'priority' }),
      )
      .addIntegerOption((o) => o.setName('meeting').setDescription('For an agenda item: the meeting').setAutocomplete(true))
      .addIntegerOption((o) => o.setName('minutes').setDescription('For an agenda item: how long (default 10)'))
      .addIntegerOption((o) => o.setName('rank').setDescription('For a priority: rank 1-5').setMinValue(1).setMaxValue(5))
      .addStringOption((o) => o.setName('target-date').setDescription('For a priority: target day, e.g. "end of june" or "in 3 months"').setMaxLength(60)),
  )
  .addSubcommand((s) =>
    s.setName('drop').setDescription('Take your idea out of the parking lot').addIntegerOption((o) => o.setName('idea').setDescription('The idea').setRequired(true).setAutocomplete(true)),
  );

export const ideas = defineCommand({
  data: data.toJSON(),
  organizerSubcommands: ['promote'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const service = ctx.services.ideas;
    const sub = o.getSubcommand();
    if (sub === 'add') {
      const idea = service.addIdea(ctx.actor, o.getString('text', true));
      await reply(interaction, `💡 Parked: **${escapeMarkdown(idea.text)}** (#${idea.id}). Members can give it dots with \`/ideas vote\`.`);
    } else if (sub === 'list') {
      await reply(interaction, { embeds: renderIdeas(service.listIdeas(ctx.actor)), ephemeral: true });
    } else if (sub === 'vote') {
      const voted = service.vote(ctx.actor, o.getInteger('idea', true), o.getInteger('dots', true));
      await reply(interaction, { content: `● Done: **${escapeMarkdown(voted.idea.text)}** now has ${voted.idea.dots} dots. You have ${voted.dotsLeft} left this month.`, ephemeral: true });
    } else if (sub === 'drop') {
      service.dropIdea(ctx.actor, o.getInteger('idea', true));
      await reply(interaction, { content: 'Dropped from the parking lot.', ephemeral: true });
    } else {
      const ideaId = o.getInteger('idea', true);
      const to = o.getString('to', true);
      const meetingId = o.getInteger('meeting');
      const rank = o.getInteger('rank');
      if (to === 'agenda' && meetingId === null) throw invalid('meeting', '**meeting** is needed to promote an idea to an agenda item');
      if (to === 'priority' && rank === null) throw invalid('rank', '**rank** is needed to promote an idea to a priority');
      const result =
        to === 'agenda'
          ? service.promote(ctx.actor, { ideaId, to: 'agenda', meetingId: meetingId!, minutes: o.getInteger('minutes') ?? undefined })
          : service.promote(ctx.actor, { ideaId, to: 'priority', rank: rank!, targetDate: o.getString('target-date') ?? undefined });
      const where = result.agendaItem ? `the agenda of ${meetingLine(result.agendaItem.meeting)}` : `priority ${result.priority!.rank}`;
      await reply(interaction, `⬆️ **${escapeMarkdown(result.idea.text)}** is now ${where}.`);
    }
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'meeting') {
      await interaction.respond(meetingChoices(ctx, String(focused.value)).slice(0, 25));
      return;
    }
    const choices = ctx.services.ideas.ideaChoices(ctx.actor.guildId, String(focused.value));
    await interaction.respond(choices.map((c) => ({ name: c.label, value: c.id })));
  },
});
