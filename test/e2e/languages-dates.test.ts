// Issue #19 for dates members type outside meetings: /skills need by, a proposal's closes, /priorities target-date
// and /coworkingday host when / settings week-start are read in the member's language and refused in it; an English
// member is answered as before. A proposal's result written onto its agenda item is read in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostedSpace, SpacesDirectory } from '../../src/rhythm/ports.js';
import { startHarness, visibleText, waitUntil, type Alliance, type Harness } from '../support/bot.js';
import { closeEarly, openProposal, react } from './proposals-support.js';

// A stand-in directory says who hosts which space (Coworking Day hosting), as in coworking-day.test.ts.
const hosted = new Map<string, HostedSpace[]>();
const directory: SpacesDirectory = {
  spacesHostedBy: (guildId, userId) => hosted.get(`${guildId}:${userId}`) ?? [],
  spaceAutocomplete: () => [],
};

let h: Harness;
beforeAll(async () => {
  // Tuesday 24 November 2026, 16:00 in Paris.
  h = await startHarness({ ports: { directory } });
});
afterAll(async () => {
  await h?.stop();
});

const SPANISH = { locale: 'es-419' };
const FRENCH = { locale: 'fr' };
const unix = (iso: string) => Date.parse(iso) / 1000;

async function alliance(timezone = 'Europe/Paris'): Promise<Alliance> {
  const a = await h.newAlliance();
  await a.setup({ timezone });
  return a;
}

describe('/skills need by:', () => {
  it('is read and refused in the member’s language, and in English for an English member', async () => {
    const a = await alliance();
    const viernes = await a.reply('marcus', 'skills need', { skill: 'contabilidad', by: 'viernes' }, SPANISH);
    expect(viernes.ephemeral).toBe(true);
    expect(viernes.content).toContain('La necesitas para el viernes, 27 de noviembre de 2026.');
    const ayer = await a.reply('marcus', 'skills need', { skill: 'contabilidad', by: 'ayer' }, SPANISH);
    expect([ayer.ephemeral, ayer.content]).toEqual([true, '⚠️ by: el lunes, 23 de noviembre de 2026 ya pasó.']);
    const far = await a.reply('marcus', 'skills need', { skill: 'contabilidad', by: 'dentro de 2 años' }, SPANISH);
    expect(far.content).toBe('⚠️ by debe caer dentro del próximo año (a más tardar el jueves, 25 de noviembre de 2027)');

    const vendredi = await a.reply('priya', 'skills need', { skill: 'comptabilité', by: 'vendredi' }, FRENCH);
    expect(vendredi.content).toContain('Pour le vendredi 27 novembre 2026.');
    const loin = await a.reply('priya', 'skills need', { skill: 'comptabilité', by: 'dans 2 ans' }, FRENCH);
    expect(loin.content).toBe('⚠️ by doit tomber dans l’année qui vient (au plus tard le jeudi 25 novembre 2027)');
    const illisible = await a.reply('priya', 'skills need', { skill: 'comptabilité', by: 'un de ces jours' }, FRENCH);
    expect(illisible.content).toBe('⚠️ Je n’ai pas pu lire by «\u00a0un de ces jours\u00a0» comme un jour\u00a0: essayez «\u00a02026-12-01\u00a0», «\u00a0vendredi prochain\u00a0» ou «\u00a0dans 3 jours\u00a0».');

    const english = await a.reply('sam', 'skills need', { skill: 'bookkeeping', by: 'yesterday' });
    expect(english.content).toBe('⚠️ by: Monday 23 November 2026 has already passed.');
    const englishFar = await a.reply('sam', 'skills need', { skill: 'bookkeeping', by: 'in 2 years' });
    expect(englishFar.content).toBe('⚠️ by must be within a year (at most Thursday 25 November 2027)');
  });
});

