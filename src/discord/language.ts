// Which language a reply speaks: the member's own for what only they see, the alliance's for what everyone sees.
import type { Client } from 'discord.js';
import type { AllianceSettings } from '../alliances/alliances.service.js';
import { allianceLanguage, resolveLanguage } from '../i18n/locale.js';
import { sayIn, type Say } from '../i18n/translate.js';
import type { Language } from '../shared/languages.js';

export interface Speakers {
  /** The member's Discord language when we speak it, else English: every private answer, form and DM to them. */
  language: Language;
  say: Say;
  /** The alliance's language (chosen, or the server's): public posts, embeds and results everyone reads. */
  publicLanguage: Language;
  sayPublic: Say;
}

export function speakers(memberLocale: string | null | undefined, settings: Pick<AllianceSettings, 'language'>, guildLocale: string | null | undefined): Speakers {
  const language = resolveLanguage(memberLocale);
  const publicLanguage = allianceLanguage(settings.language, guildLocale);
  return { language, say: sayIn(language), publicLanguage, sayPublic: sayIn(publicLanguage) };
}

/** The alliance's language where no interaction tells it (scheduled posts): the server's locale from the cache. */
export function publicLanguageOf(client: Client, settings: Pick<AllianceSettings, 'language'>, guildId: string): Language {
  return allianceLanguage(settings.language, client.guilds.cache.get(guildId)?.preferredLocale);
}

/** A member's language where only their locale is known (a DM button, a reaction's private prompt). */
export function memberSay(locale: string | null | undefined): Say {
  return sayIn(resolveLanguage(locale));
}
