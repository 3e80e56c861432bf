// /agenda add|show|move|remove|post: propose topics, see the timeboxed agenda, reorder, remove, post it.
import { MessageFlags, SlashCommandBuilder, type SlashCommandIntegerOption } from 'discord.js';
import { z } from 'zod';
import { defineCommand } from '../src/discord/command.js';
import { respondMeetingOrItem } from '../src/discord/meetings/options.js';
import { addedItemText, removedItemText, renderAgenda, renderItemProposed } from '../src/discord/meetings/agenda-render.js';
import { reply } from '../src/discord/respond.js';
import { ITEM_MINUTES } from '../src/meetings/agenda.rules.js';

const meetingOption = (o: SlashCommandIntegerOption) =>
  o.setName('meeting').setDescription('The meeting').setRequired(true).setAutocomplete(true);
const itemOption = (o: SlashCommandIntegerOption) =>
  o.setName('item').setDescription('The agenda item').setRequired(true).setAutocomplete(true);

const data = new SlashCommandBuilder()
  .setName('agenda')
  .setDescription('Meeting agendas: propose topics and keep the structured hour on time')
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Propose a topic for a meeting')
      .addIntegerOption(meetingOption)
      .addStringOption((o) => o.setName('topic').setDescription('What to discuss').setRequired(true).setMaxLength(200))
      .addIntegerOption((o) => o.setName('minutes').setDescription(`How long, ${ITEM_MINUTES.min}-${ITEM_MINUTES.max} minutes`).setRequired(true))
      .addUserOption((o) => o.setName('presenter').setDescription('Who presents it'))
      .addIntegerOption((o) => o.setName('priority').setDescription('The alliance priority it serves').setAutocomplete(true)),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Show the timeboxed agenda').addIntegerOption(meetingOption))
  .addSubcommand((s) =>
    s
      .setName('move')
      .setDescription('Move an item (organizers or the meeting creator)')
      .addIntegerOption(itemOption)
      .addIntegerOption((o) => o.setName('position').setDescription('New position, 1 = first').setRequired(true).setMinValue(1).setMaxValue(25)),
  )
  .addSubcommand((s) => s.setName('remove').setDescription('Remove an item (yours, or any if you run the meeting)').addIntegerOption(itemOption))
  .addSubcommand((s) => s.setName('post').setDescription("Post the agenda in the meeting's channel (organizers or the creator)").addIntegerOption(meetingOption));

export const agenda = defineCommand({
  order: 60,
  data: data.toJSON(),

  async execute(interaction, ctx) {
    const o = interaction.options;
    const meetings = ctx.services.meetings;
    const sub = o.getSubcommand();
    if (sub === 'add') {
      const proposed = ctx.services.duplicates.proposeItem(ctx.actor, {
        meetingId: o.getInteger('meeting', true),
        topic: o.getString('topic', true),
        minutes: o.getInteger('minutes', true),
        presenterId: o.getUser('presenter')?.id,
        priorityId: o.getInteger('priority') ?? undefined,
      });
      await reply(interaction, renderItemProposed(proposed, ctx.say, ctx.language));
    } else if (sub === 'show') {
      await reply(interaction, { embeds: renderAgenda(meetings.agenda(ctx.actor.guildId, o.getInteger('meeting', true)), ctx.say), ephemeral: true });
    } else if (sub === 'move') {
      const view = meetings.moveItem(ctx.actor, o.getInteger('item', true), o.getInteger('position', true));
      await reply(interaction, { content: ctx.say('agenda.moved'), embeds: renderAgenda(view, ctx.say), ephemeral: true });
    } else if (sub === 'remove') {
      const removed = meetings.removeItem(ctx.actor, o.getInteger('item', true));
      await reply(interaction, { content: removedItemText(removed, ctx.say, ctx.language), ephemeral: true });
    } else {
      const { agenda: view, channelId } = meetings.postNow(ctx.actor, o.getInteger('meeting', true));
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      // The post is everyone's (the alliance's language); the answer is the organizer's.
      await ctx.poster.post(channelId, { embeds: renderAgenda(view, ctx.sayPublic) });
      await reply(interaction, ctx.say('agenda.posted', { channel: `<#${channelId}>` }));
    }
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'priority') {
      const choices = ctx.services.ideas.priorityChoices(ctx.actor.guildId, String(focused.value));
      await interaction.respond(choices.map((c) => ({ name: c.label, value: c.id })));
      return;
    }
    await respondMeetingOrItem(interaction, ctx);
  },

  components: {
    anyway: {
      args: z.tuple([z.coerce.number().int().positive()]),
      async run(interaction, [draftId], ctx) {
        const added = ctx.services.duplicates.addItemAnyway(ctx.actor, draftId);
        await interaction.update({ content: addedItemText(added, ctx.say, ctx.language), components: [], allowedMentions: { parse: [] } });
      },
    },
  },
});
