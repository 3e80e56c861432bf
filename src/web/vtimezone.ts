// A VTIMEZONE for the alliance's zone (RFC 5545 §3.6.5), built from the runtime's time zone data: one observance
// per offset change found between `from` and `to`, so calendar apps show events in the alliance's local time.
import { offsetMinutes, zonedParts } from '../shared/zoned-time.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const pad = (n: number, size = 2) => String(n).padStart(size, '0');
const offset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

/** Local wall time as iCalendar DATE-TIME without zone: 20270809T090000. */
export function localStamp(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}00`;
}

/** A UTC-shifted instant's fields as a zone-less DATE-TIME. */
function wallStamp(shifted: number): string {
  const d = new Date(shifted);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}

/** Instants where the zone's offset changes in [from, to), to the minute. */
export function offsetChanges(timeZone: string, from: number, to: number): number[] {
  const changes: number[] = [];
  let at = from;
  let before = offsetMinutes(at, timeZone);
  for (let next = at + DAY; at < to; at = next, next += DAY) {
    const after = offsetMinutes(next, timeZone);
    if (after === before) continue;
    let lo = at;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetMinutes(mid, timeZone) === before) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
    before = after;
  }
  return changes;
}

/** The VTIMEZONE lines for [from, to): the offset in force at `from`, then each change. */
export function vtimezone(timeZone: string, from: number, to: number): string[] {
  const first = offsetMinutes(from, timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (at: number, fromMinutes: number, toMinutes: number, kind: 'STANDARD' | 'DAYLIGHT') => {
    // The observance starts at the wall time as it read before the change (RFC 5545: local time with TZOFFSETFROM).
    lines.push(`BEGIN:${kind}`, `DTSTART:${wallStamp(at + fromMinutes * 60_000)}`, `TZOFFSETFROM:${offset(fromMinutes)}`, `TZOFFSETTO:${offset(toMinutes)}`, `END:${kind}`);
  };
  observance(from, first, first, 'STANDARD');
  let previous = first;
  for (const change of offsetChanges(timeZone, from, to)) {
    const next = offsetMinutes(change, timeZone);
    observance(change, previous, next, next > previous ? 'DAYLIGHT' : 'STANDARD');
    previous = next;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
