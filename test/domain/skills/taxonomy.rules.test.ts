// Taxonomy rules: normalization, bounded Damerau-Levenshtein, resolving typed text, autocomplete, and the
// shipped data's integrity.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, SKILLS } from '../../../src/skills/taxonomy.data.js';
import {
  boundedDamerauLevenshtein,
  buildTermIndex,
  normalizeSkillText,
  resolveSkill,
  suggestSkills,
  typoBudget,
} from '../../../src/skills/taxonomy.rules.js';

describe('normalizeSkillText', () => {
  it.each([
    ['Grant Writing', 'grant writing'],
    ['  grant    writing  ', 'grant writing'],
    ['Café Management', 'cafe management'],
    ['ÉVÉNEMENTIEL', 'evenementiel'],
    ['naïve  façade', 'naive facade'],
    ['e-commerce', 'e commerce'],
    ['HR & payroll', 'hr and payroll'],
    ['C++ / C#', 'c++ c#'],
    ['web\tdev\n', 'web dev'],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSkillText(input)).toBe(expected);
  });
});

describe('boundedDamerauLevenshtein', () => {
  it.each([
    ['grant writing', 'grant writing', 2, 0],
    ['grant writting', 'grant writing', 2, 1],
    ['bookeeping', 'bookkeeping', 2, 1],
    ['photgoraphy', 'photography', 2, 1], // one transposition
    ['acconting', 'accounting', 2, 1],
    ['markteing', 'marketing', 2, 1],
    ['abc', 'xyz', 2, 3], // beyond the bound answers max + 1
    ['short', 'a much longer text', 2, 3],
    ['', 'ab', 2, 2],
  ])('%j vs %j (max %i) = %i', (a, b, max, expected) => {
    expect(boundedDamerauLevenshtein(a, b, max)).toBe(expected);
  });
});

describe('typoBudget', () => {
  it.each([
    [3, 0],
    [4, 0],
    [5, 1],
    [8, 1],
    [9, 2],
    [30, 2],
  ])('a %i-character term tolerates %i typos', (length, budget) => {
    expect(typoBudget(length)).toBe(budget);
  });
});

describe('resolveSkill', () => {
  it.each([
    ['Grant writing', 'grant-writing', 'name'],
    ['GRANT  WRITING', 'grant-writing', 'name'],
    ['web dev', 'web-development', 'synonym'],
    ['Website Development', 'web-development', 'synonym'],
    ['grant writting', 'grant-writing', 'typo'],
    ['bookeeping', 'bookkeeping', 'typo'],
    ['intrior design', 'interior-design', 'typo'],
    ['SEO', 'seo', 'name'],
    ['gdpr', 'data-protection', 'synonym'],
    ['accessibility', 'accessibility-audits', 'synonym'],
    ['lease-negotiation', 'lease-negotiation', 'name'], // an autocomplete value is the id itself
  ])('%j resolves to %s via %s', (typed, key, via) => {
    const resolution = resolveSkill(typed);
    expect(resolution?.kind).toBe('taxonomy');
    expect(resolution?.skill.key).toBe(key);
    expect(resolution?.kind === 'taxonomy' && resolution.via).toBe(via);
  });

  it('keeps short words exact: "seo" is not "ceo"', () => {
    expect(resolveSkill('ceo')?.kind).toBe('new');
  });

  it('keeps unknown text as a new skill, normalized for case, accents and spacing', () => {
    const resolution = resolveSkill('  Apiculture   Urbaine Été ');
    expect(resolution).toMatchObject({ kind: 'new', term: 'apiculture urbaine ete' });
    expect(resolution?.skill).toMatchObject({ key: 'custom:apiculture urbaine ete', label: 'Apiculture urbaine ete', category: null, custom: true });
  });

  it("matches the alliance's own new skills exactly and with typos", () => {
    const customs = ['custom:urban beekeeping'];
    expect(resolveSkill('Urban Beekeeping', customs)).toMatchObject({ kind: 'known-custom', via: 'name' });
    expect(resolveSkill('urban beekeping', customs)).toMatchObject({ kind: 'known-custom', via: 'typo', skill: { key: 'custom:urban beekeeping' } });
    expect(resolveSkill('custom:urban beekeeping', customs)).toMatchObject({ kind: 'known-custom', via: 'name' });
  });

  it('answers null when nothing is left after normalizing', () => {
    expect(resolveSkill('  ---  ')).toBeNull();
  });
});

describe('suggestSkills (autocomplete)', () => {
  it('puts names starting with the query first', () => {
    expect(suggestSkills('gra')[0]).toMatchObject({ key: 'grant-writing', label: 'Grant writing' });
  });

  it('finds a skill through a synonym and says which', () => {
    expect(suggestSkills('website')[0]).toMatchObject({ key: 'web-development', matched: 'websites' });
    expect(suggestSkills('gdpr')[0]).toMatchObject({ key: 'data-protection', label: 'Data protection', matched: 'gdpr' });
  });

  it('tolerates a typo', () => {
    expect(suggestSkills('fundrasing').map((s) => s.key)).toContain('fundraising');
  });

  it('includes the alliance\'s own skills and lists each skill once', () => {
    const keys = suggestSkills('urban', ['custom:urban beekeeping']).map((s) => s.key);
    expect(keys).toContain('custom:urban beekeeping');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers at most 25 choices with names Discord accepts (1-100 characters)', () => {
    for (const query of ['', 'a', 'e', 'design', 'xyzzy']) {
      const out = suggestSkills(query);
      expect(out.length).toBeLessThanOrEqual(25);
      for (const s of out) {
        expect(s.label.length).toBeGreaterThan(0);
        expect(s.label.length).toBeLessThanOrEqual(100);
        expect(s.key.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('the shipped taxonomy', () => {
  it('has about 150 skills in known categories, with unique ids', () => {
    expect(SKILLS.length).toBeGreaterThanOrEqual(140);
    expect(SKILLS.length).toBeLessThanOrEqual(180);
    expect(new Set(SKILLS.map((s) => s.id)).size).toBe(SKILLS.length);
    const categories = new Set(CATEGORIES.map((c) => c.id));
    for (const skill of SKILLS) expect(categories.has(skill.category)).toBe(true);
  });

  it('never gives one term (name or synonym) to two skills', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const skill of SKILLS) {
      for (const raw of new Set([skill.label, ...skill.synonyms].map(normalizeSkillText))) {
        const previous = owner.get(raw);
        if (previous && previous !== skill.id) clashes.push(`${raw}: ${previous} / ${skill.id}`);
        owner.set(raw, skill.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('names the skills the issue lists', () => {
    const index = buildTermIndex();
    for (const name of ['bookkeeping', 'grant writing', 'community management', 'event planning', 'lease negotiation', 'interior design', 'accessibility audits', 'web development', 'photography', 'fundraising', 'legal basics', 'hr', 'marketing', 'seo']) {
      expect(index.byText.get(name)?.isName, name).toBe(true);
    }
  });

  it('keeps labels and ids within Discord choice limits', () => {
    for (const skill of SKILLS) {
      expect(skill.label.length).toBeLessThanOrEqual(60);
      expect(skill.id.length).toBeLessThanOrEqual(100);
    }
  });
});
