// /ideas add|list|vote|promote|drop: the idea parking lot, monthly dot votes, and promotion by organizers.
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { defineCommand } from '../src/discord/command.js';
import { meetingChoices } from '../src/discord/meetings/options.js';
import { addedAnywayText, droppedText, parkedText, promotedText, renderIdeaProposed, renderIdeas, votedText } from '../src/discord/ideas/render.js';
import { meetingLine } from '../src/discord/meetings/render.js';
import { reply } from '../src/discord/respond.js';
import { DOTS_PER_MONTH } from '../src/ideas/ideas.rules.js';
import { invalid, msg } from '../src/shared/errors.js';

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
  order: 70,
  data: data.toJSON(),
  organizerSubcommands: ['promote'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const service = ctx.services.ideas;
    const sub = o.getSubcommand();
    if (sub === 'add') {
      await reply(interaction, renderIdeaProposed(ctx, ctx.services.duplicates.proposeIdea(ctx.actor, o.getString('text', true))));
    } else if (sub === 'list') {
      await reply(interaction, { embeds: renderIdeas(ctx.say, service.listIdeas(ctx.actor)), ephemeral: true });
    } else if (sub === 'vote') {
      const voted = service.vote(ctx.actor, o.getInteger('idea', true), o.getInteger('dots', true));
      await reply(interaction, { content: votedText(ctx.say, voted.idea, voted.dotsLeft), ephemeral: true });
    } else if (sub === 'drop') {
      service.dropIdea(ctx.actor, o.getInteger('idea', true));
      await reply(interaction, { content: droppedText(ctx.say), ephemeral: true });
    } else {
      const ideaId = o.getInteger('idea', true);
      const to = o.getString('to', true);
      const meetingId = o.getInteger('meeting');
      const rank = o.getInteger('rank');
      if (to === 'agenda' && meetingId === null) throw invalid('meeting', msg('ideas.errors.needMeeting'));
      if (to === 'priority' && rank === null) throw invalid('rank', msg('ideas.errors.needRank'));
      const result =
        to === 'agenda'
          ? service.promote(ctx.actor, { ideaId, to: 'agenda', meetingId: meetingId!, minutes: o.getInteger('minutes') ?? undefined })
          : service.promote(ctx.actor, { ideaId, to: 'priority', rank: rank!, targetDate: o.getString('target-date') ?? undefined, language: ctx.language });
      const promotedTo = result.agendaItem ? { agendaOf: meetingLine(result.agendaItem.meeting) } : { priorityRank: result.priority!.rank };
      await reply(interaction, promotedText(ctx.sayPublic, result.idea, promotedTo));
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

  components: {
    anyway: {
      args: z.tuple([z.coerce.number().int().positive()]),
      async run(interaction, [draftId], ctx) {
        const idea = ctx.services.duplicates.addIdeaAnyway(ctx.actor, draftId);
        // The private question closes; the idea is announced where it was asked, like any parked idea.
        await interaction.update({ content: addedAnywayText(ctx.say), components: [], allowedMentions: { parse: [] } });
        await interaction.followUp({ content: parkedText(ctx.sayPublic, idea), allowedMentions: { parse: [] } });
      },
    },
  },
});
