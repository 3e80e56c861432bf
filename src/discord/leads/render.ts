// Every sentence members read about leads: the offer the receiving hosts get (with Accept / Pass), the answers,
// outcomes and the per-space stats.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { LeadOutcome } from '../../db/schema/index.js';
import type { LeadRow } from '../../leads/leads.repo.js';
import type { LeadStatsRow } from '../../leads/leads.service.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, truncate, userMention } from '../format.js';
import { dayInWords, plural } from '../pass/calendar.js';
import { fitEmbeds } from '../fit.js';

const COLOR = 0x8b5cf6;
const name = (text: string) => `**${escapeMarkdown(text)}**`;

/** The DM (or private thread post) to the receiving hosts. Contact details only when the prospect agreed. */
export function renderLeadOffer(lead: LeadRow) {
  const embed = new EmbedBuilder()
    .setColor(COLOR)
    .setTitle(truncate(`A lead for ${lead.toSpaceName}`, 256))
    .setDescription(truncate(escapeMarkdown(lead.need), 4000))
    .addFields(
      { name: 'From', value: truncate(`${name(lead.fromSpaceName)}${lead.sentBy ? ` (${userMention(lead.sentBy)})` : ''}`, 1024), inline: true },
      ...(lead.size ? [{ name: 'Size', value: plural(lead.size, 'person', 'people'), inline: true }] : []),
      ...(lead.byDate ? [{ name: 'Needed by', value: dayInWords(lead.byDate), inline: true }] : []),
      lead.consent && lead.contact
        ? { name: 'Contact (the prospect agreed to share it)', value: truncate(escapeMarkdown(lead.contact), 1024) }
        : { name: 'Contact', value: 'Not shared: ask the sending space to put you in touch.' },
    );
  const intro = `📨 ${name(lead.fromSpaceName)} sent ${name(lead.toSpaceName)} a lead. Only its hosts see this.`;
  return { content: truncate(intro, 2000), embeds: [embed], components: [answerButtons(lead)] };
}

function answerButtons(lead: LeadRow) {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId('lead', 'answer', lead.guildId, lead.id, 1)).setLabel('Accept').setStyle(ButtonStyle.Success),
    new ButtonBuilder().setCustomId(customId('lead', 'answer', lead.guildId, lead.id, 0)).setLabel('Pass').setStyle(ButtonStyle.Secondary),
  );
}

export function renderSent(lead: LeadRow, delivered: { dm: number; thread: number; none: number }): string {
  const where = delivered.dm + delivered.thread === 0
    ? 'but none of its hosts could be reached (closed DMs and no channel for a private thread). Tell them in person.'
    : delivered.thread > 0 ? 'by direct message, or in a private thread for hosts who don’t accept DMs.' : 'by direct message.';
  const by = lead.byDate ? `, needed by ${dayInWords(lead.byDate)},` : '';
  return `📨 Lead #${lead.id}${by} sent to the hosts of ${name(lead.toSpaceName)} ${where} Record how it ends with /lead outcome.`;
}

export function renderAnswered(lead: LeadRow, changed: boolean): string {
  if (!changed) return `This lead was already ${lead.status === 'accepted' ? 'accepted' : 'passed on'}.`;
  return lead.status === 'accepted' ? `✅ You accepted the lead from ${name(lead.fromSpaceName)}. They have been told.` : `You passed on the lead from ${name(lead.fromSpaceName)}. They have been told.`;
}

/** The DM to the sender when the receiving space answers. */
export function renderAnswerNotice(lead: LeadRow): string {
  return lead.status === 'accepted'
    ? `✅ ${name(lead.toSpaceName)} accepted your lead #${lead.id} (“${escapeMarkdown(truncate(lead.need, 80))}”). Record how it ends with /lead outcome.`
    : `${name(lead.toSpaceName)} passed on your lead #${lead.id} (“${escapeMarkdown(truncate(lead.need, 80))}”). Maybe another space can help.`;
}

const OUTCOME_WORDS: Record<LeadOutcome, string> = { won: 'won 🎉', lost: 'lost', 'no-reply': 'no reply' };

export function renderOutcome(lead: LeadRow): string {
  return `Lead #${lead.id} to ${name(lead.toSpaceName)}: recorded as **${OUTCOME_WORDS[lead.outcome ?? 'no-reply']}**.`;
}

/** Autocomplete label of a lead the member's space sent. */
export function leadChoiceName(lead: LeadRow): string {
  const state = lead.outcome ? OUTCOME_WORDS[lead.outcome] : lead.status === 'open' ? 'waiting' : lead.status;
  return truncate(`#${lead.id} → ${lead.toSpaceName}: ${lead.need} (${state})`, 100);
}

export function renderStats(stats: { months: number; rows: LeadStatsRow[] }) {
  const title = `Leads per space · last ${plural(stats.months, 'month')}`;
  if (!stats.rows.length) return { content: `No leads in the last ${plural(stats.months, 'month')}. Send one with /lead send.` };
  const lines = stats.rows.map((r) => `• ${name(truncate(r.spaceName, 80))}: sent ${r.sent} · received ${r.received} · won ${r.won}`);
  return { embeds: fitEmbeds(lines, { title, color: COLOR, footer: 'Won counts leads the receiving space turned into a member.' }) };
}

export const LEAD_ELSEWHERE_TEXT = 'That lead belongs to another alliance.';
