// Lead decisions without I/O: limits against spam and the by-date window.
import { addDays } from '../shared/calendar-day.js';

export const LEAD_LIMITS = { need: 500, contact: 200, minSize: 1, maxSize: 10_000, maxOpenPerSpace: 10, maxDaysAhead: 730, minMonths: 1, maxMonths: 24 } as const;

/** Null when the by-date is acceptable: today or later, at most two years ahead; else what is wrong with it. */
export function byDateProblem(byDate: string, today: string): 'past' | 'too-far' | null {
  if (byDate < today) return 'past';
  if (byDate > addDays(today, LEAD_LIMITS.maxDaysAhead)) return 'too-far';
  return null;
}
