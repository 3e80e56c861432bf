// Sample skills for the shell's demo alliance: complementary offers and needs (with a synonym, a typo and a
// new skill) so /skills match shows mutual matches at once, plus one thanks for /skills top.
import type { Services } from '../../services.js';
import type { Actor } from '../../shared/actor.js';

interface Sample {
  offers: { skill: string; level?: 'learning' | 'practiced' | 'expert'; note?: string }[];
  needs: { skill: string; note?: string }[];
}

const SAMPLES: Record<string, Sample> = {
  olivia: {
    offers: [
      { skill: 'Community management', level: 'expert', note: 'Ran member programs for 6 years' },
      { skill: 'Event planning', level: 'practiced' },
    ],
    needs: [{ skill: 'Grant writing', note: 'Regional innovation grant due in spring' }, { skill: 'Bookkeeping' }],
  },
  marcus: {
    offers: [{ skill: 'Grant writing', level: 'expert', note: 'EU and city grants' }, { skill: 'Fundraising', level: 'practiced' }],
    needs: [{ skill: 'website development', note: 'Our booking page is ancient' }],
  },
  priya: {
    offers: [{ skill: 'web dev', level: 'expert', note: 'Astro, React, WordPress' }, { skill: 'Photography', level: 'practiced' }],
    needs: [{ skill: 'grants' }, { skill: 'event planing', note: 'First open-house day' }],
  },
  sam: {
    offers: [{ skill: 'Bookkeeping', level: 'practiced' }, { skill: 'Lease negotiation', level: 'expert' }],
    needs: [{ skill: 'Community management' }, { skill: 'Photography' }],
  },
  lee: {
    offers: [{ skill: 'SEO', level: 'practiced' }, { skill: 'Urban beekeeping', level: 'expert', note: 'Two hives on our roof' }],
    needs: [{ skill: 'lease negociation' }, { skill: 'Interior design' }],
  },
};

export function seedSkillsSamples(services: Services, demo: { guildId: string; members: Record<string, string> }): void {
  const actorFor = (name: string): Actor | null => {
    const userId = demo.members[name];
    return userId ? { guildId: demo.guildId, userId, isOrganizer: name === 'olivia', roleIds: [] } : null;
  };
  for (const [name, sample] of Object.entries(SAMPLES)) {
    const actor = actorFor(name);
    if (!actor) continue;
    for (const offer of sample.offers) services.skills.offer(actor, offer);
    for (const need of sample.needs) services.skills.need(actor, need);
  }
  const olivia = actorFor('olivia');
  const priya = demo.members.priya;
  if (olivia && priya) {
    try {
      services.skills.thank(olivia, { user: priya, userIsBot: false, skill: 'web-development', note: 'Fixed our booking form in an evening' });
    } catch {
      // Seeding twice in a day: the thanks is already there.
    }
  }
}
