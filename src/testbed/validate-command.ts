// Discord's registration rules for application commands (names, descriptions, options, sizes) as 50035 trees.
import { FormErrors, type Path } from './errors.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const VALUE_TYPES = [3, 4, 5, 6, 7, 8, 9, 10, 11];
/** Discord's locales (https://discord.com/developers/docs/reference#locales): the only keys a localization map takes. */
export const DISCORD_LOCALES: ReadonlySet<string> = new Set(['id', 'da', 'de', 'en-GB', 'en-US', 'es-ES', 'es-419', 'fr', 'hr', 'it', 'lt', 'hu', 'nl', 'no', 'pl', 'pt-BR', 'ro', 'fi', 'sv-SE', 'vi', 'tr', 'cs', 'el', 'bg', 'ru', 'uk', 'hi', 'th', 'zh-CN', 'ja', 'zh-TW', 'ko']);

/** A `*_localizations` map: keys must be Discord locales, values as long as the field they translate. */
function checkLocalizations(e: FormErrors, p: Path, map: unknown, min: number, max: number): void {
  if (map === undefined || map === null) return;
  if (!isObj(map)) return e.add(p, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  for (const [locale, text] of Object.entries(map)) {
    if (!DISCORD_LOCALES.has(locale)) e.add([...p, locale], 'LOCALE_INVALID', `"${locale}" is not a valid locale.`);
    else if (text !== null) e.length([...p, locale], text, min, max);
  }
}

function checkName(e: FormErrors, p: Path, name: unknown, chatInput: boolean): void {
  if (typeof name !== 'string' || name.length === 0) return e.required([...p, 'name']);
  if (chatInput) {
    if (!NAME.test(name) || name !== name.toLowerCase()) e.add([...p, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  } else e.length([...p, 'name'], name, 1, 32);
}

function checkOptions(e: FormErrors, p: Path, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) return e.add([...p, 'options'], 'BASE_TYPE_ARRAY', 'Must be an array.');
  if (options.length > 25) e.add([...p, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let optionalSeen = false;
  const kinds = new Set<string>();
  options.forEach((raw: unknown, i) => {
    const op: Path = [...p, 'options', i];
    const o = isObj(raw) ? raw : {};
    const type = Number(o.type);
    checkName(e, op, o.name, true);
    e.length([...op, 'description'], o.description, 1, 100);
    checkLocalizations(e, [...op, 'description_localizations'], o.description_localizations, 1, 100);
    checkLocalizations(e, [...op, 'name_localizations'], o.name_localizations, 1, 32);
    if (typeof o.name === 'string') {
      if (names.has(o.name)) e.add([...op, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Command option names must be unique');
      names.add(o.name);
    }
    if (![1, 2, ...VALUE_TYPES].includes(type)) return e.choices([...op, 'type'], o.type, [1, 2, ...VALUE_TYPES]);
    kinds.add(type === 1 || type === 2 ? 'sub' : 'value');
    if (type === 2) {
      if (depth > 0) e.add([...op, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommand groups can only be nested in a command');
      const inner = Array.isArray(o.options) ? (o.options as unknown[]) : [];
      inner.forEach((s: unknown, j) => {
        if (!isObj(s) || s.type !== 1) e.add([...op, 'options', j, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommand groups may only contain subcommands');
      });
      checkOptions(e, op, o.options, depth + 1);
      return;
    }
    if (type === 1) {
      if (depth > 1) e.add([...op, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommands cannot be nested this deep');
      checkOptions(e, op, o.options, 2);
      return;
    }
    if (o.required === true && optionalSeen) e.add([...op, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    if (o.required !== true) optionalSeen = true;
    checkValueOption(e, op, o, type);
  });
  if (kinds.size > 1) e.add([...p, 'options'], 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Subcommands and subcommand groups cannot be mixed with other option types');
}

function checkValueOption(e: FormErrors, op: Path, o: Obj, type: number): void {
  const numeric = type === 4 || type === 10;
  const withChoices = numeric || type === 3;
  if (o.choices !== undefined) {
    if (!withChoices) e.add([...op, 'choices'], 'APPLICATION_COMMAND_OPTION_CHOICES_INVALID', 'Choices are only allowed for string, integer and number options');
    const choices = Array.isArray(o.choices) ? o.choices : [];
    if (choices.length > 25) e.add([...op, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    if (o.autocomplete === true && choices.length > 0) e.add([...op, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_EXCLUSIVE', 'Autocomplete cannot be set with choices');
    choices.forEach((c: unknown, k) => {
      const ch = isObj(c) ? c : {};
      e.length([...op, 'choices', k, 'name'], ch.name, 1, 100);
      checkLocalizations(e, [...op, 'choices', k, 'name_localizations'], ch.name_localizations, 1, 100);
      if (type === 3) e.length([...op, 'choices', k, 'value'], ch.value, 1, 100);
      else if (typeof ch.value !== 'number' || (type === 4 && !Number.isInteger(ch.value))) e.add([...op, 'choices', k, 'value'], 'NUMBER_TYPE_COERCE', 'Value is not a number of the option type.');
    });
  }
  if (o.autocomplete === true && !withChoices) e.add([...op, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID', 'Autocomplete is only allowed for string, integer and number options');
  for (const key of ['min_value', 'max_value']) {
    if (o[key] === undefined) continue;
    if (!numeric) e.add([...op, key], 'APPLICATION_COMMAND_OPTION_MIN_MAX_INVALID', `${key} is only allowed for integer and number options`);
    else if (typeof o[key] !== 'number') e.add([...op, key], 'NUMBER_TYPE_COERCE', 'Value is not a number.');
  }
  if (typeof o.min_value === 'number' && typeof o.max_value === 'number' && o.min_value > o.max_value) {
    e.add([...op, 'max_value'], 'NUMBER_TYPE_MIN', 'max_value must be greater than or equal to min_value.');
  }
  for (const key of ['min_length', 'max_length']) {
    if (o[key] === undefined) continue;
    if (type !== 3) e.add([...op, key], 'APPLICATION_COMMAND_OPTION_LENGTH_INVALID', `${key} is only allowed for string options`);
    else e.intRange([...op, key], o[key], key === 'min_length' ? 0 : 1, 6000);
  }
  if (o.channel_types !== undefined && type !== 7) e.add([...op, 'channel_types'], 'APPLICATION_COMMAND_OPTION_CHANNEL_TYPES_INVALID', 'channel_types is only allowed for channel options');
}

/** Counts what Discord counts toward the 4000-character command limit, for one locale (null: the default texts). */
function commandSize(c: Obj, locale: string | null): number {
  const text = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);
  const local = (o: Obj, field: 'name' | 'description'): number => {
    const map = o[`${field}_localizations`];
    const translated = locale && isObj(map) ? map[locale] : undefined;
    return text(typeof translated === 'string' ? translated : o[field]);
  };
  const walk = (options: unknown): number => (Array.isArray(options) ? options : []).reduce((sum: number, raw: unknown) => {
    const o = isObj(raw) ? raw : {};
    const choices = (Array.isArray(o.choices) ? o.choices : []).reduce((s: number, ch: unknown) => s + (isObj(ch) ? local(ch, 'name') + text(String(ch.value)) : 0), 0);
    return sum + local(o, 'name') + local(o, 'description') + choices + walk(o.options);
  }, 0);
  return local(c, 'name') + local(c, 'description') + walk(c.options);
}

/** Every locale translated anywhere in a command: each has its own 4000-character budget. */
function localesUsed(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => localesUsed(item, found));
  else if (isObj(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key.endsWith('_localizations') && isObj(inner)) Object.keys(inner).forEach((locale) => found.add(locale));
      else localesUsed(inner, found);
    }
  }
  return found;
}

export function validateCommand(e: FormErrors, p: Path, raw: unknown): void {
  if (!isObj(raw)) return e.add(p, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  const type = raw.type === undefined ? 1 : Number(raw.type);
  if (![1, 2, 3, 4].includes(type)) return e.choices([...p, 'type'], raw.type, [1, 2, 3, 4]);
  checkName(e, p, raw.name, type === 1);
  checkLocalizations(e, [...p, 'name_localizations'], raw.name_localizations, 1, 32);
  if (type === 1) {
    e.length([...p, 'description'], raw.description, 1, 100);
    checkLocalizations(e, [...p, 'description_localizations'], raw.description_localizations, 1, 100);
    checkOptions(e, p, raw.options, 0);
    if ([null, ...localesUsed(raw)].some((locale) => commandSize(raw, locale) > 4000)) e.add(p, 'APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (4000)');
  } else {
    if (raw.description !== undefined && raw.description !== '') e.add([...p, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have a description');
    if (raw.options !== undefined && Array.isArray(raw.options) && raw.options.length) e.add([...p, 'options'], 'APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS', 'Context menu commands cannot have options');
  }
  const dmp = raw.default_member_permissions;
  if (dmp !== undefined && dmp !== null && !(typeof dmp === 'string' && /^\d+$/.test(dmp))) {
    e.add([...p, 'default_member_permissions'], 'BASE_TYPE_STRING', 'Must be a permission bitfield string.');
  }
  if (raw.contexts !== undefined && raw.contexts !== null) {
    (Array.isArray(raw.contexts) ? raw.contexts : [raw.contexts]).forEach((c: unknown, i) => e.choices([...p, 'contexts', i], c, [0, 1, 2]));
  }
  if (raw.integration_types !== undefined) {
    (Array.isArray(raw.integration_types) ? raw.integration_types : []).forEach((c: unknown, i) => e.choices([...p, 'integration_types', i], c, [0, 1]));
  }
}

/** A whole scope (bulk overwrite): every command, then names unique per type and ≤ 100 chat-input commands. */
export function validateCommandSet(body: unknown): Obj[] {
  const e = new FormErrors();
  if (!Array.isArray(body)) {
    e.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    e.throwIfAny();
  }
  const list = body as unknown[];
  list.forEach((c, i) => validateCommand(e, [i], c));
  const seen = new Set<string>();
  const perType = new Map<number, number>();
  list.forEach((c, i) => {
    if (!isObj(c)) return;
    const type = c.type === undefined ? 1 : Number(c.type);
    const key = `${type}:${String(c.name)}`;
    if (seen.has(key)) e.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
    perType.set(type, (perType.get(type) ?? 0) + 1);
  });
  if ((perType.get(1) ?? 0) > 100) e.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer chat input commands.');
  if ((perType.get(2) ?? 0) > 15 || (perType.get(3) ?? 0) > 15) e.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 15 or fewer user and message commands each.');
  e.throwIfAny();
  return list as Obj[];
}
