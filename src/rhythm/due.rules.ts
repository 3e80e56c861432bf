// When rhythm posts are due, in the alliance's local time: the monthly update on day D at hour H, the four
// Coworking Day reminders at 10:00 on July 10, August 2, August 8 and August 9, and each one's grace window.
import { jobKind } from '../jobs/job-kinds.js';
import { DAY } from '../shared/clock.js';
import { addLocalDays, localToInstant, zonedParts, type LocalDateTime } from '../shared/zoned-time.js';

export const MONTHLY_KIND = jobKind('rhythm.monthly');
export const ICD_REMINDER_KIND = jobKind('rhythm.icd-reminder');
export const ICD_WEEK_KIND = jobKind('rhythm.icd-week');

/** The monthly update may still go out until this long after its due time (a bot down for 2 days catches up). */
export const MONTHLY_GRACE_DAYS = 3;
/** Every Coworking Day post goes out at this local hour. */
export const ICD_HOUR = 10;
/** Days before August 9 at which reminders go out: July 10, August 2, August 8 and the day itself. */
export const ICD_REMINDER_OFFSETS = [30, 7, 1, 0] as const;
export type IcdReminderOffset = (typeof ICD_REMINDER_OFFSETS)[number];
export const ICD_MONTH = 8;
export const ICD_DAY = 9;
/** The update mentions Coworking Day once it is this close. */
export const ICD_COUNTDOWN_DAYS = 60;

export interface YearMonth {
  year: number;
  /** 1-12 */
  month: number;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface DueSlot {
  key: string;
  dueAt: number;
  expiresAt: number;
}

export function addMonths(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function formatYearMonth(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`;
}

export function formatLocalDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The local calendar month an instant falls in. */
export function localYearMonth(now: number, timeZone: string): YearMonth {
  const p = zonedParts(now, timeZone);
  return { year: p.year, month: p.month };
}

export function localDateOf(now: number, timeZone: string): LocalDate {
  const p = zonedParts(now, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

function at(date: LocalDate, hour: number, minute = 0): LocalDateTime {
  return { ...date, hour, minute };
}

/** The instant a local day starts (midnight, or the first minute after a DST gap at midnight). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  return localToInstant(at(date, 0), timeZone);
}

/** Whole local days from one date to another (negative when `to` is earlier); DST-proof since it uses dates. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = addLocalDays(at(date, 0), days);
  return { year: moved.year, month: moved.month, day: moved.day };
}

export function monthlyPrefix(guildId: string): string {
  return `monthly:${guildId}:`;
}

export function monthlyKey(guildId: string, ym: YearMonth): string {
  return `${monthlyPrefix(guildId)}${formatYearMonth(ym)}`;
}

/** The monthly update of a month: day D at hour H local; it may run late until 3 local days after that. */
export function monthlySlot(guildId: string, ym: YearMonth, day: number, hour: number, timeZone: string): DueSlot {
  const due: LocalDateTime = { year: ym.year, month: ym.month, day, hour, minute: 0 };
  return {
    key: monthlyKey(guildId, ym),
    dueAt: localToInstant(due, timeZone),
    expiresAt: localToInstant(addLocalDays(due, MONTHLY_GRACE_DAYS), timeZone),
  };
}

/**
 * What the update of a month covers: from day D of the previous month to day D of this month (local midnight),
 * and the month ahead up to day D of the next month. With the default D = 1 these are calendar months.
 */
export function monthlyPeriodBounds(ym: YearMonth, day: number, timeZone: string): { from: number; to: number; aheadTo: number } {
  const start = (m: YearMonth) => startOfLocalDay({ ...m, day }, timeZone);
  return { from: start(addMonths(ym, -1)), to: start(ym), aheadTo: start(addMonths(ym, 1)) };
}

export function coworkingDay(year: number): LocalDate {
  return { year, month: ICD_MONTH, day: ICD_DAY };
}

export function icdPrefix(guildId: string): string {
  return `icd:${guildId}:`;
}

export function icdReminderKey(guildId: string, year: number, offset: IcdReminderOffset): string {
  return `${icdPrefix(guildId)}${year}:${offset}d`;
}

/** A post at 10:00 local on a date, which may go out late only until the end of that same local day. */
function sameDaySlot(key: string, date: LocalDate, timeZone: string): DueSlot {
  return {
    key,
    dueAt: localToInstant(at(date, ICD_HOUR), timeZone),
    expiresAt: startOfLocalDay(addDays(date, 1), timeZone) - 1,
  };
}

export function icdReminderDate(year: number, offset: IcdReminderOffset): LocalDate {
  return addDays(coworkingDay(year), -offset);
}

export function icdReminderSlot(guildId: string, year: number, offset: IcdReminderOffset, timeZone: string): DueSlot {
  return sameDaySlot(icdReminderKey(guildId, year, offset), icdReminderDate(year, offset), timeZone);
}

export function icdWeekKey(guildId: string, year: number): string {
  return `icdweek:${guildId}:${year}`;
}

export function icdWeekSlot(guildId: string, start: LocalDate, timeZone: string): DueSlot {
  return sameDaySlot(icdWeekKey(guildId, start.year), start, timeZone);
}

export interface CoworkingWeek {
  name: string;
  start: LocalDate;
}

/** The week's seven local dates run from its start; it is valid only when it includes August 9. */
export function weekEnd(week: CoworkingWeek): LocalDate {
  return addDays(week.start, 6);
}

export function weekIncludesCoworkingDay(start: LocalDate): boolean {
  const offset = daysBetween(start, coworkingDay(start.year));
  return offset >= 0 && offset <= 6;
}

/**
 * The Coworking Day edition people are looking at on a local date: this year's until its day (or its week) is
 * over, then next year's.
 */
export function editionYear(today: LocalDate, week: CoworkingWeek | null): number {
  const day = coworkingDay(today.year);
  const end = week && week.start.year === today.year ? weekEnd(week) : day;
  const lastDay = daysBetween(day, end) > 0 ? end : day;
  return daysBetween(today, lastDay) >= 0 ? today.year : today.year + 1;
}

/** Days until August 9 of the edition (0 on the day itself, negative during the rest of the week). */
export function daysUntilCoworkingDay(today: LocalDate, year: number): number {
  return daysBetween(today, coworkingDay(year));
}

/** Whether a local date is one on which a Coworking Day event may take place (August 9, or inside the week). */
export function isCoworkingDate(date: LocalDate, year: number, week: CoworkingWeek | null): boolean {
  if (date.year === year && date.month === ICD_MONTH && date.day === ICD_DAY) return true;
  if (!week || week.start.year !== year) return false;
  const offset = daysBetween(week.start, date);
  return offset >= 0 && offset <= 6;
}
