// Meetings as members see them: the "is this the time you meant?" preview, the list, the "starting now" post,
// the notes with outcomes and actions, and action reminders (action lists and the participation report: ../actions).
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { ActionItemRow } from '../../meetings/actions.repo.js';
import type { Confirmed, Meeting, Preview } from '../../meetings/meetings.service.js';
import type { NotesView, OutcomeResult } from '../../meetings/outcomes.service.js';
import { choiceLabel, describeLocal } from '../../shared/when.rules.js';
import { customId } from '../custom-id.js';
import { channelMention, escapeMarkdown, timestamp, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';
import { actionLine } from '../actions/render.js';
import { dayInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { sayIn, sayRef, type Say } from '../../i18n/translate.js';

const COLOR = 0x3b82f6;
const english = sayIn('en');

/** An outcome as an ICU select word ("carry-over" has a hyphen ICU selectors cannot hold). */
function outcomeWord(outcome: string | null): string {
  return outcome === 'carry-over' ? 'carried' : (outcome ?? 'none');
}

export function meetingWhere(meeting: Meeting, say: Say = english): string {
  if (meeting.voiceChannelId) return channelMention(meeting.voiceChannelId);
  return meeting.location ? escapeMarkdown(meeting.location) : say('meetings.where.tba');
}

/** The warning under a preview when other meetings would overlap it (at most 5 named). */
function clashLines(clashes: Preview['clashes'], say: Say): string[] {
  if (clashes.length === 0) return [];
  const named = clashes.slice(0, 5).map((c) => `**${escapeMarkdown(truncate(c.title, 100))}** (${timestamp(c.startsAt, 'F')})`);
  return ['', say('meetings.preview.clashes', { names: named.join(', '), more: Math.max(0, clashes.length - 5), count: clashes.length })];
}

/** Posted in the meeting's channel when it moves (the alliance's language). */
export function renderMovedNotice(meeting: Meeting, previousStartsAt: number, say: Say): string {
  return say('meetings.notice.moved', {
    title: escapeMarkdown(truncate(meeting.title, 200)),
    from: timestamp(previousStartsAt, 'F'),
    to: timestamp(meeting.startsAt, 'F'),
    relative: timestamp(meeting.startsAt, 'R'),
  });
}

/** Posted in the meeting's channel when it is cancelled (one line per meeting of a series), in the alliance's language. */
export function renderCancelledNotice(meetings: Meeting[], say: Say): string {
  const shown = meetings.slice(0, 10).map((m) => say('meetings.notice.cancelledLine', { title: escapeMarkdown(truncate(m.title, 100)), when: timestamp(m.startsAt, 'F') }));
  if (meetings.length === 1) return say('meetings.notice.cancelledOne', { line: shown[0]! });
  return say('meetings.notice.cancelledMany', { lines: shown.map((l) => `• ${l}`).join('\n'), more: Math.max(0, meetings.length - 10) });
}

/** "Is this the time you meant?" in the member's language, with a button per reading. */
export function renderPreview(preview: Preview, say: Say, language: Language): { embeds: EmbedBuilder[]; components: ActionRowBuilder<ButtonBuilder>[] } {
  const only = preview.choices.length === 1 ? preview.choices[0]! : null;
  const label = (choice: Preview['choices'][number]): string => (only ? say('meetings.preview.confirm') : choiceLabel(choice, preview.timeZone, say, language));
  const lines = only
    ? [
        say('meetings.preview.understood', { when: timestamp(only.instant, 'F'), relative: timestamp(only.instant, 'R') }),
        say('meetings.preview.inZone', { local: describeLocal(only.instant, preview.timeZone, language), zone: preview.timeZone }),
      ]
    : [preview.question ? sayRef(say, preview.question) : say('meetings.preview.whichOne'), ...preview.choices.map((c) => `• ${label(c)}: ${timestamp(c.instant, 'F')}`)];
  lines.push(...clashLines(preview.clashes, say));
  const buttons = preview.choices.map((choice, index) =>
    new ButtonBuilder()
      .setCustomId(customId('meeting', 'confirm', preview.draftId, index))
      .setLabel(truncate(label(choice), 80))
      .setStyle(ButtonStyle.Success),
  );
  buttons.push(new ButtonBuilder().setCustomId(customId('meeting', 'discard', preview.draftId)).setLabel(say('meetings.preview.cancel')).setStyle(ButtonStyle.Secondary));
  return {
    embeds: [new EmbedBuilder().setColor(COLOR).setTitle(truncate(preview.title, 256)).setDescription(lines.join('\n'))],
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)],
  };
}

const weekdayNames: Partial<Record<Language, Intl.DateTimeFormat>> = {};

/** "Thursday", "jueves", "jeudi". */
function weekdayName(weekday: number, language: Language): string {
  weekdayNames[language] ??= new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return weekdayNames[language].format(Date.UTC(2023, 0, 1 + weekday, 12));
}

/** One meeting on one line: title, time, place, agenda length, how it repeats (English by default for older callers). */
export function meetingLine(meeting: Meeting & { agendaLength?: number }, say: Say = english, language: Language = 'en'): string {
  const parts = [`**${escapeMarkdown(truncate(meeting.title, 100))}**`, timestamp(meeting.startsAt, 'F'), meetingWhere(meeting, say)];
  if (meeting.agendaLength !== undefined) parts.push(say('meetings.line.agendaItems', { count: meeting.agendaLength }));
  if (meeting.recurrence !== 'none' && meeting.repeatDay) {
    const { weekday, nth } = meeting.repeatDay;
    parts.push(say('meetings.line.repeats', { recurrence: meeting.recurrence, weekday: weekdayName(weekday, language), nth: Math.min(nth, 5) }));
  }
  return parts.join(' · ');
}

