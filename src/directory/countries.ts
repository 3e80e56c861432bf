// Countries as ISO 3166-1 alpha-2 codes, named in English through Intl (no data package needed for ~250 names);
// Spanish and French names are understood too, so members type the country as they say it.
import { foldKey } from './text.rules.js';

/** Codes Intl names that are not countries (EU, UN, pseudo-locales, "Unknown Region"). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
/**
 * Retired codes Intl still names like their successor (DD and DE are both "Germany", UK and GB "United Kingdom"):
 * still named when stored, but never what a typed name or the autocomplete resolves to.
 */
const RETIRED = new Set(['AN', 'HV', 'DY', 'BU', 'ZR', 'CS', 'YU', 'DD', 'FX', 'UK', 'NH', 'RH', 'SU', 'TP', 'VD', 'YD']);
/** Common English names Intl does not use. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  holland: 'NL',
  'the netherlands': 'NL',
  'republic of korea': 'KR',
  turkey: 'TR',
};

let table: { byKey: Map<string, string>; names: Map<string, string>; keys: Map<string, string[]> } | undefined;

function countries() {
  if (table) return table;
  // Made on first use, not at import: the first Intl.DisplayNames touches ~7 MB of ICU region data (RSS).
  const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });
  /** The other languages members type in (issue #19): "México", "Allemagne" find their code like English names. */
  const otherNames = ['es', 'fr'].map((language) => new Intl.DisplayNames([language], { type: 'region' }));
  const byKey = new Map<string, string>();
  const names = new Map<string, string>();
  const keys = new Map<string, string[]>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = displayNames.of(code);
      if (!name || name === code || name === 'Unknown Region') continue;
      names.set(code, name);
      if (RETIRED.has(code)) continue;
      byKey.set(foldKey(name), code);
      keys.set(code, [foldKey(name), ...otherNames.map((names) => foldKey(names.of(code) ?? name))]);
    }
  }
  // English names win where another language's name is the same words for a different country; an old code that
  // shares its English name with the current one (DD, Germany) lends no name of its own.
  for (const [code, all] of keys) {
    if (byKey.get(all[0]!) !== code) continue;
    for (const key of all.slice(1)) if (!byKey.has(key)) byKey.set(key, code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) byKey.set(alias, code);
  table = { byKey, names, keys };
  return table;
}

/** The alpha-2 code for a code or a name in English, Spanish or French ("ca", "Canada", "USA", "Alemania"), or null. */
export function countryCode(input: string): string | null {
  const trimmed = input.trim();
  const { byKey, names } = countries();
  if (/^[a-z]{2}$/i.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (names.has(code)) return code;
  }
  return byKey.get(foldKey(trimmed)) ?? null;
}

/** The English name of a stored code; the code itself when Intl does not know it. */
export function countryName(code: string): string {
  return countries().names.get(code) ?? code;
}

/** Countries whose name or code starts with the query: for autocomplete. */
export function countryAutocomplete(query: string, limit = 25): { code: string; name: string }[] {
  const key = foldKey(query);
  const out: { code: string; name: string }[] = [];
  const { names, keys } = countries();
  for (const [code, name] of names) {
    if (RETIRED.has(code)) continue;
    if (!key || (keys.get(code) ?? []).some((k) => k.startsWith(key)) || code.toLowerCase() === key) out.push({ code, name });
  }
  out.sort((x, y) => {
    const xExact = x.code.toLowerCase() === key ? 0 : 1;
    const yExact = y.code.toLowerCase() === key ? 0 : 1;
    return xExact - yExact || x.name.localeCompare(y.name);
  });
  return out.slice(0, limit);
}
