// Pure rules of the idea machine: dot allowance, priority ranks, when to suggest a priority refresh.
import type { PriorityStatus } from '../db/schema/meetings.js';

/** Dots each member may spread over parked ideas per local calendar month. */
export const DOTS_PER_MONTH = 3;
export const MAX_PRIORITIES = 5;

export function dotsLeft(spent: number): number {
  return Math.max(0, DOTS_PER_MONTH - spent);
}

/**
 * With nothing left on the list and the last priority closed as achieved, it is time to pick new ones.
 * (A list emptied by clearing is a choice, not an achievement.)
 */
export function refreshSuggested(activeCount: number, lastClosed: { status: PriorityStatus } | null): boolean {
  return activeCount === 0 && lastClosed?.status === 'achieved';
}
