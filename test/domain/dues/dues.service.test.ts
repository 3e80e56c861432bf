// Dues use cases on a real database: plan, append-only ledger with reversing entries, standing, who sees what,
// export defusing, alliance isolation, privacy; bad input is refused by field with nothing stored.
import { englishError } from '../../support/english.js';
import { describe, expect, it } from 'vitest';
import { actor, fields, G1, G2, HOST_A, HOST_B, MEMBER, organizer, setup } from './setup.js';

const plan = { amount: '50', currency: 'USD', period: 'monthly', graceDays: 10, starts: '2027-01-01' };

function ledgerRows(db: ReturnType<typeof setup>['db']): number {
  return (db.sqlite.prepare('SELECT COUNT(*) AS n FROM dues_entries').get() as { n: number }).n;
}

describe('dues plan', () => {
  it('stores money in minor units with its currency; the newest plan is in force', () => {
    const { services } = setup();
    expect(services.dues.setPlan(organizer(), plan)).toMatchObject({ amountMinor: 5000, currency: 'USD', period: 'monthly', graceDays: 10, startsOn: '2027-01-01' });
    services.dues.setPlan(organizer(), { ...plan, amount: '60.25', currency: 'eur' });
    expect(services.dues.plan(G1)).toMatchObject({ amountMinor: 6025, currency: 'EUR' });
    expect(services.dues.plan(G2)).toBeNull();
  });

  it('defaults to 14 grace days from the first of this month', () => {
    const { services } = setup();
    expect(services.dues.setPlan(organizer(), { amount: '50', currency: 'USD', period: 'yearly' })).toMatchObject({ graceDays: 14, startsOn: '2027-01-01' });
  });

  it.each([
    [{ amount: '-5' }, ['amount']],
    [{ amount: '1000000.01' }, ['amount']],
    [{ amount: 'fifty' }, ['amount']],
    [{ currency: 'XQZ' }, ['currency']],
    [{ currency: 'XQZ', amount: '-1' }, ['currency']],
    [{ period: 'weekly' }, ['period']],
    [{ graceDays: 91 }, ['grace-days']],
    [{ starts: '2027-02-30' }, ['starts']],
    [{ starts: '1990-01-01' }, ['starts']],
    [{ starts: '2031-01-01' }, ['starts']],
  ])('refuses %j naming the field, and stores nothing', (bad, expected) => {
    const { services } = setup();
    expect(fields(() => services.dues.setPlan(organizer(), { ...plan, ...bad }))).toEqual(expected);
    expect(services.dues.plan(G1)).toBeNull();
  });

  it('only organizers set it', () => {
    const { services } = setup();
    expect(englishError(() => services.dues.setPlan(actor(HOST_A), plan))).toMatch(/Only organizers/);
    expect(services.dues.plan(G1)).toBeNull();
  });
});

describe('the ledger', () => {
  it('a payment without covers-until buys whole periods; standing follows the payments', () => {
    const { services, clock } = setup();
    services.dues.setPlan(organizer(), plan);
    const first = services.dues.record(organizer(), { spaceId: 1, amount: '150.00', paidOn: '2027-01-03' });
    expect(first.entry).toMatchObject({ number: 1, amountMinor: 15_000, coversUntil: '2027-03-31' });
    expect(first.status.standing).toBe('paid');
    clock.set('2027-04-11T12:00:00Z');
    expect(services.dues.status(organizer(), { spaceId: 1 }).spaces[0]).toMatchObject({ standing: 'overdue', inGoodStanding: false, owedMinor: 5000 });
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    expect(services.dues.status(organizer(), { spaceId: 1 }).spaces[0]).toMatchObject({ standing: 'paid', paidThrough: '2027-04-30' });
  });

  it('a correction is a reversing entry: the payment stays in the ledger and stops counting', () => {
    const { services } = setup();
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 2, amount: '50', coversUntil: '2027-01-31' });
    services.dues.record(organizer(), { spaceId: 2, amount: '100' });
    const { reversal, status } = services.dues.correct(organizer(), { entry: 2, note: 'typo' });
    expect(reversal).toMatchObject({ number: 3, kind: 'reversal', amountMinor: -10_000, reversesNumber: 1 + 1 });
    expect(status.paidThrough).toBe('2027-01-31');
    const entries = services.dues.status(organizer(), { spaceId: 2 }).spaces[0]!.entries;
    expect(entries.map((e) => [e.number, e.kind, e.reversedBy])).toEqual([[3, 'reversal', null], [2, 'payment', 3], [1, 'payment', null]]);
    expect(englishError(() => services.dues.correct(organizer(), { entry: 2 }))).toMatch(/already corrected by entry #3/);
    expect(englishError(() => services.dues.correct(organizer(), { entry: 3 }))).toMatch(/itself a correction/);
    expect(englishError(() => services.dues.correct(organizer(), { entry: 99 }))).toMatch(/no dues entry #99/);
  });

  it('the database itself refuses to edit or delete a ledger entry', () => {
    const { services, db } = setup();
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    expect(() => db.sqlite.prepare('UPDATE dues_entries SET amount_minor = 1').run()).toThrow(/append-only/);;
    expect(() => db.sqlite.prepare('DELETE FROM dues_entries').run()).toThrow(/append-only/);;
    expect(ledgerRows(db)).toBe(1);
  });

  it.each([
    [{ amount: '0' }, ['amount']],
    [{ amount: '-50' }, ['amount']],
    [{ amount: '2000000' }, ['amount']],
    [{ amount: '12.345' }, ['amount']],
    [{ amount: '75' }, ['covers-until']],
    [{ paidOn: '2027-13-01' }, ['paid-on']],
    [{ paidOn: '2027-02-01' }, ['paid-on']],
    [{ paidOn: '1999-01-01', coversUntil: '2099-01-01' }, ['paid-on', 'covers-until']],
    [{ spaceId: 9 }, ['space']],
    [{ note: 'x'.repeat(301) }, ['note']],
  ])('refuses a payment with %j naming the field, and stores nothing', (bad, expected) => {
    const { services, db } = setup();
    services.dues.setPlan(organizer(), plan);
    expect(fields(() => services.dues.record(organizer(), { spaceId: 1, amount: '50', ...bad }))).toEqual(expected);
    expect(ledgerRows(db)).toBe(0);
  });

  it('guards its own day format: words reach it only read by the command, and its hint shows no fixed date', () => {
    const { services, db } = setup();
    services.dues.setPlan(organizer(), plan);
    expect(englishError(() => services.dues.record(organizer(), { spaceId: 1, amount: '50', paidOn: 'last friday' }))).toContain('paid-on must be a calendar day written year-month-day (YYYY-MM-DD)');
    expect(ledgerRows(db)).toBe(0);
  });

  it('refuses a payment before any plan, and from a plain member', () => {
    const { services, db } = setup();
    expect(englishError(() => services.dues.record(organizer(), { spaceId: 1, amount: '50' }))).toMatch(/no dues plan yet/);
    services.dues.setPlan(organizer(), plan);
    expect(englishError(() => services.dues.record(actor(HOST_A), { spaceId: 1, amount: '50' }))).toMatch(/Only organizers/);
    expect(englishError(() => services.dues.correct(actor(HOST_A), { entry: 1 }))).toMatch(/Only organizers/);
    expect(englishError(() => services.dues.exportCsv(actor(HOST_A)))).toMatch(/Only organizers/);
    expect(ledgerRows(db)).toBe(0);
  });
});

