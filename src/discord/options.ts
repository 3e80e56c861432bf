// Turns raw option/modal values into validated input with zod; every problem is reported with the option's name.
import { z } from 'zod';
import { invalidFields } from '../shared/errors.js';

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
      const field = names[key] ?? key;
      return { field, message: `**${field}**: ${issue.message}` };
    }),
  );
}

/** Member text: trimmed, 1..max code points, no control characters beyond newlines and tabs. */
export function memberText(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .refine((value) => value.length > 0, 'cannot be empty')
    .refine((value) => [...value].length <= max, `must be at most ${max} characters`)
    .refine(
      (value) => (options.multiline ? !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value) : !/[\u0000-\u001f\u007f]/.test(value)),
      options.multiline ? 'contains control characters' : 'must be a single line',
    );
}

export const snowflake = z.string().regex(/^\d{15,21}$/, 'is not a Discord id');
