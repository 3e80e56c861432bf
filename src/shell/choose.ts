// How the shell finds what a person means: a button by any part of its label or by its emoji, and the best of the
// bot's autocomplete choices for a name typed into an option. Pure.
import type { ComponentView } from '../testbed/types.js';
import { ShellError } from './shell-error.js';

export interface Choice {
  name: string;
  value: string | number;
}

function emojiOf(button: ComponentView): string {
  const emoji = button.emoji as { name?: unknown } | undefined;
  return typeof emoji?.name === 'string' ? emoji.name : '';
}

/** "✅ Approve": the button as a member reads it. */
export function buttonText(button: ComponentView): string {
  return `${emojiOf(button)} ${button.label ?? ''}`.trim();
}

/**
 * The button `wanted` names among one message's buttons: its whole label or emoji first, then a part of its label.
 * Null when none does; an error when a part fits several (the person must say which).
 */
export function matchButton(buttons: ComponentView[], wanted: string): ComponentView | null {
  const text = wanted.trim().toLowerCase();
  if (!text) return null;
  const whole = buttons.find((b) => (b.label ?? '').trim().toLowerCase() === text || emojiOf(b) === wanted.trim() || buttonText(b).toLowerCase() === text);
  if (whole) return whole;
  const partial = buttons.filter((b) => buttonText(b).toLowerCase().includes(text));
  if (partial.length > 1) throw new ShellError(`"${wanted}" fits several buttons: ${partial.map((b) => `[${buttonText(b)}]`).join(' ')}. Type more of the label`);
  return partial[0] ?? null;
}

/**
 * The choice a typed name means. A value typed exactly is kept; a name typed whole is its value. Numbers (ids) must
 * be picked: the first choice containing the text, else the bot's first (it orders them by relevance). Text
 * options take free text in Discord, so text only becomes a choice when exactly one choice contains it.
 */
export function bestChoice(typed: string, choices: Choice[], numeric: boolean): { choice: Choice; exact: boolean } | null {
  const text = typed.trim().toLowerCase();
  const exactValue = choices.find((c) => String(c.value).toLowerCase() === text);
  if (exactValue) return { choice: exactValue, exact: true };
  const exactName = choices.find((c) => c.name.toLowerCase() === text);
  if (exactName) return { choice: exactName, exact: false };
  const containing = choices.filter((c) => c.name.toLowerCase().includes(text) || String(c.value).toLowerCase().includes(text));
  if (!numeric) return containing.length === 1 ? { choice: containing[0]!, exact: false } : null;
  const best = containing[0] ?? choices[0];
  return best ? { choice: best, exact: false } : null;
}