describe('status and export', () => {
  it('hosts see their own spaces, organizers every space worst first', () => {
    const { services } = setup('2027-01-20T12:00:00Z');
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    expect(services.dues.status(actor(HOST_A)).spaces.map((s) => s.spaceName).sort()).toEqual(['Dock', 'Hive']);
    expect(services.dues.status(actor(HOST_B)).spaces.map((s) => s.spaceName)).toEqual(['Loft']);
    expect(services.dues.status(actor(MEMBER)).spaces).toEqual([]);
    expect(englishError(() => services.dues.status(actor(HOST_B), { spaceId: 1 }))).toMatch(/Only organizers and the hosts/);
    const all = services.dues.status(organizer());
    expect(all.spaces.map((s) => [s.spaceName, s.standing])).toEqual([['Dock', 'overdue'], ['Loft', 'overdue'], ['Hive', 'paid']]);
    expect(services.dues.status(organizer(), { sort: 'name' }).spaces.map((s) => s.spaceName)).toEqual(['Dock', 'Hive', 'Loft']);
  });

  it('exports the ledger as CSV with formula-like cells defused', () => {
    const { services } = setup();
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50', note: '=HYPERLINK("http://x")' });
    services.dues.correct(organizer(), { entry: 1, note: '+1 mistake' });
    const { csv, entries } = services.dues.exportCsv(organizer());
    expect(entries).toBe(2);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('entry,kind,space_id,space,amount,amount_minor,currency,paid_on,covers_until,reverses_entry,reversed_by_entry,note,recorded_at');
    expect(lines[1]).toContain(`50.00,5000,USD,`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[2]).toContain("'-50.00,-5000,USD");
    expect(lines[2]).toContain("'+1 mistake");
  });

  it('alliances never see each other’s dues, and entry numbers are per alliance', () => {
    const { services } = setup();
    services.dues.setPlan(organizer(), plan);
    services.dues.setPlan(organizer(G2), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    expect(englishError(() => services.dues.record(organizer(G2), { spaceId: 1, amount: '50' }))).toMatch(/approved member space/);
    expect(services.dues.record(organizer(G2), { spaceId: 9, amount: '50' }).entry.number).toBe(1);
    expect(englishError(() => services.dues.correct(organizer(G2), { entry: 2 }))).toMatch(/no dues entry/);
    expect(services.dues.exportCsv(organizer(G2)).entries).toBe(1);
  });
});

describe('privacy', () => {
  it('forgetting the organizer who recorded entries removes their id; the entries stay as the space’s records', () => {
    const { services, db } = setup();
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    services.dues.setReminders(actor(HOST_A), false);
    expect(Object.keys(services.privacy.export(organizer()).data)).toEqual(expect.arrayContaining(['dues_entries', 'dues_plans']));
    expect(services.privacy.export(actor(HOST_A)).data['dues_reminder_prefs']).toHaveLength(1);
    services.privacy.delete(organizer());
    services.privacy.delete(actor(HOST_A));
    expect(services.privacy.export(organizer()).data).toEqual({});
    expect(services.privacy.export(actor(HOST_A)).data).toEqual({});
    expect(ledgerRows(db)).toBe(1);
    expect(services.dues.status(organizer(), { spaceId: 1 }).spaces[0]).toMatchObject({ standing: 'paid' });
  });
});
