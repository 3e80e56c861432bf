// /alliance setup|show|doctor: the alliance's settings and a health check (organizers only). The reference shape for command modules:
// definition, then parse → one service call → render.
import { ChannelType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SettingsInput } from '../src/alliances/alliances.service.js';
import { changedSettings, SETTINGS_OPTION_NAMES } from '../src/alliances/settings.rules.js';
import { timeZoneChoices } from '../src/alliances/timezone-choices.rules.js';
import { listTimeZones } from '../src/shared/zoned-time.js';
import { assertBotCanPost, assertMemberCanPost } from '../src/discord/channel-check.js';
import { defineCommand } from '../src/discord/command.js';
import { runDoctor } from '../src/discord/operations/doctor.js';
import { renderDoctorEmbeds } from '../src/discord/operations/render.js';
import { renderSettings, renderSetupGuide, setupAnswer } from '../src/discord/alliances/render.js';
import { reply } from '../src/discord/respond.js';

const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;
/** Each language by its own name, as language pickers do. */
const LANGUAGE_CHOICES = [{ name: 'English', value: 'en' }, { name: 'Español', value: 'es' }, { name: 'Français', value: 'fr' }];

const data = new SlashCommandBuilder()
  .setName('alliance')
  .setDescription('Alliance settings (organizers)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((sub) =>
    sub
      .setName('setup')
      .setDescription('Set the alliance up: channels, time zone, organizer role, approvals and quotas')
      .addChannelOption((o) => o.setName('announcements').setDescription('Where public posts go').addChannelTypes(...TEXT_CHANNELS))
      .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. America/Chicago').setAutocomplete(true).setMaxLength(64))
      .addRoleOption((o) => o.setName('organizer-role').setDescription('Members with this role count as organizers'))
      .addChannelOption((o) => o.setName('organizers-channel').setDescription('Where I tell organizers things (default: announcements)').addChannelTypes(...TEXT_CHANNELS))
      .addChannelOption((o) => o.setName('proposals-channel').setDescription('Where proposals are posted').addChannelTypes(...TEXT_CHANNELS))
      .addChannelOption((o) => o.setName('meetings-channel').setDescription('Where agendas and meeting posts go').addChannelTypes(...TEXT_CHANNELS))
      .addBooleanOption((o) => o.setName('directory-approval').setDescription('Organizers approve new spaces before they are listed (default on)'))
      .addIntegerOption((o) => o.setName('idea-quota').setDescription('Open parked ideas per member (default 3)').setMinValue(1).setMaxValue(20))
      .addIntegerOption((o) => o.setName('agenda-quota').setDescription('Agenda items per member per meeting (default 2)').setMinValue(1).setMaxValue(25))
      .addStringOption((o) => o.setName('public-page').setDescription('The public web page: directory, map, calendar, updates (default off)').addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }))
      .addStringOption((o) => o.setName('public-slug').setDescription('The page’s address /a/<slug>/: 3-40 of a-z, 0-9, -').setMinLength(3).setMaxLength(40))
      .addStringOption((o) => o.setName('language').setDescription('Language of public posts (default: the server’s, else English)').addChoices(...LANGUAGE_CHOICES)),
  )
  .addSubcommand((sub) => sub.setName('show').setDescription('Show the alliance settings'))
  .addSubcommand((sub) => sub.setName('doctor').setDescription('Check channels, my permissions, scheduled posts and backups; each problem with its fix'));

const CHANNEL_FIELDS = ['announcementsChannelId', 'organizersChannelId', 'proposalsChannelId', 'meetingsChannelId'] as const;

export const alliance = defineCommand({
  order: 10,
  data: data.toJSON(),
  organizerOnly: true,

  async execute(interaction, ctx) {
    if (interaction.options.getSubcommand() === 'show') {
      await reply(interaction, { embeds: [renderSettings(ctx.say, ctx.settings, ctx.publicUrl, interaction.guildLocale)], ephemeral: true });
      return;
    }
    if (interaction.options.getSubcommand() === 'doctor') {
      // Asks Discord for the registered commands: may take longer than the 3 s a first answer has.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const report = await runDoctor({ ...ctx, registration: ctx.registration ?? null, guildIds: [ctx.actor.guildId] });
      await reply(interaction, { embeds: renderDoctorEmbeds(report, ctx.language), ephemeral: true });
      return;
    }
    const o = interaction.options;
    const input: SettingsInput = {
      timezone: o.getString('timezone') ?? undefined,
      announcementsChannelId: o.getChannel('announcements')?.id,
      organizerRoleId: o.getRole('organizer-role')?.id,
      organizersChannelId: o.getChannel('organizers-channel')?.id,
      proposalsChannelId: o.getChannel('proposals-channel')?.id,
      meetingsChannelId: o.getChannel('meetings-channel')?.id,
      directoryApproval: o.getBoolean('directory-approval') ?? undefined,
      ideaQuota: o.getInteger('idea-quota') ?? undefined,
      agendaQuota: o.getInteger('agenda-quota') ?? undefined,
      publicPage: o.getString('public-page') === null ? undefined : o.getString('public-page') === 'on',
      publicSlug: o.getString('public-slug') ?? undefined,
      language: o.getString('language') ?? undefined,
    };
    for (const field of CHANNEL_FIELDS) {
      const channelId = input[field];
      if (!channelId || !interaction.guild) continue;
      assertMemberCanPost(interaction, channelId, SETTINGS_OPTION_NAMES[field]);
      assertBotCanPost(interaction.guild, channelId, SETTINGS_OPTION_NAMES[field]);
    }
    if (Object.values(input).every((value) => value === undefined)) {
      await reply(interaction, { content: setupAnswer(ctx.say, 'nothingGiven'), embeds: [renderSettings(ctx.say, ctx.settings, ctx.publicUrl, interaction.guildLocale), renderSetupGuide(ctx.say)], ephemeral: true });
      return;
    }
    const changed = changedSettings(ctx.settings, input);
    const saved = changed.length > 0 ? ctx.services.alliances.update(ctx.actor, input) : ctx.settings;
    // Scheduled posts are due at local times: a new time zone moves them now rather than at the next hourly plan.
    if (changed.includes('timezone')) ctx.services.rhythm.replan(ctx.actor.guildId);
    await reply(interaction, { content: setupAnswer(ctx.say, changed.length > 0 ? changed : 'unchanged'), embeds: [renderSettings(ctx.say, saved, ctx.publicUrl, interaction.guildLocale)], ephemeral: true });
  },

  async autocomplete(interaction, ctx) {
    const likely = ctx.services.directory.likelyTimeZones(ctx.actor.guildId);
    const zones = timeZoneChoices(interaction.options.getFocused(), listTimeZones(), likely);
    await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
  },
});
