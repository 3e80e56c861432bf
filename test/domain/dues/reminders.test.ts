// Dues reminders as job rows at 10:00 alliance time, one of each kind per due day, moved by payments; and the
// voters:spaces-in-good-standing electorate, frozen when a proposal opens.
import { describe, expect, it } from 'vitest';
import { localToInstant } from '../../../src/shared/zoned-time.js';
import { actor, G1, HOST_A, HOST_B, HOST_C, organizer, setup } from './setup.js';
import { englishError } from '../../support/english.js';

const plan = { amount: '50', currency: 'USD', period: 'monthly', graceDays: 10, starts: '2027-01-01' };
const tenAm = (date: string, zone: string) => localToInstant({ year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10), hour: 10, minute: 0 }, zone);
const dues = (services: ReturnType<typeof setup>['services']) => services.jobs.list(G1, ['dues-due-soon', 'dues-overdue']);

describe('dues reminders', () => {
  it('plans a due-soon reminder 7 days ahead and an overdue one after the grace days, at 10:00 alliance time', () => {
    const { services, clock } = setup('2027-01-20T12:00:00Z');
    services.alliances.update(organizer(), { timezone: 'America/New_York' });
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    services.duesReminders.plan(clock.now());
    const hive = dues(services).filter((j) => j.payload['spaceId'] === 1 && j.status === 'pending');
    expect(hive.map((j) => [j.kind, j.dueAt, j.payload['dueOn']])).toEqual([
      ['dues-due-soon', tenAm('2027-01-25', 'America/New_York'), '2027-02-01'],
      ['dues-overdue', tenAm('2027-02-11', 'America/New_York'), '2027-02-01'],
    ]);
  });

  it('10:00 stays 10:00 local across the change to summer time', () => {
    const { services } = setup('2027-03-01T12:00:00Z');
    services.alliances.update(organizer(), { timezone: 'America/New_York' });
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50', coversUntil: '2027-03-13' });
    services.dues.record(organizer(), { spaceId: 2, amount: '50', coversUntil: '2027-03-20' });
    const at = (spaceId: number) => dues(services).find((j) => j.kind === 'dues-due-soon' && j.payload['spaceId'] === spaceId && j.status === 'pending')!.dueAt;
    // Due March 14 and March 21: reminders on March 7 (standard time, UTC-5) and March 14, the day clocks go forward (UTC-4).
    expect(new Date(at(1)).toISOString()).toBe('2027-03-07T15:00:00.000Z');
    expect(new Date(at(2)).toISOString()).toBe('2027-03-14T14:00:00.000Z');
  });

  it('never plans a reminder whose moment has already passed (no burst of DMs when a plan starts in the past)', () => {
    const { services, clock } = setup('2027-03-20T12:00:00Z');
    services.dues.setPlan(organizer(), plan);
    services.duesReminders.plan(clock.now());
    expect(dues(services)).toEqual([]);
  });

  it('a payment moves the reminders to the next due day; a correction brings the old ones back', () => {
    const { services } = setup('2027-01-20T12:00:00Z');
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    const pending = () => dues(services).filter((j) => j.payload['spaceId'] === 1 && j.status === 'pending').map((j) => j.payload['dueOn']);
    expect(pending()).toEqual(['2027-03-01', '2027-03-01']);
    services.dues.correct(organizer(), { entry: 2 });
    expect(pending()).toEqual(['2027-02-01', '2027-02-01']);
  });

  it('an entry that does not move the due day keeps a reminder that is due and not yet sent', () => {
    const { services, clock } = setup('2027-01-20T12:00:00Z');
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    clock.set('2027-01-25T10:00:00Z');
    services.dues.record(organizer(), { spaceId: 1, amount: '10', paidOn: '2027-01-24', coversUntil: '2027-01-15', note: 'late fee' });
    const dueSoon = dues(services).find((j) => j.kind === 'dues-due-soon' && j.payload['spaceId'] === 1)!;
    expect(dueSoon).toMatchObject({ status: 'pending', dueAt: Date.parse('2027-01-25T10:00:00Z') });
  });

  it('a reminder no longer applies once paid, and leaves out hosts who turned reminders off', () => {
    const { services, clock } = setup('2027-01-20T12:00:00Z');
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 3, amount: '50' });
    clock.set('2027-02-11T15:00:00Z');
    expect(services.duesReminders.reminder(G1, 'dues-overdue', 3, '2027-02-01')).toMatchObject({ spaceName: 'Dock', hostUserIds: [HOST_C, HOST_A], owedMinor: 5000 });
    services.dues.setReminders(actor(HOST_C), false);
    expect(services.duesReminders.reminder(G1, 'dues-overdue', 3, '2027-02-01')!.hostUserIds).toEqual([HOST_A]);
    services.dues.setReminders(actor(HOST_A), false);
    expect(services.duesReminders.reminder(G1, 'dues-overdue', 3, '2027-02-01')).toBeNull();
    services.dues.setReminders(actor(HOST_A), true);
    services.dues.record(organizer(), { spaceId: 3, amount: '50' });
    expect(services.duesReminders.reminder(G1, 'dues-overdue', 3, '2027-02-01')).toBeNull();
  });

  it('the overdue reminder is not sent while the space is still within its grace days', () => {
    const { services, clock } = setup('2027-01-20T12:00:00Z');
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 2, amount: '50' });
    clock.set('2027-02-05T15:00:00Z');
    expect(services.duesReminders.reminder(G1, 'dues-overdue', 2, '2027-02-01')).toBeNull();
    expect(services.duesReminders.reminder(G1, 'dues-due-soon', 2, '2027-02-01')).toMatchObject({ hostUserIds: [HOST_B] });
  });
});

