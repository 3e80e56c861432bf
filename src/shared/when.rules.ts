// The one reader of dates members type ("next thursday 6pm", "in 3 hours", "2026-12-03 18:00", "next friday"), in the
// alliance's zone: chrono-node reads the words, zoned-time turns the wall time into an instant and says when DST makes
// it unclear. Every date option (meetings, deadlines, due dates, Coworking Day) goes through here.
// English only: the whole package loads 16 locales (~230 ms and ~12 MB at start-up) for parsers we never call.
import * as chrono from 'chrono-node/en';
import { DAY } from './clock.js';
import { dayInWords } from './day-words.js';
import { offsetMinutes, resolveLocal, zonedParts, type LocalDateTime } from './zoned-time.js';

export interface WhenChoice {
  instant: number;
  /** Button text (≤ 80 chars) telling the two readings apart. */
  label: string;
}

export type WhenResult =
  | { kind: 'ok'; instant: number }
  | { kind: 'choose'; reason: 'dst-fallback' | 'day-month-order'; message: string; choices: WhenChoice[] }
  | { kind: 'refused'; reason: 'unreadable' | 'vague' | 'past' | 'dst-gap' | 'too-far'; message: string; instant?: number };

export type LocalDateResult = { kind: 'ok'; date: string } | { kind: 'refused'; message: string };

/** No date needs more words than this; longer text is refused before it is read (and never echoed in full). */
export const MAX_TEXT = 100;

/** Meetings further ahead than this are almost always a typo in the year. */
export const MAX_AHEAD_MS = 2 * 365 * DAY;

export interface WhenOptions {
  /**
   * A day without a time of day ("friday", "2026-12-10") is read at this local time; a relative day ("in 3 days",
   * "next week") keeps the time it is now. Without it such text is refused as vague (a meeting needs its hour).
   */
  defaultTime?: { hour: number; minute: number };
}

/** Words people put around a time that carry no meaning of their own. */
const FILLER = new Set(['at', 'on', 'the', 'of', 'around', 'about', 'please', 'from', 'starting', 'local', 'time']);
const PAST_WORDS = /\b(last|ago|yesterday|previous|past)\b/i;
const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?(?![\d./])/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_WORDS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Thu 3 Dec 2026, 18:00" in the zone: what a member reads on a button. */
export function describeLocal(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${pad(p.hour)}:${pad(p.minute)}`;
}

function describeOffset(instant: number, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function localDateKey(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

export function localMonthKey(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}`;
}

/** "18h" and "18h30" are how much of Europe writes times; chrono would read "18h" as "in 18 hours". */
function normalize(text: string): string {
  return text.replace(/(^|[^\w])(\d{1,2})h(\d{2})?\b/gi, (match, before: string, hour: string, minute: string | undefined, at: number) => {
    if (/\bin\s*$/i.test(text.slice(0, at + before.length))) return match;
    return `${before}${hour}:${minute ?? '00'}`;
  });
}

/** 'YYYY-MM-DD' `days` after today in the zone: examples in hints are never in the past. */
export function dayFromToday(now: number, timeZone: string, days: number): string {
  return localDateKey(zonedParts(now + days * DAY, timeZone));
}

/** The hint after a refusal, with a date a week from today. */
export function whenExamples(now: number, timeZone: string): string {
  return `Try "${dayFromToday(now, timeZone, 7)} 18:00", "next thursday 6pm", "in 3 hours" or "tomorrow 9:30".`;
}

