// Due-time rules of the rhythm posts in local time: month ends, DST changes, UTC-10, UTC+5:30 and UTC+13 zones,
// August 9 minus 30/7/1/0 days (also in leap years), and each post's grace window.
import { describe, expect, it } from 'vitest';
import {
  editionYear,
  icdReminderSlot,
  icdWeekSlot,
  isCoworkingDate,
  monthlyPeriodBounds,
  monthlySlot,
  weekIncludesCoworkingDay,
  ICD_REMINDER_OFFSETS,
} from '../../../src/rhythm/due.rules.js';
import { HOUR } from '../../../src/shared/clock.js';
import { localText } from '../rhythm/harness.js';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('monthly update due time', () => {
  it('defaults to the 1st at 10:00 local in UTC-10, UTC+5:30 and UTC+13', () => {
    expect(iso(monthlySlot('g', { year: 2026, month: 12 }, 1, 10, 'Pacific/Honolulu').dueAt)).toBe('2026-12-01T20:00');
    expect(iso(monthlySlot('g', { year: 2026, month: 12 }, 1, 10, 'Asia/Kolkata').dueAt)).toBe('2026-12-01T04:30');
    // Auckland summer time is UTC+13: the update is due the previous UTC day.
    expect(iso(monthlySlot('g', { year: 2026, month: 12 }, 1, 10, 'Pacific/Auckland').dueAt)).toBe('2026-11-30T21:00');
    expect(iso(monthlySlot('g', { year: 2026, month: 7 }, 1, 10, 'Pacific/Tongatapu').dueAt)).toBe('2026-06-30T21:00');
  });

  it('follows Auckland across its DST changes (UTC+13 in April, UTC+12 in May, UTC+13 again in October)', () => {
    expect(iso(monthlySlot('g', { year: 2026, month: 4 }, 1, 10, 'Pacific/Auckland').dueAt)).toBe('2026-03-31T21:00');
    expect(iso(monthlySlot('g', { year: 2026, month: 5 }, 1, 10, 'Pacific/Auckland').dueAt)).toBe('2026-04-30T22:00');
    expect(iso(monthlySlot('g', { year: 2026, month: 10 }, 1, 10, 'Pacific/Auckland').dueAt)).toBe('2026-09-30T21:00');
  });

  it('keeps 10:00 local for the grace window end even when clocks change inside it', () => {
    // Auckland leaves summer time on 5 April 2026: due 3 April 10:00 (+13), grace until 6 April 10:00 (+12).
    const slot = monthlySlot('g', { year: 2026, month: 4 }, 3, 10, 'Pacific/Auckland');
    expect(localText(slot.dueAt, 'Pacific/Auckland')).toBe('2026-04-03 10:00');
    expect(localText(slot.expiresAt, 'Pacific/Auckland')).toBe('2026-04-06 10:00');
    expect(slot.expiresAt - slot.dueAt).toBe(73 * HOUR);
  });

  it('moves an hour that does not exist (spring forward) past the gap', () => {
    // New York skips 02:00-03:00 on 8 March 2026.
    const slot = monthlySlot('g', { year: 2026, month: 3 }, 8, 2, 'America/New_York');
    expect(localText(slot.dueAt, 'America/New_York')).toBe('2026-03-08 03:00');
  });

  it('has a grace window of three days that ends on the right date in leap and common years', () => {
    expect(localText(monthlySlot('g', { year: 2028, month: 2 }, 28, 10, 'UTC').expiresAt, 'UTC')).toBe('2028-03-02 10:00');
    expect(localText(monthlySlot('g', { year: 2027, month: 2 }, 28, 10, 'UTC').expiresAt, 'UTC')).toBe('2027-03-03 10:00');
  });

  it('names its job by the month it is due in', () => {
    expect(monthlySlot('g1', { year: 2026, month: 12 }, 1, 10, 'UTC').key).toBe('monthly:g1:2026-12');
  });

  it('covers the month just ended and the month ahead, in local calendar months', () => {
    const bounds = monthlyPeriodBounds({ year: 2027, month: 1 }, 1, 'Asia/Kolkata');
    expect(localText(bounds.from, 'Asia/Kolkata')).toBe('2026-12-01 00:00');
    expect(localText(bounds.to, 'Asia/Kolkata')).toBe('2027-01-01 00:00');
    expect(localText(bounds.aheadTo, 'Asia/Kolkata')).toBe('2027-02-01 00:00');
  });
});