export function renderMeetingList(meetings: (Meeting & { agendaLength: number })[], say: Say, language: Language): EmbedBuilder[] {
  const lines = meetings.length ? meetings.map((m) => meetingLine(m, say, language)) : [say('meetings.list.empty')];
  return fitEmbeds(lines, { say, title: say('meetings.list.title'), color: COLOR });
}

/** The "starting now" post with its attendance button, in the alliance's language. */
export function renderStartPost(meeting: Meeting, say: Say): { content: string; components: ActionRowBuilder<ButtonBuilder>[] } {
  return {
    content: say('meetings.start.post', { title: escapeMarkdown(truncate(meeting.title, 200)), relative: timestamp(meeting.startsAt, 'R'), where: meetingWhere(meeting, say) }),
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(customId('meeting', 'present', meeting.id)).setLabel(say('meetings.start.here')).setEmoji('✋').setStyle(ButtonStyle.Primary),
      ),
    ],
  };
}

/** A meeting's notes for the member who asked, in their language: outcomes, decisions, actions and who was there. */
export function renderNotes(notes: NotesView, say: Say, language: Language): EmbedBuilder[] {
  const lines = notes.items.map((item) => {
    const head = say('meetings.notes.item', { position: item.position, topic: escapeMarkdown(truncate(item.topic, 90)), outcome: outcomeWord(item.outcome) });
    const extra = [
      item.decision ? say('meetings.notes.decision', { decision: escapeMarkdown(truncate(typeof item.decision === 'string' ? item.decision : sayRef(say, item.decision), 200)) }) : null,
      ...item.actions.map((action) => `  📌 ${actionLine({ say, language }, action)}`),
    ].filter((line): line is string => line !== null);
    return [head, ...extra].join('\n');
  });
  const present = notes.attendees.length ? notes.attendees.map(userMention).join(' ') : say('meetings.notes.nobody');
  const all = [
    say('meetings.notes.present', { when: timestamp(notes.meeting.startsAt, 'F'), count: notes.attendees.length, names: present }),
    '',
    ...(lines.length ? lines : [say('meetings.notes.noItems')]),
  ];
  return fitEmbeds(all, { say, title: say('meetings.notes.title', { title: notes.meeting.title }), color: COLOR, moreHint: say('meetings.notes.more') });
}

/** The day-before DM to an action item's owner, in their language. */
export function renderReminder(action: ActionItemRow, meetingTitle: string, say: Say, language: Language): string {
  return say('meetings.actionReminder', { meeting: escapeMarkdown(truncate(meetingTitle, 100)), day: dayInWords(action.dueDate, language), text: escapeMarkdown(truncate(action.text, 300)) });
}

/** The answer once a schedule or reschedule is confirmed (the member's language), with any notes about the Discord event. */
export function confirmedText(result: Confirmed, notes: (EventNote | null)[], say: Say, language: Language): string {
  const line = (m: Meeting): string => meetingLine(m, say, language);
  const lines =
    result.kind === 'scheduled'
      ? [say('meetings.confirmed.scheduled', { line: line(result.meetings[0]!) }), ...(result.meetings.length > 1 ? [say('meetings.confirmed.next', { line: line(result.meetings[1]!) })] : [])]
      : [say('meetings.confirmed.moved', { line: line(result.meeting) })];
  const eventNotes = [...new Set(notes.filter((n): n is EventNote => n !== null))].map((n) => (n === 'no-permission' ? say('meetings.event.noPermission') : say('meetings.event.failed')));
  return [...lines, ...eventNotes].join('\n');
}

/** Why the Discord event could not follow the meeting (the meeting is saved either way). */
export type EventNote = 'no-permission' | 'failed';

/** The public answer to /meeting cancel (in the channel where it was run: the alliance's language). */
export function cancelledAnswer(cancelled: Meeting[], say: Say, language: Language): string {
  return say('meetings.cancelled.answer', { lines: cancelled.map((m) => meetingLine(m, say, language)).join('\n') });
}

/** The public answer to /meeting outcome: what was recorded, and where it went (carried over, or an action). */
export function outcomeRecordedText(result: OutcomeResult, say: Say, language: Language): string {
  const { carriedTo, action } = result;
  return say('meetings.outcome.recorded', {
    topic: escapeMarkdown(result.item.topic),
    outcome: outcomeWord(result.item.outcome),
    then: carriedTo ? 'carried' : action ? 'action' : 'none',
    meeting: carriedTo ? meetingLine(carriedTo, say, language) : '',
    owner: action ? userMention(action.ownerId) : '',
    due: action ? dayInWords(action.dueDate, language) : '',
  });
}

/** The private answer to "I'm here". */
export function presentText(marked: { newly: boolean; count: number; meeting: Meeting }, say: Say): string {
  return say(marked.newly ? 'meetings.present.marked' : 'meetings.present.already', { title: escapeMarkdown(marked.meeting.title), count: marked.count });
}
