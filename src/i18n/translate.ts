// t(locale, key, values): one message from the catalogues in ICU message format, with CLDR plural rules via Intl.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import type { Language } from '../shared/languages.js';
import { catalogues as shipped, type Catalogues } from './catalogues.js';
import type { PlaceValue } from '../shared/errors.js';
import { resolveLanguage } from './locale.js';
import { isPlaceValue, placeIn, placesIn } from './places.js';

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

/** A missing key or a broken message is a programming error the catalogue tests catch; at run time it is loud. */
export class MissingMessageError extends Error {}

/**
 * A translator over the given catalogues. A key missing in a language falls back to English (a new message can
 * ship before its translations), never to the raw key; a key missing in English throws.
 */
export function createTranslator(catalogues: Catalogues): Translate {
  const compiled = new Map<string, IntlMessageFormat>();
  /** Messages without values, said once: most labels, titles and buttons. */
  const said = new Map<string, string>();
  const formatters = new Map<Language, Formatters>();

  function format(language: Language, key: string): IntlMessageFormat | null {
    const cacheKey = `${language}\u0000${key}`;
    const cached = compiled.get(cacheKey);
    if (cached) return cached;
    const source = catalogues[language][key];
    if (source === undefined) return null;
    let shared = formatters.get(language);
    if (!shared) formatters.set(language, (shared = sharedFormatters()));
    const message = new IntlMessageFormat(source, language, undefined, { ignoreTag: true, formatters: shared });
    compiled.set(cacheKey, message);
    return message;
  }

  return (locale, key, values) => {
    const language = resolveLanguage(locale);
    const cacheKey = values ? null : `${language}\u0000${key}`;
    const done = cacheKey === null ? undefined : said.get(cacheKey);
    if (done !== undefined) return done;
    const own = format(language, key);
    const message = own ?? format('en', key);
    if (!message) throw new MissingMessageError(`No message "${key}" in the catalogues`);
    const text = String(message.format(plainValues(own ? language : 'en', values)));
    if (cacheKey !== null) said.set(cacheKey, text);
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
