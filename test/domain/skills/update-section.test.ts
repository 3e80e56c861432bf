// The monthly update's skill-share section: what a month with activity says, and silence for a quiet month.
import { describe, expect, it } from 'vitest';
import { skillsUpdateSection } from '../../../src/skills/skills.update-section.js';
import { actor, G1, setup, U } from './support.js';
import { englishSection } from '../../support/english.js';

const march = { guildId: G1, from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-04-01T00:00:00Z'), aheadTo: Date.parse('2026-05-01T00:00:00Z'), now: Date.parse('2026-04-01T08:00:00Z'), timezone: 'UTC' };

describe('skills update section', () => {
  it('reports new entries, introductions and top helpers of the month', () => {
    const { skills } = setup({ start: '2026-03-05T09:00:00Z' });
    skills.need(actor(U.ana), { skill: 'seo' });
    skills.offer(actor(U.ana), { skill: 'photography' });
    skills.offer(actor(U.ben), { skill: 'seo' });
    const intro = skills.requestIntro(actor(U.ana), { user: U.ben, userIsBot: false });
    skills.respondIntro(actor(U.ben), intro.id, true);
    skills.answerHelped(actor(U.ana), intro.id, true);
    skills.thank(actor(U.ana), { user: U.ben, userIsBot: false, skill: 'seo' });
    const section = englishSection(skillsUpdateSection(skills).build({ ...march, guildId: G1 }));
    expect(section).toEqual({
      title: 'Skill-share',
      lines: [
        '2 new offers and 1 new need; most active: SEO (2) and Photography (1).',
        '1 introduction made (1 requested), 1 member said it helped.',
        `1 thank-you recorded. Top helpers: <@${U.ben}>.`,
        'Offer or ask with `/skills offer` and `/skills need`; see who fits with `/skills match`.',
      ],
    });
  });

  it('says nothing for a quiet month', () => {
    const { skills } = setup({ start: '2026-02-05T09:00:00Z' });
    skills.offer(actor(U.ana), { skill: 'seo' });
    expect(skillsUpdateSection(skills).build(march)).toBeNull();
  });
});
