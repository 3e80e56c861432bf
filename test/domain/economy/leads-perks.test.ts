// Leads and perks on a real migrated SQLite: alliances kept apart, the stats window, and a perk's last day read in
// the alliance's own time zone.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../src/shared/clock.js';
import { actor, errorOf, GUILD, MARCUS, organizer, OTHER_GUILD, PRIYA, SAM, setup, type Setup } from '../meetings/harness.js';

function listed(t: Setup, host: string, name: string, guildId = GUILD): number {
  const { space } = t.services.directory.register(actor(host, { guildId }), { name, city: 'Seattle', country: 'US', desks: 10 });
  t.services.directory.approve(organizer(guildId), space.id);
  return space.id;
}

describe('leads', () => {
  it('never reach a space of another alliance, nor are answered from one', () => {
    const t = setup();
    listed(t, MARCUS, 'Rainier Commons');
    const harbor = listed(t, PRIYA, 'Harbor Desk');
    const elsewhere = listed(t, SAM, 'Other Loft', OTHER_GUILD);
    expect(errorOf(() => t.services.leads.send(actor(MARCUS), { toSpaceId: elsewhere, need: 'x', consent: false })).problems[0]!.field).toBe('to-space');
    const { lead } = t.services.leads.send(actor(MARCUS), { toSpaceId: harbor, need: 'Office for 3', consent: false });
    expect(errorOf(() => t.services.leads.answer(actor(PRIYA, { guildId: OTHER_GUILD }), lead.id, true)).kind).toBe('not_found');
    expect(t.services.leads.stats(actor(SAM, { guildId: OTHER_GUILD })).rows).toEqual([]);
  });

  it('count in the stats only within the months asked for', () => {
    const t = setup();
    listed(t, MARCUS, 'Rainier Commons');
    const harbor = listed(t, PRIYA, 'Harbor Desk');
    const { lead } = t.services.leads.send(actor(MARCUS), { toSpaceId: harbor, need: 'Office for 3', consent: false });
    t.services.leads.outcome(actor(MARCUS), lead.id, 'won');
    t.clock.advance(200 * DAY);
    expect(t.services.leads.stats(actor(SAM), 12).rows.map((r) => [r.spaceName, r.sent, r.received, r.won])).toEqual([
      ['Harbor Desk', 0, 1, 1],
      ['Rainier Commons', 1, 0, 0],
    ]);
    expect(t.services.leads.stats(actor(SAM), 6).rows).toEqual([]);
  });
});

describe('perks', () => {
  it('are offered through their last day in the alliance’s time zone, and only in their own alliance', () => {
    const t = setup({ start: '2026-11-20T12:00:00Z', timezone: 'America/Chicago' });
    t.services.perks.add(organizer(), { title: 'Ends today', partner: 'P', details: 'D', until: '2026-11-20' });
    expect(t.services.perks.list(actor(SAM)).map((p) => p.title)).toEqual(['Ends today']);
    expect(t.services.perks.list(actor(SAM, { guildId: OTHER_GUILD }))).toEqual([]);
    // 03:00 UTC on the 21st is still the evening of the 20th in Chicago.
    t.clock.advance(15 * HOUR);
    expect(t.services.perks.list(actor(SAM))).toHaveLength(1);
    t.clock.advance(6 * HOUR);
    expect(t.services.perks.list(actor(SAM))).toEqual([]);
  });
});
