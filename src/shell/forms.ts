// Forms (modals) as Discord keeps them: pre-filled values are submitted unless the member changes them, and a form
// the bot refused stays open with what was typed, so one corrected field is enough to submit it again.
import type { InteractionResult, MessageView } from '../testbed/types.js';
import { ShellError } from './shell-error.js';

export type Modal = NonNullable<InteractionResult['modal']>;

/** What a submission sends: every pre-filled value, with the typed fields (by id or label) over them. */
export function formValues(modal: Modal, typed: { key: string; value: string }[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of modal.fields) if (field.value !== undefined) values[field.customId] = field.value;
  for (const { key, value } of typed) {
    const wanted = key.toLowerCase();
    const field = modal.fields.find((f) => f.customId.toLowerCase() === wanted || f.label.toLowerCase() === wanted);
    if (!field) throw new ShellError(`The form has no field "${key}". Fields: ${modal.fields.map((f) => `${f.customId} (${f.label})`).join(', ')}`);
    values[field.customId] = value;
  }
  return values;
}

/** The same form holding what was submitted, as Discord shows it again after the bot refused it. */
export function keepTyped(modal: Modal, values: Record<string, string>): Modal {
  return { ...modal, fields: modal.fields.map((field) => (values[field.customId] === undefined ? field : { ...field, value: values[field.customId] })) };
}

/**
 * The bot's answer refuses the submission: the one error path answers privately with a warning, a "not allowed" or
 * "Something went wrong". Anything else (a confirmation, a post) closes the form.
 */
export function isRefusal(answer: MessageView | null): boolean {
  if (!answer || !answer.ephemeral) return false;
  return /^(⚠️|🚫|Something went wrong)/u.test(answer.content.trim());
}
