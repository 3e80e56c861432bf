// Every sentence members read about perks, from the catalogues in the reader's language; codes appear only in
// answers meant for the one member who asked.
import { sayIn } from '../../i18n/translate.js';
import type { PerkRow } from '../../perks/perks.repo.js';
import { dayInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { escapeMarkdown, truncate } from '../format.js';
import { fitEmbeds } from '../fit.js';

const COLOR = 0xf97316;

function perkLines(perk: PerkRow, language: Language): string {
  const say = sayIn(language);
  return truncate(
    [
      `**${escapeMarkdown(perk.title)}** · ${escapeMarkdown(perk.partner)}`,
      escapeMarkdown(perk.details),
      perk.code ? say('perks.code', { code: `\`${perk.code.replace(/`/g, "'")}\`` }) : null,
      perk.link ? perk.link : null,
      perk.until ? say('perks.until', { day: dayInWords(perk.until, language) }) : null,
    ].filter(Boolean).join('\n'),
    1500,
  );
}

/** The private list (codes included: only the member who asked sees it). */
export function renderPerks(perks: readonly PerkRow[], language: Language) {
  const say = sayIn(language);
  if (!perks.length) return { content: say('perks.none') };
  return { embeds: fitEmbeds(perks.flatMap((p) => [perkLines(p, language), '']), { say, title: say('perks.title', { count: perks.length }), color: COLOR, footer: say('perks.footer') }) };
}

export function renderAdded(perk: PerkRow, language: Language): string {
  const values = { title: escapeMarkdown(perk.title), partner: escapeMarkdown(perk.partner), hasUntil: perk.until ? 'yes' : 'no', until: perk.until ? dayInWords(perk.until, language) : '' };
  return sayIn(language)('perks.added', values);
}

export function renderRemoved(perk: PerkRow, language: Language): string {
  return sayIn(language)('perks.removed', { title: escapeMarkdown(perk.title), partner: escapeMarkdown(perk.partner) });
}

export function perkChoiceName(perk: PerkRow): string {
  return truncate(`${perk.title} · ${perk.partner}`, 100);
}
