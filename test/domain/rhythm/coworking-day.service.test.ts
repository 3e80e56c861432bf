// Coworking Day use cases: hosting validated (own space, August 9 or the week, future, link), a Discord event made
// and nothing stored on failure, the countdown and who hosts what, organizer-only settings, alliance isolation.
import { englishOf } from '../../support/english.js';
import { eventDescription } from '../../../src/discord/rhythm/ports.js';
import { sayIn } from '../../../src/i18n/translate.js';
import { describe, expect, it } from 'vitest';
import type { ScheduledEventInput, SpacesDirectory } from '../../../src/rhythm/ports.js';
import { isDomainError } from '../../../src/shared/errors.js';
import { actor, harness, localText } from './harness.js';

const G = '300000000000000005';
const H = '300000000000000006';
const HOST = '200000000000000007';
const host = actor(G, HOST, false);

const directory: SpacesDirectory = {
  spacesHostedBy: (guildId, userId) => (guildId === G && userId === HOST ? [{ id: 1, name: 'Hive' }, { id: 2, name: 'Loft' }] : []),
  spaceAutocomplete: (guildId, query, { hostedBy }) =>
    directory.spacesHostedBy(guildId, hostedBy ?? '').filter((s) => s.name.toLowerCase().includes(query.toLowerCase())).map((s) => ({ ...s, city: 'KC' })),
};

function fakeEvents(fail = false) {
  const created: ScheduledEventInput[] = [];
  const removed: string[] = [];
  return {
    created,
    removed,
    create: async (_guild: string, event: ScheduledEventInput) => {
      if (fail) throw new Error('Missing Permissions (50013)');
      created.push(event);
      return { id: `ev${created.length}` };
    },
    remove: async (_guild: string, id: string) => void removed.push(id),
  };
}

