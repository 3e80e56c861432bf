// Turns raw option/modal values into validated input: zod, or typed readers for choice options; every problem
// is reported with the option's name.
import { z } from 'zod';
import { invalidFields, msg, problem, type FieldProblem } from '../shared/errors.js';
import { issueProblem } from '../shared/validate.js';

/**
 * Parses `raw` with `schema`. On failure throws one DomainError listing every bad field; `names` maps schema
 * keys to the option names members typed (e.g. organizerRoleId → organizer-role).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, names: Record<string, string> = {}): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw invalidFields(
    result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'input');
      return issueProblem(issue, names[key] ?? key);
    }),
  );
}

/** Member text: trimmed, 1..max code points, no control characters beyond newlines and tabs. */
export function memberText(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .refine((value) => value.length > 0, 'validation.empty')
    .refine((value) => [...value].length <= max, { message: 'validation.tooLong', params: { limit: max } })
    .refine(
      (value) => (options.multiline ? !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value) : !/[\u0000-\u001f\u007f]/.test(value)),
      options.multiline ? 'validation.controlCharacters' : 'validation.singleLine',
    );
}

export const snowflake = z.string().regex(/^\d{15,21}$/, 'validation.discordId');

/**
 * Reads string options that have fixed choices, typed as one of their values instead of cast. A value outside
 * the choices (a client that skipped them) is noted as "<option> must be one of ..."; check() then reports every
 * such option at once, before anything else runs.
 */
export function choiceReader(options: { getString(name: string): string | null }) {
  const problems: FieldProblem[] = [];
  function read<T extends string>(name: string, values: readonly T[]): T | undefined {
    const raw = options.getString(name);
    if (raw === null) return undefined;
    const found = values.find((value) => value === raw);
    if (found === undefined) problems.push(problem(name, msg('validation.oneOf', { field: name, choices: values.join(', ') })));
    return found;
  }
  return {
    optional: read,
    /** A required option: when it is missing or wrong, check() throws before the placeholder can be used. */
    required<T extends string>(name: string, values: readonly T[]): T {
      const found = read(name, values);
      if (found === undefined && !problems.some((p) => p.field === name)) problems.push(problem(name, msg('validation.required', { field: name })));
      return found ?? values[0]!;
    },
    check(): void {
      if (problems.length) throw invalidFields(problems);
    },
  };
}

type StringOptions = Parameters<typeof choiceReader>[0];

/** One optional choice option, typed (see choiceReader). */
export function choiceOption<T extends string>(options: StringOptions, name: string, values: readonly T[]): T | undefined {
  const choices = choiceReader(options);
  const value = choices.optional(name, values);
  choices.check();
  return value;
}

/** One required choice option, typed (see choiceReader). */
export function requiredChoiceOption<T extends string>(options: StringOptions, name: string, values: readonly T[]): T {
  const choices = choiceReader(options);
  const value = choices.required(name, values);
  choices.check();
  return value;
}
