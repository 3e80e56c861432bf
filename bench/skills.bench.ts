// Skill-share speed targets: /skills match for one member < 20 ms and autocomplete < 5 ms with 50,000
// offers and needs in one alliance. Run: npx vitest bench --run bench/skills.bench.ts
import { bench, describe } from 'vitest';
import type { Actor } from '../src/shared/actor.js';
import { buildAlliance, GUILD, userId } from './skills.fixture.js';

const alliance = buildAlliance();
const { skills } = alliance;
const actorOf = (i: number): Actor => ({ guildId: GUILD, userId: userId(i), isOrganizer: false, roleIds: [] });

// A member at the 20-entry limit with needs and offers across many categories: the worst case.
const heavy = actorOf(999_999);
for (const skill of ['bookkeeping', 'grant writing', 'web dev', 'photography', 'seo', 'hr', 'event planning', 'lease negotiation', 'yoga', 'translation']) {
  skills.offer(heavy, { skill, level: 'expert' });
}
for (const skill of ['community management', 'fundraising', 'interior design', 'accessibility audits', 'marketing', 'legal basics', 'payroll', 'ux design', 'sales', 'coaching']) {
  skills.need(heavy, { skill });
}
skills.match(heavy); // warm the index once; a cold build is measured separately
console.log(`alliance: ${alliance.entries} entries from ${alliance.members} members; heavy member has ${skills.mine(heavy).length} entries`);

let n = 0;
describe('/skills match (50,000 entries)', () => {
  bench('member with 20 entries across categories', () => {
    skills.match(heavy);
  });
  bench('typical member (~10 entries), rotating', () => {
    skills.match(actorOf(n++ % alliance.members));
  });
});

describe('autocomplete (50,000 entries, 300 alliance-made skills)', () => {
  bench('prefix "gra"', () => {
    skills.suggest(GUILD, 'gra');
  });
  bench('synonym "web d"', () => {
    skills.suggest(GUILD, 'web d');
  });
  bench('typo "fundrasing"', () => {
    skills.suggest(GUILD, 'fundrasing');
  });
  bench('empty query', () => {
    skills.suggest(GUILD, '');
  });
  bench('/skills remove entry list', () => {
    skills.suggestMine(heavy, 'se');
  });
});

describe('writes and cold start', () => {
  let i = 0;
  bench('offer then remove (write path, notices, index update)', () => {
    const member = actorOf(500_000 + (i++ % 1000));
    const { entry } = skills.offer(member, { skill: 'grant writing', level: 'practiced' });
    skills.remove(member, entry.id);
  });
  bench(
    'cold index build (first match after a restart)',
    () => {
      alliance.sqlite.prepare('UPDATE skill_index_versions SET version = version + 1 WHERE guild_id = ?').run(GUILD);
      skills.match(heavy);
    },
    { iterations: 5 },
  );
});
