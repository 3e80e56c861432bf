// Natural-language meeting times read in the alliance's zone, across zones with and without DST.
import { describe, expect, it } from 'vitest';
import { dayInWords, dayOfInstant } from '../../src/shared/day-words.js';
import { sayIn, sayRef } from '../../src/i18n/translate.js';
import { parseLocalDate, parseWhen, type LocalDateResult, type WhenResult } from '../../src/shared/when.rules.js';

/** Friday 20 November 2026, 12:00 UTC: already Saturday in Auckland, still early Friday in Honolulu. */
const NOW = Date.parse('2026-11-20T12:00:00Z');
const at = (iso: string): number => Date.parse(iso);
/** What an English-speaking member reads for a refusal (refusals are message keys). */
const english = (result: WhenResult | LocalDateResult): string => (result.kind === 'ok' ? 'ok' : sayRef(sayIn('en'), result.text));

describe('parseWhen reads a wall time in the alliance zone', () => {
  it.each([
    ['America/Chicago', '2026-12-04T00:00:00Z'],
    ['Europe/Berlin', '2026-12-03T17:00:00Z'],
    ['Australia/Sydney', '2026-12-03T07:00:00Z'],
    ['Pacific/Honolulu', '2026-12-04T04:00:00Z'],
    ['Asia/Kolkata', '2026-12-03T12:30:00Z'],
    ['Pacific/Auckland', '2026-12-03T05:00:00Z'],
  ])('"2026-12-03 18:00" in %s is %s', (zone, expected) => {
    expect(parseWhen('2026-12-03 18:00', NOW, zone)).toEqual({ kind: 'ok', instant: at(expected) });
  });

  it.each([
    // "tomorrow" is the zone's tomorrow: in Auckland it is already the 21st, so tomorrow is the 22nd.
    ['America/Chicago', '2026-11-21T15:30:00Z'],
    ['Europe/Berlin', '2026-11-21T08:30:00Z'],
    ['Australia/Sydney', '2026-11-20T22:30:00Z'],
    ['Pacific/Honolulu', '2026-11-21T19:30:00Z'],
    ['Asia/Kolkata', '2026-11-21T04:00:00Z'],
    ['Pacific/Auckland', '2026-11-21T20:30:00Z'],
  ])('"tomorrow 9:30" in %s is %s', (zone, expected) => {
    expect(parseWhen('tomorrow 9:30', NOW, zone)).toEqual({ kind: 'ok', instant: at(expected) });
  });

  it('reads "next thursday 6pm" as the coming Thursday evening', () => {
    expect(parseWhen('next thursday 6pm', NOW, 'America/Chicago')).toEqual({ kind: 'ok', instant: at('2026-11-27T00:00:00Z') });
    expect(parseWhen('next thursday 6pm', NOW, 'Europe/Berlin')).toEqual({ kind: 'ok', instant: at('2026-11-26T17:00:00Z') });
  });

  it('reads "18h30" the way much of Europe writes it, not as "in 18 hours"', () => {
    expect(parseWhen('tomorrow 18h30', NOW, 'Europe/Berlin')).toEqual({ kind: 'ok', instant: at('2026-11-21T17:30:00Z') });
  });

  it('takes "today 6pm" when it is still ahead in the zone and refuses it once past', () => {
    expect(parseWhen('today 6pm', NOW, 'Asia/Kolkata')).toEqual({ kind: 'ok', instant: at('2026-11-20T12:30:00Z') });
    expect(parseWhen('today 9am', NOW, 'Europe/Berlin')).toMatchObject({ kind: 'refused', reason: 'past' });
  });

  it('honours an explicit zone abbreviation in the text', () => {
    expect(parseWhen('tomorrow 6pm EST', NOW, 'Europe/Berlin')).toEqual({ kind: 'ok', instant: at('2026-11-21T23:00:00Z') });
  });
});

