// Thresholds, durations and deadlines as organizers and authors type them.
import { describe, expect, it } from 'vitest';
import { parseCloses } from '../../../src/proposals/deadline.rules.js';
import { parseDuration, parseThreshold, ruleForType, BUILT_IN_DEFAULT, type DecisionRule } from '../../../src/rules/decision-rules.rules.js';
import { DAY, HOUR } from '../../../src/shared/clock.js';
import { sayIn, sayRef } from '../../../src/i18n/translate.js';
import type { Parsed } from '../../../src/rules/decision-rules.rules.js';

/** The English a member reads for a refused deadline. */
const refusal = (parsed: Parsed<number>) => (parsed.ok ? '' : sayRef(sayIn('en'), parsed.message));

describe('parseThreshold', () => {
  it.each([
    ['2/3', { num: 2, den: 3 }],
    ['3/4', { num: 3, den: 4 }],
    ['75%', { num: 75, den: 100 }],
    ['60', { num: 60, den: 100 }],
    ['1/1', { num: 1, den: 1 }],
  ])('reads %s', (text, value) => expect(parseThreshold(text)).toEqual({ ok: true, value }));
  it.each(['1/2', '50%', '40', '4/3', '101%', 'two thirds', '2/0', ''])('refuses %s', (text) => {
    expect(parseThreshold(text).ok).toBe(false);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90m', 90],
    ['48h', 2880],
    ['3d', 4320],
    ['2w', 20160],
  ])('reads %s', (text, minutes) => expect(parseDuration(text)).toEqual({ ok: true, value: minutes }));
  it.each(['0d', '3', 'd3', '3 days', '-1d'])('refuses %s', (text) => expect(parseDuration(text).ok).toBe(false));
});

describe('parseCloses', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  it('takes a duration from now', () => {
    expect(parseCloses('3d', now, 'UTC')).toEqual({ ok: true, value: now + 3 * DAY });
  });
  it('takes a local date and time in the alliance time zone', () => {
    expect(parseCloses('2026-12-10 17:00', now, 'Europe/Berlin')).toEqual({ ok: true, value: Date.parse('2026-12-10T16:00:00Z') });
  });
  it('reads a date alone as 17:00 local', () => {
    expect(parseCloses('2026-12-10', now, 'America/Chicago')).toEqual({ ok: true, value: Date.parse('2026-12-10T23:00:00Z') });
  });
  it('refuses a deadline in the past, showing it as a Discord timestamp', () => {
    expect(refusal(parseCloses('2026-11-01 10:00', now, 'UTC'))).toBe(`closes must be in the future: <t:${Date.parse('2026-11-01T10:00:00Z') / 1000}:F> has already passed`);
  });
  it('reads the member’s language and refuses by key, the date reader’s reason nested', () => {
    // Tuesday 24 November 2026: "viernes 17h" is Friday the 27th, 17:00 in Madrid.
    expect(parseCloses('viernes 17h', now, 'Europe/Madrid', 'es')).toEqual({ ok: true, value: Date.parse('2026-11-27T16:00:00Z') });
    expect(parseCloses('vendredi', now, 'Europe/Paris', 'fr')).toEqual({ ok: true, value: Date.parse('2026-11-27T16:00:00Z') });
    const unreadable = parseCloses('bientôt', now, 'Europe/Paris', 'fr');
    expect(unreadable).toEqual({ ok: false, message: { key: 'proposals.error.closesUnreadable', values: { detail: { key: 'when.refused.unreadable', values: { text: 'bientôt', example: '2026-12-01' } } } } });
    const twoWays = parseCloses('03/12 17:00', now, 'Europe/Paris', 'fr');
    expect(twoWays.ok ? null : twoWays.message).toEqual({ key: 'proposals.error.closesAmbiguous', values: { first: 'jeu. 3 déc. 2026, 17:00', second: 'ven. 12 mars 2027, 17:00' } });
  });
  it('refuses a deadline beyond 90 days', () => {
    expect(refusal(parseCloses('91d', now, 'UTC'))).toContain('90 days');
    expect(parseCloses('90d', now, 'UTC').ok).toBe(true);
  });
  it('refuses impossible dates and gibberish', () => {
    expect(parseCloses('2026-02-30 10:00', now, 'UTC').ok).toBe(false);
    expect(parseCloses('2026-12-10 25:00', now, 'UTC').ok).toBe(false);
    expect(parseCloses('banana', now, 'UTC').ok).toBe(false);
    expect(parseCloses('1h', now, 'UTC')).toEqual({ ok: true, value: now + HOUR });
  });
  it('reads the same natural language as a meeting time, in the alliance zone', () => {
    // Tuesday 24 November 2026, 04:00 in Chicago.
    expect(parseCloses('friday 5pm', now, 'America/Chicago')).toEqual({ ok: true, value: Date.parse('2026-11-27T23:00:00Z') });
    expect(parseCloses('next tuesday', now, 'America/Chicago')).toEqual({ ok: true, value: Date.parse('2026-12-01T23:00:00Z') });
    expect(parseCloses('in 3 days', now, 'America/Chicago')).toEqual({ ok: true, value: now + 3 * DAY });
    expect(parseCloses('in 3 hours', now, 'America/Chicago')).toEqual({ ok: true, value: now + 3 * HOUR });
    expect(parseCloses('in 2 months', now, 'America/Chicago')).toEqual({ ok: true, value: Date.parse('2027-01-24T10:00:00Z') });
  });
  it('refuses a time the clocks skip and asks for one the clocks repeat', () => {
    const march = Date.parse('2027-03-01T12:00:00Z');
    expect(refusal(parseCloses('2027-03-14 02:30', march, 'America/Chicago'))).toContain('does not exist');
    const october = Date.parse('2027-10-20T12:00:00Z');
    expect(refusal(parseCloses('2027-11-07 01:30', october, 'America/Chicago'))).toContain('happens twice');
    expect(refusal(parseCloses('03/12 17:00', october, 'Europe/Berlin'))).toContain('two ways (');
  });
});

describe('ruleForType', () => {
  const policy: DecisionRule = { ...BUILT_IN_DEFAULT, scope: 'policy', rule: 'consensus', builtIn: false };
  const fallback: DecisionRule = { ...BUILT_IN_DEFAULT, scope: 'default', rule: 'consent', builtIn: false };
  it('prefers the type’s own rule, then the alliance default, then the built-in one', () => {
    expect(ruleForType('policy', [policy, fallback]).rule).toBe('consensus');
    expect(ruleForType('dues', [policy, fallback]).rule).toBe('consent');
    expect(ruleForType('dues', [policy])).toBe(BUILT_IN_DEFAULT);
  });
});
