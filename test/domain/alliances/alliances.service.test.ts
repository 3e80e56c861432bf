import { describe, expect, it } from 'vitest';
import { createAlliancesRepo } from '../../../src/alliances/alliances.repo.js';
import { createAlliancesService } from '../../../src/alliances/alliances.service.js';
import { manualClock } from '../../../src/shared/clock.js';
import { DomainError } from '../../../src/shared/errors.js';
import { freshDb } from '../../support/db.js';
import { englishError } from '../../support/english.js';

function setup() {
  const { db } = freshDb();
  const service = createAlliancesService({ repo: createAlliancesRepo(db), clock: manualClock('2026-11-24T10:00:00Z') });
  const organizer = { guildId: '100000000000000001', userId: '200000000000000001', isOrganizer: true, roleIds: [] };
  return { service, organizer };
}

describe('alliance settings', () => {
  it('an alliance never set up reads as defaults and says so', () => {
    const { service } = setup();
    expect(service.settings('100000000000000001')).toMatchObject({ configured: false, timezone: 'UTC', directoryApproval: true, ideaQuota: 3, agendaQuota: 2 });
  });

  it('an organizer saves settings, one field at a time', () => {
    const { service, organizer } = setup();
    service.update(organizer, { timezone: 'America/Chicago', announcementsChannelId: '300000000000000001' });
    const saved = service.update(organizer, { directoryApproval: false });
    expect(saved).toMatchObject({ configured: true, timezone: 'America/Chicago', announcementsChannelId: '300000000000000001', directoryApproval: false });
  });

  it('a plain member is refused and nothing is stored', () => {
    const { service, organizer } = setup();
    expect(englishError(() => service.update({ ...organizer, isOrganizer: false }, { timezone: 'Europe/Berlin' }))).toMatch(/Only organizers/);
    expect(service.settings(organizer.guildId).configured).toBe(false);
  });

  it('a bad time zone is refused by name, and nothing else of the same request is stored', () => {
    const { service, organizer } = setup();
    try {
      service.update(organizer, { timezone: 'Mars/Olympus', announcementsChannelId: '300000000000000001' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).problems[0]).toMatchObject({ field: 'timezone' });
    }
    expect(service.settings(organizer.guildId).configured).toBe(false);
  });

  it('every bad field is named at once', () => {
    const { service, organizer } = setup();
    const error = (() => {
      try {
        service.update(organizer, { timezone: 'Nowhere', ideaQuota: 0, agendaQuota: 99 });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.problems.map((p) => p.field)).toEqual(['timezone', 'idea-quota', 'agenda-quota']);
  });

  it('the language for public posts is unset (follow the server) until an organizer picks en, es or fr', () => {
    const { service, organizer } = setup();
    expect(service.settings(organizer.guildId).language).toBeNull();
    service.update(organizer, { timezone: 'America/Toronto' });
    expect(service.settings(organizer.guildId).language).toBeNull();
    expect(service.update(organizer, { language: 'fr' }).language).toBe('fr');
    expect(englishError(() => service.update(organizer, { language: 'de', ideaQuota: 5 }))).toBe('**language** must be one of en, es, fr.');
    expect(service.settings(organizer.guildId)).toMatchObject({ language: 'fr', ideaQuota: 3 });
  });

  it('one alliance never sees another alliance\'s settings', () => {
    const { service, organizer } = setup();
    service.update(organizer, { timezone: 'Asia/Kolkata' });
    expect(service.settings('100000000000000002')).toMatchObject({ configured: false, timezone: 'UTC' });
  });

  it('organizers are told in their channel, else in announcements', () => {
    const { service, organizer } = setup();
    service.update(organizer, { announcementsChannelId: '300000000000000001' });
    expect(service.organizersChannel(organizer.guildId)).toBe('300000000000000001');
    service.update(organizer, { organizersChannelId: '300000000000000002' });
    expect(service.organizersChannel(organizer.guildId)).toBe('300000000000000002');
  });
});
