// Plain messages (text, placeholders and selects) are said by joining their parts, exactly as intl-messageformat
// says them, for every message of the shipped catalogues; anything else is still formatted by intl-messageformat.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/catalogues.js';
import { plainParts, sayPlain } from '../../src/i18n/plain-message.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { LANGUAGES } from '../../src/shared/languages.js';

type Elements = ReturnType<IntlMessageFormat['getAst']>;

/** Each placeholder's name, and for a select its options. */
function variables(elements: Elements, into = new Map<string, string[]>()): Map<string, string[]> {
  for (const element of elements) {
    if (element.type === 0 || element.type === 7) continue;
    const options = 'options' in element ? Object.keys(element.options) : [];
    into.set(element.value, [...(into.get(element.value) ?? []), ...options]);
    if ('options' in element) for (const option of Object.values(element.options)) variables(option.value, into);
  }
  return into;
}

const TEXTS = ['Ana', '', '**Grant writing**', 'l’été « x »', 0, -0, 1200, 2.5];

describe('plain messages', () => {
  it('read as intl-messageformat reads them, for every plain message of every language, with texts, numbers and each option', () => {
    let plain = 0;
    const differ: string[] = [];
    for (const language of LANGUAGES) {
      for (const [key, source] of Object.entries(catalogues[language])) {
        const message = new IntlMessageFormat(source, language, undefined, { ignoreTag: true });
        const parts = plainParts(message.getAst());
        if (!parts) continue;
        plain++;
        const names = [...variables(message.getAst())];
        for (let round = 0; round < 12; round++) {
          const values: Record<string, string | number | boolean> = {};
          names.forEach(([name, options], i) => {
            const choices = options.length ? [...options, 'unlisted', true, false, 1] : TEXTS;
            values[name] = choices[(round + i) % choices.length]!;
          });
          let expected: string;
          try {
            expected = String(message.format(values));
          } catch {
            // What intl-messageformat refuses (a select without the option nor `other`) is left to it.
            if (sayPlain(parts, values) !== undefined) differ.push(`${language} ${key}: said what intl-messageformat refuses`);
            continue;
          }
          const said = sayPlain(parts, values);
          // A boolean said in a plain placeholder is left to intl-messageformat (it writes ",true,").
          if (said === undefined && Object.values(values).some((value) => typeof value === 'boolean')) continue;
          if (said !== expected) differ.push(`${language} ${key} ${JSON.stringify(values)}: ${JSON.stringify(said)} ≠ ${JSON.stringify(expected)}`);
        }
      }
    }
    expect(differ).toEqual([]);
    // Most of the catalogue is plain: the test covers what it says it does.
    expect(plain).toBeGreaterThan(1000);
  });

  it('are said without intl-messageformat, whatever their values; a plural, a number, a place or a missing value still go through it', () => {
    const formatted: string[] = [];
    const translate = createTranslator(
      {
        en: { reason: 'they offer **{skill}**{level, select, expert { (expert)} other {}}', count: '{n, plural, one {# space} other {# spaces}}', where: 'in {country}' },
        es: {},
        fr: {},
      },
      { trace: (key) => formatted.push(key) },
    );
    for (let i = 0; i < 1000; i++) expect(translate('en', 'reason', { skill: `Skill ${i}`, level: i % 2 ? 'expert' : 'none' })).toBe(`they offer **Skill ${i}**${i % 2 ? ' (expert)' : ''}`);
    expect(formatted).toEqual([]);
    expect(translate('en', 'count', { n: 2 })).toBe('2 spaces');
    expect(translate('en', 'where', { country: { country: 'FR' } })).toBe('in France');
    expect(() => translate('en', 'reason', { level: 'expert' })).toThrow();
    expect(formatted).toEqual(['count', 'where', 'reason']);
  });
});
