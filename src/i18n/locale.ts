// Which of our languages a Discord locale means (decided in issue #19), and the Discord locales each language fills.
import type { Language } from '../shared/languages.js';

/**
 * `en-US`/`en-GB` → en, `es-ES`/`es-419` → es, `fr` → fr; everything else (and nothing) → en. Only the language
 * part counts, so a regional variant Discord adds later still lands on its language.
 */
export function resolveLanguage(locale: string | null | undefined): Language {
  // A language already resolved (what every renderer's `say` passes, a few dozen times per answer) is itself.
  if (locale === 'en' || locale === 'es' || locale === 'fr') return locale;
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'es' || base === 'fr' ? base : 'en';
}

/** The alliance's language: the one organizers chose, else the server's locale when we speak it, else English. */
export function allianceLanguage(chosen: Language | null, guildLocale: string | null | undefined): Language {
  return chosen ?? resolveLanguage(guildLocale);
}

/**
 * The Discord locales whose command descriptions we translate, per language. English is the definitions' own text
 * (Discord shows it to every locale without a translation), so it needs none.
 */
export const DISCORD_LOCALES: Record<Exclude<Language, 'en'>, readonly string[]> = {
  es: ['es-ES', 'es-419'],
  fr: ['fr'],
};
