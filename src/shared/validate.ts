// Runs a zod schema over a use case's input and reports every problem at once, named as the member typed it,
// each as a message key (translated by the Discord layer) rather than zod's English.
import type { z } from 'zod';
import { invalidFields, msg, problem, type FieldProblem, type MessageValue } from './errors.js';

export const SNOWFLAKE = /^\d{15,21}$/;

/** A schema's own message may be a catalogue key (`.refine(ok, 'validation.singleLine')`); anything else is English. */
const KEY = /^[a-z][\w-]*(?:\.[\w-]+)+$/;

type Issue = z.core.$ZodIssue;

/** zod's own (English, generic) wording, as opposed to a message a schema wrote. */
const ZOD_WORDS = /^(Invalid|Too (big|small)|Expected|Unrecognized)\b/;

function sizeKey(issue: Issue & { origin?: string }, small: boolean): string {
  const origin = issue.origin;
  if (origin === 'string') return small ? 'validation.tooShort' : 'validation.tooLong';
  if (origin === 'array' || origin === 'set') return small ? 'validation.tooFew' : 'validation.tooMany';
  return small ? 'validation.tooSmall' : 'validation.tooLarge';
}

/** One zod issue as what the member reads: a key with the field's name and the limit, when zod's words are generic. */
export function issueProblem(issue: Issue, field: string): FieldProblem {
  const params = (issue as { params?: Record<string, MessageValue> }).params ?? {};
  if (KEY.test(issue.message)) return problem(field, msg(issue.message, { field, ...params }));
  switch (issue.code) {
    case 'too_big':
      return problem(field, msg(sizeKey(issue, false), { field, limit: Number(issue.maximum) }));
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return problem(field, msg('validation.empty', { field }));
      return problem(field, msg(sizeKey(issue, true), { field, limit: Number(issue.minimum) }));
    case 'invalid_type':
      return problem(field, issue.input === undefined ? msg('validation.required', { field }) : msg('validation.invalid', { field }));
    case 'invalid_value':
      return problem(field, msg('validation.oneOf', { field, choices: issue.values.map(String).join(', ') }));
    case 'invalid_format':
      // A pattern's own English says what the format is ("3-40 characters: a-z, 0-9 and hyphens"): keep it until
      // it is a key; only zod's generic "Invalid string" becomes the generic sentence.
      return ZOD_WORDS.test(issue.message) ? problem(field, msg('validation.format', { field })) : problem(field, `${field} ${issue.message}`);
    default:
      // A custom refinement still worded in English: shown as written, after the field's name.
      return problem(field, `${field} ${issue.message}`);
  }
}

/**
 * A number's bounds as one refinement and one sentence ("must be between 1 and 5,000"):
 * `z.number().refine(...between(1, 5000))` (zod passes `params` to the message only for refinements).
 */
export function between(min: number, max: number) {
  return [(value: number) => value >= min && value <= max, { message: 'validation.between', params: { min, max } }] as const;
}

/** `fields` maps input keys to option names ("durationMinutes" → "duration-minutes"). */
export function validate<S extends z.ZodType>(schema: S, input: unknown, fields: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidFields(
    parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return issueProblem(issue, fields[key] ?? key);
    }),
  );
}
