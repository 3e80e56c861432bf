// The catalogue checks of issue #19 as functions over any catalogues, so tests run them on the shipped ones and
// prove on small broken ones that each check can fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalogues } from '../../src/i18n/catalogues.js';
import type { CommandText } from '../../src/discord/command-localizations.js';
import { LANGUAGES } from '../../src/shared/languages.js';

/** `"key": "English"` lines a catalogue lacks, ready to paste into locales/<language>.json and translate. */
export function missingKeys(catalogues: Catalogues, required: readonly CommandText[], messageKeys: readonly string[]): Record<string, string[]> {
  const wanted = [...required, ...messageKeys.map((key) => ({ key, english: catalogues.en[key] ?? '' }))];
  const report: Record<string, string[]> = {};
  for (const language of LANGUAGES) {
    const lacking = wanted.filter(({ key }) => catalogues[language][key] === undefined);
    if (lacking.length) report[language] = lacking.map(({ key, english }) => `${JSON.stringify(key)}: ${JSON.stringify(english)}`);
  }
  return report;
}

/** Command texts whose English in locales/en.json is not what the definition says (translations may be stale). */
export function staleEnglish(catalogues: Catalogues, texts: readonly CommandText[]): string[] {
  return texts.filter(({ key, english }) => catalogues.en[key] !== undefined && catalogues.en[key] !== english).map(({ key, english }) => `${key}: the command says ${JSON.stringify(english)}, en.json says ${JSON.stringify(catalogues.en[key])}`);
}

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}
// @formatjs/icu-messageformat-parser's element types that name a value: argument, number, date, time, select, plural.
const ARGUMENT_TYPES = new Set([1, 2, 3, 4, 5, 6]);

function argumentsOf(nodes: readonly AstNode[], found = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (ARGUMENT_TYPES.has(node.type) && node.value) found.add(node.value);
    for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, found);
    argumentsOf(node.children ?? [], found);
  }
  return found;
}

/** The placeholders a message uses; throws when the message is not valid ICU. */
export function placeholders(message: string, language: string): string[] {
  const ast = new IntlMessageFormat(message, language, undefined, { ignoreTag: true }).getAst() as unknown as AstNode[];
  return [...argumentsOf(ast)].sort();
}

/** Messages whose placeholders differ from English, or that do not parse, as readable lines. */
export function placeholderProblems(catalogues: Catalogues): string[] {
  const problems: string[] = [];
  for (const [key, english] of Object.entries(catalogues.en)) {
    let expected: string[];
    try {
      expected = placeholders(english, 'en');
    } catch (error) {
      problems.push(`en ${key}: not valid ICU (${String(error)})`);
      continue;
    }
    for (const language of LANGUAGES) {
      const message = catalogues[language][key];
      if (language === 'en' || message === undefined) continue;
      try {
        const actual = placeholders(message, language);
        if (actual.join() !== expected.join()) problems.push(`${language} ${key}: has {${actual.join('}, {')}}, English has {${expected.join('}, {')}}`);
      } catch (error) {
        problems.push(`${language} ${key}: not valid ICU (${String(error)})`);
      }
    }
  }
  return problems;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/**
 * The message keys the code names: every dotted string literal, and the fixed heads of template literals such as
 * `alliance.language.name.${language}` (a key is used when it starts with such a head).
 */
export function keysNamedInCode(dirs: readonly string[]): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(dir)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/['"`]([a-z][\w-]*(?:\.[\w-]+)+)['"`]/g)) exact.add(match[1]!);
      for (const match of source.matchAll(/`([a-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) prefixes.push(match[1]!);
    }
  }
  return { exact, prefixes };
}

/** Keys in any catalogue that neither a command nor the code uses. */
export function unusedKeys(catalogues: Catalogues, commandKeys: ReadonlySet<string>, named: { exact: Set<string>; prefixes: string[] }): string[] {
  const all = new Set(LANGUAGES.flatMap((language) => Object.keys(catalogues[language]).map((key) => `${language} ${key}`)));
  return [...all].filter((entry) => {
    const key = entry.slice(entry.indexOf(' ') + 1);
    return !commandKeys.has(key) && !named.exact.has(key) && !named.prefixes.some((prefix) => key.startsWith(prefix));
  });
}
