// Reads a day option ("friday", "yesterday", "in 2 weeks", "2027-01-15") with the shared date parser, in the
// alliance's zone, as 'YYYY-MM-DD' for the domain, whose own checks (range, past) stay the guard.
import { invalid } from '../shared/errors.js';
import { parseLocalDate, type LocalDateOptions } from '../shared/when.rules.js';
import type { InteractionContext } from './command.js';

/** The day `text` names, or undefined when the option was left empty; unreadable text is refused naming `field`. */
export function readDayOption(ctx: InteractionContext, field: string, text: string | null | undefined, options: LocalDateOptions = {}): string | undefined {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  // Read in the member's language first (then English), and refused in it.
  const day = parseLocalDate(text, ctx.clock.now().getTime(), ctx.settings.timezone, field, { language: ctx.language, ...options });
  if (day.kind === 'refused') throw invalid(field, day.text);
  return day.date;
}
