// Issue #19 for meetings and agendas, through the test bed: members schedule in their own words and read every
// private answer in their language; an alliance set to French gets its agenda post, its "starting now" post (both
// from the scheduler) and its Discord event in French, while an English member still reads English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/shared/clock.js';
import { localToInstant, zonedParts } from '../../src/shared/zoned-time.js';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

/**
 * The bot's clock starts on the Monday after the real today, 10:00 UTC: "friday" is then always that week's Friday,
 * and every meeting is still ahead of the real clock the test bed checks event times against.
 */
const REAL = Date.now();
const NOW = (() => {
  const today = new Date(Math.floor(REAL / DAY) * DAY);
  const days = ((8 - today.getUTCDay()) % 7) || 7;
  return today.getTime() + days * DAY + 10 * HOUR;
})();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: new Date(NOW).toISOString() });
});
afterAll(async () => {
  await h?.stop();
});

/** The instant of the first `weekday` (0 = Sunday) after today at `hour`:00 in `zone`, `weeks` weeks later. */
function weekdayAt(zone: string, weekday: number, hour: number, weeks = 0): number {
  for (let d = 1; d <= 7; d++) {
    const p = zonedParts(NOW + d * DAY, zone);
    if (p.weekday === weekday) return localToInstant({ year: p.year, month: p.month, day: p.day + 7 * weeks, hour, minute: 0 }, zone);
  }
  throw new Error('no such weekday');
}

const unix = (text: string): number => Number(/<t:(\d+):F>/.exec(text)?.[1]) * 1000;
const labels = (message: MessageView): (string | undefined)[] => message.components.flatMap((row) => row.components ?? []).map((c) => c.label);
const botPosts = (a: Alliance, channel: string) => h.bed.messages(a.channel(channel)).filter((m) => m.fromBot);

async function click(a: Alliance, member: string, message: MessageView, label: string, locale: string): Promise<MessageView> {
  const result = await h.bed.driver.click({ guildId: a.id, channelId: message.channelId, userId: a.userId(member), messageId: message.id, label, locale });
  return result.updated();
}

describe('a Spanish member schedules a meeting in Spanish', () => {
  it('reads "viernes 17h", confirms in Spanish, and meets refusals and questions in Spanish', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Europe/Madrid' });
    const es = { locale: 'es-ES' };

    const preview = await a.reply('marcus', 'meeting schedule', { title: 'Reunión de diciembre', when: 'viernes 17h' }, es);
    expect(preview.ephemeral).toBe(true);
    const friday = weekdayAt('Europe/Madrid', 5, 17);
    expect(unix(visibleText(preview))).toBe(friday);
    expect(visibleText(preview)).toMatch(/^Entendí \*\*<t:\d+:F>\*\* \(<t:\d+:R>\)\.\nEs decir, vie, \d+ \S+ \d{4}, 17:00 en la zona horaria de la alianza \(Europe\/Madrid\)\.$/m);
    expect(labels(preview)).toEqual(['Confirmar', 'Cancelar']);

    const confirmed = await click(a, 'marcus', preview, 'Confirmar', 'es-ES');
    expect(confirmed.content).toBe(`✅ Programada: **Reunión de diciembre** · <t:${friday / 1000}:F> · lugar por confirmar`);
    expect(h.bed.scheduledEvents(a.id).map((e) => Date.parse(e.scheduledStartTime))).toEqual([friday]);

    // Spanish words Latin America uses too, and English still understood from a Spanish member.
    const tomorrow = await a.reply('marcus', 'meeting schedule', { title: 'Café', when: 'mañana a las 9:30' }, { locale: 'es-419' });
    expect(visibleText(tomorrow)).toMatch(/^Entendí/m);
    const english = await a.reply('marcus', 'meeting schedule', { title: 'Café', when: 'next friday 5pm' }, es);
    expect(visibleText(english)).toMatch(/^Entendí/m);

    const ambiguous = await a.reply('marcus', 'meeting schedule', { title: 'Cena', when: '11/12/2027 18:00' }, es);
    expect(visibleText(ambiguous)).toMatch(/^"11\/12\/2027" se puede leer de dos maneras\. ¿Qué día quieres decir\?/m);
    expect(labels(ambiguous)).toEqual(['sáb, 11 dic 2027, 18:00', 'vie, 12 nov 2027, 18:00', 'Cancelar']);

    const refused = await a.reply('marcus', 'meeting schedule', { title: 'Cena', when: 'cuando sea' }, es);
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('No encontré una fecha y hora en "cuando sea". Prueba con');

    const gone = await a.reply('marcus', 'meeting reschedule', { meeting: 999, when: 'viernes 18h' }, es);
    expect(gone.content).toContain('No hay ninguna reunión #999 en esta alianza: elige una de la lista.');
    expect(visibleText(await a.reply('marcus', 'meeting list', {}, es))).toMatch(/^Próximas reuniones\n\*\*Reunión de diciembre\*\*/);
    const calendar = await a.reply('marcus', 'meeting calendar', {}, es);
    expect(calendar.content).toBe('Este bot no sirve páginas web (quien lo aloja no configuró HTTP_PORT), así que todavía no hay calendario.');
  });
});

