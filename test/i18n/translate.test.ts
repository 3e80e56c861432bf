// Locale resolution (decided in #19) and t(): ICU messages with CLDR plural rules, English as the fallback.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogues, type Catalogues } from '../../src/i18n/catalogues.js';
import { allianceLanguage, resolveLanguage } from '../../src/i18n/locale.js';
import { createTranslator, MissingMessageError, t } from '../../src/i18n/translate.js';
import { LANGUAGES, type Language } from '../../src/shared/languages.js';
import { placeholders } from '../support/i18n-checks.js';

describe('which language a Discord locale means', () => {
  it.each([
    ['en-US', 'en'], ['en-GB', 'en'], ['es-ES', 'es'], ['es-419', 'es'], ['fr', 'fr'],
    ['de', 'en'], ['pt-BR', 'en'], ['zh-CN', 'en'], ['', 'en'], [null, 'en'], [undefined, 'en'],
  ])('%s → %s', (locale, language) => {
    expect(resolveLanguage(locale)).toBe(language);
  });

  it('an alliance follows the server\'s locale until organizers choose a language', () => {
    expect(allianceLanguage(null, 'fr')).toBe('fr');
    expect(allianceLanguage(null, 'es-419')).toBe('es');
    expect(allianceLanguage(null, 'ja')).toBe('en');
    expect(allianceLanguage('es', 'fr')).toBe('es');
  });
});

describe('t(locale, key, values)', () => {
  const spaces: Catalogues = {
    en: { spaces: '{count, plural, one {# space} other {# spaces}} in {city}', onlyEnglish: 'Hello {name}' },
    es: { spaces: '{count, plural, one {# espacio} other {# espacios}} en {city}' },
    fr: { spaces: '{count, plural, one {# espace} other {# espaces}} à {city}' },
  };
  const translate = createTranslator(spaces);

  it('uses each language\'s plural rules: zero is singular in French, plural in English and Spanish', () => {
    expect(translate('en-US', 'spaces', { count: 0, city: 'Austin' })).toBe('0 spaces in Austin');
    expect(translate('es-419', 'spaces', { count: 0, city: 'Lima' })).toBe('0 espacios en Lima');
    expect(translate('fr', 'spaces', { count: 0, city: 'Montréal' })).toBe('0 espace à Montréal');
    expect(translate('fr', 'spaces', { count: 1, city: 'Lyon' })).toBe('1 espace à Lyon');
    expect(translate('es-ES', 'spaces', { count: 2, city: 'Madrid' })).toBe('2 espacios en Madrid');
  });

  it('writes numbers the language\'s way', () => {
    expect(translate('en-US', 'spaces', { count: 1200, city: 'X' })).toBe('1,200 spaces in X');
    expect(translate('es-ES', 'spaces', { count: 1200, city: 'X' })).toMatch(/^1[.\s\u00a0]?200 espacios en X$/);
    expect(translate('fr', 'spaces', { count: 1200, city: 'X' })).toBe('1\u202f200 espaces à X');
  });

  it('a message not yet translated falls back to English, and an unknown key is an error, never the raw key', () => {
    expect(translate('fr', 'onlyEnglish', { name: 'Ana' })).toBe('Hello Ana');
    expect(() => translate('fr', 'nowhere')).toThrow(MissingMessageError);
  });

  it('a message said again with the same values reads the same; other values, another language or -0 read their own', () => {
    const words = createTranslator({ en: { pair: '{a}|{b}', amount: '{n, number}' }, es: { pair: '{a} y {b}' }, fr: {} });
    const sayings = () => [
      words('en', 'pair', { a: 'x', b: 'y' }), words('en', 'pair', { a: 'x|y', b: '' }), words('en', 'pair', { a: '', b: 'x|y' }),
      words('en', 'pair', { a: 'x\u0000b\u00011:y', b: 'y' }), words('es', 'pair', { a: 'x', b: 'y' }), words('fr', 'pair', { a: 'x', b: 'y' }),
      words('en', 'amount', { n: 0 }), words('en', 'amount', { n: -0 }), words('en', 'amount', { n: 1200 }), words('en', 'amount', { n: '1200' }),
      words('en', 'pair', { a: 'x'.repeat(300), b: 'y' }).length,
    ];
    const expected = ['x|y', 'x|y|', '|x|y', 'x\u0000b\u00011:y|y', 'x y y', 'x|y', '0', '-0', '1,200', '1,200', 302];
    expect(sayings()).toEqual(expected);
    expect(sayings()).toEqual(expected);
  });

  it('the shipped catalogues speak each language', () => {
    expect(t('fr', 'alliance.language.followsServer', { language: t('fr', 'alliance.language.name.fr') })).toBe('français, la langue du serveur (à choisir avec /alliance setup language)');
    expect(t('es-419', 'alliance.language.name.en')).toBe('inglés');
    expect(t('de', 'alliance.language.name.es')).toBe('Spanish');
  });
});