async function problems(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { kind: error.kind, problems: error.problems.map((p) => `${p.field}: ${englishOf(p)}`) };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('hosting a Coworking Day event', () => {
  it('registers an event on August 9 in local time and creates an external Discord event', async () => {
    const h = harness({ start: '2026-07-01T00:00:00Z', directory });
    h.setupAlliance(G, 'Asia/Kolkata');
    const events = fakeEvents();
    const hosted = await h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'Open day', when: '09:00-17:00', link: 'https://hive.example/icd' }, events);
    expect(localText(hosted.startsAt, 'Asia/Kolkata')).toBe('2026-08-09 09:00');
    expect(localText(hosted.endsAt, 'Asia/Kolkata')).toBe('2026-08-09 17:00');
    expect(events.created).toEqual([
      expect.objectContaining({ name: 'Open day', location: 'https://hive.example/icd', startAt: hosted.startsAt, endAt: hosted.endsAt }),
    ]);
    const overview = h.services.rhythm.coworkingDay.overview(host);
    expect(overview).toMatchObject({ year: 2026, daysUntil: 39, week: null });
    expect(overview.events.map((e) => `${e.spaceName}: ${e.title}`)).toEqual(['Hive: Open day']);
    // Without a link the space is the location, and the event lasts two hours.
    const second = await h.services.rhythm.coworkingDay.host(host, { spaceId: 2, title: 'Lunch', when: '2026-08-09 12:00' }, events);
    expect(events.created[1]!.location).toBe('Loft');
    expect(second.endsAt - second.startsAt).toBe(2 * 3_600_000);
    expect(h.services.rhythm.coworkingDay.overview(actor(H, HOST, false)).events).toEqual([]);
  });

  it('reads when in the member’s language (days and times such as "9 août 14h") and refuses it there, by key', async () => {
    const h = harness({ start: '2026-07-01T00:00:00Z', directory });
    h.setupAlliance(G, 'Europe/Paris');
    const events = fakeEvents();
    const hosted = await h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'Portes ouvertes', when: '9 août 9h-17h30', language: 'fr' }, events);
    expect([localText(hosted.startsAt, 'Europe/Paris'), localText(hosted.endsAt, 'Europe/Paris')]).toEqual(['2026-08-09 09:00', '2026-08-09 17:30']);
    const spanish = await h.services.rhythm.coworkingDay.host(host, { spaceId: 2, title: 'Almuerzo', when: '9 de agosto 12 h', language: 'es' }, events);
    expect(localText(spanish.startsAt, 'Europe/Paris')).toBe('2026-08-09 12:00');
    const refused = await h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'x', when: '7 de agosto 10:00', language: 'es' }, events).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.problems.map((p) => p.text)).toEqual([{ key: 'rhythm.errors.notOnDay', values: { day: 'domingo, 9 de agosto de 2026' } }]);
    const unreadable = await h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'x', when: 'un jour 10:00', language: 'fr' }, events).catch((error: unknown) => error);
    expect(isDomainError(unreadable) && unreadable.problems[0]!.text?.key).toBe('when.day.unreadable');
  });

  it('writes the Discord event description with the space name as text and the link plainly', async () => {
    const named: SpacesDirectory = { ...directory, spacesHostedBy: () => [{ id: 1, name: 'Hive [Click](https://evil.example)' }] };
    const h = harness({ start: '2026-07-01T00:00:00Z', directory: named });
    h.setupAlliance(G, 'UTC');
    const events = fakeEvents();
    await h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'Open day', when: '09:00-17:00', link: 'https://hive.example/icd' }, events);
    expect(events.created[0]!.about).toEqual({ spaceName: 'Hive [Click](https://evil.example)', year: 2026, link: 'https://hive.example/icd' });
    expect(eventDescription(sayIn('en'), events.created[0]!.about)).toBe('Hive \\[Click\\]\\(https://evil.example\\) for International Coworking Day 2026. https://hive.example/icd');
    expect(eventDescription(sayIn('fr'), events.created[0]!.about)).toBe('Hive \\[Click\\]\\(https://evil.example\\) pour la Journée internationale du coworking 2026. https://hive.example/icd');
  });

  it('refuses a space the caller does not host, a date outside the day or week, the past and a bad link, all at once', async () => {
    const h = harness({ start: '2026-08-09T12:00:00Z', directory });
    h.setupAlliance(G, 'UTC');
    const events = fakeEvents();
    const result = await problems(
      h.services.rhythm.coworkingDay.host(host, { spaceId: 9, title: 'x', when: '2026-08-08 10:00', link: 'ftp://nope' }, events),
    );
    expect(result.kind).toBe('invalid');
    expect(result.problems.map((p) => p.split(':')[0])).toEqual(['link', 'space', 'when']);
    expect(result.problems[2]).toContain('must be on International Coworking Day (Sunday 9 August 2026)');
    expect((await problems(h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'x', when: '09:00' }, events))).problems).toEqual([
      'when: **when** must be in the future.',
    ]);
    expect((await problems(h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: ' ', when: '25:00' }, events))).problems.map((p) => p.split(':')[0])).toEqual([
      'title',
      'when',
    ]);
    const stranger = actor(G, '200000000000000099', false);
    expect((await problems(h.services.rhythm.coworkingDay.host(stranger, { spaceId: 1, title: 'x', when: '23:00' }, events))).problems).toEqual([
      'space: **space** must be one you host, and you host none in the directory.',
    ]);
    expect(events.created).toEqual([]);
    expect(h.services.rhythm.coworkingDay.overview(host).events).toEqual([]);
  });

  it('accepts any day of the coworking week, named in the error when outside it', async () => {
    const h = harness({ start: '2026-07-01T00:00:00Z', directory });
    const organizer = h.setupAlliance(G, 'America/Chicago');
    h.services.rhythm.coworkingDay.updateSettings(organizer, { weekName: 'KC Coworking Week', weekStart: '2026-08-05' });
    const events = fakeEvents();
    const hosted = await h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'Kickoff', when: '2026-08-05 08:00' }, events);
    expect(localText(hosted.startsAt, 'America/Chicago')).toBe('2026-08-05 08:00');
    const outside = await problems(h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'Late', when: '2026-08-12 08:00' }, events));
    expect(outside.problems[0]).toContain('or during KC Coworking Week (Wednesday 5 August 2026 to Tuesday 11 August 2026)');
  });

  it('stores nothing when Discord refuses the event, and refuses the same space at the same time twice', async () => {
    const h = harness({ start: '2026-07-01T00:00:00Z', directory });
    h.setupAlliance(G, 'UTC');
    await expect(h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'Open day', when: '10:00' }, fakeEvents(true))).rejects.toThrow('50013');
    expect(h.services.rhythm.coworkingDay.overview(host).events).toEqual([]);
    const events = fakeEvents();
    await h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'Open day', when: '10:00' }, events);
    expect((await problems(h.services.rhythm.coworkingDay.host(host, { spaceId: 1, title: 'Again', when: '10:00' }, events))).kind).toBe('conflict');
    expect(events.created).toHaveLength(1);
  });

  it('offers only the caller\'s own spaces in autocomplete', () => {
    const h = harness({ start: '2026-07-01T00:00:00Z', directory });
    h.setupAlliance(G, 'UTC');
    expect(h.services.rhythm.coworkingDay.spaceChoices(host, 'lo')).toEqual([{ id: 2, name: 'Loft', city: 'KC' }]);
    expect(h.services.rhythm.coworkingDay.spaceChoices(actor(G, '200000000000000099', false), '')).toEqual([]);
  });
});

