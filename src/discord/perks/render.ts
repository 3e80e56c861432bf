// Every sentence members read about perks; codes appear only in answers meant for the one member who asked.
import type { PerkRow } from '../../perks/perks.repo.js';
import { escapeMarkdown, truncate } from '../format.js';
import { dayInWords } from '../pass/calendar.js';
import { fitEmbeds } from '../fit.js';

const COLOR = 0xf97316;

function perkLines(perk: PerkRow): string {
  return truncate(
    [
      `**${escapeMarkdown(perk.title)}** · ${escapeMarkdown(perk.partner)}`,
      escapeMarkdown(perk.details),
      perk.code ? `Code: \`${perk.code.replace(/`/g, "'")}\`` : null,
      perk.link ? perk.link : null,
      perk.until ? `Until ${dayInWords(perk.until)}` : null,
    ].filter(Boolean).join('\n'),
    1500,
  );
}

/** The private list (codes included: only the member who asked sees it). */
export function renderPerks(perks: readonly PerkRow[]) {
  if (!perks.length) return { content: 'No member perks right now. Organizers add them with /perks add.' };
  return { embeds: fitEmbeds(perks.flatMap((p) => [perkLines(p), '']), { title: perks.length === 1 ? 'Member perk' : `${perks.length} member perks`, color: COLOR, footer: 'For members of every alliance space. Codes are for members only: please don’t share them publicly.' }) };
}

export function renderAdded(perk: PerkRow): string {
  return `✅ Perk added: **${escapeMarkdown(perk.title)}** from ${escapeMarkdown(perk.partner)}${perk.until ? `, until ${dayInWords(perk.until)}` : ''}. Members see it with /perks list.`;
}

export function renderRemoved(perk: PerkRow): string {
  return `🗑️ Removed the perk **${escapeMarkdown(perk.title)}** from ${escapeMarkdown(perk.partner)}.`;
}

export function perkChoiceName(perk: PerkRow): string {
  return truncate(`${perk.title} · ${perk.partner}`, 100);
}
