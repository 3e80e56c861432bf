// The timeboxed agenda as embeds: each item with its planned start, presenter, priority and "over time" mark,
// then the social block, fitted to Discord's embed limits.
import type { AgendaEntry, AgendaView } from '../../meetings/agenda.service.js';
import type { EmbedBuilder } from 'discord.js';
import { escapeMarkdown, timestamp, truncate, userMention } from '../format.js';
import { fitEmbeds } from './fit.js';

const COLOR = 0x3b82f6;
/** Characters the agenda's item lines may use together, so 25 items fit one message (6000 with the rest). */
const LINES_BUDGET = 5200;
/** Room an item line needs besides its topic (time, number, minutes, presenter, marks). */
const LINE_OVERHEAD = 120;

/** The topic escaped for markdown and cut so the escaped text stays within `max` characters. */
function fittedTopic(topic: string, max: number): string {
  let keep = Math.min([...topic].length, max);
  let text = escapeMarkdown(truncate(topic, keep));
  while ([...text].length > max && keep > 10) {
    keep -= 5;
    text = escapeMarkdown(truncate(topic, keep));
  }
  return text;
}

export function agendaItemLine(item: AgendaEntry, topicMax = 90): string {
  const parts = [`${timestamp(item.plannedStart, 't')} **${item.position}. ${fittedTopic(item.topic, topicMax)}** (${item.minutes} min)`];
  if (item.presenterId) parts.push(userMention(item.presenterId));
  parts.push(item.priority ? `🎯 P${item.priority.rank}` : 'serves no current priority');
  if (item.overTime) parts.push('⏰ **over time**');
  if (item.carriedFromId) parts.push('↪ carried over');
  return parts.join(' · ');
}

export function renderAgenda(view: AgendaView, heading = 'Agenda'): EmbedBuilder[] {
  const { meeting } = view;
  const topicMax = Math.min(90, Math.max(30, Math.floor(LINES_BUDGET / Math.max(view.items.length, 1)) - LINE_OVERHEAD));
  const lines = [
    `${timestamp(meeting.startsAt, 'F')} · ${meeting.structuredMinutes} min structured, then social until ${timestamp(meeting.endsAt, 't')}`,
    '',
    ...(view.items.length ? view.items.map((item) => agendaItemLine(item, topicMax)) : ['*No items yet: propose one with `/agenda add`.*']),
  ];
  if (view.social) lines.push('', `${timestamp(view.social.start, 't')} **Social hour** 🥤 until ${timestamp(view.social.end, 't')}`);
  const footer = [
    view.overByMinutes > 0 ? `${view.overByMinutes} min over the structured block` : null,
    view.frozen ? 'Agenda frozen: new items from members go to the next meeting' : null,
  ].filter(Boolean);
  return fitEmbeds(lines, { title: `${heading}: ${meeting.title}`, color: COLOR, footer: footer.join(' · ') || null });
}
