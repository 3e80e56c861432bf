// /coworkingday show|host|settings: International Coworking Day (August 9): the countdown and who hosts what,
// registering a space's event (also a Discord scheduled event), and the organizers' reminder settings.
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { renderCoworkingSettings, renderHosted, renderOverviewReplies } from '../src/discord/rhythm/render.js';
import { reply } from '../src/discord/respond.js';
import { discordScheduledEvents, eventUrl } from '../src/discord/rhythm/ports.js';

const data = new SlashCommandBuilder()
  .setName('coworkingday')
  .setDescription('International Coworking Day (August 9): countdown, hosted events, reminders')
  .addSubcommand((sub) =>
    sub
      .setName('show')
      .setDescription('The countdown and who is hosting what (only you see it unless you share it)')
      .addBooleanOption((o) => o.setName('share').setDescription('Post it in this channel for everyone (default: only you)')),
  )
  .addSubcommand((sub) =>
    sub
      .setName('host')
      .setDescription("Register your space's Coworking Day event; it also becomes a Discord event")
      .addStringOption((o) => o.setName('space').setDescription('A space you host').setRequired(true).setAutocomplete(true).setMaxLength(20))
      .addStringOption((o) => o.setName('title').setDescription('What is happening, e.g. Open doors and breakfast').setRequired(true).setMaxLength(100))
      .addStringOption((o) =>
        o.setName('when').setDescription('Local time: 14:00, 09:00-17:00 or "august 7 14:00" (a day of the coworking week)').setRequired(true).setMaxLength(40),
      )
      .addStringOption((o) => o.setName('link').setDescription('Sign-up or details page (https://…); else the space is the location').setMaxLength(100)),
  )
  .addSubcommand((sub) =>
    sub
      .setName('settings')
      .setDescription('Reminders and the coworking week; no options shows them (organizers)')
      .addBooleanOption((o) => o.setName('reminders').setDescription('Post Coworking Day reminders at all (default on)'))
      .addStringOption((o) => o.setName('which').setDescription('Days before August 9 to remind, among 30, 7, 1, 0, e.g. "30,7,0"').setMaxLength(40))
      .addStringOption((o) => o.setName('week-name').setDescription('A coworking week of your own, e.g. KC Coworking Week').setMaxLength(60))
      .addStringOption((o) => o.setName('week-start').setDescription('Its first day, August 3 to 9, e.g. "august 3"').setMaxLength(20))
      .addBooleanOption((o) => o.setName('clear-week').setDescription('Remove the coworking week')),
  );

/** The space option carries the id chosen from autocomplete; text typed by hand is not one (NaN: the service says so). */
function spaceId(value: string): number {
  return /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
}

export const coworkingday = defineCommand({
  order: 120,
  data: data.toJSON(),
  organizerSubcommands: ['settings'],

  async execute(interaction, ctx) {
    const service = ctx.services.rhythm.coworkingDay;
    const o = interaction.options;
    switch (o.getSubcommand()) {
      case 'show': {
        const share = o.getBoolean('share') === true;
        for (const payload of renderOverviewReplies(share ? { say: ctx.sayPublic, language: ctx.publicLanguage } : ctx, service.overview(ctx.actor), share)) await reply(interaction, payload);
        return;
      }
      case 'host': {
        // Creating the Discord event is a round trip to Discord: acknowledge first.
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const input = { spaceId: spaceId(o.getString('space', true)), title: o.getString('title', true), when: o.getString('when', true), link: o.getString('link') ?? undefined, language: ctx.language };
        const hosted = await service.host(ctx.actor, input, discordScheduledEvents(ctx.client, ctx.sayPublic));
        const link = hosted.discordEventId ? eventUrl(ctx.actor.guildId, hosted.discordEventId) : null;
        await reply(interaction, { content: renderHosted(ctx.say, hosted, link), ephemeral: true });
        return;
      }
      default: {
        const clearWeek = o.getBoolean('clear-week') === true;
        const input = {
          remindersEnabled: o.getBoolean('reminders') ?? undefined,
          reminders: o.getString('which') ?? undefined,
          weekName: clearWeek ? null : (o.getString('week-name') ?? undefined),
          weekStart: clearWeek ? null : (o.getString('week-start') ?? undefined),
        };
        const nothing = Object.values(input).every((value) => value === undefined);
        const saved = nothing ? service.settings(ctx.actor.guildId) : service.updateSettings(ctx.actor, { ...input, language: ctx.language });
        await reply(interaction, { content: nothing ? undefined : ctx.say('rhythm.saved'), embeds: [renderCoworkingSettings(ctx.say, ctx.language, saved, ctx.settings.timezone)], ephemeral: true });
      }
    }
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    const choices = ctx.services.rhythm.coworkingDay.spaceChoices(ctx.actor, typed);
    await interaction.respond(
      choices.map((space) => ({ name: `${space.name}${space.city ? ` · ${space.city}` : ''}`.slice(0, 100), value: String(space.id) })),
    );
  },
});
