// Countries and places inside messages, named in the reader's language (Intl.DisplayNames, CLDR): domain messages
// carry ISO codes, never an English country name.
import type { PlaceValue } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';

const namers = new Map<Language, Intl.DisplayNames>();

/** A country's name in `language` ("MX" → "México", "Mexique"); the code itself where CLDR has no name. */
export function countryNameIn(language: Language, code: string): string {
  let names = namers.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    namers.set(language, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    // Not a well-formed region code (an old row, a typo kept as data): shown as stored.
    return code;
  }
}

export function isPlaceValue(value: unknown): value is PlaceValue {
  return typeof value === 'object' && value !== null && typeof (value as PlaceValue).country === 'string';
}

/** "Seattle, Washington, United States": the parts a place has, its country in `language`. */
export function placeIn(language: Language, place: PlaceValue): string {
  return [place.city, place.region, countryNameIn(language, place.country)].filter(Boolean).join(', ');
}

/** Places listed in a sentence: each already holds commas, so they are set apart by semicolons (French spaces them). */
export function placesIn(language: Language, places: readonly PlaceValue[]): string {
  return places.map((place) => placeIn(language, place)).join(language === 'fr' ? '\u00a0; ' : '; ');
}
