// Reads the `when` of a hosted Coworking Day event, as members type it in the alliance's local time: "14:00",
// "09:00-17:00", or a day before it in any form the one date reader takes ("august 7 14:00", "friday 09:00-17:00",
// "2027-08-07 14:00"). Without an end it lasts 2 hours. The day is read in the member's language first ("7 août",
// "viernes"), and times may be written as much of Europe does ("14h", "9 h 30").
import { HOUR } from '../shared/clock.js';
import { localToInstant } from '../shared/zoned-time.js';
import { parseLocalDate as parseDay } from '../shared/when.rules.js';
import { msg, type ErrorText } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';
import type { LocalDate } from './due.rules.js';

export const DEFAULT_EVENT_HOURS = 2;

export interface ParsedWhen {
  /** Null: August 9 of the edition. */
  date: LocalDate | null;
  start: { hour: number; minute: number };
  end: { hour: number; minute: number } | null;
}

const PATTERN = /^(?:(.+?)\s+)?(\d{1,2}):(\d{2})(?:\s*[-–]\s*(\d{1,2}):(\d{2}))?$/;

function clock(hour: string, minute: string): { hour: number; minute: number } | null {
  const h = Number(hour);
  const m = Number(minute);
  return h <= 23 && m <= 59 ? { hour: h, minute: m } : null;
}

/** "14h", "14 h 30" and "9h-17h" as 14:00, 14:30 and 09:00-17:00. */
const europeanTimes = (text: string): string => text.replace(/(?<![\d:])(\d{1,2})\s?h(?:\s?(\d{2}))?(?![\p{L}\d])/giu, (_match, hour: string, minute: string | undefined) => `${hour}:${minute ?? '00'}`);

/** The parsed time, or a message saying what is wrong (the caller reports it on the `when` option). */
export function parseWhen(text: string, now: number, timeZone: string, language: Language = 'en'): ParsedWhen | ErrorText {
  const match = PATTERN.exec(europeanTimes(text.trim()));
  if (!match) return msg('rhythm.errors.whenUsage');
  let date: LocalDate | null = null;
  if (match[1]) {
    // Past days are let through: the caller says when must be on Coworking Day (or its week) and in the future.
    const day = parseDay(match[1], now, timeZone, 'when', { allowPast: true, language });
    if (day.kind === 'refused') return day.text;
    const [year, month, dayOfMonth] = day.date.split('-').map(Number) as [number, number, number];
    date = { year, month, day: dayOfMonth };
  }
  const start = clock(match[2]!, match[3]!);
  const end = match[4] ? clock(match[4], match[5]!) : null;
  if (!start || (match[4] && !end)) return msg('rhythm.errors.noSuchTime');
  if (end && end.hour * 60 + end.minute <= start.hour * 60 + start.minute) return msg('rhythm.errors.endBeforeStart');
  return { date, start, end };
}

/** The event's instants on its local date. */
export function whenToInstants(date: LocalDate, when: ParsedWhen, timeZone: string): { startsAt: number; endsAt: number } {
  const startsAt = localToInstant({ ...date, ...when.start }, timeZone);
  const endsAt = when.end ? localToInstant({ ...date, ...when.end }, timeZone) : startsAt + DEFAULT_EVENT_HOURS * HOUR;
  return { startsAt, endsAt };
}
