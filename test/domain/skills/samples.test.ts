// The demo alliance's sample skills produce mutual matches, a synonym, a typo and a new skill.
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { seedSkillsSamples } from '../../../src/shell/demo/skills-samples.js';
import { freshDb } from '../../support/db.js';
import { actor, G1 } from './support.js';

const members = { olivia: '110000000000000001', marcus: '110000000000000002', priya: '110000000000000003', sam: '110000000000000004', lee: '110000000000000005' };

describe('skills samples', () => {
  it('gives the demo members mutual matches with reasons', () => {
    const { db } = freshDb();
    const services = createServices({ db, clock: manualClock('2026-03-10T09:00:00Z') });
    seedSkillsSamples(services, { guildId: G1, members });
    const olivia = services.skills.match(actor(members.olivia));
    expect(olivia.filter((m) => m.mutual).map((m) => m.userId)).toContain(members.sam);
    const marcus = services.skills.match(actor(members.marcus));
    expect(marcus[0]).toMatchObject({ userId: members.priya, mutual: true });
    const lee = services.skills.mine(actor(members.lee)).map((e) => `${e.kind}:${e.skillKey}`);
    expect(lee.sort()).toEqual(['need:interior-design', 'need:lease-negotiation', 'offer:custom:urban beekeeping', 'offer:seo']);
    expect(services.skills.top(G1).helpers.map((h) => h.userId)).toEqual([members.priya]);
    expect(() => seedSkillsSamples(services, { guildId: G1, members })).not.toThrow();
  });
});
