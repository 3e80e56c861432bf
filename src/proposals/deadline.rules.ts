// When a proposal closes: a duration from now ("3d") or a local date and time in the alliance's time zone
// ("2026-12-10 17:00"), never in the past and at most 90 days ahead.
import { DAY, MINUTE } from '../shared/clock.js';
import { localToInstant } from '../shared/zoned-time.js';
import { parseDuration, type Parsed } from '../rules/decision-rules.rules.js';

export const MAX_DEADLINE_MS = 90 * DAY;

export function parseCloses(text: string, now: number, timezone: string): Parsed<number> {
  const trimmed = text.trim();
  let instant: number;
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(trimmed);
  if (local) {
    const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(local[i] ?? 0)) as [
      number, number, number, number, number,
    ];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) {
      return { ok: false, message: 'closes is not a real date and time (use YYYY-MM-DD HH:MM)' };
    }
    // A date alone means the end of that day's business: 17:00 local.
    const at = local[4] === undefined ? { hour: 17, minute: 0 } : { hour, minute };
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1) return { ok: false, message: 'closes is not a real date (check the day of the month)' };
    instant = localToInstant({ year, month, day, ...at }, timezone);
  } else {
    const duration = parseDuration(trimmed);
    if (!duration.ok) return { ok: false, message: 'closes must be a duration like 3d or 48h, or a date like 2026-12-10 17:00' };
    instant = now + duration.value * MINUTE;
  }
  return checkDeadline(instant, now);
}

export function checkDeadline(instant: number, now: number): Parsed<number> {
  if (instant <= now) return { ok: false, message: 'closes must be in the future' };
  if (instant > now + MAX_DEADLINE_MS) return { ok: false, message: 'closes must be at most 90 days from now' };
  return { ok: true, value: instant };
}
