// The demo alliance's passes, leads and perks: seeded on top of the sample spaces, once, without sending anything.
import { describe, expect, it } from 'vitest';
import { seedDirectorySamples } from '../../../src/shell/demo/directory-samples.js';
import { seedEconomySamples } from '../../../src/shell/demo/economy-samples.js';
import { actor, GUILD, MARCUS, OLIVIA, organizer, PRIYA, SAM, setup } from '../meetings/harness.js';

describe('demo samples for the pass, leads and perks', () => {
  it('give the demo alliance passes with visits, leads in every state and perks, and seeding twice adds nothing', () => {
    const t = setup();
    const demo = { guildId: GUILD, members: { olivia: OLIVIA, marcus: MARCUS, priya: PRIYA, sam: SAM, lee: '200000000000000005' } };
    seedDirectorySamples(t.services, demo);
    seedEconomySamples(t.services, demo);
    seedEconomySamples(t.services, demo);
    expect(t.services.pass.mine(actor(SAM))[0]).toMatchObject({ visits: 10, used: 2 });
    expect(t.services.pass.visits(organizer(), undefined).total).toBe(3);
    expect(t.services.leads.stats(actor(SAM)).rows.reduce((n, r) => n + r.sent, 0)).toBe(3);
    expect(t.services.perks.list(actor(SAM)).map((p) => p.title)).toEqual(['20% off bookkeeping', 'Ergonomic chairs at cost', 'Free insurance review']);
    expect(t.sqlite.prepare("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE kind LIKE 'lead%' OR kind LIKE 'pass%'").get()).toEqual({ n: 0 });
  });
});
