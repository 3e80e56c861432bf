// Rhythm on Discord, pure: the domain's posts sent through the poster, and the replies of /updates and
// /coworkingday (preview, history, settings, the countdown and who hosts what), each within Discord's limits.
import type { APIEmbed } from 'discord.js';
import { COWORKING_DAY_COLOR, hostedEventLine, hostingSections, monthName, UPDATE_COLOR, type HostedEventView } from '../../rhythm/content.rules.js';
import type { CoworkingDayOverview, CoworkingDaySettings } from '../../rhythm/coworking-day.service.js';
import { chunkLines, layoutPost } from '../../rhythm/layout.rules.js';
import type { PostMessage, Publish } from '../../rhythm/ports.js';
import type { ComposedUpdate, PostedUpdate, UpdateHistoryEntry, UpdateSettings } from '../../rhythm/updates.service.js';
import { channelMention, timestamp, truncate, userMention } from '../format.js';
import type { Poster } from '../poster.js';
import type { ReplyPayload } from '../respond.js';
import { dayInWords, dayOfInstant } from '../../shared/day-words.js';

export function publishWith(poster: Poster): Publish {
  return async (target, messages) => {
    const posted = [];
    for (const [index, message] of messages.entries()) {
      posted.push(await poster.post(target.channelId, { embeds: message.embeds }, { idempotencyKey: `${target.key}#${index}` }));
    }
    return posted;
  };
}

/** "2027-01" → "January 2027". */
export function periodName(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return year && month ? monthName({ year, month }) : period;
}

/** Domain messages as private replies; the first one carries `intro` as its text (outside the embeds' 6000). */
function privately(messages: PostMessage[], intro: string): ReplyPayload[] {
  return messages.map((message, index) => ({
    ...(index === 0 ? { content: truncate(intro, 2000) } : {}),
    embeds: message.embeds,
    ephemeral: true,
  }));
}

/** When the next scheduled update goes out, or why none will. */
function nextUpdateLine(settings: Pick<UpdateSettings, 'enabled' | 'nextDueAt'>): string | null {
  if (!settings.enabled) return 'Monthly updates are switched off: turn them on with `/updates settings enabled:true`.';
  return settings.nextDueAt === null ? null : `The next update goes out ${timestamp(settings.nextDueAt, 'F')} (${timestamp(settings.nextDueAt, 'R')}).`;
}

/**
 * /updates preview: the very embeds post-now would send, each message as one private reply, with the days it
 * covers and when the next one goes out. `soFar`: the month so far, as the next update would show it today.
 */
export function renderPreview(composed: ComposedUpdate, settings: Pick<UpdateSettings, 'channelId' | 'enabled' | 'nextDueAt'>, soFar = false): ReplyPayload[] {
  const { channelId } = settings;
  const where = channelId ? `in ${channelMention(channelId)}` : '(no channel set yet: pick one with `/updates settings channel`)';
  const covers = `**${dayInWords(composed.covers.from)}** to **${dayInWords(composed.covers.through)}**`;
  const lines = soFar
    ? [`👀 **So far this month**: the next update as it would read today, covering ${covers}; what happens before then is added. Only you can see this.`]
    : [`👀 **Preview**: exactly what \`/updates post-now\` would post ${where} right now, covering ${covers}. Only you can see this.`];
  const next = nextUpdateLine(settings);
  if (next) lines.push(next);
  if (composed.messages.length > 1) lines.push(`It is long, so it goes out as ${composed.messages.length} messages.`);
  if (composed.failedSections.length > 0) lines.push(`⚠️ Left out because they could not be built: ${composed.failedSections.join(', ')}.`);
  const forOrganizers = composed.organizerMessages?.length
    ? privately(composed.organizerMessages, '…and beside it, in the organizers channel only (never in the public update):')
    : [];
  return [...privately(composed.messages, lines.join('\n')), ...forOrganizers];
}

export function renderPosted(posted: PostedUpdate): string {
  const parts = posted.messageIds.length > 1 ? ` (${posted.messageIds.length} messages)` : '';
  return (
    `✅ Posted the update for ${periodName(posted.period)} in ${channelMention(posted.channelId)}${parts}: ${posted.url}\n` +
    "It counts as this month's update, so the scheduled one will not post again this month."
  );
}

/** At most 25 entries (the service caps it): split over embeds when one description cannot hold them all. */
export function renderHistory(entries: UpdateHistoryEntry[]): APIEmbed[] {
  if (entries.length === 0) return [{ title: 'Monthly updates posted', color: UPDATE_COLOR, description: 'No monthly update has been posted yet.' }];
  const lines = entries.map((entry) => {
    const who = entry.trigger === 'manual' && entry.postedBy ? `posted now by ${userMention(entry.postedBy)}` : 'scheduled';
    const parts = entry.messageCount > 1 ? ` · ${entry.messageCount} messages` : '';
    return `[**${periodName(entry.period)}**](${entry.url}) · ${timestamp(entry.postedAt, 'f')} · ${who}${parts}`;
  });
  const chunks = chunkLines(lines);
  return chunks.map((description, index) => ({
    title: index === 0 ? 'Monthly updates posted' : 'Monthly updates posted (continued)',
    color: UPDATE_COLOR,
    description,
    ...(index === chunks.length - 1 ? { footer: { text: `The last ${lines.length}, newest first; each title opens the post` } } : {}),
  }));
}

