// t(locale, key, values): one message from the catalogues in ICU message format, with CLDR plural rules via Intl.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import type { Language } from '../shared/languages.js';
import { createRecentMap } from '../shared/recent-map.js';
import { catalogues as shipped, type Catalogues } from './catalogues.js';
import type { PlaceValue } from '../shared/errors.js';
import { resolveLanguage } from './locale.js';
import { isPlaceValue, placeIn, placesIn } from './places.js';
import { plainParts, sayPlain } from './plain-message.js';

/** The values as the formatter takes them: places said in `language`, everything else as given. */
function plainValues(language: Language, values: MessageValues | undefined): Record<string, PrimitiveType> | undefined {
  if (!values) return values;
  const plain: Record<string, PrimitiveType> = {};
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) plain[name] = placesIn(language, value.filter(isPlaceValue));
    else plain[name] = isPlaceValue(value) ? placeIn(language, value) : (value as PrimitiveType);
  }
  return plain;
}

/** Values of a message: plain data, and places whose country is named in the message's language (see places.ts). */
export type MessageValues = Record<string, PrimitiveType | PlaceValue | readonly PlaceValue[]>;
export type Translate = (locale: string | null | undefined, key: string, values?: MessageValues) => string;

/**
 * Messages said with values are remembered when every value is a short string, a number or a boolean (a count, a
 * city, a distance), the least recently said let go first: a page of directory results says ~15 of them, most said
 * the same way on the page before, and formatting one (its plural rules, its numbers, its parts joined) cost more than
 * building the rest of the page. Plain messages (text, placeholders and selects: plain-message.ts) are not: joining
 * their parts costs less than the memo's key. At most SAID_MAX of them, each with a key of at most SAID_KEY_MAX
 * characters: a few hundred KB.
 */
const SAID_MAX = 512;
const SAID_KEY_MAX = 160;

/**
 * What names a message said with these values, or null when it is not remembered (a date, a place, an absent value,
 * long text). A string value is written with its length, so no two sets of values read alike.
 */
function saidKey(language: Language, key: string, values: MessageValues): string | null {
  let name = `${language}\u0000${key}`;
  for (const field in values) {
    const value = values[field];
    if (typeof value === 'string') name += `\u0000${field}\u0001${value.length}:${value}`;
    // -0 reads "-0" and 0 "0", but both write "0" here.
    else if ((typeof value === 'number' && !Object.is(value, -0)) || typeof value === 'boolean') name += `\u0000${field}\u0002${value}`;
    else return null;
    if (name.length > SAID_KEY_MAX) return null;
  }
  return name;
}

/** A missing key or a broken message is a programming error the catalogue tests catch; at run time it is loud. */
export class MissingMessageError extends Error {}

/**
 * A translator over the given catalogues. A key missing in a language falls back to English (a new message can
 * ship before its translations), never to the raw key; a key missing in English throws. `trace` is told the key of
 * every message intl-messageformat formats (a test's observation).
 */
export function createTranslator(catalogues: Catalogues, options: { trace?: (key: string) => void } = {}): Translate {
  /** Each language's messages, parsed once; `plain` when made only of text, placeholders and selects. */
  const compiled = new Map<Language, Map<string, { message: IntlMessageFormat; plain: ReturnType<typeof plainParts> }>>();
  /** Messages without values, said once: most labels, titles and buttons. */
  const said = new Map<string, string>();
  /** Messages with short plain values, recently said (see saidKey). */
  const saidWith = createRecentMap<string, string>(SAID_MAX);
  const formatters = new Map<Language, Formatters>();

  function format(language: Language, key: string) {
    let messages = compiled.get(language);
    if (!messages) compiled.set(language, (messages = new Map()));
    const cached = messages.get(key);
    if (cached) return cached;
    const source = catalogues[language][key];
    if (source === undefined) return null;
    let shared = formatters.get(language);
    if (!shared) formatters.set(language, (shared = sharedFormatters()));
    const message = new IntlMessageFormat(source, language, undefined, { ignoreTag: true, formatters: shared });
    const made = { message, plain: plainParts(message.getAst()) };
    messages.set(key, made);
    return made;
  }

  return (locale, key, values) => {
    const language = resolveLanguage(locale);
    const plainKey = values ? null : `${language}\u0000${key}`;
    const done = plainKey !== null ? said.get(plainKey) : undefined;
    if (done !== undefined) return done;
    const own = format(language, key);
    const found = own ?? format('en', key);
    if (!found) throw new MissingMessageError(`No message "${key}" in the catalogues`);
    // A plain message is its parts joined: cheaper than finding it in the memo below (a key built from every value).
    const plainly = values && found.plain ? sayPlain(found.plain, values) : undefined;
    if (plainly !== undefined) return plainly;
    const valuesKey = values ? saidKey(language, key, values) : null;
    const remembered = valuesKey !== null ? saidWith.get(valuesKey) : undefined;
    if (remembered !== undefined) return remembered;
    options.trace?.(key);
    const text = String(found.message.format(plainValues(own ? language : 'en', values)));
    if (plainKey !== null) said.set(plainKey, text);
    else if (valuesKey !== null) saidWith.set(valuesKey, text);
    return text;
  };
}

