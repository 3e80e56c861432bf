// Rhythm on Discord, pure: the domain's posts sent through the poster, and the private replies of /updates and
// /coworkingday (preview, history, settings, the countdown and who hosts what) in the reader's words, within limits.
import type { APIEmbed } from 'discord.js';
import { COWORKING_DAY_COLOR, discordTime, UPDATE_COLOR, type HostedEventView } from '../../rhythm/content.rules.js';
import type { CoworkingDayOverview, CoworkingDaySettings } from '../../rhythm/coworking-day.service.js';
import { chunkLines, layoutPost } from '../../rhythm/layout.rules.js';
import type { PostMessage, Publish } from '../../rhythm/ports.js';
import type { ComposedUpdate, PostedUpdate, UpdateHistoryEntry, UpdateSettings } from '../../rhythm/updates.service.js';
import type { Say } from '../../i18n/translate.js';
import { dayInWords, dayOfInstant, monthInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { channelMention, timestamp, truncate, userMention } from '../format.js';
import type { Poster } from '../poster.js';
import type { ReplyPayload } from '../respond.js';
import { hostingSections, weekRuns } from './posts.js';

export function publishWith(poster: Poster): Publish {
  return async (target, messages) => {
    const posted = [];
    for (const [index, message] of messages.entries()) {
      posted.push(await poster.post(target.channelId, { embeds: message.embeds }, { idempotencyKey: `${target.key}#${index}` }));
    }
    return posted;
  };
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
function nextUpdateLine(say: Say, settings: Pick<UpdateSettings, 'enabled' | 'nextDueAt'>): string | null {
  if (!settings.enabled) return say('rhythm.preview.off');
  return settings.nextDueAt === null ? null : say('rhythm.preview.next', { at: timestamp(settings.nextDueAt, 'F'), relative: timestamp(settings.nextDueAt, 'R') });
}

/**
 * /updates preview: the very embeds post-now would send (in the alliance's language), each message as one private
 * reply, with the days it covers and when the next one goes out (in the member's). `soFar`: the month so far.
 */
export function renderPreview(
  say: Say,
  language: Language,
  composed: ComposedUpdate,
  settings: Pick<UpdateSettings, 'channelId' | 'enabled' | 'nextDueAt'>,
  soFar = false,
): ReplyPayload[] {
  const { channelId } = settings;
  const covers = { from: dayInWords(composed.covers.from, language), through: dayInWords(composed.covers.through, language) };
  const lines = soFar
    ? [say('rhythm.preview.soFar', covers)]
    : [channelId ? say('rhythm.preview.intro', { ...covers, channel: channelMention(channelId) }) : say('rhythm.preview.introNoChannel', covers)];
  const next = nextUpdateLine(say, settings);
  if (next) lines.push(next);
  if (composed.messages.length > 1) lines.push(say('rhythm.preview.long', { count: composed.messages.length }));
  if (composed.failedSections.length > 0) lines.push(say('rhythm.preview.failed', { sections: composed.failedSections.join(', ') }));
  const forOrganizers = composed.organizerMessages?.length ? privately(composed.organizerMessages, say('rhythm.preview.organizers')) : [];
  return [...privately(composed.messages, lines.join('\n')), ...forOrganizers];
}

export function renderPosted(say: Say, language: Language, posted: PostedUpdate): string {
  return say('rhythm.posted', { month: monthInWords(posted.period, language), channel: channelMention(posted.channelId), count: posted.messageIds.length, url: posted.url });
}

/** At most 25 entries (the service caps it): split over embeds when one description cannot hold them all. */
export function renderHistory(say: Say, language: Language, entries: UpdateHistoryEntry[]): APIEmbed[] {
  if (entries.length === 0) return [{ title: say('rhythm.history.title'), color: UPDATE_COLOR, description: say('rhythm.history.none') }];
  const lines = entries.map((entry) =>
    say(entry.trigger === 'manual' && entry.postedBy ? 'rhythm.history.lineManual' : 'rhythm.history.lineScheduled', {
      month: monthInWords(entry.period, language),
      url: entry.url,
      at: timestamp(entry.postedAt, 'f'),
      by: entry.postedBy ? userMention(entry.postedBy) : '',
      count: entry.messageCount,
    }),
  );
  const chunks = chunkLines(lines);
  return chunks.map((description, index) => ({
    title: index === 0 ? say('rhythm.history.title') : say('rhythm.history.titleContinued'),
    color: UPDATE_COLOR,
    description,
    ...(index === chunks.length - 1 ? { footer: { text: say('rhythm.history.footer', { count: lines.length }) } } : {}),
  }));
}

export function renderUpdateSettings(say: Say, settings: UpdateSettings, timezone: string): APIEmbed {
  const channel = settings.channelId
    ? settings.channelIsDefault
      ? say('rhythm.settings.channelDefault', { channel: channelMention(settings.channelId) })
      : channelMention(settings.channelId)
    : say('rhythm.settings.noChannel');
  const next = !settings.enabled
    ? say('rhythm.settings.nextOff')
    : settings.nextDueAt
      ? `${timestamp(settings.nextDueAt, 'F')} (${timestamp(settings.nextDueAt, 'R')})`
      : settings.channelId
        ? say('rhythm.settings.nextSoon')
        : say('rhythm.settings.nextNoChannel');
  return {
    title: say('rhythm.settings.title'),
    color: UPDATE_COLOR,
    fields: [
      { name: say('rhythm.settings.status'), value: settings.enabled ? say('rhythm.settings.on') : say('rhythm.settings.off'), inline: true },
      { name: say('rhythm.settings.when'), value: say('rhythm.settings.whenValue', { day: settings.day, hour: String(settings.hour).padStart(2, '0'), timezone }), inline: true },
      { name: say('rhythm.settings.channel'), value: channel, inline: true },
      { name: say('rhythm.settings.next'), value: next },
      { name: say('rhythm.settings.note'), value: settings.note ? truncate(settings.note, 1024) : say('rhythm.settings.noNote') },
    ],
  };
}

export function renderNote(say: Say, settings: UpdateSettings, limit: number): ReplyPayload {
  if (!settings.note) return { content: say('rhythm.note.none', { limit }), ephemeral: true };
  const when = settings.nextDueAt && settings.enabled ? timestamp(settings.nextDueAt, 'F') : '';
  const lines = [when ? say('rhythm.note.savedAt', { at: when }) : say('rhythm.note.saved')];
  if (settings.noteBy) lines.push(say('rhythm.note.by', { member: userMention(settings.noteBy) }));
  return {
    content: lines.join(' '),
    embeds: [{ title: say('rhythm.note.title'), description: truncate(settings.note, 4096), color: UPDATE_COLOR }],
    ephemeral: true,
  };
}

function countdownText(say: Say, language: Language, overview: CoworkingDayOverview): string {
  const day = dayOfInstant(overview.coworkingDayAt, overview.timeZone, language);
  if (overview.daysUntil > 1) return say('rhythm.show.in', { year: overview.year, count: overview.daysUntil, day });
  if (overview.daysUntil === 1) return say('rhythm.show.tomorrow', { year: overview.year, day });
  if (overview.daysUntil === 0) return say('rhythm.show.today');
  return overview.week ? say('rhythm.show.weekOn', { day, week: overview.week.name }) : say('rhythm.show.after', { day });
}

/** /coworkingday show: the countdown, the coworking week and every hosted event, split to fit Discord. */
export function renderOverview(say: Say, language: Language, overview: CoworkingDayOverview): PostMessage[] {
  const week = overview.week ? `\n${weekRuns(say, language, overview.week, overview.timeZone)}` : '';
  return layoutPost({
    title: say('rhythm.show.title', { year: overview.year }),
    intro: `${countdownText(say, language, overview)}${week}`,
    sections: hostingSections(say, overview.events),
    color: COWORKING_DAY_COLOR,
    words: { continued: (title) => say('rhythm.layout.continued', { title }), part: (index, count) => say('rhythm.layout.part', { index, count }) },
  });
}

/** Shared in the channel: the alliance's language; privately: the member's. */
export function renderOverviewReplies(speech: { say: Say; language: Language }, overview: CoworkingDayOverview, shared: boolean): ReplyPayload[] {
  return renderOverview(speech.say, speech.language, overview).map((message) => ({ embeds: message.embeds, ephemeral: !shared }));
}

export function renderHosted(say: Say, event: HostedEventView, eventLink: string | null): string {
  const line = hostingSections(say, [event])[0]!.lines[0]!;
  return eventLink ? say('rhythm.hosted.withEvent', { event: line, link: eventLink }) : say('rhythm.hosted', { event: line });
}

export function renderCoworkingSettings(say: Say, language: Language, settings: CoworkingDaySettings, timezone: string): APIEmbed {
  const which = settings.reminders.length > 0 ? settings.reminders.map((offset) => say(`rhythm.cwdSettings.reminder.${offset}`)).join('\n') : say('rhythm.cwdSettings.none');
  return {
    title: say('rhythm.cwdSettings.title'),
    color: COWORKING_DAY_COLOR,
    fields: [
      { name: say('rhythm.cwdSettings.reminders'), value: settings.remindersEnabled ? say('rhythm.cwdSettings.remindersOn', { timezone }) : say('rhythm.cwdSettings.off'), inline: true },
      { name: say('rhythm.cwdSettings.which'), value: which, inline: true },
      {
        name: say('rhythm.cwdSettings.week'),
        value: settings.week
          ? say('rhythm.cwdSettings.weekValue', { name: settings.week.name, from: dayInWords(settings.week.start, language), to: dayInWords(settings.week.end, language) })
          : say('rhythm.cwdSettings.noWeek'),
      },
    ],
  };
}