export function renderUpdateSettings(settings: UpdateSettings, timezone: string): APIEmbed {
  const channel = settings.channelId
    ? `${channelMention(settings.channelId)}${settings.channelIsDefault ? ' (the announcements channel)' : ''}`
    : '*none*: set `channel` here or an announcements channel in `/alliance setup`';
  const next = !settings.enabled
    ? 'Off: switch it on with `enabled:true`'
    : settings.nextDueAt
      ? `${timestamp(settings.nextDueAt, 'F')} (${timestamp(settings.nextDueAt, 'R')})`
      : settings.channelId
        ? 'Planned within the hour'
        : 'Not planned: no channel';
  return {
    title: 'Monthly update settings',
    color: UPDATE_COLOR,
    fields: [
      { name: 'Status', value: settings.enabled ? 'On' : 'Off', inline: true },
      { name: 'When', value: `Day ${settings.day} of each month at ${String(settings.hour).padStart(2, '0')}:00 (${timezone})`, inline: true },
      { name: 'Channel', value: channel, inline: true },
      { name: 'Next update', value: next },
      { name: "Organizers' note for the next update", value: settings.note ? truncate(settings.note, 1024) : '*none*: add one with `/updates note`' },
    ],
  };
}

export function renderNote(settings: UpdateSettings, limit: number): ReplyPayload {
  if (!settings.note) {
    return { content: `📝 No note for the next update. Add one with \`/updates note text:\` (up to ${limit} characters).`, ephemeral: true };
  }
  const by = settings.noteBy ? ` Written by ${userMention(settings.noteBy)}.` : '';
  const when = settings.nextDueAt && settings.enabled ? ` (${timestamp(settings.nextDueAt, 'F')})` : '';
  return {
    content: `📝 This note goes at the top of the next update${when}, once; \`/updates note clear:true\` removes it.${by}`,
    embeds: [{ title: "Organizers' note", description: truncate(settings.note, 4096), color: UPDATE_COLOR }],
    ephemeral: true,
  };
}

function countdownText(overview: CoworkingDayOverview): string {
  const day = dayOfInstant(overview.coworkingDayAt, overview.timeZone);
  if (overview.daysUntil > 1) return `International Coworking Day ${overview.year} is in **${overview.daysUntil} days**, on ${day}.`;
  if (overview.daysUntil === 1) return `International Coworking Day ${overview.year} is **tomorrow**, ${day}.`;
  if (overview.daysUntil === 0) return `International Coworking Day is **today**! 🎉`;
  return `International Coworking Day was on ${day}; ${overview.week?.name ?? 'the coworking week'} is still on.`;
}

/** /coworkingday show: the countdown, the coworking week and every hosted event, split to fit Discord. */
export function renderOverview(overview: CoworkingDayOverview): PostMessage[] {
  const week = overview.week
    ? `\n**${overview.week.name}** runs from ${dayOfInstant(overview.week.startsAt, overview.timeZone)} to ${dayOfInstant(overview.week.endsAt, overview.timeZone)}.`
    : '';
  return layoutPost({
    title: `International Coworking Day ${overview.year}`,
    intro: `${countdownText(overview)}${week}`,
    sections: hostingSections(overview.events),
    color: COWORKING_DAY_COLOR,
  });
}

export function renderOverviewReplies(overview: CoworkingDayOverview, shared: boolean): ReplyPayload[] {
  return renderOverview(overview).map((message) => ({ embeds: message.embeds, ephemeral: !shared }));
}

export function renderHosted(event: HostedEventView, eventLink: string | null): string {
  const link = eventLink ? `\nIt is also a Discord event members can follow: ${eventLink}` : '';
  return `✅ Registered for International Coworking Day:\n${hostedEventLine(event)}${link}`;
}

const REMINDER_LABELS: Record<number, string> = { 30: '30 days before (July 10)', 7: '7 days before (August 2)', 1: 'the day before (August 8)', 0: 'on the day (August 9)' };

export function renderCoworkingSettings(settings: CoworkingDaySettings, timezone: string): APIEmbed {
  const which = settings.reminders.length > 0 ? settings.reminders.map((offset) => REMINDER_LABELS[offset]).join('\n') : '*none*';
  return {
    title: 'International Coworking Day settings',
    color: COWORKING_DAY_COLOR,
    fields: [
      { name: 'Reminders', value: settings.remindersEnabled ? `On, at 10:00 (${timezone}) in the announcements channel` : 'Off', inline: true },
      { name: 'Which reminders', value: which, inline: true },
      {
        name: 'Coworking week',
        value: settings.week
          ? `**${settings.week.name}**, ${dayInWords(settings.week.start)} to ${dayInWords(settings.week.end)}: announced on its first day; hosted events may fall on any of its days`
          : '*none*: events must be on August 9',
      },
    ],
  };
}
