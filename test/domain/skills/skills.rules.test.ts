// Skill-share rules: due times at 10:00 alliance time (across DST and date lines), "by" dates, month starts,
// and which introduction requests are refused.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/shared/clock.js';
import { sayIn, sayRef } from '../../../src/i18n/translate.js';
import {
  byDateProblem,
  introFollowupAt,
  introRefusal,
  LIMITS,
  localMonthStart,
  needExpiresAt,
  needReminderAt,
} from '../../../src/skills/skills.rules.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('due times', () => {
  it('a need lapses 90 days after it was added or renewed', () => {
    expect(needExpiresAt(Date.parse('2026-01-01T08:00:00Z'))).toBe(Date.parse('2026-04-01T08:00:00Z'));
  });

  it.each([
    // Berlin: the reminder day (Mar 25) is still winter time although the expiry (Apr 1) is summer time.
    ['2026-04-01T09:00:00Z', 'Europe/Berlin', '2026-03-25T09:00:00.000Z'],
    // New York, expiry late at night local time: the local day counts, not the UTC day.
    ['2026-06-10T03:00:00Z', 'America/New_York', '2026-06-02T14:00:00.000Z'],
    ['2026-06-10T03:00:00Z', 'UTC', '2026-06-03T10:00:00.000Z'],
    ['2026-03-01T12:00:00Z', 'Asia/Kolkata', '2026-02-22T04:30:00.000Z'],
  ])('reminder for a need expiring %s in %s goes out at %s (10:00 local, a week before)', (expires, zone, expected) => {
    expect(iso(needReminderAt(Date.parse(expires), zone))).toBe(expected);
  });

  it.each([
    ['2026-03-25T20:00:00Z', 'Europe/Berlin', '2026-04-01T08:00:00.000Z'],
    ['2026-06-10T03:00:00Z', 'America/New_York', '2026-06-16T14:00:00.000Z'],
    ['2026-12-28T09:00:00Z', 'UTC', '2027-01-04T10:00:00.000Z'],
  ])('"did it help?" for an intro accepted %s in %s goes out at %s', (accepted, zone, expected) => {
    expect(iso(introFollowupAt(Date.parse(accepted), zone))).toBe(expected);
  });

  it('a month starts at local midnight on the 1st', () => {
    expect(iso(localMonthStart(Date.parse('2026-03-15T12:00:00Z'), 'Europe/Paris'))).toBe('2026-02-28T23:00:00.000Z');
    expect(iso(localMonthStart(Date.parse('2026-03-01T02:00:00Z'), 'America/Chicago'))).toBe('2026-02-01T06:00:00.000Z');
  });
});

describe('byDateProblem', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it.each([
    ['2026-03-10', null],
    ['2026-12-31', null],
    ['2026-03-09', 'by must be today or later (today is Tuesday 10 March 2026)'],
    ['2026-02-30', 'by must be a real date; 2026-02-30 does not exist'],
    ['10/03/2026', 'by must be a date written YYYY-MM-DD'],
    ['2028-01-01', 'by must be within a year (at most Thursday 11 March 2027)'],
  ])('%s → %s', (value, expected) => {
    const problem = byDateProblem(value, now, 'UTC');
    expect(problem && sayRef(sayIn('en'), problem)).toBe(expected);
  });

  it('names the days in the member’s language, by key', () => {
    expect(byDateProblem('2026-03-09', now, 'UTC', 'es')).toEqual({ key: 'skills.by.past', values: { today: 'martes, 10 de marzo de 2026' } });
    expect(byDateProblem('2028-01-01', now, 'UTC', 'fr')).toEqual({ key: 'skills.by.tooFar', values: { latest: 'jeudi 11 mars 2027' } });
  });

  it("uses the alliance's date: late evening in Los Angeles is still the previous day", () => {
    const lateEvening = Date.parse('2026-03-11T05:00:00Z'); // Mar 10, 22:00 in Los Angeles
    expect(byDateProblem('2026-03-10', lateEvening, 'America/Los_Angeles')).toBeNull();
    expect(byDateProblem('2026-03-10', lateEvening, 'UTC')).not.toBeNull();
  });
});

describe('introRefusal', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const base = {
    requesterId: 'a',
    targetId: 'b',
    targetIsBot: false,
    targetAvailable: true,
    linked: true,
    history: { pendingByRequester: 0, latestBetween: null },
    now,
  };
  it.each([
    ['an intro to oneself', { targetId: 'a' }, { kind: 'self' }],
    ['an intro to a bot', { targetIsBot: true }, { kind: 'bot' }],
    ['a member hidden or closed to intros', { targetAvailable: false }, { kind: 'unavailable' }],
    ['members with nothing in common', { linked: false }, { kind: 'no-match' }],
    [
      'a second request while the first waits',
      { history: { pendingByRequester: 1, latestBetween: { requesterId: 'a', status: 'pending', createdAt: now - DAY } } },
      { kind: 'duplicate', theyAsked: false },
    ],
    [
      'asking someone who already asked you',
      { history: { pendingByRequester: 0, latestBetween: { requesterId: 'b', status: 'pending', createdAt: now - DAY } } },
      { kind: 'duplicate', theyAsked: true },
    ],
    ['a sixth pending request', { history: { pendingByRequester: LIMITS.pendingIntros, latestBetween: null } }, { kind: 'too-many-pending', pending: 5 }],
    [
      'the same pair within 30 days after a decline',
      { history: { pendingByRequester: 0, latestBetween: { requesterId: 'a', status: 'declined', createdAt: now - 29 * DAY } } },
      { kind: 'cooldown', until: now + DAY },
    ],
  ])('refuses %s', (_label, patch, expected) => {
    expect(introRefusal({ ...base, ...patch } as Parameters<typeof introRefusal>[0])).toEqual(expected);
  });

  it.each([
    ['a first request', {}],
    ['four pending elsewhere', { history: { pendingByRequester: 4, latestBetween: null } }],
    [
      'the same pair after 30 days',
      { history: { pendingByRequester: 0, latestBetween: { requesterId: 'a', status: 'declined', createdAt: now - 30 * DAY } } },
    ],
  ])('allows %s', (_label, patch) => {
    expect(introRefusal({ ...base, ...patch } as Parameters<typeof introRefusal>[0])).toBeNull();
  });
});
