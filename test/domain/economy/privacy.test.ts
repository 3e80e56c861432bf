// /privacy delete for the pass, leads and perks: the member stops being named, while passes, visits and leads stay
// as the spaces' records (the revenue share and the stats do not change).
import { describe, expect, it } from 'vitest';
import { personTables } from '../../../src/privacy/member-rows.repo.js';
import { KEPT_ATTRIBUTION } from '../../../src/privacy/privacy.service.js';
import { actor, GUILD, MARCUS, OLIVIA, organizer, PRIYA, SAM, setup } from '../meetings/harness.js';

describe('privacy for the pass, leads and perks', () => {
  it('exports the member’s passes, visits they checked in and leads they sent; deleting keeps the records without them', () => {
    const t = setup();
    const s = t.services;
    const space = (who: string, name: string) => {
      const created = s.directory.register(actor(who), { name, city: 'Seattle', country: 'US', desks: 10 }).space;
      s.directory.approve(organizer(), created.id);
      return created.id;
    };
    const rainier = space(MARCUS, 'Rainier Commons');
    const harbor = space(PRIYA, 'Harbor Desk');
    s.pass.setSpaceTerms(actor(PRIYA), harbor, { accepts: true });
    const marcusPass = s.pass.issue(organizer(), { userId: MARCUS, visits: 3 });
    s.pass.checkin(actor(PRIYA), { pass: marcusPass.code, spaceId: harbor });
    const samPass = s.pass.issue(organizer(), { userId: SAM, visits: 3 });
    s.pass.checkin(actor(PRIYA), { pass: samPass.code, spaceId: harbor });
    s.leads.send(actor(MARCUS), { toSpaceId: harbor, need: 'Office for 4', consent: false });
    s.perks.add(organizer(), { title: 'Perk', partner: 'P', details: 'D' });

    const exported = s.privacy.export(actor(MARCUS)).data;
    expect(exported['passes']!.map((p) => p['code'])).toEqual([marcusPass.code]);
    expect(exported['leads']).toHaveLength(1);
    expect(Object.keys(s.privacy.export(actor(PRIYA)).data)).toContain('pass_visits');

    for (const who of [MARCUS, PRIYA, OLIVIA]) s.privacy.delete(actor(who));
    const named: string[] = [];
    for (const { name, people } of personTables().filter((p) => ['passes', 'pass_visits', 'leads', 'perks'].includes(p.name))) {
      for (const column of people) {
        if (KEPT_ATTRIBUTION.has(`${name}.${column.name}`)) continue;
        const row = t.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${name} WHERE guild_id = ? AND ${column.name} IN (?, ?, ?)`).get(GUILD, MARCUS, PRIYA, OLIVIA) as { n: number };
        if (row.n > 0) named.push(`${name}.${column.name}`);
      }
    }
    expect(named).toEqual([]);
    expect(s.pass.visits(organizer(), '2026-11').total).toBe(2);
    expect(t.sqlite.prepare('SELECT COUNT(*) AS n FROM leads').get()).toEqual({ n: 1 });
    expect(s.pass.mine(actor(SAM))[0]!.used).toBe(1);
    expect(rainier).toBeGreaterThan(0);
  });
});
