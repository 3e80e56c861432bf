// The timeboxed agenda as embeds: each item with its planned start, presenter and priority, one "over time" mark
// where the items run past the structured block, then the social block, fitted to Discord's embed limits; and the
// answers to /agenda add (added, or "looks like #12" with Add anyway).
import type { AddedItem, AgendaEntry, AgendaView } from '../../meetings/agenda.service.js';
import type { Proposed } from '../../meetings/duplicates.service.js';
import type { Meeting } from '../../meetings/meetings.service.js';
import type { EmbedBuilder } from 'discord.js';
import { escapeMarkdown, timestamp, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';
import { addAnywayRow } from '../ideas/render.js';
import { meetingLine } from './render.js';
import type { Say } from '../../i18n/translate.js';
import type { Language } from '../../shared/languages.js';

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
export function agendaItemLine(item: AgendaEntry, say: Say, topicMax = 90, hasPriorities = true): string {
  const parts = [say('agenda.item.line', { time: timestamp(item.plannedStart, 't'), position: item.position, topic: fittedTopic(item.topic, topicMax), minutes: item.minutes })];
  if (item.presenterId) parts.push(userMention(item.presenterId));
  if (item.priority) parts.push(`🎯 P${item.priority.rank}`);
  else if (hasPriorities) parts.push(say('agenda.item.noPriority'));
  if (item.carriedFromId) parts.push(say('agenda.item.carried'));
  return parts.join(' · ');
}

function itemLines(view: AgendaView, topicMax: number, say: Say): string[] {
  if (!view.items.length) return [say('agenda.empty')];
  const firstOver = view.items.findIndex((item) => item.overTime);
  return view.items.flatMap((item, index) => [
    // The one mark before the first item that ends past the structured block.
    ...(index === firstOver && view.overByMinutes > 0 ? [say('agenda.overTime', { minutes: view.overByMinutes })] : []),
    agendaItemLine(item, say, topicMax, view.hasPriorities),
  ]);
}

/** The agenda as everyone reads it (the alliance's language when posted, the member's when shown to them). */
export function renderAgenda(view: AgendaView, say: Say): EmbedBuilder[] {
  const { meeting } = view;
  const topicMax = Math.min(90, Math.max(30, Math.floor(LINES_BUDGET / Math.max(view.items.length, 1)) - LINE_OVERHEAD));
  const lines = [
    say('agenda.header', { when: timestamp(meeting.startsAt, 'F'), structured: meeting.structuredMinutes, end: timestamp(meeting.endsAt, 't') }),
    '',
    ...itemLines(view, topicMax, say),
  ];
  if (view.social) lines.push('', say('agenda.social', { start: timestamp(view.social.start, 't'), end: timestamp(view.social.end, 't') }));
  const footer = [
    view.overByMinutes > 0 ? say('agenda.footer.over', { minutes: view.overByMinutes }) : null,
    view.frozen ? say('agenda.footer.frozen') : null,
  ].filter(Boolean);
  return fitEmbeds(lines, { say, title: say('agenda.title', { title: meeting.title }), color: COLOR, footer: footer.join(' · ') || null });
}

/** The private answer once an item is on an agenda. */
export function addedItemText(added: AddedItem, say: Say, language: Language): string {
  const lines = [
    say('agenda.added', { topic: escapeMarkdown(added.item.topic), minutes: added.item.minutes, position: added.item.position, meeting: meetingLine(added.meeting, say, language) }),
  ];
  if (added.movedFrom) lines.unshift(say('agenda.added.movedFrom', { title: escapeMarkdown(added.movedFrom.title) }));
  if (added.overByMinutes > 0) lines.push(say('agenda.added.over', { minutes: added.overByMinutes }));
  return lines.join('\n');
}

/** The answer to /agenda add: added, or "looks like #12" with a choice to add it anyway. */
export function renderItemProposed(result: Proposed<AddedItem>, say: Say, language: Language) {
  if (result.kind === 'added') return { content: addedItemText(result.added, say, language), components: [], ephemeral: true };
  const { similar } = result;
  return {
    content: say('agenda.similar', {
      id: similar.id,
      position: similar.position ?? 0,
      onAgenda: similar.position === null ? 'no' : 'yes',
      text: escapeMarkdown(truncate(similar.text, 200)),
    }),
    components: [addAnywayRow('agenda', result.draftId)],
    ephemeral: true,
  };
}

/** The private answer to /agenda remove. */
export function removedItemText(removed: { removed: { topic: string }; meeting: Meeting }, say: Say, language: Language): string {
  return say('agenda.removed', { topic: escapeMarkdown(removed.removed.topic), meeting: meetingLine(removed.meeting, say, language) });
}
