// The one reader of dates members type ("next thursday 6pm", "in 3 hours", "2026-12-03 18:00", "next friday"), in the
// alliance's zone: chrono-node reads the words, zoned-time turns the wall time into an instant and says when DST makes
// it unclear. Every date option (meetings, deadlines, due dates, Coworking Day) goes through here.
// It reads the member's language first (Spanish and French through chrono's own parsers), then English, which
// every member may use. Only en/es/fr are imported: the whole package loads 16 locales (~230 ms, ~12 MB) we never call.
// Refusals carry a message key with values (`text`), days already written in the member's language.
import type * as chrono from 'chrono-node/en';
import { DAY } from './clock.js';
import { dayInWords } from './day-words.js';
import { msg, type MessageRef } from './errors.js';
import type { Language } from './languages.js';
import { dayMonthIn, readerFor, wallTimeIn, type DateReader } from './when-languages.js';
import { offsetMinutes, resolveLocal, zonedParts, type LocalDateTime } from './zoned-time.js';

export interface WhenChoice {
  instant: number;
  /** Button text (≤ 80 chars) telling the two readings apart, in English; `choiceLabel` words it in any language. */
  label: string;
  /** A wall time that happens twice (DST fall-back): which of the two, and the zone's offset at it. */
  fallback?: { order: 1 | 2; time: string; offset: string };
}

export type WhenResult =
  | { kind: 'ok'; instant: number }
  | { kind: 'choose'; reason: 'dst-fallback' | 'day-month-order'; text: MessageRef; choices: WhenChoice[] }
  | { kind: 'refused'; reason: 'unreadable' | 'vague' | 'past' | 'dst-gap' | 'too-far'; text: MessageRef; instant?: number };

export type LocalDateResult = { kind: 'ok'; date: string } | { kind: 'refused'; text: MessageRef };

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
  /** The member's language, read first (then English); refusals show days in it. Default English. */
  language?: Language;
}

const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?(?![\d./])/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Thu 3 Dec 2026, 18:00" in the zone (or "jue, 3 dic 2026, 18:00", "jeu. 3 déc. 2026, 18:00"): what a member reads on a button. */
export function describeLocal(instant: number, timeZone: string, language: Language = 'en'): string {
  return wallTimeIn(zonedParts(instant, timeZone), language);
}

