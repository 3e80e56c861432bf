// Pure skill-share rules: limits on what members type, when needs lapse and reminders go out (10:00 alliance
// time), and which introduction requests are allowed.
import { DAY } from '../shared/clock.js';
import { addLocalDays, localToInstant, zonedParts } from '../shared/zoned-time.js';
import { dayInWords } from '../shared/day-words.js';
import { msg, type MessageRef } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';

export const LIMITS = {
  skillMin: 2,
  skillMax: 60,
  noteMax: 300,
  /** Offers and needs together, per member. */
  entriesPerMember: 20,
  pendingIntros: 5,
  /** Pending requests older than this no longer count and can no longer be answered. */
  introAnswerWindowMs: 14 * DAY,
  introPairCooldownMs: 30 * DAY,
  needLifetimeMs: 90 * DAY,
  reminderDaysBefore: 7,
  followupDaysAfter: 7,
  /** Local hour at which reminders and "did it help?" go out. */
  localSendHour: 10,
  /** Older entries told about one new entry at most (the best-placed, newest first). */
  noticesPerEntry: 10,
  /** The same thanks (from, to, skill) once a day, so /skills top cannot be farmed. */
  thanksRepeatMs: 1 * DAY,
  byMaxAheadDays: 366,
} as const;

/** When a need added or renewed at `at` lapses. */
export function needExpiresAt(at: number): number {
  return at + LIMITS.needLifetimeMs;
}

/** 10:00 alliance time on the local day `days` away from the local day of `instant`. */
export function localMorning(instant: number, days: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const day = addLocalDays({ year: p.year, month: p.month, day: p.day, hour: LIMITS.localSendHour, minute: 0 }, days);
  return localToInstant(day, timeZone);
}

/**
 * The daily digest of new skills a suggestion made at `at` goes into: sent at the first 10:00 alliance time after
 * it, covering [10:00 the local day before, that 10:00). Consecutive digests tile time, so none is told twice.
 */
export function suggestionDigestWindow(at: number, timeZone: string): { from: number; to: number } {
  const today = localMorning(at, 0, timeZone);
  const to = today > at ? today : localMorning(at, 1, timeZone);
  return { from: localMorning(to, -1, timeZone), to };
}

/** The "expires in a week" reminder: 10:00 alliance time, seven local days before the expiry's local day. */
export function needReminderAt(expiresAt: number, timeZone: string): number {
  return localMorning(expiresAt, -LIMITS.reminderDaysBefore, timeZone);
}

/** "Did it help?": 10:00 alliance time, seven local days after the intro was accepted. */
export function introFollowupAt(acceptedAt: number, timeZone: string): number {
  return localMorning(acceptedAt, LIMITS.followupDaysAfter, timeZone);
}

/** The alliance's local date (YYYY-MM-DD) at an instant. */
export function localDate(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Start (inclusive) of the alliance's local month containing `instant`. */
export function localMonthStart(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return localToInstant({ year: p.year, month: p.month, day: 1, hour: 0, minute: 0 }, timeZone);
}

/**
 * Checks a "by" date: a real calendar date, not before today in alliance time, within a year. Returns the problem
 * as a message key (days in words in the member's `language`), or null when fine.
 */
export function byDateProblem(value: string, now: number, timeZone: string, language: Language = 'en'): MessageRef | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return msg('skills.by.notDate');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return msg('skills.by.notReal', { date: value });
  }
  const today = localDate(now, timeZone);
  if (value < today) return msg('skills.by.past', { today: dayInWords(today, language) });
  const latest = localDate(now + LIMITS.byMaxAheadDays * DAY, timeZone);
  if (value > latest) return msg('skills.by.tooFar', { latest: dayInWords(latest, language) });
  return null;
}

export interface IntroHistory {
  /** Requests by the requester still waiting for an answer (inside the answer window). */
  pendingByRequester: number;
  /** Latest request between the two members in either direction, if any. */
  latestBetween: { requesterId: string; status: string; createdAt: number } | null;
}

export type IntroRefusal =
  | { kind: 'self' }
  | { kind: 'bot' }
  | { kind: 'unavailable' }
  | { kind: 'no-match' }
  | { kind: 'too-many-pending'; pending: number }
  | { kind: 'duplicate'; theyAsked: boolean }
  | { kind: 'cooldown'; until: number };

/** Decides whether an intro request may go out; the order gives the most useful answer first. */
export function introRefusal(input: {
  requesterId: string;
  targetId: string;
  targetIsBot: boolean;
  targetAvailable: boolean;
  linked: boolean;
  history: IntroHistory;
  now: number;
}): IntroRefusal | null {
  if (input.requesterId === input.targetId) return { kind: 'self' };
  if (input.targetIsBot) return { kind: 'bot' };
  if (!input.targetAvailable) return { kind: 'unavailable' };
  if (!input.linked) return { kind: 'no-match' };
  const latest = input.history.latestBetween;
  if (latest && latest.status === 'pending' && input.now - latest.createdAt < LIMITS.introAnswerWindowMs) {
    return { kind: 'duplicate', theyAsked: latest.requesterId !== input.requesterId };
  }
  if (input.history.pendingByRequester >= LIMITS.pendingIntros) {
    return { kind: 'too-many-pending', pending: input.history.pendingByRequester };
  }
  if (latest && input.now - latest.createdAt < LIMITS.introPairCooldownMs) {
    return { kind: 'cooldown', until: latest.createdAt + LIMITS.introPairCooldownMs };
  }
  return null;
}
