// A realistic large alliance for the skill-share benchmark: 50,000 offers and needs from 5,000 members over
// the taxonomy (popular skills more common) plus alliance-made skills, members spread over 40 spaces.
import { createJobsRepo } from '../src/jobs/jobs.repo.js';
import { DAY, manualClock } from '../src/shared/clock.js';
import type { Locality } from '../src/skills/match.rules.js';
import { createSkillsRepo } from '../src/skills/skills.repo.js';
import { createSkillsService } from '../src/skills/skills.service.js';
import { SKILLS } from '../src/skills/taxonomy.data.js';
import { normalizeSkillText } from '../src/skills/taxonomy.rules.js';
import { skillEntries } from '../src/db/schema/index.js';
import { openDatabase } from '../src/db/open.js';

export const GUILD = '900000000000000001';
const NOW = Date.parse('2026-03-10T09:00:00Z');

/** Deterministic PRNG (mulberry32) so every run measures the same data. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const userId = (i: number) => String(100000000000000000n + BigInt(i));

export function buildAlliance(options: { members?: number; entriesPerMember?: number } = {}) {
  const members = options.members ?? 5000;
  const perMember = options.entriesPerMember ?? 10;
  const open = openDatabase(':memory:');
  const random = rng(42);
  const customs = Array.from({ length: 300 }, (_, i) => `custom:local craft ${i}`);
  // Skewed popularity: a square of a uniform number favours the first skills of the list.
  const pickSkill = () => (random() < 0.05 ? customs[Math.floor(random() * customs.length)]! : SKILLS[Math.floor(random() ** 2 * SKILLS.length)]!.id);
  const rows: (typeof skillEntries.$inferInsert)[] = [];
  for (let m = 0; m < members; m++) {
    const seen = new Set<string>();
    for (let e = 0; e < perMember; e++) {
      const kind = random() < 0.6 ? 'offer' : 'need';
      const skillKey = pickSkill();
      if (seen.has(`${kind}${skillKey}`)) continue;
      seen.add(`${kind}${skillKey}`);
      const skill = SKILLS.find((s) => s.id === skillKey);
      const renewedAt = NOW - Math.floor(random() * 80 * DAY);
      rows.push({
        guildId: GUILD,
        userId: userId(m),
        kind,
        skillKey,
        term: skill ? normalizeSkillText(random() < 0.3 && skill.synonyms[0] ? skill.synonyms[0] : skill.label) : skillKey.slice(7),
        level: kind === 'offer' ? (['learning', 'practiced', 'expert'] as const)[Math.floor(random() * 3)]! : null,
        note: null,
        byDate: null,
        createdAt: renewedAt,
        renewedAt,
        expiresAt: kind === 'need' ? renewedAt + 90 * DAY : null,
      });
    }
  }
  open.db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 500) tx.insert(skillEntries).values(rows.slice(i, i + 500)).run();
  });
  const cities = ['Lyon', 'Paris', 'Lille', 'Nantes', 'Bordeaux', 'Marseille'];
  const places = new Map<string, Locality>();
  for (let m = 0; m < members; m++) {
    const spaceId = m % 40;
    places.set(userId(m), { spaceId, spaceName: `Space ${spaceId}`, city: cities[spaceId % cities.length]!, region: `R${spaceId % 3}`, country: 'FR' });
  }
  const clock = manualClock(NOW);
  const skills = createSkillsService({
    db: open.db,
    repo: createSkillsRepo(open.db),
    jobs: createJobsRepo(open.db),
    clock,
    timezone: () => 'Europe/Paris',
    locality: (_guild, user) => places.get(user) ?? null,
  });
  return { ...open, skills, clock, entries: rows.length, members };
}
