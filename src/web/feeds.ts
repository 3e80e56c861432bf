// Machine-readable outputs of the public page: iCalendar feeds (RFC 5545) and the versioned spaces.json.
import type { PublicSpace } from '../directory/directory-public.rules.js';
import { localStamp, vtimezone } from './vtimezone.js';

export interface CalendarEntry {
  uid: string;
  title: string;
  startsAt: number;
  endsAt: number;
  location: string | null;
  url: string | null;
  description: string | null;
  cancelled: boolean;
  createdAt: number;
}

/** RFC 5545 TEXT escaping: backslash, semicolon, comma, newline. */
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * A calendar in the alliance's time zone: a VTIMEZONE covering the events (from the runtime's zone data) and each
 * start and end as local time with TZID; UTC itself needs no VTIMEZONE.
 */
export function icalendar(options: { name: string; host: string; timeZone: string; now: number; entries: CalendarEntry[] }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Alliance bot//Public page//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${text(options.name)}`, `X-WR-TIMEZONE:${options.timeZone}`];
  const utc = options.timeZone === 'UTC' || options.timeZone === 'Etc/UTC';
  const instants = options.entries.flatMap((e) => [e.startsAt, e.endsAt]);
  if (!utc && instants.length) lines.push(...vtimezone(options.timeZone, Math.min(...instants) - 86_400_000, Math.max(...instants) + 86_400_000));
  const when = (name: string, ms: number) => (utc ? `${name}:${stamp(ms)}` : `${name};TZID=${options.timeZone}:${localStamp(ms, options.timeZone)}`);
  for (const entry of options.entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${entry.uid}@${options.host}`,
      `DTSTAMP:${stamp(options.now)}`,
      `CREATED:${stamp(entry.createdAt)}`,
      when('DTSTART', entry.startsAt),
      when('DTEND', entry.endsAt),
      `SUMMARY:${text(entry.title)}`,
      ...(entry.location ? [`LOCATION:${text(entry.location)}`] : []),
      ...(entry.description ? [`DESCRIPTION:${text(entry.description)}`] : []),
      ...(entry.url ? [`URL:${entry.url}`] : []),
      `STATUS:${entry.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** One space of spaces.json, as JSON text: kept per space, so a rebuild after one change serializes one space. */
export function spaceJson(s: PublicSpace, pageUrl: string): string {
  return JSON.stringify({
    id: s.id,
    url: `${pageUrl}/spaces/${s.path}`,
    name: s.name,
    city: s.city,
    region: s.region,
    country: s.country,
    countryName: s.countryName,
    latitude: s.latitude,
    longitude: s.longitude,
    desks: s.desks,
    website: s.website,
    dayPass: s.dayPass,
    booking: s.booking,
    hours: s.hours,
    accessibility: s.accessibility,
    description: s.description,
    tags: s.tags,
    updatedAt: s.updatedAt === null ? null : new Date(s.updatedAt).toISOString(),
  });
}

/**
 * spaces.json, version 1 (docs/public-page.md): change the shape only with a new version number. What comes before
 * and after the spaces (each one spaceJson, joined by commas); together the same text as JSON.stringify of the whole.
 */
export function spacesJsonFrame(options: { slug: string; pageUrl: string; now: number }): { head: string; tail: string } {
  const head = JSON.stringify({ version: 1, alliance: { slug: options.slug, url: `${options.pageUrl}/` }, generatedAt: new Date(options.now).toISOString() });
  return { head: `${head.slice(0, -1)},"spaces":[`, tail: ']}' };
}
