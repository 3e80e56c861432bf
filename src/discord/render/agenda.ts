// The timeboxed agenda as embeds: each item with its planned start, presenter, priority and "over time" mark,
// then the social block. Split over several embeds when 25 long items would pass the description limit.
import { EmbedBuilder } from 'discord.js';
import type { AgendaEntry, AgendaView } from '../../meetings/agenda.service.js';
import { escapeMarkdown, timestamp, truncate, userMention } from '../format.js';

const COLOR = 0x3b82f6;
const DESCRIPTION_BUDGET = 4000;
/** Topics are cut in the agenda so 25 items fit Discord's 6000-character message budget. */
const TOPIC_MAX = 90;

export function agendaItemLine(item: AgendaEntry): string {
  const parts = [`${timestamp(item.plannedStart, 't')} **${item.position}. ${escapeMarkdown(truncate(item.topic, TOPIC_MAX))}** (${item.minutes} min)`];
  if (item.presenterId) parts.push(userMention(item.presenterId));
  parts.push(item.priority ? `🎯 P${item.priority.rank}` : 'serves no current priority');
  if (item.overTime) parts.push('⏰ **over time**');
  if (item.carriedFromId) parts.push('↪ carried over');
  return parts.join(' · ');
}

/** Packs lines into descriptions of at most `budget` characters each. */
export function chunkLines(lines: readonly string[], budget = DESCRIPTION_BUDGET): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if ([...next].length > budget && current) {
      chunks.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

export function renderAgenda(view: AgendaView, heading = 'Agenda'): EmbedBuilder[] {
  const { meeting } = view;
  const lines = [
    `${timestamp(meeting.startsAt, 'F')} · ${meeting.structuredMinutes} min structured, then social until ${timestamp(meeting.endsAt, 't')}`,
    '',
    ...(view.items.length ? view.items.map(agendaItemLine) : ['*No items yet: propose one with `/agenda add`.*']),
  ];
  if (view.social) lines.push('', `${timestamp(view.social.start, 't')} **Social hour** 🥤 until ${timestamp(view.social.end, 't')}`);
  const footer = [
    view.overByMinutes > 0 ? `${view.overByMinutes} min over the structured block` : null,
    view.frozen ? 'Agenda frozen: new items from members go to the next meeting' : null,
  ].filter(Boolean);
  return chunkLines(lines).map((description, index, all) => {
    const embed = new EmbedBuilder().setColor(COLOR).setDescription(description);
    if (index === 0) embed.setTitle(truncate(`${heading}: ${meeting.title}`, 256));
    if (index === all.length - 1 && footer.length) embed.setFooter({ text: footer.join(' · ') });
    return embed;
  });
}