function naiveReference(now: number, timeZone: string): Date {
  const p = zonedParts(now, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

function leftoverWords(text: string, matched: string, index: number): string[] {
  const rest = `${text.slice(0, index)} ${text.slice(index + matched.length)}`;
  return rest
    .split(/[\s,;]+/)
    .map((word) => word.replace(/[.!?]+$/, '').toLowerCase())
    .filter((word) => word && !FILLER.has(word));
}

function interpret(text: string, parser: chrono.Chrono, now: number, timeZone: string, options: WhenOptions): WhenResult {
  const examples = whenExamples(now, timeZone);
  const forwardDate = !PAST_WORDS.test(text);
  const results = parser.parse(text, { instant: naiveReference(now, timeZone), timezone: 0 }, { forwardDate });
  if (results.length === 0) {
    return { kind: 'refused', reason: 'unreadable', message: `I could not read a date and time in "${text}". ${examples}` };
  }
  if (results.length > 1) {
    return {
      kind: 'refused',
      reason: 'vague',
      message: `"${text}" holds more than one time (${results.map((r) => `"${r.text}"`).join(', ')}): write exactly one. ${examples}`,
    };
  }
  const result = results[0]!;
  const extra = leftoverWords(text, result.text, result.index);
  if (extra.length > 0) {
    return {
      kind: 'refused',
      reason: 'unreadable',
      message: `I understood "${result.text}" but not "${extra.join(' ')}". ${examples}`,
    };
  }
  const start = result.start;
  const tags = result.tags();
  // "in 3 hours" is elapsed time from now, whatever the zone's offset or a DST change on the way: chrono counts it
  // from the naive wall-clock reference, so the same distance is added to the real instant.
  if (tags.has('result/relativeDateAndTime')) {
    return checkRange({ kind: 'ok', instant: now + (start.date().getTime() - naiveReference(now, timeZone).getTime()) }, now, timeZone);
  }
  const relativeDay = tags.has('result/relativeDate');
  if (!start.isCertain('hour') && !options.defaultTime) {
    return { kind: 'refused', reason: 'vague', message: `"${text}" needs a time of day, e.g. "${text} 18:00".` };
  }
  const at = start.isCertain('hour') || relativeDay ? null : options.defaultTime!;
  // "in 2 months" names a day for a deadline (that day, at this time); a meeting still needs a day and an hour.
  const dayKnown = start.isCertain('day') || start.isCertain('weekday') || (relativeDay && options.defaultTime !== undefined);
  if (!dayKnown && (start.isCertain('month') || start.isCertain('year') || !start.isCertain('hour'))) {
    return { kind: 'refused', reason: 'vague', message: `"${text}" does not say which day. ${examples}` };
  }
  if (start.isCertain('timezoneOffset')) return checkRange({ kind: 'ok', instant: start.date().getTime() }, now, timeZone);

  const local: LocalDateTime = {
    year: start.get('year')!,
    month: start.get('month')!,
    day: start.get('day')!,
    hour: at ? at.hour : start.get('hour')!,
    minute: at ? at.minute : (start.get('minute') ?? 0),
  };
  const resolution = resolveLocal(local, timeZone);
  const wall = `${pad(local.hour)}:${pad(local.minute)} on ${dayInWords(local)}`;
  if (resolution.kind === 'gap') {
    return {
      kind: 'refused',
      reason: 'dst-gap',
      message: `${wall} does not exist in ${timeZone}: the clocks jump forward over it that night. Pick a time an hour later or earlier.`,
    };
  }
  if (resolution.kind === 'ambiguous') {
    const choices = resolution.instants.map((instant, i) => ({
      instant,
      label: `${i === 0 ? 'First' : 'Second'} ${pad(local.hour)}:${pad(local.minute)} (${describeOffset(instant, timeZone)})`,
    }));
    return checkRange(
      {
        kind: 'choose',
        reason: 'dst-fallback',
        message: `${wall} happens twice in ${timeZone} (the clocks go back that night). Which one did you mean?`,
        choices,
      },
      now,
      timeZone,
    );
  }
  return checkRange({ kind: 'ok', instant: resolution.instant }, now, timeZone);
}

/** Refuses past and far-future instants; a choice with one sensible option left becomes that option. */
function checkRange(result: WhenResult, now: number, timeZone: string): WhenResult {
  if (result.kind === 'refused') return result;
  const instants = result.kind === 'ok' ? [result.instant] : result.choices.map((c) => c.instant);
  const future = instants.filter((instant) => instant > now);
  if (future.length === 0) {
    return {
      kind: 'refused',
      reason: 'past',
      message: `${describeLocal(instants[0]!, timeZone)} (${timeZone}) has already passed: pick a time in the future.`,
      instant: instants[0]!,
    };
  }
  if (future.every((instant) => instant > now + MAX_AHEAD_MS)) {
    return { kind: 'refused', reason: 'too-far', message: 'That is more than two years ahead: check the year.' };
  }
  if (result.kind === 'choose') {
    const choices = result.choices.filter((c) => c.instant > now && c.instant <= now + MAX_AHEAD_MS);
    if (choices.length === 1) return { kind: 'ok', instant: choices[0]!.instant };
    return { ...result, choices };
  }
  return result;
}

/**
 * The instant a member meant by `text`, read in `timeZone` at `now`. Refuses vague text, past times and times
 * in a DST gap; asks when a wall time occurs twice or "03/12" could be either 3 December or 12 March.
 */
export function parseWhen(rawText: string, now: number, timeZone: string, options: WhenOptions = {}): WhenResult {
  const text = normalize(rawText.trim());
  if (!text) return { kind: 'refused', reason: 'unreadable', message: `Say when. ${whenExamples(now, timeZone)}` };
  if (text.length > MAX_TEXT) return { kind: 'refused', reason: 'unreadable', message: `That is too long for a date and time. ${whenExamples(now, timeZone)}` };
  const monthFirst = interpret(text, chrono.casual, now, timeZone, options);
  const numeric = NUMERIC_DATE.exec(text);
  if (!numeric || Number(numeric[1]) > 12 || Number(numeric[2]) > 12 || numeric[1] === numeric[2]) return monthFirst;
  const dayFirst = interpret(text, chrono.GB, now, timeZone, options);
  const readings = [monthFirst, dayFirst].filter((r) => r.kind !== 'refused');
  if (readings.length < 2) return readings[0] ?? monthFirst;
  const choices: WhenChoice[] = readings.flatMap((r) =>
    r.kind === 'ok' ? [{ instant: r.instant, label: describeLocal(r.instant, timeZone) }] : r.kind === 'choose' ? r.choices : [],
  );
  return {
    kind: 'choose',
    reason: 'day-month-order',
    message: `"${numeric[0]}" can be read two ways. Which day did you mean?`,
    choices,
  };
}

export interface LocalDateOptions {
  /** Days before today are accepted (a setting that names a day of this year's edition, a payment already made). */
  allowPast?: boolean;
  /**
   * Words without a year ("1 december", "friday") mean the nearest such day, not the next one (the day a payment
   * was made is usually behind us). Words that say the past ("last friday", "2 weeks ago") always read backwards.
   */
  nearest?: boolean;
}

/**
 * A calendar day ("next friday", "2026-12-10", "in 3 days", "yesterday") in the zone, as 'YYYY-MM-DD': today or
 * later unless `allowPast`. Words without a year mean the next such day unless `nearest`.
 */
export function parseLocalDate(rawText: string, now: number, timeZone: string, field: string, options: LocalDateOptions = {}): LocalDateResult {
  const text = rawText.trim();
  if (text.length > MAX_TEXT) return { kind: 'refused', message: `${field} is too long for a day: try "${dayFromToday(now, timeZone, 7)}", "next friday" or "in 3 days".` };
  const today = zonedParts(now, timeZone);
  let local: Pick<LocalDateTime, 'year' | 'month' | 'day'> | null = null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
      return { kind: 'refused', message: `${field} "${text}" is not a calendar date.` };
    }
    local = { year, month, day };
  } else {
    // chrono's forwardDate would turn "last friday" into the coming one: past words (and `nearest`) read as said.
    const forwardDate = !options.nearest && !PAST_WORDS.test(text);
    // "11/12/2026" is 12 November in Chicago and 11 December in Berlin: ask for the month in words, never guess.
    const numeric = NUMERIC_DATE.exec(text);
    if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) {
      return { kind: 'refused', message: `${field} "${numeric[0]}" can be read two ways (day first or month first): write the month in words, like "${Number(numeric[2])} ${MONTH_WORDS[Number(numeric[1]) - 1]}" or "${Number(numeric[1])} ${MONTH_WORDS[Number(numeric[2]) - 1]}".` };
    }
    const results = chrono.casual.parse(text, { instant: naiveReference(now, timeZone), timezone: 0 }, { forwardDate });
    const result = results.length === 1 ? results[0]! : null;
    // "in 2 months" names a day too: the same day that many months on.
    const known = result && (result.start.isCertain('day') || result.start.isCertain('weekday') || result.tags().has('result/relativeDate'));
    if (!result || !known || leftoverWords(text, result.text, result.index).length > 0) {
      // A day usually behind us (a payment) gets examples from the past; the rest, examples ahead.
      const hint = options.nearest ? `"${dayFromToday(now, timeZone, -7)}", "last friday" or "yesterday"` : `"${dayFromToday(now, timeZone, 7)}", "next friday" or "in 3 days"`;
      return { kind: 'refused', message: `I could not read ${field} "${text}" as a day: try ${hint}.` };
    }
    local = result.tags().has('result/relativeDateAndTime')
      ? zonedParts(now + (result.start.date().getTime() - naiveReference(now, timeZone).getTime()), timeZone)
      : { year: result.start.get('year')!, month: result.start.get('month')!, day: result.start.get('day')! };
  }
  const key = localDateKey(local);
  if (!options.allowPast && key < localDateKey(today)) return { kind: 'refused', message: `${field}: ${dayInWords(local)} has already passed.` };
  if (local.year > today.year + 5) return { kind: 'refused', message: `${field}: ${dayInWords(local)} is too far ahead: check the year.` };
  return { kind: 'ok', date: key };
}
