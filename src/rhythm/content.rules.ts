// What rhythm posts say: the monthly update (organizers' note, feature sections, quiet month), the Coworking Day
// reminders and week announcement, and the notice organizers get when a post failed for good. Pure.
import { dayOfInstant } from '../shared/day-words.js';
import { escapeMarkdown, plainUrl, unmaskLinks } from '../shared/markdown.js';
import type { UpdateSectionContent } from '../shared/update-section.js';
import type { YearMonth } from './due.rules.js';
import { layoutPost, type LayoutSection } from './layout.rules.js';
import type { PostMessage } from './ports.js';

/** The longest organizers' note on a monthly update, in characters. */
export const NOTE_MAX = 1500;

export const UPDATE_COLOR = 0x5865f2;
export const COWORKING_DAY_COLOR = 0xf59e0b;

export function monthName(ym: YearMonth): string {
  const name = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(ym.year, ym.month - 1, 1));
  return `${name} ${ym.year}`;
}

/** A Discord timestamp: every member sees it in their own time zone. */
export function discordTime(instant: number, style: 'F' | 'D' | 'R' | 't' | 'f' = 'F'): string {
  return `<t:${Math.floor(instant / 1000)}:${style}>`;
}

export interface UpdateContentInput {
  month: YearMonth;
  from: number;
  aheadTo: number;
  note: string | null;
  /** The alliance's zone: the period's days are written as its calendar shows them. */
  timeZone: string;
  /** Already ordered; empty ones are dropped here. */
  sections: UpdateSectionContent[];
}

export interface UpdateContent {
  messages: PostMessage[];
  quiet: boolean;
  sectionTitles: string[];
}

export function composeUpdate(input: UpdateContentInput): UpdateContent {
  const sections: LayoutSection[] = input.sections
    .map((section) => ({ title: section.title, lines: section.lines.filter((line) => line.trim().length > 0) }))
    .filter((section) => section.lines.length > 0);
  const quiet = sections.length === 0 && !input.note;
  const period = `What happened since ${dayOfInstant(input.from, input.timeZone)}, and what is coming up until ${dayOfInstant(input.aheadTo, input.timeZone)}.`;
  const intro = quiet
    ? 'A quiet month in the alliance: nothing new to report this time. Got news? Share it with the alliance, ' +
      'offer a skill, propose an idea or host something, and it will be in the next update.'
    : input.note
      ? `**A note from the organizers**\n${unmaskLinks(input.note)}\n\n${period}`
      : period;
  const messages = layoutPost({
    title: quiet ? `Alliance update · ${monthName(input.month)} · a quiet month` : `Alliance update · ${monthName(input.month)}`,
    intro,
    sections,
    color: UPDATE_COLOR,
  });
  return { messages, quiet, sectionTitles: sections.map((section) => section.title) };
}

/** The organizers-only companion of a month's update, for the organizers channel; empty when there is nothing. */
export function composeOrganizersNote(month: YearMonth, sections: UpdateSectionContent[]): PostMessage[] {
  const kept = sections.map((section) => ({ title: section.title, lines: section.lines.filter((line) => line.trim().length > 0) })).filter((section) => section.lines.length > 0);
  if (kept.length === 0) return [];
  return layoutPost({ title: `For organizers · ${monthName(month)}`, intro: 'Beside this month’s update, for organizers only.', sections: kept, color: UPDATE_COLOR });
}

export interface HostedEventView {
  spaceName: string;
  title: string;
  hostUserId: string;
  startsAt: number;
  endsAt: number;
  link: string | null;
}

export interface WeekView {
  name: string;
  startsAt: number;
  endsAt: number;
}

export function hostedEventLine(event: HostedEventView): string {
  const link = event.link ? ` · ${plainUrl(event.link)}` : '';
  return `**${escapeMarkdown(event.spaceName)}**: ${escapeMarkdown(event.title)} · ${discordTime(event.startsAt, 'f')}–${discordTime(event.endsAt, 't')} · hosted by <@${event.hostUserId}>${link}`;
}

/** Who hosts what, and the call to add yours: in every reminder and in /coworkingday show. */
export function hostingSections(events: HostedEventView[]): LayoutSection[] {
  return [
    {
      title: events.length > 0 ? `Who is hosting (${events.length})` : 'Who is hosting',
      lines: events.length > 0 ? events.map(hostedEventLine) : ['No space has registered an event yet: be the first!'],
    },
    {
      title: 'Add yours',
      lines: ['Hosting something? Register it with `/coworkingday host`: it also becomes a Discord event members can follow.'],
    },
  ];
}

const REMINDER_TITLES: Record<number, string> = {
  30: 'International Coworking Day is 30 days away',
  7: 'One week to International Coworking Day',
  1: 'International Coworking Day is tomorrow',
  0: 'Happy International Coworking Day!',
};

export interface ReminderInput {
  offset: number;
  coworkingDayAt: number;
  week: WeekView | null;
  events: HostedEventView[];
  timeZone: string;
}

/** "Monday 3 August 2026 to Sunday 9 August 2026": a coworking week is days, not instants. */
function weekDays(week: WeekView, timeZone: string): string {
  return `${dayOfInstant(week.startsAt, timeZone)} to ${dayOfInstant(week.endsAt, timeZone)}`;
}

export function composeReminder(input: ReminderInput): PostMessage[] {
  const when =
    input.offset === 0
      ? 'Today, August 9, coworkers around the world celebrate working together.'
      : `International Coworking Day is on ${dayOfInstant(input.coworkingDayAt, input.timeZone)} (${discordTime(input.coworkingDayAt, 'R')}).`;
  const week = input.week
    ? `\n**${input.week.name}** runs from ${weekDays(input.week, input.timeZone)}.`
    : '';
  return layoutPost({
    title: REMINDER_TITLES[input.offset] ?? 'International Coworking Day',
    intro: `${when}${week}`,
    sections: hostingSections(input.events),
    color: COWORKING_DAY_COLOR,
  });
}

export function composeWeekAnnouncement(week: WeekView, coworkingDayAt: number, events: HostedEventView[], timeZone: string): PostMessage[] {
  return layoutPost({
    title: `${week.name} starts today!`,
    intro:
      `From ${weekDays(week, timeZone)}, with International Coworking Day ` +
      `on ${dayOfInstant(coworkingDayAt, timeZone)}. Visit each other's spaces and cowork together.`,
    sections: hostingSections(events),
    color: COWORKING_DAY_COLOR,
  });
}

export interface CountdownInput {
  daysUntil: number;
  coworkingDayAt: number;
  week: WeekView | null;
  hostedCount: number;
  timeZone: string;
}

/** The update's Coworking Day section: only within 60 days of August 9. */
export function countdownLines(input: CountdownInput): string[] {
  const first =
    input.daysUntil === 0
      ? 'International Coworking Day is **today**!'
      : `International Coworking Day is in **${input.daysUntil} day${input.daysUntil === 1 ? '' : 's'}** (${dayOfInstant(input.coworkingDayAt, input.timeZone)}).`;
  const lines = [first];
  if (input.week) lines.push(`**${input.week.name}** runs from ${weekDays(input.week, input.timeZone)}.`);
  lines.push(
    input.hostedCount > 0
      ? `${input.hostedCount} event${input.hostedCount === 1 ? ' is' : 's are'} registered so far: see \`/coworkingday\`, and add yours with \`/coworkingday host\`.`
      : 'No event registered yet: add yours with `/coworkingday host`.',
  );
  return lines;
}
