// Runs a zod schema over a use case's input and reports every problem at once, named as the member typed it.
import type { z } from 'zod';
import { invalidFields } from './errors.js';

export const SNOWFLAKE = /^\d{15,21}$/;

/** `fields` maps input keys to option names ("durationMinutes" → "duration-minutes"). */
export function validate<S extends z.ZodType>(schema: S, input: unknown, fields: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidFields(
    parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const field = fields[key] ?? key;
      return { field, message: `${field} ${issue.message}` };
    }),
  );
}
