// Alliance settings as an embed (for /alliance show and the answer to /alliance setup), what each setup option
// does, and the sentences that say what a setup changed.
import { EmbedBuilder } from 'discord.js';
import type { AllianceSettings, SettingsInput } from '../../alliances/alliances.service.js';
import { SETTINGS_OPTION_NAMES } from '../../alliances/settings.rules.js';
import { allianceLanguage } from '../../i18n/locale.js';
import { t } from '../../i18n/translate.js';
import { channelMention, roleMention } from '../format.js';

const notSet = '*not set*';

/** The public page's line: its address when on, or what is missing. */
export function publicPageLine(settings: AllianceSettings, publicUrl: string | null | undefined): string {
  if (!settings.publicPage || !settings.publicSlug) {
    return settings.publicSlug ? `Off (would be at /a/${settings.publicSlug}/)` : 'Off: turn it on with `/alliance setup public-page:on public-slug:your-name`';
  }
  if (!publicUrl) return `On at /a/${settings.publicSlug}/, but this bot serves no web page yet (its host sets HTTP_PORT)`;
  return `${publicUrl.replace(/\/$/, '')}/a/${settings.publicSlug}/`;
}

/**
 * The language public posts use: the chosen one, or the server's when organizers chose none. Said in English
 * like the rest of this embed until private answers follow the member's language.
 */
export function languageLine(settings: AllianceSettings, guildLocale: string | null): string {
  const language = t('en', `alliance.language.name.${allianceLanguage(settings.language, guildLocale)}`);
  return settings.language ? language : t('en', 'alliance.language.followsServer', { language });
}

export function renderSettings(settings: AllianceSettings, title = 'Alliance settings', publicUrl: string | null = null, guildLocale: string | null = null): EmbedBuilder {
  const channel = (id: string | null) => (id ? channelMention(id) : notSet);
  return new EmbedBuilder()
    .setTitle(title)
    .setColor(0x2f855a)
    .setDescription(settings.configured ? null : 'This alliance is not set up yet: an organizer can run `/alliance setup`.')
    .addFields(
      { name: 'Time zone', value: settings.timezone, inline: true },
      { name: 'Organizer role', value: settings.organizerRoleId ? roleMention(settings.organizerRoleId) : `${notSet} (Manage Server only)`, inline: true },
      { name: 'Announcements', value: channel(settings.announcementsChannelId), inline: true },
      { name: 'Organizers channel', value: settings.organizersChannelId ? channelMention(settings.organizersChannelId) : `${notSet} (announcements used)`, inline: true },
      { name: 'Proposals channel', value: channel(settings.proposalsChannelId), inline: true },
      { name: 'Meetings channel', value: channel(settings.meetingsChannelId), inline: true },
      { name: 'Directory approval', value: settings.directoryApproval ? 'On: organizers approve new spaces' : 'Off: spaces are listed at once', inline: true },
      { name: 'Quotas', value: `${settings.ideaQuota} open ideas per member, ${settings.agendaQuota} agenda items per member per meeting`, inline: true },
      { name: 'Language', value: languageLine(settings, guildLocale), inline: true },
      { name: 'Public page', value: publicPageLine(settings, publicUrl) },
    );
}

/** What each /alliance setup option does (a Record, so a new setting cannot be left out of the guide). */
const SETUP_OPTIONS: Record<keyof SettingsInput, string> = {
  announcementsChannelId: 'The channel for public posts: monthly updates, Coworking Day, new spaces.',
  timezone: 'The alliance\'s time zone: meeting times, deadlines and scheduled posts follow it.',
  organizerRoleId: 'Members with this role count as organizers, besides those with Manage Server.',
  organizersChannelId: 'Where I tell organizers things (pending spaces, failed posts); without it, announcements.',
  proposalsChannelId: 'Where proposals are posted for voting.',
  meetingsChannelId: 'Where agendas, meeting notices and reminders go.',
  directoryApproval: 'On: organizers approve a new space before it is listed. Off: spaces are listed at once.',
  ideaQuota: 'How many open parked ideas each member may have (1-20).',
  agendaQuota: 'How many items each member may put on one meeting\'s agenda (1-25).',
  publicPage: 'On: the alliance\'s public web page (directory, map, calendar, updates) is served, with only the spaces whose hosts agreed.',
  publicSlug: 'The page\'s address, /a/<slug>/: 3-40 of a-z, 0-9 and hyphens.',
  language: 'The language of public posts (English, Spanish or French); without it, the server\'s language.',
};

/** The answer to /alliance setup without options: how to change each setting. */
export function renderSetupGuide(): EmbedBuilder {
  return new EmbedBuilder()
    .setTitle('What /alliance setup changes')
    .setColor(0x2f855a)
    .setDescription((Object.entries(SETUP_OPTIONS) as [keyof SettingsInput, string][]).map(([key, text]) => `**${SETTINGS_OPTION_NAMES[key]}**: ${text}`).join('\n'));
}

export const SETUP_NOTHING_GIVEN_TEXT = 'Nothing changed. These are the current settings: run `/alliance setup` with an option to change one.';
export const SETUP_UNCHANGED_TEXT = 'Nothing changed: the settings were already like that.';

/** "✅ Saved: time zone." naming the options that changed. */
export function setupSavedText(changed: (keyof SettingsInput)[]): string {
  return `✅ Saved: ${changed.map((key) => SETTINGS_OPTION_NAMES[key]).join(', ')}.`;
}
