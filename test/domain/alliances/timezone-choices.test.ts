// The time zones offered for what an organizer typed: those starting with it (the name or a part after a slash)
// before those containing it, each group in the alliance's likely order and then in list order, at most the limit.
import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from '../../../src/alliances/timezone-choices.rules.js';
import { listTimeZones } from '../../../src/shared/zoned-time.js';

const ZONES = ['UTC', 'America/Adak', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'Pacific/Chatham', 'US/Central'];

describe('time-zone choices', () => {
  it('zones that start with the text come before zones that contain it, each in the likely order, then in list order', () => {
    expect(timeZoneChoices('chi', ZONES, ['Pacific/Chatham'])).toEqual(['America/Chicago']);
    expect(timeZoneChoices('central', ZONES, ['America/Chicago'])).toEqual(['US/Central']);
    expect(timeZoneChoices('amer', ZONES, ['America/New_York', 'America/Chicago'])).toEqual(['America/New_York', 'America/Chicago', 'America/Adak', 'America/Denver', 'America/Los_Angeles']);
    // Chatham and Central only contain an "a": after every zone that starts with one, the likely one first.
    expect(timeZoneChoices('a', ZONES, ['US/Central', 'Asia/Tokyo'])).toEqual([
      'Asia/Tokyo', 'America/Adak', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/New_York', 'US/Central', 'Pacific/Chatham',
    ]);
  });

  it('reads spaces as underscores and ignores case and the spaces around', () => {
    expect(timeZoneChoices('  NEW york ', ZONES, [])).toEqual(['America/New_York']);
    expect(timeZoneChoices('los an', ZONES, [])).toEqual(['America/Los_Angeles']);
  });

  it('offers every zone for nothing typed, likely first, and never more than the limit', () => {
    expect(timeZoneChoices('', ZONES, ['Asia/Tokyo', 'Europe/Berlin'], 4)).toEqual(['Asia/Tokyo', 'Europe/Berlin', 'UTC', 'America/Adak']);
    expect(timeZoneChoices('a', ZONES, [], 3)).toEqual(['America/Adak', 'America/Chicago', 'America/Denver']);
    // Three start with "america/"… fill the limit: a containing zone never pushes one of them out.
    expect(timeZoneChoices('america', ZONES, ['US/Central'], 2)).toEqual(['America/Adak', 'America/Chicago']);
  });

  it('offers only zones of the list, a likely zone listed twice keeping its first place', () => {
    expect(timeZoneChoices('amer', ZONES, ['America/Nowhere', 'America/Denver', 'America/Chicago', 'America/Denver'], 3)).toEqual(['America/Denver', 'America/Chicago', 'America/Adak']);
    expect(timeZoneChoices('mars', ZONES, ['Mars/Olympus'])).toEqual([]);
  });

  it('answers for each list from that list, also when lists alternate', () => {
    const other = ['Europe/Berlin', 'Europe/Paris'];
    expect(timeZoneChoices('europe', other, [])).toEqual(other);
    expect(timeZoneChoices('europe', ZONES, [])).toEqual(['Europe/Berlin']);
    expect(timeZoneChoices('par', other, [])).toEqual(['Europe/Paris']);
  });

  it('over every zone this Node knows: "amer" reaches America/Chicago first when the alliance likely means it', () => {
    const zones = listTimeZones();
    const choices = timeZoneChoices('amer', zones, ['America/Chicago', 'America/New_York']);
    expect(choices.slice(0, 2)).toEqual(['America/Chicago', 'America/New_York']);
    expect(choices).toHaveLength(25);
    expect(choices.every((zone) => zone.startsWith('America/'))).toBe(true);
  });
});
