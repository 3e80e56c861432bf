// Discord's registration rules for chat-input commands, as a pure check: a test runs it over every command
// so a definition Discord would refuse never reaches a deploy.
import { ApplicationCommandOptionType, Locale, type APIApplicationCommandOption, type LocalizationMap } from 'discord.js';
import type { CommandDefinition } from './registration.js';

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const VALUE_TYPES_WITH_MIN_MAX = [ApplicationCommandOptionType.Integer, ApplicationCommandOptionType.Number];

function checkName(path: string, name: string, problems: string[]): void {
  if (!NAME.test(name)) problems.push(`${path}: name "${name}" must match ^[-_\\p{L}\\p{N}]{1,32}$`);
  if (name !== name.toLowerCase()) problems.push(`${path}: name "${name}" must be lowercase`);
}

function checkDescription(path: string, description: string | undefined, problems: string[]): void {
  const length = [...(description ?? '')].length;
  if (length < 1 || length > 100) problems.push(`${path}: description must be 1-100 characters (has ${length})`);
}

const LOCALES = new Set<string>(Object.values(Locale));

/** Translations (#19) obey the same length as the text they translate, and only Discord's locales are keys. */
function checkLocalizations(path: string, what: string, map: LocalizationMap | null | undefined, max: number, problems: string[]): void {
  for (const [locale, text] of Object.entries(map ?? {})) {
    if (!LOCALES.has(locale)) problems.push(`${path}: ${what} in "${locale}", which is not a Discord locale`);
    const length = [...(text ?? '')].length;
    if (length < 1 || length > max) problems.push(`${path}: ${what} in ${locale} must be 1-${max} characters (has ${length})`);
  }
}

function checkOptions(path: string, options: readonly APIApplicationCommandOption[], problems: string[], depth: number): void {
  if (options.length > 25) problems.push(`${path}: at most 25 options (has ${options.length})`);
  const names = new Set<string>();
  let sawOptional = false;
  const kinds = new Set(options.map((o) => (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup ? 'sub' : 'value')));
  if (kinds.size > 1) problems.push(`${path}: subcommands cannot be mixed with value options`);
  for (const option of options) {
    const here = `${path} ${option.name}`;
    checkName(here, option.name, problems);
    checkDescription(here, option.description, problems);
    checkLocalizations(here, 'description', option.description_localizations, 100, problems);
    if (names.has(option.name)) problems.push(`${here}: duplicate option name`);
    names.add(option.name);
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      if (depth > 0) problems.push(`${here}: a group can only sit at the top level`);
      const children = option.options ?? [];
      if (children.some((c) => c.type !== ApplicationCommandOptionType.Subcommand)) problems.push(`${here}: a group holds only subcommands`);
      checkOptions(here, children, problems, depth + 1);
      continue;
    }
    if (option.type === ApplicationCommandOptionType.Subcommand) {
      checkOptions(here, option.options ?? [], problems, 2);
      continue;
    }
    const required = 'required' in option && option.required === true;
    if (required && sawOptional) problems.push(`${here}: required options must come before optional ones`);
    if (!required) sawOptional = true;
    const choices = 'choices' in option ? option.choices : undefined;
    const autocomplete = 'autocomplete' in option ? option.autocomplete : undefined;
    if (choices && choices.length > 25) problems.push(`${here}: at most 25 choices`);
    if (choices && autocomplete) problems.push(`${here}: choices and autocomplete cannot be combined`);
    for (const choice of choices ?? []) {
      const length = [...choice.name].length;
      if (length < 1 || length > 100) problems.push(`${here}: choice name "${choice.name}" must be 1-100 characters`);
      checkLocalizations(here, `choice "${choice.name}"`, choice.name_localizations, 100, problems);
    }
    const hasMinMax = 'min_value' in option || 'max_value' in option;
    if (hasMinMax && !VALUE_TYPES_WITH_MIN_MAX.includes(option.type)) problems.push(`${here}: min/max value only on numbers`);
    const hasLength = 'min_length' in option || 'max_length' in option;
    if (hasLength && option.type !== ApplicationCommandOptionType.String) problems.push(`${here}: min/max length only on strings`);
    if ('channel_types' in option && option.type !== ApplicationCommandOptionType.Channel) problems.push(`${here}: channel types only on channel options`);
  }
}

interface Counted {
  name: string;
  description: string;
  description_localizations?: LocalizationMap | null;
}

/**
 * Discord's 4000-character budget: names, descriptions, and choice names and values, all levels, counted for one
 * locale at a time (its translations where there are, else the default text).
 */
function characterCount(entry: Counted, options: readonly APIApplicationCommandOption[], locale: string | null): number {
  const translated = (text: string, map: LocalizationMap | null | undefined) => [...((locale && map?.[locale as Locale]) || text)].length;
  let total = [...entry.name].length + translated(entry.description, entry.description_localizations);
  for (const option of options) {
    const children = 'options' in option && Array.isArray(option.options) ? option.options : [];
    total += characterCount(option, children, locale);
    for (const choice of ('choices' in option && option.choices) || []) total += translated(choice.name, choice.name_localizations) + [...String(choice.value)].length;
  }
  return total;
}

/** Every locale a definition translates anything into, anywhere in it. */
function localesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) localesIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'description_localizations' || key === 'name_localizations') && inner && typeof inner === 'object') for (const locale of Object.keys(inner)) found.add(locale);
      else localesIn(inner, found);
    }
  }
  return found;
}

/** Every rule a definition breaks, as readable lines; empty when Discord would accept it. */
export function commandDefinitionProblems(definition: CommandDefinition): string[] {
  const problems: string[] = [];
  const path = `/${definition.name}`;
  checkName(path, definition.name, problems);
  checkDescription(path, definition.description, problems);
  checkLocalizations(path, 'description', definition.description_localizations, 100, problems);
  checkOptions(path, definition.options ?? [], problems, 0);
  for (const locale of [null, ...localesIn(definition)]) {
    const size = characterCount(definition, definition.options ?? [], locale);
    if (size > 4000) problems.push(`${path}: names, descriptions and choices total ${size} characters${locale ? ` in ${locale}` : ''} (max 4000)`);
  }
  return problems;
}

/** Problems across the whole set: also duplicate names and the 100-command limit. */
export function commandSetProblems(definitions: readonly CommandDefinition[]): string[] {
  const problems = definitions.flatMap(commandDefinitionProblems);
  const names = definitions.map((d) => d.name);
  for (const name of new Set(names)) if (names.filter((n) => n === name).length > 1) problems.push(`/${name}: registered twice`);
  if (definitions.length > 100) problems.push(`at most 100 chat-input commands (has ${definitions.length})`);
  return problems;
}