describe('places inside messages', () => {
  const where: Catalogues = {
    en: { in: 'Not in {country}. Closest: {closest}', fallback: 'Only English: {country}' },
    es: { in: 'No está en {country}. Lo más cercano: {closest}' },
    fr: { in: 'Pas dans ce pays ({country}). Les plus proches : {closest}' },
  };
  const translate = createTranslator(where);
  const closest = [{ city: 'Tijuana', region: 'Baja California', country: 'MX' }, { city: 'Laval', region: null, country: 'CA' }];

  it('names a country given by its ISO code in the message’s language, and lists places one after another', () => {
    expect(translate('fr', 'in', { country: { country: 'US' }, closest })).toBe('Pas dans ce pays (États-Unis). Les plus proches : Tijuana, Baja California, Mexique\u00a0; Laval, Canada');
    expect(translate('es-419', 'in', { country: { country: 'US' }, closest })).toBe('No está en Estados Unidos. Lo más cercano: Tijuana, Baja California, México; Laval, Canadá');
    expect(translate('en-US', 'in', { country: { country: 'de' }, closest: [] })).toBe('Not in Germany. Closest: ');
  });

  it('says the country in English when the sentence falls back to English, and shows a code it cannot name as stored', () => {
    expect(translate('fr', 'fallback', { country: { country: 'MX' } })).toBe('Only English: Mexico');
    expect(translate('fr', 'fallback', { country: { country: 'not a code' } })).toBe('Only English: not a code');
  });
});

describe('formatters shared by the messages of a language', () => {
  // The translator hands intl-messageformat one set of Intl formatters per language, keyed by the options object in
  // each message; every message of the shipped catalogues must read exactly as with intl-messageformat's own.
  const fresh = (source: string, language: string, values: Record<string, number>) => {
    try {
      return String(new IntlMessageFormat(source, language, undefined, { ignoreTag: true }).format(values));
    } catch (error) {
      return `throws ${(error as Error).name}`;
    }
  };
  const shared = (language: Language, key: string, values: Record<string, number>) => {
    try {
      return t(language, key, values);
    } catch (error) {
      return `throws ${(error as Error).name}`;
    }
  };

  it.each(LANGUAGES)('in %s, every shipped message with numbers, plurals and dates reads as before, twice over', (language) => {
    const differ: string[] = [];
    for (const [key, source] of Object.entries(catalogues[language])) {
      for (const n of [1, 2, 1234.5, 0.25]) {
        const values = Object.fromEntries(placeholders(source, language).map((name) => [name, n]));
        const expected = fresh(source, language, values);
        if (shared(language, key, values) !== expected || shared(language, key, values) !== expected) differ.push(`${key} (${n})`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('a message without values is said the same on every call, in each language', () => {
    for (const language of LANGUAGES) expect([t(language, 'help.next'), t(language, 'help.next')]).toEqual([catalogues[language]['help.next'], catalogues[language]['help.next']]);
  });
});