/** A choice's button text in the reader's language: "Second 01:30 (UTC-06:00)" or the day and time. */
export function choiceLabel(choice: WhenChoice, timeZone: string, say: (key: string, values: Record<string, string | number>) => string, language: Language): string {
  if (choice.fallback) return say('when.choice.fallback', { order: choice.fallback.order, time: choice.fallback.time, offset: choice.fallback.offset });
  return describeLocal(choice.instant, timeZone, language);
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

/**
 * "18h", "18h30", "18 h" and "18 h 30" are how much of Europe writes times; chrono would read "18h" as "in 18 hours" (kept
 * after "in", "en", "dans", "dentro de": there it is a duration).
 */
function normalize(text: string): string {
  return apostrophes(text).replace(/(^|[^\w])(\d{1,2}) ?h(?: ?(\d{2}))?\b/gi, (match, before: string, hour: string, minute: string | undefined, at: number) => {
    if (/(?<!\p{L})(in|en|dans|dentro de)\s*$/iu.test(text.slice(0, at + before.length))) return match;
    return `${before}${hour}:${minute ?? '00'}`;
  });
}

/** "aujourd’hui" as phones type it reads as chrono's "aujourd'hui". */
const apostrophes = (text: string): string => text.replace(/[’‘]/g, "'");

/** 'YYYY-MM-DD' `days` after today in the zone: examples in hints are never in the past. */
export function dayFromToday(now: number, timeZone: string, days: number): string {
  return localDateKey(zonedParts(now + days * DAY, timeZone));
}

function naiveReference(now: number, timeZone: string): Date {
  const p = zonedParts(now, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

function leftoverWords(text: string, matched: string, index: number, reader: DateReader): string[] {
  const rest = `${text.slice(0, index)} ${text.slice(index + matched.length)}`;
  return rest
    .split(/[\s,;]+/)
    .map((word) => word.replace(/[.!?]+$/, '').toLowerCase())
    .filter((word) => word && !reader.filler.has(word));
}

interface Reading {
  parser: chrono.Chrono;
  reader: DateReader;
  language: Language;
}

function interpret(text: string, reading: Reading, now: number, timeZone: string, options: WhenOptions): WhenResult {
  const { parser, reader, language } = reading;
  const example = dayFromToday(now, timeZone, 7);
  const forwardDate = !reader.past.test(text);
  const results = parser.parse(text, { instant: naiveReference(now, timeZone), timezone: 0 }, { forwardDate });
  if (results.length === 0) {
    return { kind: 'refused', reason: 'unreadable', text: msg('when.refused.unreadable', { text, example }) };
  }
  if (results.length > 1) {
    const found = results.map((r) => `"${r.text}"`).join(', ');
    return {
      kind: 'refused',
      reason: 'vague',
      text: msg('when.refused.several', { text, found, example }),
    };
  }
  const result = results[0]!;
  const extra = leftoverWords(text, result.text, result.index, reader);
  if (extra.length > 0) {
    return {
      kind: 'refused',
      reason: 'unreadable',
      text: msg('when.refused.leftover', { understood: result.text, extra: extra.join(' '), example }),
    };
  }
  const start = result.start;
  const tags = result.tags();
  // "in 3 hours" is elapsed time from now, whatever the zone's offset or a DST change on the way: chrono counts it
  // from the naive wall-clock reference, so the same distance is added to the real instant.
  if (tags.has('result/relativeDateAndTime')) {
    return checkRange({ kind: 'ok', instant: now + (start.date().getTime() - naiveReference(now, timeZone).getTime()) }, now, timeZone, language);
  }
  const relativeDay = tags.has('result/relativeDate');
  if (!start.isCertain('hour') && !options.defaultTime) {
    return { kind: 'refused', reason: 'vague', text: msg('when.refused.noTime', { text }) };
  }
  const at = start.isCertain('hour') || relativeDay ? null : options.defaultTime!;
  // "in 2 months" names a day for a deadline (that day, at this time); a meeting still needs a day and an hour.
  const dayKnown = start.isCertain('day') || start.isCertain('weekday') || (relativeDay && options.defaultTime !== undefined);
  if (!dayKnown && (start.isCertain('month') || start.isCertain('year') || !start.isCertain('hour'))) {
    return { kind: 'refused', reason: 'vague', text: msg('when.refused.noDay', { text, example }) };
  }
  if (start.isCertain('timezoneOffset')) return checkRange({ kind: 'ok', instant: start.date().getTime() }, now, timeZone, language);

  const local: LocalDateTime = {
    year: start.get('year')!,
    month: start.get('month')!,
    day: start.get('day')!,
    hour: at ? at.hour : start.get('hour')!,
    minute: at ? at.minute : (start.get('minute') ?? 0),
  };
  const resolution = resolveLocal(local, timeZone);
  const time = `${pad(local.hour)}:${pad(local.minute)}`;
  const said = { time, day: dayInWords(local, language), zone: timeZone };
  if (resolution.kind === 'gap') {
    return {
      kind: 'refused',
      reason: 'dst-gap',
      text: msg('when.refused.dstGap', said),
    };
  }
  if (resolution.kind === 'ambiguous') {
    const choices = resolution.instants.map((instant, i) => {
      const fallback = { order: i === 0 ? (1 as const) : (2 as const), time, offset: describeOffset(instant, timeZone) };
      return { instant, label: `${i === 0 ? 'First' : 'Second'} ${time} (${fallback.offset})`, fallback };
    });
    return checkRange(
      {
        kind: 'choose',
        reason: 'dst-fallback',
        text: msg('when.choose.dstFallback', said),
        choices,
      },
      now,
      timeZone,
      language,
    );
  }
  return checkRange({ kind: 'ok', instant: resolution.instant }, now, timeZone, language);
}

/** Refuses past and far-future instants; a choice with one sensible option left becomes that option. */
function checkRange(result: WhenResult, now: number, timeZone: string, language: Language): WhenResult {
  if (result.kind === 'refused') return result;
  const instants = result.kind === 'ok' ? [result.instant] : result.choices.map((c) => c.instant);
  const future = instants.filter((instant) => instant > now);
  if (future.length === 0) {
    return {
      kind: 'refused',
      reason: 'past',
      text: msg('when.refused.past', { when: describeLocal(instants[0]!, timeZone, language), zone: timeZone }),
      instant: instants[0]!,
    };
  }
  if (future.every((instant) => instant > now + MAX_AHEAD_MS)) {
    return { kind: 'refused', reason: 'too-far', text: msg('when.refused.tooFar') };
  }
  if (result.kind === 'choose') {
    const choices = result.choices.filter((c) => c.instant > now && c.instant <= now + MAX_AHEAD_MS);
    if (choices.length === 1) return { kind: 'ok', instant: choices[0]!.instant };
    return { ...result, choices };
  }
  return result;
}

/** "03/12" with its two numbers swapped: the month-first reading for readers of day-first languages. */
function swapNumbers(text: string, numeric: RegExpExecArray): string {
  const swapped = numeric[0].replace(/^(\d{1,2})([/.])(\d{1,2})/, '$3$2$1');
  return text.slice(0, numeric.index) + swapped + text.slice(numeric.index + numeric[0].length);
}

/** Reads `text` in one language, asking which day was meant when "03/12" can be read both ways. */
function parseIn(text: string, language: Language, now: number, timeZone: string, options: WhenOptions): WhenResult {
  const reader = readerFor(language);
  const own = interpret(text, { parser: reader.casual, reader, language }, now, timeZone, options);
  const numeric = NUMERIC_DATE.exec(text);
  if (!numeric || Number(numeric[1]) > 12 || Number(numeric[2]) > 12 || numeric[1] === numeric[2]) return own;
  // English reads month first and has a day-first parser; Spanish and French read day first, so the other reading
  // is the same text with the two numbers swapped.
  const other = reader.dayFirst
    ? interpret(text, { parser: reader.dayFirst, reader, language }, now, timeZone, options)
    : interpret(swapNumbers(text, numeric), { parser: reader.casual, reader, language }, now, timeZone, options);
  const readings = [own, other].filter((r) => r.kind !== 'refused');
  if (readings.length < 2) return readings[0] ?? own;
  const choices: WhenChoice[] = readings.flatMap((r) =>
    r.kind === 'ok' ? [{ instant: r.instant, label: describeLocal(r.instant, timeZone) }] : r.kind === 'choose' ? r.choices : [],
  );
  return {
    kind: 'choose',
    reason: 'day-month-order',
    text: msg('when.choose.dayMonth', { text: numeric[0] }),
    choices,
  };
}

/** Refusals that mean "these words are not a date in this language": worth reading again in English. */
const notUnderstood = (result: WhenResult): boolean => result.kind === 'refused' && (result.reason === 'unreadable' || result.reason === 'vague');

/**
 * The instant a member meant by `text`, read in `timeZone` at `now`, in the member's language and else in English.
 * Refuses vague text, past times and times in a DST gap; asks when a wall time occurs twice or "03/12" could be
 * either 3 December or 12 March.
 */
export function parseWhen(rawText: string, now: number, timeZone: string, options: WhenOptions = {}): WhenResult {
  const text = normalize(rawText.trim());
  const example = dayFromToday(now, timeZone, 7);
  if (!text) return { kind: 'refused', reason: 'unreadable', text: msg('when.refused.empty', { example }) };
  if (text.length > MAX_TEXT) {
    return { kind: 'refused', reason: 'unreadable', text: msg('when.refused.tooLong', { example }) };
  }
  const language = options.language ?? 'en';
  const own = parseIn(text, language, now, timeZone, options);
  if (language === 'en' || !notUnderstood(own)) return own;
  const english = parseIn(text, 'en', now, timeZone, options);
  return notUnderstood(english) ? own : english;
}

export interface LocalDateOptions {
  /** Days before today are accepted (a setting that names a day of this year's edition, a payment already made). */
  allowPast?: boolean;
  /**
   * Words without a year ("1 december", "friday") mean the nearest such day, not the next one (the day a payment
   * was made is usually behind us). Words that say the past ("last friday", "2 weeks ago") always read backwards.
   */
  nearest?: boolean;
  /** The member's language, read first (then English); refusals show days in it. Default English. */
  language?: Language;
}

type DayReading = { kind: 'ok'; local: Pick<LocalDateTime, 'year' | 'month' | 'day'> } | { kind: 'unreadable' };

/** A day in words in one language ("next friday", "hace 3 días", "1er août"), or unreadable. */
function readDayIn(text: string, language: Language, now: number, timeZone: string, options: LocalDateOptions): DayReading {
  const reader = readerFor(language);
  // chrono's forwardDate would turn "last friday" into the coming one: past words (and `nearest`) read as said.
  const forwardDate = !options.nearest && !reader.past.test(text);
  const results = reader.casual.parse(text, { instant: naiveReference(now, timeZone), timezone: 0 }, { forwardDate });
  const result = results.length === 1 ? results[0]! : null;
  // "in 2 months" names a day too: the same day that many months on.
  const known = result && (result.start.isCertain('day') || result.start.isCertain('weekday') || result.tags().has('result/relativeDate'));
  if (!result || !known || leftoverWords(text, result.text, result.index, reader).length > 0) return { kind: 'unreadable' };
  const local = result.tags().has('result/relativeDateAndTime')
    ? zonedParts(now + (result.start.date().getTime() - naiveReference(now, timeZone).getTime()), timeZone)
    : { year: result.start.get('year')!, month: result.start.get('month')!, day: result.start.get('day')! };
  return { kind: 'ok', local };
}

/**
 * A calendar day ("next friday", "2026-12-10", "in 3 days", "yesterday", "el próximo lunes", "1er août") in the
 * zone, as 'YYYY-MM-DD': today or later unless `allowPast`. Words without a year mean the next such day unless `nearest`.
 */
export function parseLocalDate(rawText: string, now: number, timeZone: string, field: string, options: LocalDateOptions = {}): LocalDateResult {
  const text = apostrophes(rawText.trim());
  const language = options.language ?? 'en';
  const ahead = dayFromToday(now, timeZone, 7);
  if (text.length > MAX_TEXT) {
    return { kind: 'refused', text: msg('when.day.tooLong', { field, example: ahead }) };
  }
  const today = zonedParts(now, timeZone);
  let local: Pick<LocalDateTime, 'year' | 'month' | 'day'> | null = null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
      return { kind: 'refused', text: msg('when.day.notCalendar', { field, text }) };
    }
    local = { year, month, day };
  } else {
    // "11/12/2026" is 12 November in Chicago and 11 December in Berlin: ask for the month in words, never guess.
    const numeric = NUMERIC_DATE.exec(text);
    if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) {
      const [a, b] = [Number(numeric[1]), Number(numeric[2])];
      return {
        kind: 'refused',
        text: msg('when.day.ambiguous', { field, text: numeric[0], first: dayMonthIn(b, a, language), second: dayMonthIn(a, b, language) }),
      };
    }
    let reading = readDayIn(text, language, now, timeZone, options);
    if (reading.kind === 'unreadable' && language !== 'en') reading = readDayIn(text, 'en', now, timeZone, options);
    if (reading.kind === 'unreadable') {
      // A day usually behind us (a payment) gets examples from the past; the rest, examples ahead.
      const behind = dayFromToday(now, timeZone, -7);
      return {
        kind: 'refused',
        text: options.nearest ? msg('when.day.unreadablePast', { field, text, example: behind }) : msg('when.day.unreadable', { field, text, example: ahead }),
      };
    }
    local = reading.local;
  }
  const key = localDateKey(local);
  if (!options.allowPast && key < localDateKey(today)) {
    return { kind: 'refused', text: msg('when.day.past', { field, day: dayInWords(local, language) }) };
  }
  if (local.year > today.year + 5) {
    return { kind: 'refused', text: msg('when.day.tooFar', { field, day: dayInWords(local, language) }) };
  }
  return { kind: 'ok', date: key };
}
