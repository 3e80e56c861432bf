// Recurring meetings keep their local wall time across DST and land on the right weekday of each month.
import { describe, expect, it } from 'vitest';
import { describeRecurrence, occurrenceInstant, occurrenceLocal } from '../../../src/meetings/recurrence.rules.js';
import { zonedParts } from '../../../src/shared/zoned-time.js';

describe('weekly occurrences', () => {
  it('keep 18:00 local across the spring-forward night in Chicago', () => {
    const anchor = '2027-03-10T18:00'; // Wednesday before the 14 March switch
    const second = occurrenceInstant(anchor, 'weekly', 1, 'America/Chicago');
    expect(new Date(second).toISOString()).toBe('2027-03-17T23:00:00.000Z'); // CDT, UTC-5
    expect(new Date(occurrenceInstant(anchor, 'weekly', 0, 'America/Chicago')).toISOString()).toBe('2027-03-11T00:00:00.000Z');
  });

  it('keep 18:00 local when Sydney falls back', () => {
    const anchor = '2027-03-31T18:00';
    const p = zonedParts(occurrenceInstant(anchor, 'weekly', 1, 'Australia/Sydney'), 'Australia/Sydney');
    expect([p.month, p.day, p.hour, p.minute]).toEqual([4, 7, 18, 0]);
  });

  it('move a wall time that falls in a gap past the jump instead of dropping the meeting', () => {
    const anchor = '2027-03-21T02:30'; // one week before Berlin's 28 March gap
    const p = zonedParts(occurrenceInstant(anchor, 'weekly', 1, 'Europe/Berlin'), 'Europe/Berlin');
    expect([p.day, p.hour, p.minute]).toEqual([28, 3, 30]);
  });
});

describe('monthly-nth-weekday occurrences', () => {
  it('the first Tuesday stays the first Tuesday', () => {
    const anchor = { year: 2026, month: 12, day: 1, hour: 18, minute: 0 }; // Tue 1 Dec 2026
    expect(occurrenceLocal(anchor, 'monthly-nth-weekday', 1)).toMatchObject({ year: 2027, month: 1, day: 5 });
    expect(occurrenceLocal(anchor, 'monthly-nth-weekday', 2)).toMatchObject({ year: 2027, month: 2, day: 2 });
    expect(describeRecurrence('2026-12-01T18:00', 'monthly-nth-weekday')).toBe('the first Tuesday of each month');
  });

  it('a fifth weekday becomes the last one in months that have only four', () => {
    const anchor = { year: 2026, month: 12, day: 29, hour: 18, minute: 0 }; // 5th Tuesday of Dec 2026
    expect(occurrenceLocal(anchor, 'monthly-nth-weekday', 1)).toMatchObject({ month: 1, day: 26 }); // last Tue of Jan 2027
    expect(describeRecurrence('2026-12-29T18:00', 'monthly-nth-weekday')).toBe('the last Tuesday of each month');
  });

  it('the third Thursday across a year boundary', () => {
    const anchor = { year: 2026, month: 11, day: 19, hour: 9, minute: 30 };
    expect(occurrenceLocal(anchor, 'monthly-nth-weekday', 2)).toMatchObject({ year: 2027, month: 1, day: 21, hour: 9, minute: 30 });
  });

  it('describes weekly series by weekday', () => {
    expect(describeRecurrence('2026-11-26T18:00', 'weekly')).toBe('every Thursday');
  });
});
