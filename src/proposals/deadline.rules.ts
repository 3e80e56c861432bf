// When a proposal closes: a short duration from now ("3d", "48h") or anything the one date reader takes ("friday
// 5pm", "in 3 days", "2026-12-10 17:00"; a day alone means 17:00 local), never in the past and at most 90 days ahead.
// Read in the member's language first (then English); refusals are keys with data (the reader's reason nested, a
// passed instant as seconds for a Discord timestamp), never English.
import { DAY, MINUTE } from '../shared/clock.js';
import { describeLocal, parseWhen } from '../shared/when.rules.js';
import { parseDuration, type Parsed } from '../rules/decision-rules.rules.js';
import { msg } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';

export const MAX_DEADLINE_MS = 90 * DAY;
/** A day without a time closes at the end of that day's business. */
const END_OF_BUSINESS = { hour: 17, minute: 0 };

export function parseCloses(text: string, now: number, timezone: string, language: Language = 'en'): Parsed<number> {
  const trimmed = text.trim();
  const duration = parseDuration(trimmed);
  if (duration.ok) return checkDeadline(now + duration.value * MINUTE, now);
  const when = parseWhen(trimmed, now, timezone, { defaultTime: END_OF_BUSINESS, language });
  if (when.kind === 'refused') {
    if (when.reason === 'past' && when.instant !== undefined) {
      return { ok: false, message: msg('proposals.error.closesPassed', { at: Math.floor(when.instant / 1000) }) };
    }
    if (when.reason === 'unreadable' || when.reason === 'vague') {
      return { ok: false, message: msg('proposals.error.closesUnreadable', { detail: when.text }) };
    }
    return { ok: false, message: msg('proposals.error.closesRefused', { detail: when.text }) };
  }
  if (when.kind === 'choose') {
    // No buttons before a form opens: the member writes the one they mean, as a meeting would ask with buttons.
    if (when.reason === 'dst-fallback') {
      return { ok: false, message: msg('proposals.error.closesTwice') };
    }
    // The two readings as wall times in the alliance's zone (what the member typed), in their language.
    const [first, second] = when.choices.map((c) => describeLocal(c.instant, timezone, language));
    return { ok: false, message: msg('proposals.error.closesAmbiguous', { first, second }) };
  }
  return checkDeadline(when.instant, now);
}

export function checkDeadline(instant: number, now: number): Parsed<number> {
  if (instant <= now) return { ok: false, message: msg('proposals.error.closesFuture') };
  if (instant > now + MAX_DEADLINE_MS) return { ok: false, message: msg('proposals.error.closesTooFar', { days: MAX_DEADLINE_MS / DAY }) };
  return { ok: true, value: instant };
}