describe('parseWhen counts "in N hours" from now in any zone', () => {
  it.each([
    ['America/Chicago', 'in 3 hours', '2026-11-20T15:00:00Z'],
    ['Asia/Kolkata', 'in 30 minutes', '2026-11-20T12:30:00Z'],
    ['Pacific/Auckland', 'in 1 hour', '2026-11-20T13:00:00Z'],
    ['Pacific/Honolulu', 'in 2 hours 30 minutes', '2026-11-20T14:30:00Z'],
  ])('%s: "%s" is %s', (zone, text, expected) => {
    expect(parseWhen(text, NOW, zone)).toEqual({ kind: 'ok', instant: at(expected) });
  });

  it('counts elapsed time across the night the clocks go back', () => {
    // 01:30 CDT on 1 November 2026; three hours later it is 03:30 CST, not 04:30.
    const now = at('2026-11-01T06:30:00Z');
    expect(parseWhen('in 3 hours', now, 'America/Chicago')).toEqual({ kind: 'ok', instant: at('2026-11-01T09:30:00Z') });
  });
});

describe('parseWhen with a default time reads days without an hour (deadlines)', () => {
  const options = { defaultTime: { hour: 17, minute: 0 } };
  it('reads a named day at the default time and a relative day at the time it is now', () => {
    expect(parseWhen('2026-12-10', NOW, 'America/Chicago', options)).toEqual({ kind: 'ok', instant: at('2026-12-10T23:00:00Z') });
    expect(parseWhen('friday', NOW, 'Europe/Berlin', options)).toEqual({ kind: 'ok', instant: at('2026-11-27T16:00:00Z') });
    expect(parseWhen('in 3 days', NOW, 'Europe/Berlin', options)).toEqual({ kind: 'ok', instant: at('2026-11-23T12:00:00Z') });
  });

  it('still refuses a month without a day', () => {
    expect(parseWhen('december', NOW, 'Europe/Berlin', options)).toMatchObject({ kind: 'refused' });
  });
});

describe('hints show example dates that lie ahead', () => {
  it('names a day a week from today, whatever today is', () => {
    const later = at('2031-05-02T12:00:00Z');
    const result = parseWhen('banana', later, 'Europe/Berlin');
    expect(result).toMatchObject({ kind: 'refused' });
    if (result.kind === 'refused') expect(english(result)).toContain('"2031-05-09 18:00"');
    const day = parseLocalDate('banana', later, 'Europe/Berlin', 'due');
    if (day.kind === 'refused') expect(english(day)).toContain('"2031-05-09"');
  });
});

describe('parseWhen refuses times in a DST gap', () => {
  it.each([
    ['America/Chicago', '2027-03-14 02:30'],
    ['Europe/Berlin', '2027-03-28 02:30'],
    ['Australia/Sydney', '2027-10-03 02:30'],
    ['Pacific/Auckland', '2027-09-26 02:30'],
  ])('%s: %s does not exist', (zone, text) => {
    const result = parseWhen(text, NOW, zone);
    expect(result).toMatchObject({ kind: 'refused', reason: 'dst-gap' });
    if (result.kind === 'refused') expect(english(result)).toContain('does not exist');
  });

  it.each([
    ['Pacific/Honolulu', '2027-03-14 02:30', '2027-03-14T12:30:00Z'],
    ['Asia/Kolkata', '2027-03-28 02:30', '2027-03-27T21:00:00Z'],
  ])('zones without DST take the same wall time: %s %s', (zone, text, expected) => {
    expect(parseWhen(text, NOW, zone)).toEqual({ kind: 'ok', instant: at(expected) });
  });
});

describe('parseWhen asks which one was meant when clocks fall back', () => {
  it.each([
    ['America/Chicago', '2027-11-07 01:30', '2027-11-07T06:30:00Z'],
    ['Europe/Berlin', '2027-10-31 02:30', '2027-10-31T00:30:00Z'],
    ['Australia/Sydney', '2027-04-04 02:30', '2027-04-03T15:30:00Z'],
    ['Pacific/Auckland', '2027-04-04 02:30', '2027-04-03T13:30:00Z'],
  ])('%s: %s happens twice', (zone, text, first) => {
    const result = parseWhen(text, NOW, zone);
    expect(result.kind).toBe('choose');
    if (result.kind !== 'choose') return;
    expect(result.reason).toBe('dst-fallback');
    expect(result.choices.map((c) => c.instant)).toEqual([at(first), at(first) + 3_600_000]);
    expect(result.choices[0]!.label).not.toBe(result.choices[1]!.label);
    expect(result.choices.every((c) => c.label.length <= 80)).toBe(true);
  });
});

