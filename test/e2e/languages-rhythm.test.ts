// Issue #19 for the rhythm, dues, pass and privacy through the test bed: the monthly update and the Coworking Day
// reminder posted by the scheduler in the alliance's language (French, Spanish, English), and /updates, /coworkingday,
// /dues, /pass and /privacy answering each member in their own language, refusals included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2027-06-25T12:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const tick = () => h.bot.scheduler.tick();

async function allianceIn(language: 'en' | 'es' | 'fr'): Promise<Alliance> {
  const a = await h.newAlliance();
  await a.setup({ timezone: 'UTC' });
  if (language !== 'en') await a.reply('olivia', 'alliance setup', { language });
  return a;
}

describe('public posts in the alliance language, posted by the scheduler', () => {
  it('the monthly update and the 30-day Coworking Day reminder go out in French, in Spanish and in English', async () => {
    const french = await allianceIn('fr');
    const spanish = await allianceIn('es');
    const english = await allianceIn('en');
    await tick();
    const posts = (a: Alliance) => h.bed.messages(a.channel('announcements')).map(visibleText);

    h.clock.set('2027-07-01T10:00:00Z');
    await tick();
    const [frUpdate] = posts(french);
    expect(frUpdate).toContain('Nouvelles de l’alliance · juillet 2027');
    expect(frUpdate).toContain('Ce qui s’est passé depuis le mardi 1er juin 2027, et ce qui arrive d’ici le dimanche 1er août 2027.');
    expect(frUpdate).toContain('Journée internationale du coworking');
    expect(frUpdate).toContain('La Journée internationale du coworking est dans **39 jours** (lundi 9 août 2027).');
    expect(frUpdate).toContain('Aucun évènement inscrit pour l’instant : ajoutez le vôtre avec `/coworkingday host`.');
    const [esUpdate] = posts(spanish);
    expect(esUpdate).toContain('Novedades de la alianza · julio de 2027');
    expect(esUpdate).toContain('Lo que pasó desde el martes, 1 de junio de 2027 y lo que viene hasta el domingo, 1 de agosto de 2027.');
    expect(esUpdate).toContain('El Día Internacional del Coworking es en **39 días** (lunes, 9 de agosto de 2027).');
    const [enUpdate] = posts(english);
    expect(enUpdate).toContain('Alliance update · July 2027');
    expect(enUpdate).toContain('International Coworking Day is in **39 days** (Monday 9 August 2027).');

    h.clock.set('2027-07-10T10:00:00Z');
    await tick();
    expect(posts(french)).toHaveLength(2);
    expect(posts(french)[1]).toContain('La Journée internationale du coworking est dans 30 jours');
    expect(posts(french)[1]).toContain('La Journée internationale du coworking a lieu le lundi 9 août 2027');
    expect(posts(french)[1]).toContain('Qui organise');
    expect(posts(french)[1]).toContain('Aucun espace n’a encore inscrit d’évènement : soyez le premier !');
    expect(posts(spanish)[1]).toContain('Faltan 30 días para el Día Internacional del Coworking');
    expect(posts(spanish)[1]).toContain('El Día Internacional del Coworking es el lunes, 9 de agosto de 2027');
    expect(posts(spanish)[1]).toContain('Regístralo con `/coworkingday host`');
    expect(posts(english)[1]).toContain('International Coworking Day is 30 days away');
    expect(posts(english)[1]).toContain('International Coworking Day is on Monday 9 August 2027');
  });
});

