// When a proposal closes: a short duration from now ("3d", "48h") or anything the one date reader takes ("friday
// 5pm", "in 3 days", "2026-12-10 17:00"; a day alone means 17:00 local), never in the past and at most 90 days ahead.
import { DAY, MINUTE } from '../shared/clock.js';
import { describeLocal, parseWhen } from '../shared/when.rules.js';
import { parseDuration, type Parsed } from '../rules/decision-rules.rules.js';

export const MAX_DEADLINE_MS = 90 * DAY;
/** A day without a time closes at the end of that day's business. */
const END_OF_BUSINESS = { hour: 17, minute: 0 };

export function parseCloses(text: string, now: number, timezone: string): Parsed<number> {
  const trimmed = text.trim();
  const duration = parseDuration(trimmed);
  if (duration.ok) return checkDeadline(now + duration.value * MINUTE, now);
  const when = parseWhen(trimmed, now, timezone, { defaultTime: END_OF_BUSINESS });
  if (when.kind === 'refused') {
    if (when.reason === 'past' && when.instant !== undefined) {
      return { ok: false, message: `closes must be in the future: ${describeLocal(when.instant, timezone)} has already passed` };
    }
    if (when.reason === 'unreadable' || when.reason === 'vague') {
      return { ok: false, message: `closes must be a duration like 3d or 48h, or a day and time. ${when.message}` };
    }
    return { ok: false, message: `closes: ${when.message}` };
  }
  if (when.kind === 'choose') {
    // No buttons before a form opens: the member writes the one they mean, as a meeting would ask with buttons.
    if (when.reason === 'dst-fallback') {
      return { ok: false, message: 'closes is a time that happens twice that night (the clocks go back): pick a time an hour earlier or later.' };
    }
    const readings = when.choices.map((c) => describeLocal(c.instant, timezone)).join(' or ');
    return { ok: false, message: `closes can be read two ways (${readings}): write the date as YYYY-MM-DD.` };
  }
  return checkDeadline(when.instant, now);
}

export function checkDeadline(instant: number, now: number): Parsed<number> {
  if (instant <= now) return { ok: false, message: 'closes must be in the future' };
  if (instant > now + MAX_DEADLINE_MS) return { ok: false, message: 'closes must be at most 90 days from now' };
  return { ok: true, value: instant };
}