describe('a French member schedules a meeting in French', () => {
  it('reads "vendredi prochain 17 h", confirms in French, and asks which day "11/12" means in French', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'America/Toronto' });
    const fr = { locale: 'fr' };

    const preview = await a.reply('priya', 'meeting schedule', { title: 'Rencontre', when: 'vendredi prochain 17 h' }, fr);
    const friday = unix(visibleText(preview));
    expect([weekdayAt('America/Toronto', 5, 17), weekdayAt('America/Toronto', 5, 17, 1)]).toContain(friday);
    expect(visibleText(preview)).toMatch(/^J’ai compris \*\*<t:\d+:F>\*\*/m);
    expect(visibleText(preview)).toContain('ven. ');
    expect(visibleText(preview)).toContain(', 17:00 dans le fuseau horaire de l’alliance (America/Toronto).');
    const confirmed = await click(a, 'priya', preview, 'Confirmer', 'fr');
    expect(confirmed.content).toBe(`✅ Planifiée\u00a0: **Rencontre** · <t:${friday / 1000}:F> · lieu à confirmer`);

    const ambiguous = await a.reply('priya', 'meeting schedule', { title: 'Souper', when: '11/12/2027 18 h' }, fr);
    expect(visibleText(ambiguous)).toMatch(/^«\u00a011\/12\/2027\u00a0» peut se lire de deux façons\. Quel jour voulez-vous dire\u00a0\?/m);
    expect(labels(ambiguous).sort()).toEqual(['Annuler', 'sam. 11 déc. 2027, 18:00', 'ven. 12 nov. 2027, 18:00']);

    const id = await firstMeeting(a);
    const added = await a.reply('priya', 'agenda add', { meeting: id, topic: 'Tarifs partagés', minutes: 20 }, fr);
    expect(added.content).toBe(`✅ **Tarifs partagés** (20 min) ajouté comme point 1 de **Rencontre** · <t:${friday / 1000}:F> · lieu à confirmer`);
    const shown = visibleText(await a.reply('priya', 'agenda show', { meeting: id }, fr));
    expect(shown).toMatch(/^Ordre du jour\u00a0: Rencontre\n<t:\d+:F> · 60 min avec ordre du jour, puis moment convivial jusqu’à <t:\d+:t>/);
    const noMeeting = await a.reply('priya', 'agenda add', { meeting: 999, topic: 'Rien', minutes: 5 }, fr);
    expect(noMeeting.content).toContain('Il n’y a pas de réunion n°\u00a0999 dans cette alliance\u00a0: choisissez-en une dans la liste.');

    const refused = await a.reply('priya', 'meeting schedule', { title: 'Souper', when: 'quand vous voulez' }, fr);
    expect(refused.content).toContain('Je n’ai pas trouvé de date et d’heure dans «\u00a0quand vous voulez\u00a0».');
    const forbidden = await a.reply('sam', 'meeting cancel', { meeting: await firstMeeting(a) }, fr);
    expect(forbidden.content).toContain('Seuls l’équipe organisatrice ou la personne qui a créé la réunion peuvent annuler «\u00a0Rencontre\u00a0».');
  });
});