describe('parseWhen refuses vague, unreadable and past text', () => {
  it.each([
    ['tomorrow', 'vague'],
    ['next week', 'vague'],
    ['next month 6pm', 'vague'],
    ['december 6pm', 'unreadable'],
    ['thursday or friday 6pm', 'vague'],
    ['banana', 'unreadable'],
    ['', 'unreadable'],
    ['tomorrow 25:00', 'unreadable'],
    ['yesterday 6pm', 'past'],
    ['last thursday 6pm', 'past'],
    ['2026-11-19 10:00', 'past'],
    ['2030-01-01 10:00', 'too-far'],
  ])('"%s" is refused as %s', (text, reason) => {
    const result = parseWhen(text, NOW, 'Europe/Berlin');
    expect(result).toMatchObject({ kind: 'refused', reason });
    if (result.kind === 'refused') expect(english(result).length).toBeGreaterThan(10);
  });

  it('asks whether 03/12 is 3 December or 12 March when both lie ahead', () => {
    const result = parseWhen('03/12/2027 18:00', NOW, 'Europe/Berlin');
    expect(result.kind).toBe('choose');
    if (result.kind !== 'choose') return;
    expect(result.reason).toBe('day-month-order');
    expect(result.choices.map((c) => c.instant).sort()).toEqual([at('2027-03-12T17:00:00Z'), at('2027-12-03T17:00:00Z')]);
  });

  it('takes the only future reading of a day/month order question', () => {
    expect(parseWhen('03/12/2026 18:00', NOW, 'Europe/Berlin')).toEqual({ kind: 'ok', instant: at('2026-12-03T17:00:00Z') });
  });
});

describe('parseLocalDate reads a calendar day in the zone', () => {
  it('reads ISO and natural days, today or later', () => {
    expect(parseLocalDate('2026-12-10', NOW, 'Europe/Berlin', 'due')).toEqual({ kind: 'ok', date: '2026-12-10' });
    expect(parseLocalDate('next friday', NOW, 'Europe/Berlin', 'due')).toEqual({ kind: 'ok', date: '2026-11-27' });
    expect(parseLocalDate('today', NOW, 'Pacific/Auckland', 'due')).toEqual({ kind: 'ok', date: '2026-11-21' });
    expect(parseLocalDate('in 3 days', NOW, 'Europe/Berlin', 'due')).toEqual({ kind: 'ok', date: '2026-11-23' });
    expect(parseLocalDate('in 14 hours', NOW, 'Europe/Berlin', 'due')).toEqual({ kind: 'ok', date: '2026-11-21' });
  });

  it.each(['2026-02-30', '2026-11-19', 'banana', '2040-01-01'])('refuses "%s" naming the field', (text) => {
    const result = parseLocalDate(text, NOW, 'Europe/Berlin', 'due');
    expect(result.kind).toBe('refused');
    if (result.kind === 'refused') expect(english(result)).toMatch(/^(due|I could not read due)/);
  });
});

