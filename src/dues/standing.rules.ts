// Pure dues decisions over calendar dates (YYYY-MM-DD): the plan's periods, what a payment covers, and a space's
// standing on a day. Good standing on day D: paid through D minus the grace days, or no plan in force on D.
import type { DuesPeriod } from '../db/schema/index.js';
import { zonedParts } from '../shared/zoned-time.js';

export interface PlanTerms {
  amountMinor: number;
  currency: string;
  period: DuesPeriod;
  graceDays: number;
  /** First day of the first period. */
  startsOn: string;
}

export type Standing = 'no-plan' | 'paid' | 'grace' | 'overdue';

export interface SpaceStanding {
  standing: Standing;
  /** True for no-plan, paid and grace: what votes and the monthly count use. */
  inGoodStanding: boolean;
  /** Last day covered by payments; null when nothing was ever paid. */
  paidThrough: string | null;
  /** The day the next unpaid period is due; null without a plan. */
  nextDueOn: string | null;
  /** Dues for periods that have started and are not paid (minor units). */
  owedMinor: number;
  /** The first day the space is out of good standing if nothing is paid; null without a plan. */
  overdueFrom: string | null;
}

const PERIOD_MONTHS: Record<DuesPeriod, number> = { monthly: 1, quarterly: 3, yearly: 12 };
const DAY_MS = 86_400_000;

/** "2026-03-31" → the same date when it exists on the calendar, else null. */
export function parseDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return text.trim();
}

/** The calendar day it is in a time zone at an instant ("today" for the alliance). */
export function localDate(instant: Date | number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (calendar arithmetic without time zones). */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole months later, the day clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(year, month, Math.min(d, last)) / DAY_MS);
}

export function periodStart(plan: PlanTerms, index: number): string {
  return addMonths(plan.startsOn, index * PERIOD_MONTHS[plan.period]);
}

export function periodEnd(plan: PlanTerms, index: number): string {
  return addDays(periodStart(plan, index + 1), -1);
}

/** The index of the period holding `date` (negative before the plan starts). */
export function periodIndexOf(plan: PlanTerms, date: string): number {
  const months = (Number(date.slice(0, 4)) - Number(plan.startsOn.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(plan.startsOn.slice(5, 7));
  let index = Math.floor(months / PERIOD_MONTHS[plan.period]);
  while (periodStart(plan, index) > date) index -= 1;
  while (periodStart(plan, index + 1) <= date) index += 1;
  return index;
}

/** The day before the plan starts counts as "paid through" for a space that never paid. */
function effectivePaidThrough(plan: PlanTerms, paidThrough: string | null): string {
  const before = addDays(plan.startsOn, -1);
  return paidThrough && paidThrough > before ? paidThrough : before;
}

/**
 * What a payment covers when the organizer gives no covers-until: whole periods from the first unpaid one.
 * Null when the amount is not a whole number of periods (the organizer then says what it covers).
 */
export function defaultCoversUntil(plan: PlanTerms, paidThrough: string | null, amountMinor: number): string | null {
  if (amountMinor <= 0 || amountMinor % plan.amountMinor !== 0) return null;
  const periods = amountMinor / plan.amountMinor;
  const first = periodIndexOf(plan, addDays(effectivePaidThrough(plan, paidThrough), 1));
  return periodEnd(plan, first + periods - 1);
}

/** A space's standing on `today` given the plan in force (null: none) and the newest covers-until of its payments. */
export function standingOn(plan: PlanTerms | null, paidThrough: string | null, today: string): SpaceStanding {
  if (!plan) return { standing: 'no-plan', inGoodStanding: true, paidThrough, nextDueOn: null, owedMinor: 0, overdueFrom: null };
  const through = effectivePaidThrough(plan, paidThrough);
  const nextDueOn = addDays(through, 1);
  const overdueFrom = addDays(through, plan.graceDays + 1);
  const base = { paidThrough, nextDueOn, overdueFrom };
  if (today < plan.startsOn) return { ...base, standing: 'no-plan', inGoodStanding: true, owedMinor: 0 };
  if (through >= today) return { ...base, standing: 'paid', inGoodStanding: true, owedMinor: 0 };
  const owedPeriods = periodIndexOf(plan, today) - periodIndexOf(plan, nextDueOn) + 1;
  const owedMinor = Math.max(owedPeriods, 1) * plan.amountMinor;
  if (today < overdueFrom) return { ...base, standing: 'grace', inGoodStanding: true, owedMinor };
  return { ...base, standing: 'overdue', inGoodStanding: false, owedMinor };
}

/** Reminder days for a space: 7 days before the next due day, and the first day out of good standing. */
export function reminderDays(plan: PlanTerms, paidThrough: string | null): { dueSoonOn: string; overdueOn: string; dueOn: string } {
  const through = effectivePaidThrough(plan, paidThrough);
  return { dueOn: addDays(through, 1), dueSoonOn: addDays(through, -6), overdueOn: addDays(through, plan.graceDays + 1) };
}

/** Organizers' order: overdue first, then in grace, then paid, then spaces under no plan; by name within each. */
export const STANDING_ORDER: Record<Standing, number> = { overdue: 0, grace: 1, paid: 2, 'no-plan': 3 };