describe('Coworking Day settings', () => {
  it('read week-start in the organizer’s language, refusals by key', async () => {
    const h = harness({ start: '2026-07-01T00:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    const icd = h.services.rhythm.coworkingDay;
    expect(icd.updateSettings(organizer, { weekName: 'Semaine du coworking', weekStart: '3 août', language: 'fr' }).week).toEqual({ name: 'Semaine du coworking', start: '2026-08-03', end: '2026-08-09' });
    const refused = await problems(Promise.resolve().then(() => icd.updateSettings(organizer, { weekStart: 'cuando sea', language: 'es' })));
    expect(refused.problems).toEqual(['week-start: I could not read week-start "cuando sea" as a day: try "2026-07-08", "next friday" or "in 3 days".']);
  });

  it('are for organizers only', async () => {
    const h = harness({ start: '2026-07-01T00:00:00Z' });
    h.setupAlliance(G, 'UTC');
    expect((await problems(Promise.resolve().then(() => h.services.rhythm.coworkingDay.updateSettings(host, { remindersEnabled: false })))).kind).toBe('forbidden');
  });

  it('validate which reminders and the week (both name and start, a week including August 9), storing nothing on error', async () => {
    const h = harness({ start: '2026-07-01T00:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    const icd = h.services.rhythm.coworkingDay;
    const bad = await problems(Promise.resolve().then(() => icd.updateSettings(organizer, { reminders: '30,14', weekName: 'KC Week', weekStart: '2026-08-10' })));
    expect(bad.problems.map((p) => p.split(':')[0])).toEqual(['which', 'week-start']);
    expect((await problems(Promise.resolve().then(() => icd.updateSettings(organizer, { weekName: 'KC Week' })))).problems.map((p) => p.split(':')[0])).toEqual(['week-start']);
    expect(icd.settings(G)).toEqual({ remindersEnabled: true, reminders: [30, 7, 1, 0], week: null });
    icd.updateSettings(organizer, { reminders: '0 7', weekName: 'KC Week', weekStart: '2026-08-03' });
    expect(icd.settings(G)).toEqual({ remindersEnabled: true, reminders: [7, 0], week: { name: 'KC Week', start: '2026-08-03', end: '2026-08-09' } });
    icd.updateSettings(organizer, { weekName: null });
    expect(icd.settings(G).week).toBeNull();
    expect(icd.settings(H)).toEqual({ remindersEnabled: true, reminders: [30, 7, 1, 0], week: null });
  });
});
