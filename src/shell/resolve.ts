// Turns a parsed /command into what the driver sends, by reading the command's registered definition:
// which words are a group or subcommand, and how each option value converts (number, boolean, channel id…).
import { z } from 'zod';
import type { AttachmentInput } from '../testbed/types.js';
import type { CommandAction, ValueToken } from './parse.js';

/** Discord's ApplicationCommandOptionType numbers. */
export const OPTION_TYPE = {
  subcommand: 1,
  group: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  role: 8,
  mentionable: 9,
  number: 10,
  attachment: 11,
} as const;

const choiceSchema = z.object({ name: z.string(), value: z.union([z.string(), z.number()]) });

export interface OptionDefinition {
  type: number;
  name: string;
  required?: boolean | undefined;
  autocomplete?: boolean | undefined;
  choices?: z.infer<typeof choiceSchema>[] | undefined;
  options?: OptionDefinition[] | undefined;
}

const optionSchema: z.ZodType<OptionDefinition> = z.lazy(() =>
  z.object({
    type: z.number(),
    name: z.string(),
    required: z.boolean().optional(),
    autocomplete: z.boolean().optional(),
    choices: z.array(choiceSchema).optional(),
    options: z.array(optionSchema).optional(),
  }),
);

const commandSchema = z.object({
  name: z.string(),
  /** 1 chat input (the default), 2 user and 3 message context menus. */
  type: z.number().optional(),
  options: z.array(optionSchema).optional(),
});

/** How names typed in the shell become ids; each throws a ResolveError naming what exists. */
export interface Lookup {
  channel(name: string): string;
  member(name: string): string;
  role(name: string): string;
  readFile(path: string): AttachmentInput;
}

export class ResolveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResolveError';
  }
}

export type OptionValue = string | number | boolean | AttachmentInput;

export interface ResolvedCommand {
  name: string;
  group?: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
  /** Set when the line asked for choices: the option being typed and its definition. */
  focused: OptionDefinition | null;
  /** The whole command as a member would read it, for messages: "/space hosts add". */
  label: string;
  /** Autocomplete options given a name rather than a value: the session asks the bot which choice it means. */
  named: { option: OptionDefinition; typed: string }[];
}

const SNOWFLAKE = /^\d{17,20}$/;

export function resolveCommand(action: CommandAction, registered: Record<string, unknown>[], lookup: Lookup): ResolvedCommand {
  const definitions = registered.flatMap((raw) => {
    const parsed = commandSchema.safeParse(raw);
    return parsed.success && (parsed.data.type ?? 1) === 1 ? [parsed.data] : [];
  });
  const [name, ...words] = action.path;
  const definition = definitions.find((d) => d.name === name);
  if (!definition) {
    const known = definitions.map((d) => `/${d.name}`).sort().join(', ') || 'none registered yet';
    throw new ResolveError(`There is no command /${name}. Commands: ${known}`);
  }

  let leafOptions = definition.options ?? [];
  const resolved: ResolvedCommand = { name: definition.name, options: {}, focused: null, label: `/${definition.name}`, named: [] };
  const branches = (options: OptionDefinition[]) => options.filter((o) => o.type === OPTION_TYPE.subcommand || o.type === OPTION_TYPE.group);

  for (const word of words) {
    const branch = branches(leafOptions).find((o) => o.name === word);
    if (!branch) {
      const choices = describeBranches(leafOptions);
      throw new ResolveError(
        choices ? `${resolved.label} has no subcommand "${word}". Choose one of: ${choices}` : `${resolved.label} takes no subcommand; "${word}" is not expected`,
      );
    }
    if (branch.type === OPTION_TYPE.group) resolved.group = branch.name;
    else resolved.subcommand = branch.name;
    resolved.label += ` ${branch.name}`;
    leafOptions = branch.options ?? [];
  }
  if (branches(leafOptions).length > 0) {
    throw new ResolveError(`${resolved.label} needs a subcommand: ${describeBranches(leafOptions)}`);
  }

  for (const { name: optionName, value } of action.options) {
    const option = leafOptions.find((o) => o.name === optionName);
    if (!option) {
      const known = leafOptions.map((o) => o.name).join(', ');
      throw new ResolveError(`${resolved.label} has no option "${optionName}". ${known ? `Options: ${known}` : 'It takes no options.'}`);
    }
    const focused = action.autocomplete === optionName;
    const numeric = option.type === OPTION_TYPE.integer || option.type === OPTION_TYPE.number;
    const named = !focused && option.autocomplete === true && value.kind === 'text' && !(numeric && Number.isFinite(Number(value.text)) && value.text.trim() !== '');
    // The text being typed for autocomplete is sent as is: it is a partial word, not a finished value.
    resolved.options[optionName] = focused || named ? tokenText(value) : convert(option, value, lookup, resolved.label);
    if (focused) resolved.focused = option;
    if (named) resolved.named.push({ option, typed: tokenText(value) });
  }

  if (!resolved.focused) {
    const missing = leafOptions.filter((o) => o.required && !(o.name in resolved.options)).map((o) => o.name);
    if (missing.length > 0) throw new ResolveError(`${resolved.label} needs ${missing.map((m) => `${m}:…`).join(' ')}`);
  }
  return resolved;
}

