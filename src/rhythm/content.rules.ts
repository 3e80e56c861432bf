// What rhythm posts are made of, as data: the monthly update (organizers' note, feature sections, quiet month), the
// Coworking Day reminders, week announcement and countdown. The words are the Discord layer's (src/discord/rhythm).
import type { SectionText, UpdateSectionContent } from '../shared/update-section.js';
import type { YearMonth } from './due.rules.js';

/** The longest organizers' note on a monthly update, in characters. */
export const NOTE_MAX = 1500;

export const UPDATE_COLOR = 0x5865f2;
export const COWORKING_DAY_COLOR = 0xf59e0b;

/** "January 2027": English, for the public web page's archive (posts are written in the alliance's language). */
export function monthName(ym: YearMonth): string {
  const name = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(ym.year, ym.month - 1, 1));
  return `${name} ${ym.year}`;
}

/** A Discord timestamp: every member sees it in their own time zone. */
export function discordTime(instant: number, style: 'F' | 'D' | 'R' | 't' | 'f' = 'F'): string {
  return `<t:${Math.floor(instant / 1000)}:${style}>`;
}

export interface UpdateDraft {
  /** "2027-01": the month the update is for. */
  period: string;
  from: number;
  aheadTo: number;
  note: string | null;
  /** The alliance's zone: the period's days are written as its calendar shows them. */
  timeZone: string;
  /** Already ordered; empty ones are dropped by the writer. */
  sections: UpdateSectionContent[];
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

export interface ReminderDraft {
  /** Days before August 9: 30, 7, 1 or 0. */
  offset: number;
  coworkingDayAt: number;
  week: WeekView | null;
  events: HostedEventView[];
  timeZone: string;
}

export interface WeekDraft {
  week: WeekView;
  coworkingDayAt: number;
  events: HostedEventView[];
  timeZone: string;
}

export interface CountdownInput {
  daysUntil: number;
  /** August 9 of the edition, 'YYYY-MM-DD'. */
  coworkingDay: string;
  week: { name: string; start: string; end: string } | null;
  hostedCount: number;
}

/** The update's Coworking Day section (only within 60 days of August 9), as sentences by key. */
export function countdownSection(input: CountdownInput): UpdateSectionContent {
  const lines: SectionText[] = [
    input.daysUntil === 0
      ? { key: 'rhythm.countdown.today' }
      : { key: 'rhythm.countdown.in', values: { count: input.daysUntil }, days: { day: input.coworkingDay } },
  ];
  if (input.week) lines.push({ key: 'rhythm.week.runs', values: { name: input.week.name }, days: { from: input.week.start, to: input.week.end } });
  lines.push(input.hostedCount > 0 ? { key: 'rhythm.countdown.hosted', values: { count: input.hostedCount } } : { key: 'rhythm.countdown.none' });
  return { title: { key: 'rhythm.countdown.title' }, lines };
}