describe('Coworking Day reminders', () => {
  const expected = ['07-10', '08-02', '08-08', '08-09'];
  for (const zone of ['Pacific/Honolulu', 'Asia/Kolkata', 'Pacific/Tongatapu', 'Pacific/Auckland', 'America/Chicago']) {
    for (const year of [2026, 2028]) {
      it(`are at 10:00 on July 10, August 2, 8 and 9 in ${zone} in ${year}`, () => {
        const local = ICD_REMINDER_OFFSETS.map((offset) => localText(icdReminderSlot('g', year, offset, zone).dueAt, zone));
        expect(local).toEqual(expected.map((date) => `${year}-${date} 10:00`));
      });
    }
  }

  it('may go out late only until the end of their own local day', () => {
    const slot = icdReminderSlot('g', 2026, 30, 'Pacific/Honolulu');
    expect(localText(slot.expiresAt, 'Pacific/Honolulu')).toBe('2026-07-10 23:59');
    expect(localText(slot.expiresAt + 1, 'Pacific/Honolulu')).toBe('2026-07-11 00:00');
    expect(slot.key).toBe('icd:g:2026:30d');
  });

  it('is on the right UTC instant in UTC+13 (the day before in UTC)', () => {
    expect(iso(icdReminderSlot('g', 2026, 0, 'Pacific/Tongatapu').dueAt)).toBe('2026-08-08T21:00');
  });

  it('announces the coworking week at 10:00 on its first day', () => {
    const slot = icdWeekSlot('g', { year: 2026, month: 8, day: 3 }, 'Asia/Kolkata');
    expect(localText(slot.dueAt, 'Asia/Kolkata')).toBe('2026-08-03 10:00');
  });
});

describe('Coworking Day calendar', () => {
  const week = { name: 'KC Coworking Week', start: { year: 2026, month: 8, day: 5 } };

  it('is this year until the day (or the week) is over, then next year', () => {
    expect(editionYear({ year: 2026, month: 8, day: 9 }, null)).toBe(2026);
    expect(editionYear({ year: 2026, month: 8, day: 10 }, null)).toBe(2027);
    expect(editionYear({ year: 2026, month: 8, day: 11 }, week)).toBe(2026);
    expect(editionYear({ year: 2026, month: 8, day: 12 }, week)).toBe(2027);
  });

  it('accepts August 9 and the seven days of the week, nothing else', () => {
    expect(isCoworkingDate({ year: 2026, month: 8, day: 9 }, 2026, null)).toBe(true);
    expect(isCoworkingDate({ year: 2026, month: 8, day: 8 }, 2026, null)).toBe(false);
    expect(isCoworkingDate({ year: 2026, month: 8, day: 5 }, 2026, week)).toBe(true);
    expect(isCoworkingDate({ year: 2026, month: 8, day: 11 }, 2026, week)).toBe(true);
    expect(isCoworkingDate({ year: 2026, month: 8, day: 12 }, 2026, week)).toBe(false);
    expect(isCoworkingDate({ year: 2026, month: 8, day: 4 }, 2026, week)).toBe(false);
  });

  it('only takes a week that includes August 9', () => {
    expect(weekIncludesCoworkingDay({ year: 2026, month: 8, day: 3 })).toBe(true);
    expect(weekIncludesCoworkingDay({ year: 2026, month: 8, day: 9 })).toBe(true);
    expect(weekIncludesCoworkingDay({ year: 2026, month: 8, day: 2 })).toBe(false);
    expect(weekIncludesCoworkingDay({ year: 2026, month: 8, day: 10 })).toBe(false);
  });
});
