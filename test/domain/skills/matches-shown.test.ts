// /skills match shows the first ten people: matchesShown works out reasons for those only, and gives the same
// people, reasons and count as the full ranking, for every caller of a busy alliance.
import { describe, expect, it } from 'vitest';
import { actor, setup } from './support.js';

const SKILLS = ['seo', 'copywriting', 'grant writing', 'fundraising', 'bookkeeping', 'graphic design', 'photography', 'web development'];
const LEVELS = ['learning', 'practiced', 'expert'] as const;

describe('the people a match shows', () => {
  it('are the full ranking’s first ones, with the same reasons, and the count is the full ranking’s', () => {
    const { skills } = setup();
    const members = Array.from({ length: 60 }, (_, i) => String(100_000_000_000_000_100n + BigInt(i)));
    members.forEach((userId, i) => {
      skills.offer(actor(userId), { skill: SKILLS[i % SKILLS.length]!, level: LEVELS[i % LEVELS.length]! });
      skills.need(actor(userId), { skill: SKILLS[(i * 3 + 1) % SKILLS.length]! });
      if (i % 4 === 0) skills.offer(actor(userId), { skill: SKILLS[(i + 5) % SKILLS.length]! });
    });
    let beyondTen = 0;
    for (const userId of members) {
      const full = skills.match(actor(userId));
      const { matches, count } = skills.matchesShown(actor(userId), 10);
      expect(count).toBe(full.length);
      expect(matches).toEqual(full.slice(0, 10));
      if (full.length > 10) beyondTen++;
    }
    // The alliance is busy enough that most callers have more people than are shown.
    expect(beyondTen).toBeGreaterThan(40);
  });
});
