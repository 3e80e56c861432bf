// Issue #19: every feature's section of the monthly update speaks the alliance's language, not only the rhythm's
// own frame (here the skill-share section, posted by the scheduler in a French and a Spanish alliance).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2027-06-10T12:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

async function allianceIn(language: 'es' | 'fr'): Promise<Alliance> {
  const a = await h.newAlliance();
  await a.setup({ timezone: 'UTC' });
  await a.reply('olivia', 'alliance setup', { language });
  return a;
}

describe('the monthly update\'s feature sections', () => {
  it('say what skill-share did last month in French and in Spanish, whatever language the members used', async () => {
    const french = await allianceIn('fr');
    const spanish = await allianceIn('es');
    for (const a of [french, spanish]) {
      expect((await a.reply('sam', 'skills offer', { skill: 'bookkeeping' }, { locale: 'en-US' })).ephemeral).toBe(true);
      await a.reply('priya', 'skills need', { skill: 'photography' }, { locale: 'es-ES' });
    }
    await h.bot.scheduler.tick();
    h.clock.set('2027-07-01T10:00:00Z');
    await h.bot.scheduler.tick();
    const update = (a: Alliance) => h.bed.messages(a.channel('announcements')).map(visibleText).join('\n');

    expect(update(french)).toContain('Échange de compétences');
    expect(update(french)).toContain('1 nouvelle offre et 1 nouveau besoin');
    expect(update(french)).toContain('Proposez ou demandez avec `/skills offer` et `/skills need`');
    expect(update(spanish)).toContain('Intercambio de habilidades');
    expect(update(spanish)).toContain('1 oferta nueva y 1 necesidad nueva');
    expect(update(spanish)).not.toContain('Skill-share');
  });
});
