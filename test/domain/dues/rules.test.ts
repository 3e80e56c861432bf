// Money parsed as text into minor units (never floats) and dues standing over calendar dates, as pure functions.
import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/dues/dues.problems.js';
import { t } from '../../../src/i18n/translate.js';
import { decimalString, formatMoney, parseAmount, parseCurrency } from '../../../src/dues/money.rules.js';
import { defaultCoversUntil, periodEnd, reminderDays, standingOn, type PlanTerms } from '../../../src/dues/standing.rules.js';

describe('money', () => {
  it.each([
    ['12.50', 'USD', 1250],
    ['12.5', 'USD', 1250],
    ['0.01', 'USD', 1],
    ['1000000.00', 'USD', 100_000_000],
    ['5000', 'JPY', 5000],
    ['1.234', 'BHD', 1234],
    [' 40 ', 'EUR', 4000],
  ])('reads %s %s as %i minor units', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['-5', 'USD', /more than zero/],
    ['0', 'USD', /more than zero/],
    ['0.00', 'USD', /more than zero/],
    ['12.505', 'USD', /at most 2 decimals/],
    ['5.5', 'JPY', /no decimals/],
    ['1000000.01', 'USD', /at most \$1,000,000\.00/],
    ['99999999', 'USD', /number like/],
    ['1e3', 'USD', /number like/],
    ['12,50', 'EUR', /number like/],
    ['', 'USD', /number like/],
  ])('refuses %j in %s', (text, currency, message) => {
    const parsed = parseAmount(text, currency);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const ref = problems.amount(parsed.problem);
      expect(t('en', ref.key, ref.values as Record<string, string | number>)).toMatch(message);
    }
  });

  it('knows ISO 4217 codes and refuses others', () => {
    expect(parseCurrency(' usd')).toEqual({ ok: true, value: 'USD' });
    expect(parseCurrency('XQZ').ok).toBe(false);
    expect(parseCurrency('US').ok).toBe(false);
  });

  it('formats from integers exactly, whatever the size', () => {
    expect(formatMoney(123_456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(12_345_678_901_234, 'USD')).toBe('$123,456,789,012.34');
    expect(formatMoney(5000, 'JPY')).toBe('¥5,000');
    expect(decimalString(-1250, 'USD')).toBe('-12.50');
    expect(decimalString(7, 'BHD')).toBe('0.007');
  });
});

const monthly: PlanTerms = { amountMinor: 5000, currency: 'USD', period: 'monthly', graceDays: 10, startsOn: '2027-01-01' };

describe('standing', () => {
  it('a space that never paid is in grace from the first day and overdue after the grace days', () => {
    expect(standingOn(monthly, null, '2027-01-10')).toMatchObject({ standing: 'grace', inGoodStanding: true, owedMinor: 5000, nextDueOn: '2027-01-01', overdueFrom: '2027-01-11' });
    expect(standingOn(monthly, null, '2027-01-11')).toMatchObject({ standing: 'overdue', inGoodStanding: false });
    expect(standingOn(monthly, null, '2027-03-15')).toMatchObject({ standing: 'overdue', owedMinor: 15_000 });
  });

  it('good standing on day D: paid through D minus the grace days', () => {
    expect(standingOn(monthly, '2027-01-31', '2027-01-31')).toMatchObject({ standing: 'paid', nextDueOn: '2027-02-01' });
    expect(standingOn(monthly, '2027-01-31', '2027-02-10')).toMatchObject({ standing: 'grace', inGoodStanding: true });
    expect(standingOn(monthly, '2027-01-31', '2027-02-11')).toMatchObject({ standing: 'overdue', inGoodStanding: false });
  });

  it('a space with no plan in force is in good standing', () => {
    expect(standingOn(null, null, '2027-01-31')).toMatchObject({ standing: 'no-plan', inGoodStanding: true });
    expect(standingOn(monthly, null, '2026-12-31')).toMatchObject({ standing: 'no-plan', inGoodStanding: true });
  });

  it('a payment without covers-until buys whole periods from the first unpaid one', () => {
    expect(defaultCoversUntil(monthly, null, 15_000)).toBe('2027-03-31');
    expect(defaultCoversUntil(monthly, '2027-03-31', 5000)).toBe('2027-04-30');
    expect(defaultCoversUntil(monthly, '2027-02-14', 5000)).toBe('2027-02-28');
    expect(defaultCoversUntil(monthly, null, 7500)).toBeNull();
    expect(defaultCoversUntil({ ...monthly, period: 'quarterly' }, null, 5000)).toBe('2027-03-31');
    expect(defaultCoversUntil({ ...monthly, period: 'yearly' }, '2027-12-31', 10_000)).toBe('2029-12-31');
  });

  it('periods that start on the 31st keep their anchor through short months', () => {
    const plan = { ...monthly, startsOn: '2027-01-31' };
    expect([periodEnd(plan, 0), periodEnd(plan, 1), periodEnd(plan, 2)]).toEqual(['2027-02-27', '2027-03-30', '2027-04-29']);
  });

  it('reminders: 7 days before the due day, and on the first day out of good standing', () => {
    expect(reminderDays(monthly, '2027-01-31')).toEqual({ dueOn: '2027-02-01', dueSoonOn: '2027-01-25', overdueOn: '2027-02-11' });
  });
});
