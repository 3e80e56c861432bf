// Alliance settings as an embed (for /alliance show and the answer to /alliance setup), what each setup option
// does, and the sentences that say what a setup changed: all private answers, in the organizer's language.
import { EmbedBuilder } from 'discord.js';
import type { AllianceSettings, SettingsInput } from '../../alliances/alliances.service.js';
import { SETTINGS_OPTION_NAMES } from '../../alliances/settings.rules.js';
import { allianceLanguage } from '../../i18n/locale.js';
import type { Say } from '../../i18n/translate.js';
import { channelMention, roleMention } from '../format.js';

/** The public page's line: its address when on, or what is missing. */
export function publicPageLine(say: Say, settings: AllianceSettings, publicUrl: string | null | undefined): string {
  if (!settings.publicPage || !settings.publicSlug) {
    return settings.publicSlug ? say('alliance.settings.publicPageOffAt', { slug: settings.publicSlug }) : say('alliance.settings.publicPageOff');
  }
  if (!publicUrl) return say('alliance.settings.publicPageNoServer', { slug: settings.publicSlug });
  return `${publicUrl.replace(/\/$/, '')}/a/${settings.publicSlug}/`;
}

/** The language public posts use, named in the reader's language: the chosen one, or the server's when none is. */
export function languageLine(say: Say, settings: AllianceSettings, guildLocale: string | null): string {
  const language = say(`alliance.language.name.${allianceLanguage(settings.language, guildLocale)}`);
  return settings.language ? language : say('alliance.language.followsServer', { language });
}

export function renderSettings(say: Say, settings: AllianceSettings, publicUrl: string | null = null, guildLocale: string | null = null): EmbedBuilder {
  const notSet = say('alliance.settings.notSet');
  const channel = (id: string | null) => (id ? channelMention(id) : notSet);
  // From data: the setters run discord.js's validators, which build and throw away an error per call.
  return new EmbedBuilder({
    title: say('alliance.settings.title'),
    color: 0x2f855a,
    ...(settings.configured ? {} : { description: say('alliance.settings.notConfigured') }),
    fields: [
      { name: say('alliance.settings.timezone'), value: settings.timezone, inline: true },
      { name: say('alliance.settings.organizerRole'), value: settings.organizerRoleId ? roleMention(settings.organizerRoleId) : say('alliance.settings.organizerRoleUnset'), inline: true },
      { name: say('alliance.settings.announcements'), value: channel(settings.announcementsChannelId), inline: true },
      { name: say('alliance.settings.organizersChannel'), value: settings.organizersChannelId ? channelMention(settings.organizersChannelId) : say('alliance.settings.organizersChannelUnset'), inline: true },
      { name: say('alliance.settings.proposalsChannel'), value: channel(settings.proposalsChannelId), inline: true },
      { name: say('alliance.settings.meetingsChannel'), value: channel(settings.meetingsChannelId), inline: true },
      { name: say('alliance.settings.directoryApproval'), value: settings.directoryApproval ? say('alliance.settings.approvalOn') : say('alliance.settings.approvalOff'), inline: true },
      { name: say('alliance.settings.quotas'), value: say('alliance.settings.quotasValue', { ideas: settings.ideaQuota, agenda: settings.agendaQuota }), inline: true },
      { name: say('alliance.settings.language'), value: languageLine(say, settings, guildLocale), inline: true },
      { name: say('alliance.settings.publicPage'), value: publicPageLine(say, settings, publicUrl) },
    ],
  });
}

/** Each /alliance setup option in the guide, in the order members read it (a Record: no setting can be left out). */
const SETUP_OPTIONS: Record<keyof SettingsInput, true> = {
  announcementsChannelId: true,
  timezone: true,
  organizerRoleId: true,
  organizersChannelId: true,
  proposalsChannelId: true,
  meetingsChannelId: true,
  directoryApproval: true,
  ideaQuota: true,
  agendaQuota: true,
  publicPage: true,
  publicSlug: true,
  language: true,
};

/** The answer to /alliance setup without options: how to change each setting. */
export function renderSetupGuide(say: Say): EmbedBuilder {
  const keys = Object.keys(SETUP_OPTIONS) as (keyof SettingsInput)[];
  return new EmbedBuilder()
    .setTitle(say('alliance.setup.guideTitle'))
    .setColor(0x2f855a)
    .setDescription(keys.map((key) => say('alliance.setup.guideLine', { option: SETTINGS_OPTION_NAMES[key], text: say(`alliance.setup.option.${key}`) })).join('\n'));
}

/** What /alliance setup answers above the settings: saved (naming the options that changed), unchanged, or nothing given. */
export function setupAnswer(say: Say, outcome: 'nothingGiven' | 'unchanged' | (keyof SettingsInput)[]): string {
  if (outcome === 'nothingGiven') return say('alliance.setup.nothingGiven');
  if (outcome === 'unchanged' || outcome.length === 0) return say('alliance.setup.unchanged');
  return say('alliance.setup.saved', { options: outcome.map((key) => SETTINGS_OPTION_NAMES[key]).join(', ') });
}
