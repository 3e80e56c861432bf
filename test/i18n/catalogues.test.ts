// The catalogues in locales/ are complete, used, and agree between languages; the command surface is translated
// within Discord's limits. After a merge brings new commands, the first test lists the keys to add.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { commandDefinitionProblems } from '../../src/discord/command-rules.js';
import { commandTexts } from '../../src/discord/command-localizations.js';
import { registrationBody } from '../../src/discord/registration.js';
import { catalogues, type Catalogues } from '../../src/i18n/catalogues.js';
import { keysNamedInCode, missingKeys, placeholderProblems, staleEnglish, unusedKeys } from '../support/i18n-checks.js';

const definitions = registrationBody(commands);
const texts = commandTexts(definitions);
const commandKeys = new Set(texts.map(({ key }) => key));
const messageKeys = Object.keys(catalogues.en).filter((key) => !commandKeys.has(key));
const codeDirs = ['../../src', '../../commands'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

describe('the catalogues', () => {
  it('every command, option and choice has its text in en, es and fr (missing lines listed per catalogue)', () => {
    const report = Object.entries(missingKeys(catalogues, texts, messageKeys)).map(([language, lines]) => `locales/${language}.json lacks (add, translated):\n  ${lines.join(',\n  ')}`);
    expect(report.join('\n\n'), 'npx tsx scripts/i18n-commands.ts <language> prints the same lines').toBe('');
  });

  it('the English catalogue says what the command definitions say, so no translation describes an old text', () => {
    expect(staleEnglish(catalogues, texts), 'update locales/en.json, then check es.json and fr.json say the same').toEqual([]);
  });

  it('no catalogue keeps a message that no command or code uses', () => {
    expect(unusedKeys(catalogues, commandKeys, keysNamedInCode(codeDirs))).toEqual([]);
  });

  it('every message has the same placeholders in every language and is valid ICU', () => {
    expect(placeholderProblems(catalogues)).toEqual([]);
  });
});

describe('the command surface in three languages', () => {
  it('every description and choice reaches Discord in es-ES, es-419 and fr', () => {
    const untranslated: string[] = [];
    const visit = (entry: { name: string; description_localizations?: object | null; choices?: readonly { name: string; name_localizations?: object | null }[]; options?: readonly unknown[] }, path: string): void => {
      for (const locale of ['es-ES', 'es-419', 'fr']) {
        if (!entry.description_localizations || !(locale in entry.description_localizations)) untranslated.push(`${path} description ${locale}`);
        for (const choice of entry.choices ?? []) if (!choice.name_localizations || !(locale in choice.name_localizations)) untranslated.push(`${path} choice ${choice.name} ${locale}`);
      }
      for (const option of (entry.options ?? []) as (typeof entry)[]) visit(option, `${path} ${option.name}`);
    };
    for (const definition of definitions) visit(definition, `/${definition.name}`);
    expect(untranslated).toEqual([]);
  });

  it('every translated description and choice name fits Discord\'s limits (100 characters, 4000 per command and locale)', () => {
    expect(definitions.flatMap(commandDefinitionProblems)).toEqual([]);
  });

  it('command and option names stay English', () => {
    const names = (entries: readonly { name: string; name_localizations?: unknown; options?: readonly unknown[] }[]): unknown[] =>
      entries.flatMap((entry) => [entry.name_localizations, ...names((entry.options ?? []) as typeof entries)]);
    expect(names(definitions).filter((map) => map !== undefined && map !== null)).toEqual([]);
  });
});

describe('each check can fail', () => {
  const broken: Catalogues = {
    en: { 'commands.vote.description': 'Vote', 'greeting.spaces': '{count, plural, one {# space} other {# spaces}} in {city}', 'old.thing': 'Old' },
    es: { 'commands.vote.description': 'Votar', 'greeting.spaces': '{count, plural, one {# espacio} other {# espacios}} en {ciudad}' },
    fr: { 'greeting.spaces': '{count, plural, one {# espace} other {# espaces} en {city}' },
  };

  it('names the key a language lacks, with the English to translate', () => {
    expect(missingKeys(broken, [{ key: 'commands.vote.description', english: 'Vote' }], ['greeting.spaces'])).toEqual({ fr: ['"commands.vote.description": "Vote"'] });
  });

  it('names a renamed placeholder and a message that does not parse', () => {
    const problems = placeholderProblems(broken);
    expect(problems).toContainEqual('es greeting.spaces: has {ciudad}, {count}, English has {city}, {count}');
    expect(problems.some((line) => line.startsWith('fr greeting.spaces: not valid ICU'))).toBe(true);
  });

  it('names a key nothing uses', () => {
    expect(unusedKeys(broken, new Set(['commands.vote.description']), { exact: new Set(), prefixes: ['greeting.'] })).toEqual(['en old.thing']);
  });

  it('names an English text the command no longer says', () => {
    expect(staleEnglish(broken, [{ key: 'commands.vote.description', english: 'Vote on a proposal' }])).toEqual(['commands.vote.description: the command says "Vote on a proposal", en.json says "Vote"']);
  });
});
