// What a decision (a proposal's result) says about an agenda item, kept as data: a message key and its values,
// stored as JSON in agenda_items.decision and said in each reader's language when read. Older rows hold the
// English text written before decisions were data; they are shown as written.
import { isMessageRef, type MessageRef } from '../shared/errors.js';

/** The column's text for a decision. */
export function storedDecision(decision: MessageRef): string {
  return JSON.stringify(decision);
}

/** The decision stored in the column: a sentence by key, or older English text, or null. */
export function decisionOf(stored: string | null): MessageRef | string | null {
  if (!stored) return null;
  if (!stored.startsWith('{')) return stored;
  try {
    const parsed: unknown = JSON.parse(stored);
    return isMessageRef(parsed) ? parsed : stored;
  } catch {
    return stored;
  }
}