function describeBranches(options: OptionDefinition[]): string {
  return options
    .flatMap((o) =>
      o.type === OPTION_TYPE.group ? (o.options ?? []).map((s) => `${o.name} ${s.name}`) : o.type === OPTION_TYPE.subcommand ? [o.name] : [],
    )
    .join(', ');
}

function tokenText(value: ValueToken): string {
  return value.kind === 'text' ? value.text : value.raw;
}

function convert(option: OptionDefinition, value: ValueToken, lookup: Lookup, label: string): OptionValue {
  const text = tokenText(value);
  const fail = (expected: string): never => {
    throw new ResolveError(`${label} option "${option.name}" needs ${expected} (got "${text}")`);
  };
  // A member may type a choice by its display name (`kind:Monthly`), as they would pick it in Discord's list.
  const byName = (option.choices ?? []).find((c) => c.name.toLowerCase() === text.toLowerCase() && String(c.value) !== text);
  if (byName) return byName.value;
  switch (option.type) {
    case OPTION_TYPE.integer:
      if (!/^-?\d+$/.test(text)) fail('a whole number');
      return Number(text);
    case OPTION_TYPE.number: {
      const number = Number(text);
      if (text.trim() === '' || !Number.isFinite(number)) fail('a number');
      return number;
    }
    case OPTION_TYPE.boolean: {
      const lower = text.toLowerCase();
      if (['true', 'yes', 'on'].includes(lower)) return true;
      if (['false', 'no', 'off'].includes(lower)) return false;
      return fail('true or false');
    }
    case OPTION_TYPE.user:
      if (value.kind === 'user' || value.kind === 'text') return SNOWFLAKE.test(text) ? text : lookup.member(nameOf(value));
      return fail('a member, e.g. @marcus');
    case OPTION_TYPE.channel:
      if (value.kind === 'channel' || value.kind === 'text') return SNOWFLAKE.test(text) ? text : lookup.channel(nameOf(value));
      return fail('a channel, e.g. #general');
    case OPTION_TYPE.role:
      if (value.kind === 'role' || value.kind === 'text') return SNOWFLAKE.test(text) ? text : lookup.role(nameOf(value));
      return fail('a role, e.g. @&Organizers');
    case OPTION_TYPE.mentionable:
      if (value.kind === 'user') return lookup.member(value.name);
      if (value.kind === 'role') return lookup.role(value.name);
      if (SNOWFLAKE.test(text)) return text;
      return fail('a member or a role, e.g. @marcus or @&Organizers');
    case OPTION_TYPE.attachment:
      return lookup.readFile(text);
    default:
      return text;
  }
}

function nameOf(value: ValueToken): string {
  return value.kind === 'text' ? value.text : value.name;
}

/** Static choices filtered the way Discord's client filters them while a member types. */
export function staticChoices(option: OptionDefinition, typed: string): { name: string; value: string | number }[] {
  const needle = typed.toLowerCase();
  return (option.choices ?? []).filter((c) => c.name.toLowerCase().includes(needle) || String(c.value).toLowerCase().includes(needle));
}
