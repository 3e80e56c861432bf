// Every sentence members read about leads, from the catalogues: the offer the receiving hosts get (with Accept /
// Pass, in each host's language), the answers, outcomes and the per-space stats (in the reader's language).
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { LeadRow } from '../../leads/leads.repo.js';
import type { LeadStatsRow } from '../../leads/leads.service.js';
import { sayIn } from '../../i18n/translate.js';
import { dayInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';

const COLOR = 0x8b5cf6;
const name = (text: string) => `**${escapeMarkdown(text)}**`;

/** The DM (or private thread post) to the receiving hosts. Contact details only when the prospect agreed. */
export function renderLeadOffer(lead: LeadRow, language: Language) {
  const say = sayIn(language);
  const embed = new EmbedBuilder()
    .setColor(COLOR)
    .setTitle(truncate(say('leads.offer.title', { space: lead.toSpaceName }), 256))
    .setDescription(truncate(escapeMarkdown(lead.need), 4000))
    .addFields(
      { name: say('leads.offer.from'), value: truncate(`${name(lead.fromSpaceName)}${lead.sentBy ? ` (${userMention(lead.sentBy)})` : ''}`, 1024), inline: true },
      ...(lead.size ? [{ name: say('leads.offer.size'), value: say('leads.offer.people', { count: lead.size }), inline: true }] : []),
      ...(lead.byDate ? [{ name: say('leads.offer.neededBy'), value: dayInWords(lead.byDate, language), inline: true }] : []),
      lead.consent && lead.contact
        ? { name: say('leads.offer.contactShared'), value: truncate(escapeMarkdown(lead.contact), 1024) }
        : { name: say('leads.offer.contact'), value: say('leads.offer.contactNotShared') },
    );
  const intro = say('leads.offer.intro', { from: name(lead.fromSpaceName), to: name(lead.toSpaceName) });
  return { content: truncate(intro, 2000), embeds: [embed], components: [answerButtons(lead, language)] };
}

/** The private thread's name when a host does not accept DMs (hosts share it: the alliance's language). */
export function leadThreadName(lead: LeadRow, language: Language): string {
  return truncate(sayIn(language)('leads.offer.thread', { space: lead.toSpaceName }), 100);
}

function answerButtons(lead: LeadRow, language: Language) {
  const say = sayIn(language);
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId('lead', 'answer', lead.guildId, lead.id, 1)).setLabel(truncate(say('leads.offer.accept'), 80)).setStyle(ButtonStyle.Success),
    new ButtonBuilder().setCustomId(customId('lead', 'answer', lead.guildId, lead.id, 0)).setLabel(truncate(say('leads.offer.pass'), 80)).setStyle(ButtonStyle.Secondary),
  );
}

export function renderSent(lead: LeadRow, delivered: { dm: number; thread: number; none: number }, language: Language): string {
  const where = delivered.dm + delivered.thread === 0 ? 'none' : delivered.thread > 0 ? 'thread' : 'dm';
  const by = lead.byDate ? dayInWords(lead.byDate, language) : '';
  return sayIn(language)('leads.sent', { id: lead.id, hasBy: lead.byDate ? 'yes' : 'no', by, to: name(lead.toSpaceName), where });
}

export function renderAnswered(lead: LeadRow, changed: boolean, language: Language): string {
  const say = sayIn(language);
  if (!changed) return say('leads.answered.already', { status: lead.status });
  return say(lead.status === 'accepted' ? 'leads.answered.accepted' : 'leads.answered.passed', { from: name(lead.fromSpaceName) });
}

/** The DM to the sender when the receiving space answers. */
export function renderAnswerNotice(lead: LeadRow, language: Language): string {
  const values = { to: name(lead.toSpaceName), id: lead.id, need: escapeMarkdown(truncate(lead.need, 80)) };
  return sayIn(language)(lead.status === 'accepted' ? 'leads.notice.accepted' : 'leads.notice.passed', values);
}

export function renderOutcome(lead: LeadRow, language: Language): string {
  const say = sayIn(language);
  return say('leads.outcome.recorded', { id: lead.id, to: name(lead.toSpaceName), outcome: say(`leads.outcome.${lead.outcome ?? 'no-reply'}`) });
}

/** Autocomplete label of a lead the member's space sent. */
export function leadChoiceName(lead: LeadRow, language: Language): string {
  const say = sayIn(language);
  const state = lead.outcome ? say(`leads.outcome.${lead.outcome}`) : say(`leads.state.${lead.status}`);
  return truncate(say('leads.choice', { id: lead.id, to: lead.toSpaceName, need: lead.need, state }), 100);
}

export function renderStats(stats: { months: number; rows: LeadStatsRow[] }, language: Language) {
  const say = sayIn(language);
  if (!stats.rows.length) return { content: say('leads.stats.none', { months: stats.months }) };
  const lines = stats.rows.map((r) => say('leads.stats.line', { space: name(truncate(r.spaceName, 80)), sent: r.sent, received: r.received, won: r.won }));
  return { embeds: fitEmbeds(lines, { say, title: say('leads.stats.title', { months: stats.months }), color: COLOR, footer: say('leads.stats.footer') }) };
}
