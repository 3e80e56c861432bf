// Calendar dates in words ("Monday 9 August 2027"): things that happen on a day are written this way, never as a
// Discord timestamp, which would show each viewer the day in their own zone (8 August in Seattle for Chicago's 9th).
import type { Language } from './languages.js';
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

/** Spanish and French days as CLDR writes them ("lunes, 9 de agosto de 2027", "lundi 9 août 2027"). */
const formatters: Partial<Record<Language, Intl.DateTimeFormat>> = {};
function formatterFor(language: Exclude<Language, 'en'>): Intl.DateTimeFormat {
  formatters[language] ??= new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return formatters[language];
}

/**
 * "Monday 9 August 2027" for a day given as 'YYYY-MM-DD' or its parts, in the reader's language (English keeps the
 * day-first order the bot has always used); text that is not a date comes back as is.
 */
export function dayInWords(date: CalendarDay | string, language: Language = 'en'): string {
  const day = typeof date === 'string' ? fromKey(date) : date;
  if (!day) return String(date);
  const noon = Date.UTC(day.year, day.month - 1, day.day, 12);
  // French writes the first of a month as an ordinal ("1er août"), which CLDR's pattern leaves out.
  if (language === 'fr') return formatterFor('fr').format(noon).replace(/^(\S+) 1 /, '$1 1er ');
  if (language !== 'en') return formatterFor(language).format(noon);
  const weekday = new Date(noon).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day.day} ${MONTHS[day.month - 1]} ${day.year}`;
}

/** The alliance's calendar day at an instant, in words. */
export function dayOfInstant(instant: number, timeZone: string, language: Language = 'en'): string {
  return dayInWords(zonedParts(instant, timeZone), language);
}

/** "2027-01" → "January 2027", "enero de 2027", "janvier 2027": a month of the calendar, in the reader's language. */
export function monthInWords(month: string, language: Language = 'en'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const [year, index] = [Number(match[1]), Number(match[2])];
  if (language === 'en') return `${MONTHS[index - 1]} ${year}`;
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, index - 1, 15));
}