describe('private answers in the member language', () => {
  it('a French organizer previews the Spanish alliance update: her words in French, the update as the alliance will read it', async () => {
    const a = await allianceIn('es');
    const preview = await a.reply('olivia', 'updates preview', {}, { locale: 'fr' });
    expect(preview.ephemeral).toBe(true);
    expect(preview.content).toContain('👀 **Aperçu** : exactement ce que `/updates post-now` publierait maintenant dans');
    expect(preview.content).toContain('Vous seul·e voyez ceci.');
    expect(visibleText(preview)).toContain('Novedades de la alianza · julio de 2027');
    const settings = visibleText(await a.reply('olivia', 'updates settings', {}, { locale: 'es-419' }));
    expect(settings).toContain('Ajustes de las novedades mensuales');
    expect(settings).toContain('El día 1 de cada mes a las 10:00 (UTC)');
    const english = visibleText(await a.reply('olivia', 'updates settings'));
    expect(english).toContain('Day 1 of each month at 10:00 (UTC)');
  });

  it('/coworkingday show speaks the member language privately and the alliance language when shared', async () => {
    const a = await allianceIn('fr');
    const mine = await a.reply('marcus', 'coworkingday show', {}, { locale: 'es-ES' });
    expect(mine.ephemeral).toBe(true);
    expect(visibleText(mine)).toContain('Día Internacional del Coworking 2027');
    expect(visibleText(mine)).toContain('Ningún espacio ha registrado un evento todavía');
    const shared = await a.reply('marcus', 'coworkingday show', { share: true }, { locale: 'es-ES' });
    expect(shared.ephemeral).toBe(false);
    expect(visibleText(shared)).toContain('Journée internationale du coworking 2027');
  });

  it('/dues status, /pass mine and /privacy export answer in Spanish, French and English', async () => {
    const a = await allianceIn('fr');
    const cases = [
      {
        locale: 'es-419',
        dues: 'No gestionas ningún espacio miembro, así que no hay cuotas que mostrar.',
        pass: 'No tienes ningún pase de la alianza. Quienes organizan los emiten con /pass issue.',
        // The member's language, kept from the commands just answered, is what the export holds.
        privacy: 'Todo lo que guardo sobre ti en esta alianza (1 tipo de registro) está en el archivo JSON adjunto. Solo tú puedes verlo.',
      },
      {
        locale: 'fr',
        dues: 'Vous ne gérez aucun espace membre : il n’y a donc pas de cotisation à afficher.',
        pass: 'Vous n’avez aucun passe de l’alliance. L’équipe organisatrice les émet avec /pass issue.',
        privacy: 'Tout ce que je conserve à votre sujet dans cette alliance (1 type d’enregistrement) se trouve dans le fichier JSON joint. Vous seul·e pouvez le voir.',
      },
      {
        locale: 'en-US',
        dues: 'You do not host a member space, so there are no dues to show.',
        pass: 'You hold no alliance pass. Organizers issue them with /pass issue.',
        privacy: 'Everything I store about you in this alliance (1 kind of record) is in the attached JSON file. Only you can see it.',
      },
    ];
    for (const expected of cases) {
      const dues = await a.reply('sam', 'dues status', {}, { locale: expected.locale });
      expect([dues.ephemeral, dues.content], expected.locale).toEqual([true, expect.stringContaining(expected.dues)]);
      expect((await a.reply('sam', 'pass mine', {}, { locale: expected.locale })).content, expected.locale).toBe(expected.pass);
      await h.bot.interactionsIdle();
      const exported = await a.reply('sam', 'privacy export', {}, { locale: expected.locale });
      expect([exported.ephemeral, exported.content], expected.locale).toEqual([true, expected.privacy]);
    }
  });

  it('a refusal reaches each member in their language, and nothing is stored', async () => {
    const a = await allianceIn('es');
    const spanish = await a.reply('olivia', 'dues correct', { entry: 42 }, { locale: 'es-ES' });
    expect(spanish.ephemeral).toBe(true);
    expect(spanish.content).toContain('No hay ningún registro de cuotas n.º 42 en esta alianza.');
    const french = await a.reply('olivia', 'pass visits', { month: 'juin' }, { locale: 'fr' });
    expect(french.content).toContain('month doit être un mois comme 2026-11');
    const note = await a.reply('olivia', 'updates note', { text: 'x'.repeat(1501) }, { locale: 'fr', force: true });
    expect(note.content).toContain('**text** doit faire au plus 1');
    expect(note.content).toContain('500 caractères (il en fait 1');
    const english = await a.reply('olivia', 'dues correct', { entry: 42 });
    expect(english.content).toContain('There is no dues entry #42 in this alliance.');
    expect(h.bot.services.rhythm.updates.settings(a.id).note).toBeNull();
    expect(english.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
  });
});
