// Issue #19 for leads and perks through the test bed: a Spanish host sends a lead and reads every answer in
// Spanish, the French receiving host gets the offer and answers in French, the sender hears back in Spanish;
// perks are added and listed in each member's language; refusals in the member's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { allianceWithSpaces } from './economy-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-10T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const ES = { locale: 'es-ES' };
const FR = { locale: 'fr' };

async function lastDm(userId: string, pattern: RegExp): Promise<MessageView> {
  const find = () => {
    const channel = h.bed.dmChannel(userId);
    return channel ? h.bed.messages(channel.id).filter((m) => pattern.test(visibleText(m))).at(-1) : undefined;
  };
  await waitUntil(() => find() !== undefined, 5000, `a DM matching ${pattern}`);
  return find()!;
}

describe('leads in Spanish and French', () => {
  it('a Spanish host sends, the French host answers in French, the sender hears back in Spanish', async () => {
    const { a, space } = await allianceWithSpaces(h);
    // priya has used /lead in French: the offer reaches her in French.
    expect(visibleText(await a.reply('priya', 'lead stats', {}, FR))).toBe('Aucun prospect ces 12 derniers mois. Envoyez-en un avec /lead send.');

    const sent = await a.reply('marcus', 'lead send', { 'to-space': space.harbor, need: 'Oficina privada para 6', size: 6, 'by-date': '2027-03-01' }, ES);
    expect(sent.ephemeral).toBe(true);
    expect(sent.content).toMatch(/^📨 Contacto #\d+, para el lunes, 1 de marzo de 2027, enviado a quienes gestionan \*\*Harbor Desk\*\* por mensaje directo\. Registra cómo termina con \/lead outcome\.$/);

    const offer = await lastDm(a.members.priya, /a envoyé un prospect/);
    const text = visibleText(offer);
    expect(text).toContain('📨 **Rainier Commons** a envoyé un prospect à **Harbor Desk**. Seuls ses hôtes voient ce message.');
    expect(text).toContain('Un prospect pour Harbor Desk');
    expect(text).toContain('6 personnes');
    expect(text).toContain('lundi 1er mars 2027');
    expect(text).toContain('Non partagées : demandez à l’espace qui l’envoie de vous mettre en contact.');
    expect(offer.components.flatMap((row) => (row.components ?? []).map((c) => c.label))).toEqual(['Accepter', 'Décliner']);

    const accepted = await (await h.bed.driver.click({ channelId: offer.channelId, userId: a.members.priya, messageId: offer.id, label: 'Accepter', ...FR })).updated();
    expect(accepted.content).toBe('✅ Vous avez accepté le prospect de **Rainier Commons**. L’espace en a été informé.');
    const notice = await lastDm(a.members.marcus, /aceptó tu contacto/);
    expect(notice.content).toMatch(/^✅ \*\*Harbor Desk\*\* aceptó tu contacto #\d+ \(«Oficina privada para 6»\)\. Registra cómo termina con \/lead outcome\.$/);

    const leadId = Number(/#(\d+)/.exec(sent.content)![1]);
    const choices = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, locale: 'es-419', name: 'lead', subcommand: 'outcome', focused: 'lead', options: { lead: '' } });
    expect(choices[0]).toEqual({ name: `#${leadId} → Harbor Desk: Oficina privada para 6 (aceptado)`, value: leadId });
    const won = await a.reply('marcus', 'lead outcome', { lead: leadId, result: 'won' }, ES);
    expect(won.content).toBe(`Contacto #${leadId} para **Harbor Desk**: registrado como **ganado 🎉**.`);
    const stats = visibleText(await a.reply('sam', 'lead stats', {}, FR));
    expect(stats).toContain('Prospects par espace · 12 derniers mois');
    expect(stats).toContain('• **Harbor Desk** : envoyés 0 · reçus 1 · gagnés 1');
    // The English-speaking member still reads English.
    expect(visibleText(await a.reply('olivia', 'lead stats'))).toContain('Leads per space · last 12 months');
  });

  it('refuses in the member\'s language, with nothing sent', async () => {
    const { a, space } = await allianceWithSpaces(h);
    const own = await a.reply('marcus', 'lead send', { 'to-space': space.rainier, need: 'Un bureau' }, ES);
    expect(own.ephemeral).toBe(true);
    expect(own.content).toBe('⚠️ to-space es tu propio espacio: los contactos van a otros espacios miembros.');
    const consent = await a.reply('priya', 'lead send', { 'to-space': space.rainier, need: 'Un bureau', contact: 'dana@example.org' }, FR);
    expect(consent.content).toBe('⚠️ contact ne peut être transmis qu’avec l’accord du prospect : indiquez contact-consent:true, ou laissez contact vide.');
    expect(h.bot.services.leads.sentByMySpaces({ guildId: a.id, userId: a.members.priya, isOrganizer: false, roleIds: [] })).toEqual([]);
  });
});

describe('perks in Spanish and French', () => {
  it('an organizer adds in French, a member lists in Spanish, refusals in each one\'s language', async () => {
    const { a } = await allianceWithSpaces(h);
    const added = await a.reply('olivia', 'perks add', { title: 'Comptabilité : 20 % de remise', partner: 'Ledger & Co', details: 'La première année', code: 'ALLY20', until: '2026-11-11' }, FR);
    expect(added.ephemeral).toBe(true);
    expect(added.content).toBe('✅ Avantage ajouté : **Comptabilité : 20 % de remise** de Ledger & Co, jusqu’au mercredi 11 novembre 2026. Les membres le voient avec /perks list.');

    const listed = visibleText(await a.reply('sam', 'perks list', {}, ES));
    expect(listed).toContain('Beneficio para miembros');
    expect(listed).toContain('Código: `ALLY20`');
    expect(listed).toContain('Hasta el miércoles, 11 de noviembre de 2026');
    expect(listed).toContain('Los códigos son solo para miembros: por favor, no los compartas en público.');

    const badLink = await a.reply('olivia', 'perks add', { title: 'Café', partner: 'Bean Co', details: 'Une semaine', link: 'ftp://bean' }, FR);
    expect(badLink.content).toBe('⚠️ **link** doit être une adresse web commençant par http:// ou https://.');
    const gone = await a.reply('olivia', 'perks remove', { perk: 999999 }, ES);
    expect(gone.content).toBe('Ese beneficio no existe en esta alianza (quizás ya se quitó).');
  });
});
