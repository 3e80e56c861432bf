// When the occurrences of a recurring meeting fall: same local wall time, weekly or on the nth weekday of a month.
import type { Recurrence } from '../db/schema/meetings.js';
import { addLocalDays, localToInstant, zonedParts, type LocalDateTime } from '../shared/zoned-time.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'last'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** How many future occurrences of a series exist at any time, so "the next meeting" is always there. */
export const OCCURRENCES_AHEAD = 2;

const pad = (n: number): string => String(n).padStart(2, '0');

export function toAnchor(local: LocalDateTime): string {
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;
}

export function fromAnchor(anchor: string): LocalDateTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(anchor);
  if (!match) throw new Error(`bad series anchor ${anchor}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute };
}

export function anchorFor(instant: number, timeZone: string): string {
  return toAnchor(zonedParts(instant, timeZone));
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1-4 for the first to fourth weekday of its month; 5 means "the last" (a fifth one is not in every month). */
export function nthOfMonth(day: number): number {
  return Math.ceil(day / 7);
}

/** Local wall time of occurrence `n` (0 = the anchor itself). */
export function occurrenceLocal(anchor: LocalDateTime, recurrence: Recurrence, n: number): LocalDateTime {
  if (recurrence === 'none' || n === 0) return anchor;
  if (recurrence === 'weekly') return addLocalDays(anchor, 7 * n);
  const weekday = weekdayOf(anchor.year, anchor.month, anchor.day);
  const nth = nthOfMonth(anchor.day);
  const monthIndex = anchor.year * 12 + (anchor.month - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const firstWeekday = weekdayOf(year, month, 1);
  const first = 1 + ((weekday - firstWeekday + 7) % 7);
  let day = first + 7 * (Math.min(nth, 5) - 1);
  if (nth >= 5 || day > daysInMonth(year, month)) {
    day = first;
    while (day + 7 <= daysInMonth(year, month)) day += 7;
  }
  return { ...anchor, year, month, day };
}

/**
 * The instant of occurrence `n`. Nobody is there to ask about DST, so a wall time in a gap moves past the jump
 * and one that occurs twice takes the first.
 */
export function occurrenceInstant(anchor: string, recurrence: Recurrence, n: number, timeZone: string): number {
  return localToInstant(occurrenceLocal(fromAnchor(anchor), recurrence, n), timeZone);
}

/** The anchor's weekday (0 = Sunday) and which of its month (1-4, 5 = the last): what a renderer words in any language. */
export function recurrenceDay(anchor: string): { weekday: number; nth: number } {
  const local = fromAnchor(anchor);
  return { weekday: weekdayOf(local.year, local.month, local.day), nth: nthOfMonth(local.day) };
}

/** "every Thursday" / "the first Tuesday of each month" */
export function describeRecurrence(anchor: string, recurrence: Recurrence): string {
  const local = fromAnchor(anchor);
  const weekday = WEEKDAY_NAMES[weekdayOf(local.year, local.month, local.day)];
  if (recurrence === 'weekly') return `every ${weekday}`;
  if (recurrence === 'monthly-nth-weekday') return `the ${ORDINALS[nthOfMonth(local.day) - 1]} ${weekday} of each month`;
  return 'once';
}
