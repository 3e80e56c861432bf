// Meetings as members see them: the "is this the time you meant?" preview, the list, the "starting now" post,
// the notes with outcomes and actions, and action reminders (action lists and the participation report: ../actions).
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { ActionItemRow } from '../../meetings/actions.repo.js';
import type { Confirmed, Meeting, Preview } from '../../meetings/meetings.service.js';
import type { NotesView } from '../../meetings/outcomes.service.js';
import { describeLocal } from '../../shared/when.rules.js';
import { customId } from '../custom-id.js';
import { channelMention, escapeMarkdown, timestamp, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';
import { dayInWords } from '../../shared/day-words.js';

const COLOR = 0x3b82f6;
const OUTCOME_LABELS = { done: '✅ done', 'carry-over': '↪ carried over', action: '📌 action' } as const;

export function meetingWhere(meeting: Meeting): string {
  if (meeting.voiceChannelId) return channelMention(meeting.voiceChannelId);
  return meeting.location ? escapeMarkdown(meeting.location) : 'place to be announced';
}

/** The warning under a preview when other meetings would overlap it (at most 5 named). */
function clashLines(clashes: Preview['clashes']): string[] {
  if (clashes.length === 0) return [];
  const named = clashes.slice(0, 5).map((c) => `**${escapeMarkdown(truncate(c.title, 100))}** (${timestamp(c.startsAt, 'F')})`);
  const more = clashes.length > 5 ? ` and ${clashes.length - 5} more` : '';
  const verb = clashes.length === 1 ? 'is' : 'are';
  return ['', `⚠️ ${named.join(', ')}${more} ${verb} already at that time. Confirm anyway, or pick another time.`];
}

/** Posted in the meeting's channel when it moves. */
export function renderMovedNotice(meeting: Meeting, previousStartsAt: number): string {
  return `🔁 **${escapeMarkdown(truncate(meeting.title, 200))}** has moved from ${timestamp(previousStartsAt, 'F')} to ${timestamp(meeting.startsAt, 'F')} (${timestamp(meeting.startsAt, 'R')}).`;
}

/** Posted in the meeting's channel when it is cancelled (one line per meeting of a series). */
export function renderCancelledNotice(meetings: Meeting[]): string {
  const shown = meetings.slice(0, 10).map((m) => `**${escapeMarkdown(truncate(m.title, 100))}** on ${timestamp(m.startsAt, 'F')}`);
  const more = meetings.length > 10 ? `\n…and ${meetings.length - 10} more of the series.` : '';
  return meetings.length === 1 ? `🚫 ${shown[0]} is cancelled.` : `🚫 These meetings are cancelled:\n${shown.map((l) => `• ${l}`).join('\n')}${more}`;
}

export function renderPreview(preview: Preview): { embeds: EmbedBuilder[]; components: ActionRowBuilder<ButtonBuilder>[] } {
  const lines =
    preview.choices.length === 1
      ? [
          `I understood **${timestamp(preview.choices[0]!.instant, 'F')}** (${timestamp(preview.choices[0]!.instant, 'R')}).`,
          `That is ${describeLocal(preview.choices[0]!.instant, preview.timeZone)} in the alliance's time zone (${preview.timeZone}).`,
        ]
      : [preview.question ?? 'Which one did you mean?', ...preview.choices.map((c) => `• ${c.label}: ${timestamp(c.instant, 'F')}`)];
  lines.push(...clashLines(preview.clashes));
  const buttons = preview.choices.map((choice, index) =>
    new ButtonBuilder()
      .setCustomId(customId('meeting', 'confirm', preview.draftId, index))
      .setLabel(truncate(choice.label, 80))
      .setStyle(ButtonStyle.Success),
  );
  buttons.push(new ButtonBuilder().setCustomId(customId('meeting', 'discard', preview.draftId)).setLabel('Cancel').setStyle(ButtonStyle.Secondary));
  return {
    embeds: [new EmbedBuilder().setColor(COLOR).setTitle(truncate(preview.title, 256)).setDescription(lines.join('\n'))],
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)],
  };
}

