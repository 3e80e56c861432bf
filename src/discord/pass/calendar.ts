// Calendar days in words ("Friday 4 December 2026"), as members read dates that are a day rather than an instant.

/** Days are written one way everywhere ("Friday 4 December 2026"). */
export { dayInWords } from '../../shared/day-words.js';

/** "2026-11" → "November 2026", "noviembre de 2026", "novembre 2026". */
export { monthInWords } from '../../shared/day-words.js';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
