// The timeboxed agenda as embeds: each item with its planned start, presenter and priority, one "over time" mark
// where the items run past the structured block, then the social block, fitted to Discord's embed limits; and the
// answers to /agenda add (added, or "looks like #12" with Add anyway).
import type { AddedItem, AgendaEntry, AgendaView } from '../../meetings/agenda.service.js';
import type { Proposed } from '../../meetings/duplicates.service.js';
import type { EmbedBuilder } from 'discord.js';
import { escapeMarkdown, timestamp, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';
import { addAnywayRow } from '../ideas/render.js';
import { meetingLine } from './render.js';

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

/** `hasPriorities`: without current priorities, an item serving none is not worth a mark. */
export function agendaItemLine(item: AgendaEntry, topicMax = 90, hasPriorities = true): string {
  const parts = [`${timestamp(item.plannedStart, 't')} **${item.position}. ${fittedTopic(item.topic, topicMax)}** (${item.minutes} min)`];
  if (item.presenterId) parts.push(userMention(item.presenterId));
  if (item.priority) parts.push(`🎯 P${item.priority.rank}`);
  else if (hasPriorities) parts.push('serves no current priority');
  if (item.carriedFromId) parts.push('↪ carried over');
  return parts.join(' · ');
}

/** The one mark before the first item that ends past the structured block. */
function overTimeLine(overByMinutes: number): string {
  return `⏰ **Over time** from here: the items run ${overByMinutes} minute${overByMinutes === 1 ? '' : 's'} past the structured block`;
}

function itemLines(view: AgendaView, topicMax: number): string[] {
  if (!view.items.length) return ['*No items yet: propose one with `/agenda add`.*'];
  const firstOver = view.items.findIndex((item) => item.overTime);
  return view.items.flatMap((item, index) => [
    ...(index === firstOver && view.overByMinutes > 0 ? [overTimeLine(view.overByMinutes)] : []),
    agendaItemLine(item, topicMax, view.hasPriorities),
  ]);
}

export function renderAgenda(view: AgendaView, heading = 'Agenda'): EmbedBuilder[] {
  const { meeting } = view;
  const topicMax = Math.min(90, Math.max(30, Math.floor(LINES_BUDGET / Math.max(view.items.length, 1)) - LINE_OVERHEAD));
  const lines = [
    `${timestamp(meeting.startsAt, 'F')} · ${meeting.structuredMinutes} min structured, then social until ${timestamp(meeting.endsAt, 't')}`,
    '',
    ...itemLines(view, topicMax),
  ];
  if (view.social) lines.push('', `${timestamp(view.social.start, 't')} **Social hour** 🥤 until ${timestamp(view.social.end, 't')}`);
  const footer = [
    view.overByMinutes > 0 ? `${view.overByMinutes} min over the structured block` : null,
    view.frozen ? 'Agenda frozen: new items from members go to the next meeting' : null,
  ].filter(Boolean);
  return fitEmbeds(lines, { title: `${heading}: ${meeting.title}`, color: COLOR, footer: footer.join(' · ') || null });
}

/** The private answer once an item is on an agenda. */
export function addedItemText(added: AddedItem): string {
  const lines = [`✅ Added **${escapeMarkdown(added.item.topic)}** (${added.item.minutes} min) as item ${added.item.position} of ${meetingLine(added.meeting)}`];
  if (added.movedFrom) lines.unshift(`The agenda of **${escapeMarkdown(added.movedFrom.title)}** is frozen (posted 24 hours before), so your item goes to the next meeting.`);
  if (added.overByMinutes > 0) lines.push(`⏰ The agenda is now ${added.overByMinutes} min over the structured block.`);
  return lines.join('\n');
}

/** The answer to /agenda add: added, or "looks like #12" with a choice to add it anyway. */
export function renderItemProposed(result: Proposed<AddedItem>) {
  if (result.kind === 'added') return { content: addedItemText(result.added), components: [], ephemeral: true };
  const { similar } = result;
  const where = similar.position === null ? '' : `, item ${similar.position} on that agenda`;
  return {
    content: `This looks like #${similar.id}${where}: **${escapeMarkdown(truncate(similar.text, 200))}**. Add yours anyway, or leave it and join that discussion.`,
    components: [addAnywayRow('agenda', result.draftId)],
    ephemeral: true,
  };
}

/** Posted with the agenda 24 hours ahead: from then on new items go to the next meeting. */
export const AGENDA_SET = '📋 The agenda is set: new items from members now go to the next meeting.';