describe('parseLocalDate reads days behind us where the past is allowed', () => {
  const past = { allowPast: true };
  it('reads "yesterday", "last friday" and "2 weeks ago" backwards, not as the coming day', () => {
    expect(parseLocalDate('yesterday', NOW, 'Europe/Berlin', 'paid-on', past)).toEqual({ kind: 'ok', date: '2026-11-19' });
    expect(parseLocalDate('last friday', NOW, 'Europe/Berlin', 'paid-on', past)).toEqual({ kind: 'ok', date: '2026-11-13' });
    expect(parseLocalDate('last wednesday', NOW, 'Europe/Berlin', 'paid-on', past)).toEqual({ kind: 'ok', date: '2026-11-18' });
    expect(parseLocalDate('2 weeks ago', NOW, 'Europe/Berlin', 'paid-on', past)).toEqual({ kind: 'ok', date: '2026-11-06' });
  });

  it('refuses them where only today or later makes sense', () => {
    const day = parseLocalDate('last friday', NOW, 'Europe/Berlin', 'until');
    expect(english(day)).toBe('until: Friday 13 November 2026 has already passed.');
  });

  it('hints with days behind us where the nearest day is meant', () => {
    expect(english(parseLocalDate('whenever', NOW, 'Europe/Berlin', 'paid-on', { allowPast: true, nearest: true }))).toBe(
      'I could not read paid-on "whenever" as a day: try "2026-11-13", "last friday" or "yesterday".',
    );
  });

  it('reads a day without a year as the nearest one when asked, the next one otherwise', () => {
    expect(parseLocalDate('1 november', NOW, 'Europe/Berlin', 'paid-on', { allowPast: true, nearest: true })).toEqual({ kind: 'ok', date: '2026-11-01' });
    expect(parseLocalDate('wednesday', NOW, 'Europe/Berlin', 'paid-on', { allowPast: true, nearest: true })).toEqual({ kind: 'ok', date: '2026-11-18' });
    expect(parseLocalDate('1 november', NOW, 'Europe/Berlin', 'until', past)).toEqual({ kind: 'ok', date: '2027-11-01' });
    expect(parseLocalDate('next friday', NOW, 'Europe/Berlin', 'paid-on', { allowPast: true, nearest: true })).toEqual({ kind: 'ok', date: '2026-11-27' });
  });
});

describe('parseLocalDate never guesses the order of day and month', () => {
  it('refuses "11/12/2027", naming both readings in words', () => {
    expect(english(parseLocalDate('11/12/2027', NOW, 'Europe/Berlin', 'until'))).toBe(
      'until "11/12/2027" can be read two ways (day first or month first): write the month in words, like "12 november" or "11 december".',
    );
  });

  it('reads numbers that can only mean one day', () => {
    expect(parseLocalDate('12/25/2026', NOW, 'Europe/Berlin', 'until')).toEqual({ kind: 'ok', date: '2026-12-25' });
    expect(parseLocalDate('12/12/2026', NOW, 'Europe/Berlin', 'until')).toEqual({ kind: 'ok', date: '2026-12-12' });
  });
});

describe('days in words', () => {
  it('writes a calendar day as the alliance reads it, whatever the viewer zone', () => {
    expect(dayInWords('2027-08-09')).toBe('Monday 9 August 2027');
    expect(dayInWords({ year: 2028, month: 2, day: 29 })).toBe('Tuesday 29 February 2028');
    // 9 August 2027, 00:30 in Chicago is still 8 August in Seattle and already the 9th in UTC: the alliance's day counts.
    const chicagoMidnight = Date.parse('2027-08-09T05:30:00Z');
    expect(dayOfInstant(chicagoMidnight, 'America/Chicago')).toBe('Monday 9 August 2027');
    expect(dayOfInstant(chicagoMidnight, 'Pacific/Auckland')).toBe('Monday 9 August 2027');
    expect(dayOfInstant(Date.parse('2027-08-09T04:30:00Z'), 'America/Chicago')).toBe('Sunday 8 August 2027');
  });
});

describe('text far too long for a date', () => {
  it('is refused without being read or echoed', () => {
    const long = 'é'.repeat(10_000);
    const when = parseWhen(long, NOW, 'Europe/Berlin');
    expect(when).toMatchObject({ kind: 'refused', reason: 'unreadable' });
    if (when.kind === 'refused') expect(english(when).length).toBeLessThan(200);
    const day = parseLocalDate(long, NOW, 'Europe/Berlin', 'by');
    expect(day.kind).toBe('refused');
    if (day.kind === 'refused') expect(english(day).length).toBeLessThan(200);
  });
});