describe('/proposal create closes:', () => {
  it('is read in the member’s language, restated in it on the form, and refused in it', async () => {
    const a = await alliance();
    const spanish = await a.run('marcus', 'proposal create', { title: 'Impresora', closes: 'viernes 17h' }, SPANISH);
    expect(spanish.modal?.title).toBe('Propuesta · cierra vie, 27 nov 2026, 17:00');
    const ayer = await a.reply('marcus', 'proposal create', { title: 'Impresora', closes: 'ayer 10:00' }, SPANISH);
    expect([ayer.ephemeral, ayer.content]).toEqual([true, `⚠️ closes debe estar en el futuro: <t:${unix('2026-11-23T09:00:00Z')}:F> ya pasó.`]);
    const pronto = await a.reply('marcus', 'proposal create', { title: 'Impresora', closes: 'pronto' }, SPANISH);
    expect(pronto.content).toBe(
      '⚠️ closes debe ser una duración como 3d o 48h, o un día y una hora. No encontré una fecha y hora en "pronto". Prueba con "2026-12-01 18:00", "el próximo jueves 18:00", "en 3 horas" o "mañana 9:30".',
    );

    const french = await a.run('priya', 'proposal create', { title: 'Imprimante', closes: 'vendredi 17h' }, FRENCH);
    expect(french.modal?.title).toBe('Proposition · fin ven. 27 nov. 2026, 17:00');
    const twoWays = await a.reply('priya', 'proposal create', { title: 'Imprimante', closes: '03/12 17:00' }, FRENCH);
    expect(twoWays.content).toBe('⚠️ closes peut se lire de deux façons (jeu. 3 déc. 2026, 17:00 ou ven. 12 mars 2027, 17:00) : écrivez la date au format AAAA-MM-JJ (YYYY-MM-DD).');
    const gap = await a.reply('priya', 'proposal create', { title: 'Imprimante', closes: '2027-02-31 10:00' }, FRENCH);
    expect(gap.content).toMatch(/^⚠️ closes doit être une durée comme 3d ou 48h, ou un jour et une heure\. /);

    const english = await a.reply('sam', 'proposal create', { title: 'Printer', closes: 'yesterday 10am' });
    expect(english.content).toBe(`⚠️ closes must be in the future: <t:${unix('2026-11-23T09:00:00Z')}:F> has already passed`);
    const englishForm = await a.run('sam', 'proposal create', { title: 'Printer', closes: 'friday 5pm' });
    expect(englishForm.modal?.title).toBe('New proposal · closes Fri 27 Nov 2026, 17:00');
  });
});

describe('/priorities set target-date:', () => {
  it('is read and refused in the organizer’s language while the public answer stays in the alliance’s', async () => {
    const a = await alliance();
    const french = await a.reply('olivia', 'priorities set', { rank: 1, text: 'Assurance commune', 'target-date': 'dans 3 mois' }, FRENCH);
    expect(french.ephemeral).toBe(false);
    expect(visibleText(french)).toContain('Assurance commune · target Wednesday 24 February 2027');
    const hier = await a.reply('olivia', 'priorities set', { rank: 2, text: 'Bulletin', 'target-date': 'hier' }, FRENCH);
    expect([hier.ephemeral, hier.content]).toEqual([true, '⚠️ target-date\u00a0: le lundi 23 novembre 2026 est déjà passé.']);
    const spanish = await a.reply('olivia', 'priorities set', { rank: 2, text: 'Boletín', 'target-date': 'el próximo viernes' }, SPANISH);
    expect(visibleText(spanish)).toContain('Boletín · target Friday');
    const ayer = await a.reply('olivia', 'priorities set', { rank: 3, text: 'Fiesta', 'target-date': 'ayer' }, SPANISH);
    expect(ayer.content).toBe('⚠️ target-date: el lunes, 23 de noviembre de 2026 ya pasó.');
    const english = await a.reply('olivia', 'priorities set', { rank: 3, text: 'Party', 'target-date': 'yesterday' });
    expect(english.content).toBe('⚠️ target-date: Monday 23 November 2026 has already passed.');
  });
});

