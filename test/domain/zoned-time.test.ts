import { describe, expect, it } from 'vitest';
import { addLocalDays, instantsForLocal, isValidTimeZone, offsetMinutes, resolveLocal, zonedParts } from '../../src/shared/zoned-time.js';

describe('zoned time', () => {
  it.each([
    ['Pacific/Honolulu', '2026-12-01T10:00:00Z', -600],
    ['Asia/Kolkata', '2026-12-01T10:00:00Z', 330],
    ['Pacific/Auckland', '2026-12-01T10:00:00Z', 780],
    ['Pacific/Auckland', '2026-07-01T10:00:00Z', 720],
    ['America/Chicago', '2026-07-01T10:00:00Z', -300],
  ])('offset of %s at %s is %i minutes', (zone, at, offset) => {
    expect(offsetMinutes(Date.parse(at), zone)).toBe(offset);
  });

  it('10:00 local on a normal day is one instant', () => {
    expect(instantsForLocal({ year: 2026, month: 12, day: 1, hour: 10, minute: 0 }, 'Asia/Kolkata')).toEqual([Date.parse('2026-12-01T04:30:00Z')]);
  });

  it('a time in the spring-forward gap does not exist', () => {
    const r = resolveLocal({ year: 2027, month: 3, day: 14, hour: 2, minute: 30 }, 'America/Chicago');
    expect(r.kind).toBe('gap');
    if (r.kind === 'gap') expect(new Date(r.instant).toISOString()).toBe('2027-03-14T08:30:00.000Z');
  });

  it('a time in the fall-back hour happens twice', () => {
    const r = resolveLocal({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/Chicago');
    expect(r).toEqual({ kind: 'ambiguous', instants: [Date.parse('2026-11-01T06:30:00Z'), Date.parse('2026-11-01T07:30:00Z')] });
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('calendar days roll over months and leap years', () => {
    expect(addLocalDays({ year: 2028, month: 2, day: 28, hour: 10, minute: 0 }, 1)).toMatchObject({ month: 2, day: 29 });
    expect(addLocalDays({ year: 2026, month: 8, day: 9, hour: 10, minute: 0 }, -30)).toMatchObject({ month: 7, day: 10 });
    expect(zonedParts(Date.parse('2026-08-09T00:00:00Z'), 'Pacific/Honolulu')).toMatchObject({ month: 8, day: 8, hour: 14 });
  });
});
