// Messages made only of text, placeholders and selects ("they offer **{skill}**{level, select, …}"), said by joining
// their parts: what intl-messageformat's format does for them, without its parts objects, merging and checks.
import type { IntlMessageFormat } from 'intl-messageformat';

type Elements = ReturnType<IntlMessageFormat['getAst']>;

/** The parser's element types (@formatjs/icu-messageformat-parser's TYPE): the three a plain message is made of. */
const LITERAL = 0;
const ARGUMENT = 1;
const SELECT = 5;

type Part = string | { name: string; select: null } | { name: string; select: Map<string, Part[]>; other: Part[] | null };

/** A message's parts when it is plain (no plural, number, date, time or #); null otherwise. */
export function plainParts(elements: Elements): Part[] | null {
  const parts: Part[] = [];
  for (const element of elements) {
    if (element.type === LITERAL) parts.push(element.value);
    else if (element.type === ARGUMENT) parts.push({ name: element.value, select: null });
    else if (element.type === SELECT) {
      const select = new Map<string, Part[]>();
      for (const [option, { value }] of Object.entries(element.options)) {
        const inner = plainParts(value);
        if (!inner) return null;
        select.set(option, inner);
      }
      parts.push({ name: element.value, select, other: select.get('other') ?? null });
    } else return null;
  }
  return parts;
}

/**
 * The plain message said with these values, as intl-messageformat says it; undefined for anything it would treat
 * otherwise (a value absent or not a string or number, a select with neither the value's option nor `other`), which
 * is then left to it: its errors and its ways with other values stay as they were.
 */
export function sayPlain(parts: readonly Part[], values: Readonly<Record<string, unknown>>): string | undefined {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (!Object.hasOwn(values, part.name)) return undefined;
    const value = values[part.name];
    if (part.select === null) {
      if (typeof value === 'string') text += value;
      else if (typeof value === 'number') text += String(value);
      else return undefined;
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    const chosen = part.select.get(String(value)) ?? part.other;
    const said = chosen && sayPlain(chosen, values);
    if (said === undefined || said === null) return undefined;
    text += said;
  }
  return text;
}
