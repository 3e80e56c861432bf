// `help /command [sub]`: a command's options as Discord's client describes them (description, type, required,
// limits, choices, autocomplete), read from the registered definition. Pure.
import { z } from 'zod';
import { OPTION_TYPE } from './resolve.js';
import { ShellError } from './shell-error.js';

type Localized = Record<string, string | null> | null | undefined;

interface HelpOption {
  type: number;
  name: string;
  description?: string | undefined;
  description_localizations?: Localized;
  required?: boolean | undefined;
  autocomplete?: boolean | undefined;
  choices?: { name: string; value: string | number; name_localizations?: Localized }[] | undefined;
  min_length?: number | undefined;
  max_length?: number | undefined;
  min_value?: number | undefined;
  max_value?: number | undefined;
  options?: HelpOption[] | undefined;
}

const localizedSchema = z.record(z.string(), z.string().nullable()).nullish();

const optionSchema: z.ZodType<HelpOption> = z.lazy(() =>
  z.object({
    type: z.number(),
    name: z.string(),
    description: z.string().optional(),
    description_localizations: localizedSchema,
    required: z.boolean().optional(),
    autocomplete: z.boolean().optional(),
    choices: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]), name_localizations: localizedSchema })).optional(),
    min_length: z.number().optional(),
    max_length: z.number().optional(),
    min_value: z.number().optional(),
    max_value: z.number().optional(),
    options: z.array(optionSchema).optional(),
  }),
);
const commandSchema = z.object({ name: z.string(), description: z.string().optional(), description_localizations: localizedSchema, type: z.number().optional(), options: z.array(optionSchema).optional() });

const TYPE_WORDS: Record<number, string> = {
  [OPTION_TYPE.string]: 'text',
  [OPTION_TYPE.integer]: 'whole number',
  [OPTION_TYPE.boolean]: 'true or false',
  [OPTION_TYPE.user]: 'member, e.g. @marcus',
  [OPTION_TYPE.channel]: 'channel, e.g. #general',
  [OPTION_TYPE.role]: 'role, e.g. @&Organizers',
  [OPTION_TYPE.mentionable]: 'member or role',
  [OPTION_TYPE.number]: 'number',
  [OPTION_TYPE.attachment]: 'file path',
};
const INDENT = '  ';
const isBranch = (o: HelpOption) => o.type === OPTION_TYPE.subcommand || o.type === OPTION_TYPE.group;

function limits(option: HelpOption): string[] {
  const parts: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) parts.push(`${min}-${max}${unit}`);
    else if (max !== undefined) parts.push(`at most ${max}${unit}`);
    else if (min !== undefined) parts.push(`at least ${min}${unit}`);
  };
  range(option.min_length, option.max_length, ' characters');
  range(option.min_value, option.max_value, '');
  return parts;
}

/** What Discord's client shows a member using `locale`: the translation when there is one. */
const inLocale = (text: string | undefined, translations: Localized, locale: string): string | undefined => translations?.[locale] ?? text;

function describeOption(option: HelpOption, locale: string): string[] {
  const description = inLocale(option.description, option.description_localizations, locale);
  const facts = [TYPE_WORDS[option.type] ?? `type ${option.type}`, option.required ? 'required' : 'optional', ...limits(option)];
  if (option.autocomplete) facts.push('autocomplete: type a name, or end with ? to list choices');
  const lines = [`${INDENT}${option.name}: (${facts.join(', ')})${description ? ` ${description}` : ''}`];
  if (option.choices?.length) {
    const named = option.choices.map((c) => ({ name: inLocale(c.name, c.name_localizations, locale) ?? c.name, value: c.value }));
    lines.push(`${INDENT}${INDENT}one of: ${named.map((c) => (c.name === String(c.value) ? c.name : `${c.name} (${c.value})`)).join(' · ')}`);
  }
  return lines;
}

/** The help text for `/name [group] [sub]`: its options, or the subcommands to choose from. */
export function renderCommandHelp(path: string[], registered: Record<string, unknown>[], locale = 'en-US'): string {
  const [name, ...words] = path;
  const command = registered.flatMap((raw) => {
    const parsed = commandSchema.safeParse(raw);
    return parsed.success && (parsed.data.type ?? 1) === 1 && parsed.data.name === name ? [parsed.data] : [];
  })[0];
  if (!command) throw new ShellError(`There is no command /${name}; /help lists them`);
  let label = `/${command.name}`;
  let description = inLocale(command.description, command.description_localizations, locale) ?? '';
  let options = command.options ?? [];
  for (const word of words) {
    const branch = options.filter(isBranch).find((o) => o.name === word);
    if (!branch) throw new ShellError(`${label} has no subcommand "${word}"; help ${label} lists them`);
    label += ` ${branch.name}`;
    description = inLocale(branch.description, branch.description_localizations, locale) ?? '';
    options = branch.options ?? [];
  }
  const lines = [`${label}${description ? `: ${description}` : ''}`];
  const branches = options.filter(isBranch);
  if (branches.length > 0) {
    for (const branch of branches) {
      const subs = branch.type === OPTION_TYPE.group ? (branch.options ?? []) : [branch];
      for (const sub of subs) {
        const full = branch.type === OPTION_TYPE.group ? `${branch.name} ${sub.name}` : sub.name;
        const subDescription = inLocale(sub.description, sub.description_localizations, locale);
        lines.push(`${INDENT}${label} ${full}${subDescription ? `: ${subDescription}` : ''}`);
      }
    }
    lines.push(`${INDENT}help ${label} <subcommand> lists its options`);
    return lines.join('\n');
  }
  if (options.length === 0) return [...lines, `${INDENT}(no options)`].join('\n');
  for (const option of options) lines.push(...describeOption(option, locale));
  return lines.join('\n');
}
