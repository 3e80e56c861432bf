// Calendar days in words ("Friday 4 December 2026"), as members read dates that are a day rather than an instant.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days are written one way everywhere ("Friday 4 December 2026"). */
export { dayInWords } from '../../shared/day-words.js';

/** "2026-11" → "November 2026". */
export function monthInWords(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${year}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