describe('voters: spaces-in-good-standing', () => {
  const people = { humans: [HOST_A, HOST_B, HOST_C, '400000000000000000'].map((id) => ({ id, roleIds: [] })) };
  const basic = { title: 'Raise dues', summary: 'Raise dues to 60 a month.' };

  it('one vote per member space in good standing, frozen at the opening', () => {
    const { services, clock } = setup('2027-01-05T12:00:00Z');
    services.dues.setPlan(organizer(), plan);
    services.dues.record(organizer(), { spaceId: 1, amount: '50' });
    services.dues.record(organizer(), { spaceId: 2, amount: '50' });
    clock.set('2027-01-20T12:00:00Z');
    // Dock never paid and is past its grace days: it has no vote.
    const p = services.proposals.create(actor(HOST_A), { ...basic, voters: 'spaces-in-good-standing' }, people);
    expect(p.eligible).toBe(2);
    expect(englishError(() => services.votes.vote(actor(HOST_C), { proposalId: p.id, choice: 'yes' }))).toMatch(/not among/);
    services.votes.vote(actor(HOST_B), { proposalId: p.id, choice: 'no' });
    // Paying now does not change an open proposal's electorate.
    services.dues.record(organizer(), { spaceId: 3, amount: '50' });
    expect(services.proposals.get(G1, p.id).eligible).toBe(2);
    expect(englishError(() => services.votes.vote(actor(HOST_C), { proposalId: p.id, choice: 'yes' }))).toMatch(/not among/);
    expect(services.proposals.create(actor(HOST_A), { ...basic, voters: 'spaces-in-good-standing' }, people).eligible).toBe(3);
  });

  it('without a dues plan every member space is in good standing', () => {
    const { services } = setup('2027-01-20T12:00:00Z');
    expect(services.proposals.create(actor(HOST_A), { ...basic, voters: 'spaces-in-good-standing' }, people).eligible).toBe(3);
  });

  it('can be an alliance rule for a kind of decision', () => {
    const { services } = setup();
    services.rules.set(organizer(), { type: 'dues', voters: 'spaces-in-good-standing' });
    expect(services.rules.forType(G1, 'dues').voters).toBe('spaces-in-good-standing');
  });
});
