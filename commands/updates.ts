// /updates preview|post-now|history|note|settings: the monthly update, for organizers. Parse → one service call → render.
import { ChannelType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { NOTE_MAX } from '../src/rhythm/content.rules.js';
import { defineCommand } from '../src/discord/command.js';
import { renderHistory, renderNote, renderPosted, renderPreview, renderUpdateSettings, publishWith } from '../src/discord/rhythm/render.js';
import { rhythmWriter } from '../src/discord/rhythm/posts.js';
import { reply } from '../src/discord/respond.js';
import { assertMemberCanPost } from '../src/discord/channel-check.js';
import { channelCheckIn } from '../src/discord/rhythm/ports.js';

const data = new SlashCommandBuilder()
  .setName('updates')
  .setDescription('The monthly update (organizers)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((sub) =>
    sub
      .setName('preview')
      .setDescription('Privately see exactly what would be posted now (organizers)')
      .addBooleanOption((o) => o.setName('so-far').setDescription('Show the month so far instead: the next update as it would read today')),
  )
  .addSubcommand((sub) => sub.setName('post-now').setDescription("Post this month's update now; the scheduled one then skips this month (organizers)"))
  .addSubcommand((sub) =>
    sub
      .setName('history')
      .setDescription('Past monthly updates with links (organizers)')
      .addIntegerOption((o) => o.setName('count').setDescription('How many, newest first (default 10)').setMinValue(1).setMaxValue(25)),
  )
  .addSubcommand((sub) =>
    sub
      .setName('note')
      .setDescription(`A note from the organizers for the next update, up to ${NOTE_MAX} characters (organizers)`)
      .addStringOption((o) => o.setName('text').setDescription(`Goes at the top of the next update (up to ${NOTE_MAX} characters)`).setMaxLength(NOTE_MAX))
      .addBooleanOption((o) => o.setName('clear').setDescription('Remove the note')),
  )
  .addSubcommand((sub) =>
    sub
      .setName('settings')
      .setDescription('When and where the update is posted; no options shows them (organizers)')
      .addIntegerOption((o) => o.setName('day').setDescription('Day of the month, 1-28 (default 1)').setMinValue(1).setMaxValue(28))
      .addIntegerOption((o) => o.setName('hour').setDescription('Hour in the alliance time zone, 0-23 (default 10)').setMinValue(0).setMaxValue(23))
      .addChannelOption((o) =>
        o.setName('channel').setDescription('Where it goes (default: announcements)').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addBooleanOption((o) => o.setName('enabled').setDescription('Post monthly updates at all (default true)')),
  );

export const updates = defineCommand({
  order: 110,
  data: data.toJSON(),
  organizerOnly: true,

  async execute(interaction, ctx) {
    const service = ctx.services.rhythm.updates;
    const o = interaction.options;
    switch (o.getSubcommand()) {
      case 'preview': {
        const soFar = o.getBoolean('so-far') ?? false;
        // The update itself as the alliance will read it; what surrounds it in the member's language.
        const composed = service.preview(ctx.actor, { soFar }, rhythmWriter(ctx.publicLanguage));
        for (const payload of renderPreview(ctx.say, ctx.language, composed, service.settings(ctx.actor.guildId), soFar)) await reply(interaction, payload);
        return;
      }
      case 'post-now': {
        // Several messages may go out one after another: take the time Discord allows for it.
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const posted = await service.postNow(ctx.actor, publishWith(ctx.poster), rhythmWriter(ctx.publicLanguage));
        await reply(interaction, { content: renderPosted(ctx.say, ctx.language, posted), ephemeral: true });
        return;
      }
      case 'history': {
        const entries = service.history(ctx.actor, o.getInteger('count') ?? 10);
        await reply(interaction, { embeds: renderHistory(ctx.say, ctx.language, entries), ephemeral: true });
        return;
      }
      case 'note': {
        const text = o.getString('text');
        const saved = o.getBoolean('clear') ? service.clearNote(ctx.actor) : text !== null ? service.setNote(ctx.actor, text) : service.settings(ctx.actor.guildId);
        await reply(interaction, renderNote(ctx.say, saved, NOTE_MAX));
        return;
      }
      default: {
        const input = {
          day: o.getInteger('day') ?? undefined,
          hour: o.getInteger('hour') ?? undefined,
          channelId: o.getChannel('channel')?.id,
          enabled: o.getBoolean('enabled') ?? undefined,
        };
        const nothing = Object.values(input).every((value) => value === undefined);
        if (input.channelId) assertMemberCanPost(interaction, input.channelId, 'channel');
        const saved = nothing ? service.settings(ctx.actor.guildId) : await service.updateSettings(ctx.actor, input, channelCheckIn(interaction.guild));
        await reply(interaction, { content: nothing ? undefined : ctx.say('rhythm.saved'), embeds: [renderUpdateSettings(ctx.say, saved, ctx.settings.timezone)], ephemeral: true });
      }
    }
  },
});
