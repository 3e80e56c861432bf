// Adds Spanish and French descriptions (and choice names) to the registration JSON from the catalogues, so command
// modules stay in English and never change for a translation. Keys follow the command path:
// commands.<command>[.<group>][.<subcommand>][.options.<option>].description and ….options.<option>.choices.<value>.
import type { Catalogues } from '../i18n/catalogues.js';
import { DISCORD_LOCALES } from '../i18n/locale.js';
import type { Language } from '../shared/languages.js';

type LocalizationMap = Partial<Record<string, string | null>>;

/** The parts of a registration entry (command, subcommand, option, choice) the walker reads or fills. */
interface Localizable {
  name: string;
  description?: string;
  type?: number;
  options?: readonly Localizable[];
  choices?: readonly { name: string; value: string | number; name_localizations?: LocalizationMap | null }[];
  description_localizations?: LocalizationMap | null;
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

/** One translatable text of the command surface: its catalogue key and the English the definition carries. */
export interface CommandText {
  key: string;
  english: string;
}

function childPath(parent: string, option: Localizable): string {
  return option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP ? `${parent}.${option.name}` : `${parent}.options.${option.name}`;
}

function walk(entry: Localizable, path: string, visit: (text: CommandText) => void): void {
  if (entry.description !== undefined) visit({ key: `${path}.description`, english: entry.description });
  for (const choice of entry.choices ?? []) visit({ key: `${path}.choices.${choice.value}`, english: choice.name });
  for (const option of entry.options ?? []) walk(option, childPath(path, option), visit);
}

/** Every description and choice name of the given commands with its catalogue key, in registration order. */
export function commandTexts(definitions: readonly Localizable[]): CommandText[] {
  const texts: CommandText[] = [];
  for (const definition of definitions) walk(definition, `commands.${definition.name}`, (text) => texts.push(text));
  return texts;
}

function localizations(catalogues: Catalogues, key: string): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  for (const [language, locales] of Object.entries(DISCORD_LOCALES) as [Exclude<Language, 'en'>, readonly string[]][]) {
    const text = catalogues[language][key];
    if (text === undefined) continue;
    for (const locale of locales) found[locale] = text;
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

function localizeEntry<T extends Localizable>(entry: T, path: string, catalogues: Catalogues): T {
  const description = entry.description === undefined ? undefined : localizations(catalogues, `${path}.description`);
  return {
    ...entry,
    ...(description ? { description_localizations: description } : {}),
    ...(entry.choices
      ? {
          choices: entry.choices.map((choice) => {
            const names = localizations(catalogues, `${path}.choices.${choice.value}`);
            return names ? { ...choice, name_localizations: names } : choice;
          }),
        }
      : {}),
    ...(entry.options ? { options: entry.options.map((option) => localizeEntry(option, childPath(path, option), catalogues)) } : {}),
  };
}

/**
 * The definitions with `description_localizations` and choices' `name_localizations` for every translation the
 * catalogues hold. A missing translation leaves Discord showing the English text (the catalogue tests name it).
 */
export function localizeCommands<T extends Localizable>(definitions: readonly T[], catalogues: Catalogues): T[] {
  return definitions.map((definition) => localizeEntry(definition, `commands.${definition.name}`, catalogues));
}
