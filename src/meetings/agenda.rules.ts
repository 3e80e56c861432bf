// Pure agenda decisions: timeboxing items into the structured hour, the freeze, limits and who may touch what.
import { DAY, MINUTE } from '../shared/clock.js';

/** A meeting holds at most this many agenda items, organizers' included. */
export const MAX_AGENDA_ITEMS = 25;
export const ITEM_MINUTES = { min: 1, max: 120 } as const;
export const DURATION_MINUTES = { min: 15, max: 480 } as const;
export const DEFAULT_DURATION = 120;
export const DEFAULT_STRUCTURED = 60;
/** The agenda is posted, and frozen for members, this long before the start. */
export const FREEZE_BEFORE_MS = DAY;
/** The "starting now" post goes out this long before the start. */
export const START_POST_BEFORE_MS = 10 * MINUTE;
/** Members can mark themselves present from this long before the start … */
export const ATTENDANCE_OPENS_BEFORE_MS = 15 * MINUTE;
/** … until this long after the end. */
export const ATTENDANCE_CLOSES_AFTER_MS = DAY;

export interface TimeboxInput {
  id: number;
  minutes: number;
}

export interface TimeboxedItem<T extends TimeboxInput> {
  item: T;
  plannedStart: number;
  plannedEnd: number;
  /** True when the item ends after the structured block. */
  overTime: boolean;
}

export interface Timebox<T extends TimeboxInput> {
  items: TimeboxedItem<T>[];
  structuredEnd: number;
  /** Minutes the items run past the structured block (0 when they fit). */
  overByMinutes: number;
  social: { start: number; end: number } | null;
}

/** Items fill the structured block in order; whatever ends after it is over time. The social block follows. */
export function timebox<T extends TimeboxInput>(
  items: readonly T[],
  meeting: { startsAt: number; durationMinutes: number; structuredMinutes: number },
): Timebox<T> {
  const structuredEnd = meeting.startsAt + meeting.structuredMinutes * MINUTE;
  const end = meeting.startsAt + meeting.durationMinutes * MINUTE;
  let cursor = meeting.startsAt;
  const boxed = items.map((item) => {
    const plannedStart = cursor;
    cursor += item.minutes * MINUTE;
    return { item, plannedStart, plannedEnd: cursor, overTime: cursor > structuredEnd };
  });
  const overByMinutes = Math.max(0, Math.round((cursor - structuredEnd) / MINUTE));
  return { items: boxed, structuredEnd, overByMinutes, social: structuredEnd < end ? { start: structuredEnd, end } : null };
}

export function freezesAt(startsAt: number): number {
  return startsAt - FREEZE_BEFORE_MS;
}

/** Members' new items go to the next meeting once the agenda is frozen (it is posted at the same moment). */
export function isFrozen(startsAt: number, now: number): boolean {
  return now >= freezesAt(startsAt);
}

export function hasEnded(meeting: { startsAt: number; durationMinutes: number }, now: number): boolean {
  return now >= meeting.startsAt + meeting.durationMinutes * MINUTE;
}

export function attendanceOpen(meeting: { startsAt: number; durationMinutes: number }, now: number): boolean {
  const end = meeting.startsAt + meeting.durationMinutes * MINUTE;
  return now >= meeting.startsAt - ATTENDANCE_OPENS_BEFORE_MS && now <= end + ATTENDANCE_CLOSES_AFTER_MS;
}

export interface Who {
  userId: string;
  isOrganizer: boolean;
}

/** Organizers and the meeting's creator run the meeting: reorder, remove any item, post, record outcomes. */
export function canManageMeeting(who: Who, meeting: { createdBy: string }): boolean {
  return who.isOrganizer || who.userId === meeting.createdBy;
}

/** A member can remove their own item; those who run the meeting can remove any. */
export function canRemoveItem(who: Who, meeting: { createdBy: string }, item: { proposedBy: string }): boolean {
  return canManageMeeting(who, meeting) || who.userId === item.proposedBy;
}

/** The agenda quota keeps the loudest voice from filling the hour; organizers curate, so it does not bind them. */
export function quotaApplies(who: Who): boolean {
  return !who.isOrganizer;
}

/** New 1-based positions after moving the item at `from` to `to` (both 1-based, clamped). */
export function reorder<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [moved] = copy.splice(from - 1, 1);
  if (moved === undefined) return copy;
  const target = Math.min(Math.max(to, 1), copy.length + 1);
  copy.splice(target - 1, 0, moved);
  return copy;
}
