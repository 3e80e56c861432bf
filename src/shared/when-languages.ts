// What the date reader needs to know about each language: chrono's parser for it (with the Spanish and French
// phrases chrono lacks: "pasado mañana", "après-demain", "hace 2 semanas"), the filler words around a time, the
// words that point to the past, and how days and times are written back on buttons and in refusals.
import * as chrono from 'chrono-node/en';
import * as chronoEs from 'chrono-node/es';
import * as chronoFr from 'chrono-node/fr';
import type { Language } from './languages.js';

export interface DateReader {
  /** Reads numbers as its language does: month first in English, day first in Spanish and French. */
  casual: chrono.Chrono;
  /** English only: the day-first reading of "03/12"; other languages swap the numbers and read again. */
  dayFirst: chrono.Chrono | null;
  filler: Set<string>;
  past: RegExp;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "pasado mañana" / "après-demain": the day after tomorrow, a day without an hour (like "tomorrow"). */
function dayAfterTomorrow(pattern: RegExp): chrono.Parser {
  return {
    pattern: () => pattern,
    extract: (context) => {
      const date = new Date(context.reference.getDateWithAdjustedTimezone().getTime() + 2 * DAY_MS);
      return context.createParsingComponents({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
    },
  };
}

const SPANISH_NUMBERS: Record<string, number> = { un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10 };
const SPANISH_UNITS: [RegExp, 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'][] = [
  [/^minutos?$/, 'minute'],
  [/^horas?$/, 'hour'],
  [/^d[ií]as?$/, 'day'],
  [/^semanas?$/, 'week'],
  [/^mes(es)?$/, 'month'],
  [/^a[ñn]os?$/, 'year'],
];

/** "hace 2 semanas": chrono's Spanish reads "dentro de 3 días" but not the past. */
const spanishAgo: chrono.Parser = {
  pattern: () => /hace\s+(\d+|una?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+(minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|a[ñn]os?)(?=\W|$)/i,
  extract: (context, match) => {
    const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : SPANISH_NUMBERS[match[1]!.toLowerCase()]!;
    const unit = SPANISH_UNITS.find(([word]) => word.test(match[2]!.toLowerCase()))![1];
    return chronoEs.ParsingComponents.createRelativeFromReference(context.reference, { [unit]: -count });
  },
};

function withParsers(base: chrono.Chrono, parsers: chrono.Parser[]): chrono.Chrono {
  const copy = base.clone();
  copy.parsers.unshift(...parsers);
  return copy;
}

/** Letters, not \b: "dernière" and "días" end in letters \b does not know. */
const words = (list: string): RegExp => new RegExp(`(?<!\\p{L})(${list})(?!\\p{L})`, 'iu');

const READERS: Record<Language, DateReader> = {
  en: {
    casual: chrono.casual,
    dayFirst: chrono.GB,
    filler: new Set(['at', 'on', 'the', 'of', 'around', 'about', 'please', 'from', 'starting', 'local', 'time']),
    past: /\b(last|ago|yesterday|previous|past)\b/i,
  },
  es: {
    casual: withParsers(chronoEs.casual, [dayAfterTomorrow(/pasado\s+mañana/i), spanishAgo]),
    dayFirst: null,
    filler: new Set(['el', 'la', 'las', 'los', 'a', 'al', 'de', 'del', 'en', 'para', 'hacia', 'sobre', 'eso', 'por', 'favor', 'partir', 'hora', 'local']),
    past: words('hace|ayer|anterior|pasad[oa](?!\\s+mañana)'),
  },
  fr: {
    casual: withParsers(chronoFr.casual, [dayAfterTomorrow(/apr[eè]s[- ]demain/i)]),
    dayFirst: null,
    filler: new Set(['le', 'la', 'les', 'à', 'a', 'au', 'de', 'du', 'vers', 'pour', 'partir', 'heure', 'locale', 'svp']),
    past: words('il y a|hier|dernier|dernière|passé|passée|précédent|précédente'),
  },
};

export function readerFor(language: Language): DateReader {
  return READERS[language];
}

const pad = (n: number): string => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_WORDS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

interface WallParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const shortDays: Partial<Record<Language, Intl.DateTimeFormat>> = {};

/** "Thu 3 Dec 2026, 18:00" / "jue, 3 dic 2026, 18:00" / "jeu. 3 déc. 2026, 18:00": a wall time on a button. */
export function wallTimeIn(p: WallParts, language: Language): string {
  if (language === 'en') return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${pad(p.hour)}:${pad(p.minute)}`;
  shortDays[language] ??= new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${shortDays[language].format(Date.UTC(p.year, p.month - 1, p.day, 12))}, ${pad(p.hour)}:${pad(p.minute)}`;
}

const dayMonths: Partial<Record<Language, Intl.DateTimeFormat>> = {};

/** "12 november" / "12 de noviembre" / "12 novembre": a day and month in words, to show a member how to write it. */
export function dayMonthIn(day: number, month: number, language: Language): string {
  if (language === 'en') return `${day} ${MONTH_WORDS[month - 1]}`;
  dayMonths[language] ??= new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return dayMonths[language].format(Date.UTC(2000, month - 1, day, 12));
}
