// Skills across languages on a real database: Spanish, French and English words for one skill are one skill,
// stored by its id; autocomplete and names follow the reader's language; the language a member last used is kept
// for the DMs that reach them later, per alliance, and forgotten with their data.
import { describe, expect, it } from 'vitest';
import { createMemberLanguages } from '../../../src/skills/member-languages.service.js';
import { SKILL_JOBS } from '../../../src/skills/skills.context.js';
import { SKILLS } from '../../../src/skills/taxonomy.data.js';
import { SKILL_WORDS } from '../../../src/skills/taxonomy.i18n.js';
import { buildTermIndex, normalizeSkillText, resolveSkill, skillLabel, suggestSkills, translateSkillLabel } from '../../../src/skills/taxonomy.rules.js';
import { actor, G1, G2, setup, U } from './support.js';

describe('one skill in three languages', () => {
  it('a Spanish member offering "contabilidad" and a French member needing "comptabilité" match each other', () => {
    const { skills, jobs, sqlite } = setup();
    const offered = skills.offer(actor(U.ana), { skill: 'contabilidad', level: 'expert' });
    const needed = skills.need(actor(U.ben), { skill: 'Comptabilité' });
    expect([offered.entry.skillKey, needed.entry.skillKey]).toEqual(['bookkeeping', 'bookkeeping']);
    expect(needed.matching).toBe(1);
    expect(jobs.list(G1, [SKILL_JOBS.matchNotice])).toHaveLength(1);
    const [forBen] = skills.match(actor(U.ben));
    expect(forBen).toMatchObject({ userId: U.ana, theyOffer: [{ closeness: 'synonym', theirs: { term: 'contabilidad' }, mine: { term: 'comptabilite' } }] });
    const [forAna] = skills.match(actor(U.ana));
    expect(forAna?.userId).toBe(U.ben);
    // Stored by the skill's id and the normalized words typed: nothing in the row says which language.
    const rows = sqlite.prepare('SELECT skill_key, term FROM skill_entries ORDER BY id').all();
    expect(rows).toEqual([{ skill_key: 'bookkeeping', term: 'contabilidad' }, { skill_key: 'bookkeeping', term: 'comptabilite' }]);
  });

  it('"diseño gráfico", "graphisme" and "graphic design" are one skill, whoever writes which', () => {
    const { skills } = setup();
    skills.need(actor(U.ana), { skill: 'diseño gráfico' });
    skills.offer(actor(U.ben), { skill: 'graphisme' });
    skills.offer(actor(U.cat), { skill: 'Graphic design' });
    expect(skills.match(actor(U.ana)).map((m) => m.userId).sort()).toEqual([U.ben, U.cat].sort());
    expect(skills.who(actor(U.dan), { skill: 'design graphique' }).offers.map((o) => o.userId).sort()).toEqual([U.ben, U.cat].sort());
  });

  it('reads typos in Spanish and French words too', () => {
    expect(resolveSkill('contabilidat')).toMatchObject({ kind: 'taxonomy', via: 'typo', skill: { key: 'bookkeeping' } });
    expect(resolveSkill('comptabilite')).toMatchObject({ kind: 'taxonomy', via: 'name', skill: { key: 'bookkeeping' } });
    expect(resolveSkill('traduccion')).toMatchObject({ skill: { key: 'translation' } });
  });

  it('autocomplete finds a skill by the reader\'s words and names it in their language', () => {
    const { skills } = setup();
    const [es] = skills.suggest(G1, 'contab', 'es');
    expect(es).toMatchObject({ key: 'bookkeeping' });
    expect(skillLabel(es!.key, 'es')).toBe('Contabilidad');
    const fr = suggestSkills('gra', [], 25, undefined, 'fr');
    expect(fr[0]).toMatchObject({ key: 'graphic-design' });
    expect(skillLabel(fr[0]!.key, 'fr')).toBe('Graphisme');
    // The same letters from an English reader: the English name first.
    expect(suggestSkills('gra')[0]).toMatchObject({ key: 'grant-writing' });
    expect(skillLabel('graphic-design', 'en')).toBe('Graphic design');
  });

  it('a member switching language sees the same entries, named in the new language', () => {
    const { skills } = setup();
    skills.offer(actor(U.ana), { skill: 'traduction' });
    skills.offer(actor(U.ana), { skill: 'Urban beekeeping' });
    const keys = skills.mine(actor(U.ana)).map((e) => e.skillKey);
    expect(keys.map((key) => skillLabel(key, 'es'))).toEqual(['Traducción', 'Urban beekeeping']);
    expect(keys.map((key) => skillLabel(key, 'en'))).toEqual(['Translation', 'Urban beekeeping']);
  });

  it('translates a skill name an introduction stored in English, and leaves a member\'s own skill as written', () => {
    expect(translateSkillLabel('Bookkeeping', 'fr')).toBe('Comptabilité');
    expect(translateSkillLabel('Urban beekeeping', 'fr')).toBe('Urban beekeeping');
  });
});

describe('the taxonomy in Spanish and French', () => {
  it('names every skill in both, and no words of one skill belong to another in any language', () => {
    const index = buildTermIndex();
    const clashes: string[] = [];
    for (const skill of SKILLS) {
      for (const language of ['es', 'fr'] as const) {
        const words = SKILL_WORDS[skill.id]?.[language] ?? [];
        expect(words.length, `${skill.id} ${language}`).toBeGreaterThanOrEqual(2);
        expect([...words[0]!].length, `${skill.id} ${language}`).toBeLessThanOrEqual(60);
        for (const word of words) {
          const owner = index.byText.get(normalizeSkillText(word))?.skillKey;
          if (owner !== skill.id) clashes.push(`${language} "${word}": ${skill.id} / ${owner}`);
        }
      }
    }
    expect(Object.keys(SKILL_WORDS).sort()).toEqual(SKILLS.map((s) => s.id).sort());
    expect(clashes).toEqual([]);
  });
});

describe('the language a member last used skill-share in', () => {
  it('is kept per alliance, replaced when it changes, and forgotten with the member\'s data', () => {
    const { db, clock, count } = setup();
    const languages = createMemberLanguages({ db, clock });
    expect(languages.languageOf(G1, U.ana)).toBeNull();
    languages.remember(actor(U.ana), 'es');
    languages.remember(actor(U.ana), 'es');
    languages.remember(actor(U.ana, G2), 'fr');
    expect([languages.languageOf(G1, U.ana), languages.languageOf(G2, U.ana)]).toEqual(['es', 'fr']);
    languages.remember(actor(U.ana), 'en');
    expect(languages.languageOf(G1, U.ana)).toBe('en');
    // Another process reads what this one wrote.
    expect(createMemberLanguages({ db, clock }).languageOf(G1, U.ana)).toBe('en');
    languages.forget(G1, U.ana);
    expect([languages.languageOf(G1, U.ana), languages.languageOf(G2, U.ana)]).toEqual([null, 'fr']);
    expect(count('member_languages')).toBe(1);
  });
});