describe('/coworkingday host when: and settings week-start:', () => {
  it('are read and refused in the member’s language', async () => {
    const a = await alliance();
    hosted.set(`${a.id}:${a.members.priya}`, [{ id: 101, name: 'La Ruche' }]);
    hosted.set(`${a.id}:${a.members.marcus}`, [{ id: 102, name: 'El Nido' }]);

    const french = await a.reply('priya', 'coworkingday host', { space: '101', title: 'Portes ouvertes', when: '9 août 9h-17h' }, FRENCH);
    expect(french.ephemeral).toBe(true);
    expect(french.content).toMatch(/^✅ Inscrit pour la Journée internationale du coworking :\n/);
    const early = await a.reply('priya', 'coworkingday host', { space: '101', title: 'Portes ouvertes', when: '7 août 10h' }, FRENCH);
    expect(early.content).toBe('⚠️ **when** doit tomber pendant la Journée internationale du coworking (lundi 9 août 2027).');

    const spanish = await a.reply('marcus', 'coworkingday host', { space: '102', title: 'Desayuno', when: '9 de agosto 10:00' }, SPANISH);
    expect(spanish.content).toMatch(/^✅ Registrado para el Día Internacional del Coworking:\n/);
    const unreadable = await a.reply('marcus', 'coworkingday host', { space: '102', title: 'Desayuno', when: 'cuando sea 10:00' }, SPANISH);
    expect(unreadable.content).toBe('⚠️ No pude leer when "cuando sea" como un día: prueba con "2026-12-01", "el próximo viernes" o "dentro de 3 días".');

    const week = await a.reply('olivia', 'coworkingday settings', { 'week-name': 'Semaine du coworking', 'week-start': '3 août' }, FRENCH);
    expect(visibleText(week)).toContain('lundi 9 août 2027');
    const badWeek = await a.reply('olivia', 'coworkingday settings', { 'week-name': 'Semana', 'week-start': 'algún día' }, SPANISH);
    expect(badWeek.content).toBe('⚠️ No pude leer week-start "algún día" como un día: prueba con "2026-12-01", "el próximo viernes" o "dentro de 3 días".');

    const english = await a.reply('sam', 'coworkingday host', { space: '101', title: 'Open doors', when: 'august 7 10:00' });
    expect(english.content).toContain('⚠️ **space** must be one you host');
  });
});

describe('a proposal’s result on its agenda item', () => {
  it('is stored as data and read in each reader’s language in a French alliance', async () => {
    const a = await h.newAlliance(undefined, { locale: 'fr' });
    await a.setup({ timezone: 'Europe/Paris' });
    const olivia = { guildId: a.id, userId: a.members.olivia, isOrganizer: true, roleIds: [] };
    const preview = h.bot.services.meetings.previewSchedule(olivia, { title: 'Réunion mensuelle', when: 'in 3 days at 18:00' });
    const confirmed = h.bot.services.meetings.confirm(olivia, preview.draftId, 0);
    if (confirmed.kind !== 'scheduled') throw new Error('meeting not scheduled');
    const meetingId = confirmed.meetings[0]!.id;
    const item = h.bot.services.meetings.addItem({ ...olivia, userId: a.members.priya, isOrganizer: false }, { meetingId, topic: 'Imprimante partagée', minutes: 15 }).item;
    const opened = await openProposal(h, a, 'priya', { title: 'Imprimante', 'from-item': item.id });
    react(h, a, 'sam', opened.message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, opened.id).voted === 1, 5000, 'the vote');
    await closeEarly(h, a, 'olivia', opened.id);

    const french = visibleText(await a.reply('marcus', 'meeting notes', { meeting: meetingId }, FRENCH));
    expect(french).toMatch(/Décision\u00a0: Adoptée \\?\(proposition nº 1\u00a0: 1 pour, 0 contre, 0 abstention\\?\)/);
    const spanish = visibleText(await a.reply('marcus', 'meeting notes', { meeting: meetingId }, SPANISH));
    expect(spanish).toMatch(/Decisión: Aprobada \\?\(propuesta \\?#1: 1 a favor, 0 en contra, 0 abstenciones\\?\)/);
    const english = visibleText(await a.reply('olivia', 'meeting notes', { meeting: meetingId }));
    expect(english).toMatch(/Decision: Passed \\?\(proposal \\?#1: 1 yes, 0 no, 0 abstain\\?\)/);
  });
});
