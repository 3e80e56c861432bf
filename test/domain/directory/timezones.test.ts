// An alliance's likely time zones: its spaces' zones first, then the world's by population; one list kept per
// alliance while fresh (the autocomplete indexes each list once), read again after five minutes, at most a bound.
import { describe, expect, it } from 'vitest';
import { createDirectorySearchRepo } from '../../../src/directory/directory-search.repo.js';
import { worldGazetteer } from '../../../src/directory/gazetteer.js';
import { createTimeZoneRanking } from '../../../src/directory/timezones.js';
import { actor, GUILD, HOST, montreal, ORGANIZER, OTHER_GUILD, seattle, setup } from './helpers.js';

function ranking(keptAlliances?: number) {
  const s = setup();
  const search = createDirectorySearchRepo(s.db);
  let reads = 0;
  const counted = { ...search, inBox: (...args: Parameters<typeof search.inBox>) => (reads++, search.inBox(...args)) };
  const zones = createTimeZoneRanking({ search: counted, gazetteer: () => worldGazetteer(), clock: s.clock, keptAlliances });
  const list = (profile: typeof seattle) => s.dir.approve(actor(ORGANIZER, { organizer: true }), s.dir.register(actor(HOST), profile).space.id);
  return { ...s, zones, list, reads: () => reads };
}

describe('likely time zones', () => {
  it("puts the alliance's own spaces' zones first and keeps one list while it is fresh", () => {
    const t = ranking();
    t.list(montreal);
    const first = t.zones.likelyTimeZones(GUILD);
    expect(first[0]).toBe('America/Toronto');
    expect(new Set(first).size).toBe(first.length);
    expect(t.zones.likelyTimeZones(GUILD)).toBe(first);
    expect(t.reads()).toBe(1);
    // Another alliance has no spaces: the world's order, from its own list.
    expect(t.zones.likelyTimeZones(OTHER_GUILD)[0]).not.toBe('America/Toronto');
  });

  it('reads the spaces again after five minutes', () => {
    const t = ranking();
    t.list(montreal);
    const first = t.zones.likelyTimeZones(GUILD);
    t.list(seattle);
    t.list({ ...seattle, name: 'Second Seattle' });
    t.clock.advance(5 * 60_000);
    const again = t.zones.likelyTimeZones(GUILD);
    expect(again).not.toBe(first);
    expect(again.slice(0, 2)).toEqual(['America/Los_Angeles', 'America/Toronto']);
  });

  it('keeps the lists of at most the bound of alliances, the least recently asked let go', () => {
    const t = ranking(2);
    for (const guild of ['1', '2', '1', '3', '1']) t.zones.likelyTimeZones(guild);
    expect(t.reads()).toBe(3);
    t.zones.likelyTimeZones('2');
    expect(t.reads()).toBe(4);
  });
});
