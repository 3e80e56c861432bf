// Money as members type and read it, without floating point: "12.50" is parsed as text into minor units (cents)
// with the currency's own number of minor digits (JPY 0, USD 2, BHD 3), and formatted back from integers. What is
// wrong with an input is returned as data; the Discord layer says it in words.
import type { Language } from '../shared/languages.js';

export type Parsed<T, P> = { ok: true; value: T } | { ok: false; problem: P };

export type AmountProblem =
  | { kind: 'format'; currency: string; digits: number }
  | { kind: 'not-positive' }
  | { kind: 'decimals'; currency: string; digits: number }
  | { kind: 'too-large'; currency: string; maxMinor: number };

/** The largest amount the bot accepts: 1,000,000.00 in the currency's major unit. */
export const MAX_MAJOR = 1_000_000;

let currencies: Set<string> | undefined;

/** ISO 4217 codes this Node knows (Intl), e.g. USD, EUR, JPY. */
export function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (2 for USD, 0 for JPY, 3 for BHD). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Currency codes for autocomplete: the typed prefix first (USD for "us"), at most `limit`. */
export function currencyChoices(typed: string, limit = 25): string[] {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  const prefix = typed.trim().toUpperCase();
  return [...currencies].filter((code) => code.startsWith(prefix)).slice(0, limit);
}

/** "usd " → "USD" when it is a known ISO 4217 code. */
export function parseCurrency(text: string): Parsed<string, 'unknown'> {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !isCurrency(code)) return { ok: false, problem: 'unknown' };
  return { ok: true, value: code };
}

/** "12.50", "1250", "0.5" → minor units of `currency`; refuses negatives, zero, too many decimals and over the cap. */
export function parseAmount(text: string, currency: string): Parsed<number, AmountProblem> {
  const digits = minorDigits(currency);
  const trimmed = text.trim();
  const match = /^(\d{1,7})(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return { ok: false, problem: /^-/.test(trimmed) ? { kind: 'not-positive' } : { kind: 'format', currency, digits } };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { ok: false, problem: { kind: 'decimals', currency, digits } };
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (minor <= 0) return { ok: false, problem: { kind: 'not-positive' } };
  const maxMinor = MAX_MAJOR * 10 ** digits;
  if (minor > maxMinor) return { ok: false, problem: { kind: 'too-large', currency, maxMinor } };
  return { ok: true, value: minor };
}

/** Minor units as an exact decimal string ("1250" cents → "12.50"): integers only. */
export function decimalString(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "$1,250.00", "¥5,000": Intl formats the exact decimal string, never a float. */
export function formatMoney(minor: number, currency: string, language: Language = 'en'): string {
  const key = `${language}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    formatters.set(key, formatter);
  }
  // Intl.NumberFormat takes decimal strings exactly (no conversion to a double).
  return formatter.format(decimalString(minor, currency) as `${number}`);
}