async function firstMeeting(a: Alliance): Promise<number> {
  const choices = await h.bed.driver.autocomplete({
    guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: 'agenda', subcommand: 'show', focused: 'meeting', options: { meeting: '' },
  });
  return Number(choices[0]!.value);
}

describe('an alliance whose public language is French', () => {
  it('gets the agenda post, the reminder and the Discord event in French, while an English member reads English', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Europe/Paris' });
    await a.reply('olivia', 'alliance setup', { language: 'fr' });

    const preview = await a.reply('marcus', 'meeting schedule', { title: 'Réunion mensuelle', when: 'next thursday 6pm' });
    expect(visibleText(preview)).toMatch(/^I understood \*\*<t:\d+:F>\*\*/m);
    expect(visibleText(preview)).toContain("in the alliance's time zone (Europe/Paris).");
    const startsAt = unix(visibleText(preview));
    const confirmed = await click(a, 'marcus', preview, 'Confirm', 'en-US');
    expect(confirmed.content).toMatch(/^✅ Scheduled: \*\*Réunion mensuelle\*\*/);
    const [event] = h.bed.scheduledEvents(a.id);
    expect(event!.description).toBe('60 min avec ordre du jour, puis 60 min de moment convivial. L’ordre du jour est publié 24 heures avant. Proposez des points avec /agenda add.');
    expect(event!.location).toBe('Voir le salon des réunions');

    const id = await firstMeeting(a);
    const added = await a.reply('marcus', 'agenda add', { meeting: id, topic: 'Assurance partagée', minutes: 30 });
    expect(added.content).toMatch(/^✅ Added \*\*Assurance partagée\*\* \(30 min\) as item 1 of \*\*Réunion mensuelle\*\*/);

    h.clock.set(startsAt - DAY);
    await h.bot.scheduler.tick();
    const [agenda] = botPosts(a, 'meetings');
    expect(agenda!.content).toBe('📋 L’ordre du jour est arrêté\u00a0: les nouveaux points des membres vont désormais à la réunion suivante.');
    expect(visibleText(agenda!)).toContain('Ordre du jour\u00a0: Réunion mensuelle');
    expect(visibleText(agenda!)).toMatch(/60 min avec ordre du jour, puis moment convivial jusqu’à <t:\d+:t>/);
    expect(visibleText(agenda!)).toMatch(/\*\*1\. Assurance partagée\*\* \(30 min\)/);
    expect(visibleText(agenda!)).toContain('**Moment convivial** 🥤');

    h.clock.set(startsAt - 10 * MINUTE);
    await h.bot.scheduler.tick();
    const start = botPosts(a, 'meetings')[1]!;
    expect(start.content).toMatch(/^🔔 \*\*Réunion mensuelle\*\* commence <t:\d+:R> · lieu à confirmer\nVous êtes là\u00a0\? Indiquez votre présence\.$/);
    expect(labels(start)).toEqual(['Je suis là']);

    // The English member's private answer to the French button stays English.
    const present = await h.bed.driver.click({ guildId: a.id, channelId: start.channelId, userId: a.members.marcus, messageId: start.id, label: 'Je suis là' });
    expect((await present.reply()).content).toBe('✋ You are marked present at **Réunion mensuelle**. (1 present)');
    const french = await h.bed.driver.click({ guildId: a.id, channelId: start.channelId, userId: a.members.priya, messageId: start.id, label: 'Je suis là', locale: 'fr' });
    expect((await french.reply()).content).toBe('✋ Votre présence à **Réunion mensuelle** est notée. (2 présents)');
  });
});
