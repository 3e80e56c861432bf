// Calendar dates in words ("Monday 9 August 2027"): things that happen on a day are written this way, never as a
// Discord timestamp, which would show each viewer the day in their own zone (8 August in Seattle for Chicago's 9th).
import { zonedParts } from './zoned-time.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CalendarDay {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

function fromKey(key: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

/** "Monday 9 August 2027" for a day given as 'YYYY-MM-DD' or its parts; text that is not a date comes back as is. */
export function dayInWords(date: CalendarDay | string): string {
  const day = typeof date === 'string' ? fromKey(date) : date;
  if (!day) return String(date);
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day.day} ${MONTHS[day.month - 1]} ${day.year}`;
}

/** The alliance's calendar day at an instant, in words. */
export function dayOfInstant(instant: number, timeZone: string): string {
  return dayInWords(zonedParts(instant, timeZone));
}