type Formatters = NonNullable<NonNullable<ConstructorParameters<typeof IntlMessageFormat>[3]>['formatters']>;

/**
 * The Intl formatters of one language, shared by all its messages. intl-messageformat's own are per message and
 * memoized by JSON.stringify of their arguments on every number, plural and date: a string built per placeholder
 * per call. Here the options object a message's AST holds is the key (the same object on every call), and plural
 * rules are keyed by their type.
 */
function sharedFormatters(): Formatters {
  const numbers = new WeakMap<object, Intl.NumberFormat>();
  const dates = new WeakMap<object, Intl.DateTimeFormat>();
  const plurals = new Map<string, Intl.PluralRules>();
  let plainNumber: Intl.NumberFormat | undefined;
  let plainDate: Intl.DateTimeFormat | undefined;
  return {
    getNumberFormat(locales, options) {
      if (!options) return (plainNumber ??= new Intl.NumberFormat(locales));
      let made = numbers.get(options);
      // formatjs's option type names one value more than TypeScript's lib (trailingZeroDisplay: 'stripToMinimum').
      if (!made) numbers.set(options, (made = new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions)));
      return made;
    },
    getDateTimeFormat(locales, options) {
      if (!options) return (plainDate ??= new Intl.DateTimeFormat(locales));
      let made = dates.get(options);
      if (!made) dates.set(options, (made = new Intl.DateTimeFormat(locales, options)));
      return made;
    },
    getPluralRules(locales, options) {
      const type = options?.type ?? 'cardinal';
      let made = plurals.get(type);
      if (!made) plurals.set(type, (made = new Intl.PluralRules(locales, { type })));
      return made;
    },
  };
}

/** The translator over the catalogues shipped in locales/. */
export const t: Translate = createTranslator(shipped);

/** Messages in one language, already chosen: what a renderer receives (`say('skills.offers.count', { count })`). */
export type Say = (key: string, values?: MessageValues) => string;

const speakers = new Map<Language, Say>();

/** The speaker of one language (one per language, made once). */
export function sayIn(language: Language): Say {
  let say = speakers.get(language);
  if (!say) {
    say = (key, values) => t(language, key, values);
    speakers.set(language, say);
  }
  return say;
}

/** A message by key with its values; a value may itself be a message by key (a sentence inside a sentence). */
export interface SayableRef {
  key: string;
  values?: Record<string, PrimitiveType | undefined | PlaceValue | readonly PlaceValue[] | SayableRef>;
}

const isRef = (value: unknown): value is SayableRef => typeof value === 'object' && value !== null && typeof (value as SayableRef).key === 'string';

/** A domain message (key and values) in the speaker's language, nested messages said in the same language first. */
export function sayRef(say: Say, ref: SayableRef): string {
  if (!ref.values) return say(ref.key);
  const values = Object.fromEntries(Object.entries(ref.values).map(([name, value]) => [name, isRef(value) ? sayRef(say, value) : value]));
  return say(ref.key, values as MessageValues);
}
