// /actions mine|list|done|reminders: action items from meeting outcomes, and the day-before reminder opt-out.
import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { actionChoiceName, actionDone, actionReminders, renderActionList } from '../src/discord/actions/render.js';
import { reply } from '../src/discord/respond.js';

const data = new SlashCommandBuilder()
  .setName('actions')
  .setDescription('Action items from meetings')
  .addSubcommand((s) => s.setName('mine').setDescription('Your open action items'))
  .addSubcommand((s) => s.setName('list').setDescription("Everyone's open action items"))
  .addSubcommand((s) =>
    s.setName('done').setDescription('Close an action item').addIntegerOption((o) => o.setName('action').setDescription('The action item').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('reminders')
      .setDescription('Turn the day-before reminders of your action items on or off')
      .addBooleanOption((o) => o.setName('on').setDescription('True: remind me (default); false: no reminders').setRequired(true)),
  );

export const actions = defineCommand({
  order: 90,
  data: data.toJSON(),

  async execute(interaction, ctx) {
    const o = interaction.options;
    const meetings = ctx.services.meetings;
    const sub = o.getSubcommand();
    if (sub === 'mine') {
      await reply(interaction, { embeds: renderActionList(ctx, meetings.myActions(ctx.actor), 'mine'), ephemeral: true });
    } else if (sub === 'list') {
      await reply(interaction, { embeds: renderActionList(ctx, meetings.openActions(ctx.actor.guildId), 'all'), ephemeral: true });
    } else if (sub === 'done') {
      const action = meetings.completeAction(ctx.actor, o.getInteger('action', true));
      await reply(interaction, actionDone(ctx.sayPublic, action));
    } else {
      const on = o.getBoolean('on', true);
      meetings.setActionReminders(ctx.actor, on);
      await reply(interaction, { content: actionReminders(ctx.say, on), ephemeral: true });
    }
  },

  async autocomplete(interaction, ctx) {
    const query = String(interaction.options.getFocused()).toLowerCase();
    const open = ctx.actor.isOrganizer ? ctx.services.meetings.openActions(ctx.actor.guildId) : ctx.services.meetings.myActions(ctx.actor);
    const choices = open
      .filter((a) => a.text.toLowerCase().includes(query))
      .slice(0, 25)
      .map((a) => ({ name: actionChoiceName(ctx, a), value: a.id }));
    await interaction.respond(choices);
  },
});