export function meetingLine(meeting: Meeting & { agendaLength?: number }): string {
  const parts = [`**${escapeMarkdown(truncate(meeting.title, 100))}**`, timestamp(meeting.startsAt, 'F'), meetingWhere(meeting)];
  if (meeting.agendaLength !== undefined) parts.push(`${meeting.agendaLength} agenda item${meeting.agendaLength === 1 ? '' : 's'}`);
  if (meeting.recurrence !== 'none') parts.push(`repeats ${meeting.repeats}`);
  return parts.join(' · ');
}

export function renderMeetingList(meetings: (Meeting & { agendaLength: number })[]): EmbedBuilder[] {
  const lines = meetings.length ? meetings.map(meetingLine) : ['No upcoming meetings. Schedule one with `/meeting schedule`.'];
  return fitEmbeds(lines, { title: 'Upcoming meetings', color: COLOR });
}

export function renderStartPost(meeting: Meeting): { content: string; components: ActionRowBuilder<ButtonBuilder>[] } {
  return {
    content: `🔔 **${escapeMarkdown(truncate(meeting.title, 200))}** is starting ${timestamp(meeting.startsAt, 'R')} · ${meetingWhere(meeting)}\nHere? Mark yourself present.`,
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(customId('meeting', 'present', meeting.id)).setLabel("I'm here").setEmoji('✋').setStyle(ButtonStyle.Primary),
      ),
    ],
  };
}

function actionLine(action: ActionItemRow): string {
  const due = action.status === 'done' ? '✅ done' : `due ${dayInWords(action.dueDate)}`;
  return `#${action.id} ${escapeMarkdown(truncate(action.text, 120))} · ${userMention(action.ownerId)} · ${due}`;
}

export function renderNotes(notes: NotesView): EmbedBuilder[] {
  const lines = notes.items.map((item) => {
    const outcome = item.outcome ? OUTCOME_LABELS[item.outcome] : '… no outcome yet';
    const head = `**${item.position}. ${escapeMarkdown(truncate(item.topic, 90))}**: ${outcome}`;
    const extra = [
      item.decision ? `  Decision: ${escapeMarkdown(truncate(item.decision, 200))}` : null,
      ...item.actions.map((action) => `  📌 ${actionLine(action)}`),
    ].filter((line): line is string => line !== null);
    return [head, ...extra].join('\n');
  });
  const present = notes.attendees.length ? notes.attendees.map(userMention).join(' ') : 'nobody marked present';
  const all = [`${timestamp(notes.meeting.startsAt, 'F')} · Present (${notes.attendees.length}): ${present}`, '', ...(lines.length ? lines : ['No agenda items.'])];
  return fitEmbeds(all, { title: `Notes: ${notes.meeting.title}`, color: COLOR, moreHint: 'see /agenda show and /actions list' });
}

export function renderReminder(action: ActionItemRow, meetingTitle: string): string {
  return [
    `⏰ Reminder: your action item from **${escapeMarkdown(truncate(meetingTitle, 100))}** is due tomorrow (${dayInWords(action.dueDate)}):`,
    `> ${escapeMarkdown(truncate(action.text, 300))}`,
    'Done already? Close it with `/actions done`. No more reminders: `/actions reminders on:false`.',
  ].join('\n');
}

/** The answer once a schedule or reschedule is confirmed, with any notes about the Discord event. */
export function confirmedText(result: Confirmed, notes: (string | null)[]): string {
  const lines =
    result.kind === 'scheduled'
      ? [`✅ Scheduled: ${meetingLine(result.meetings[0]!)}`, ...(result.meetings.length > 1 ? [`Next: ${meetingLine(result.meetings[1]!)}`] : [])]
      : [`✅ Moved: ${meetingLine(result.meeting)}`];
  return [...lines, ...notes.filter((n): n is string => n !== null)].join('\n');
}
