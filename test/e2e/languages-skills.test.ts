// Issue #19 for skill-share through the test bed: a Spanish and a French member offer and need a skill in their own
// words, read /skills mine and /skills match in their language, ask for and accept an introduction by DM each in
// their own language, meet refusals in it; an alliance set to French posts thanks and top helpers in French while
// an English member's private answers stay English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-03-02T09:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const ES = { locale: 'es-ES' };
const ES_419 = { locale: 'es-419' };
const FR = { locale: 'fr' };
const tick = () => h.bot.scheduler.tick();

function dms(userId: string): MessageView[] {
  const channel = h.bed.dmChannel(userId);
  return channel ? h.bed.messages(channel.id) : [];
}

/** marcus reads Spanish and offers "contabilidad"; priya reads French and needs "comptabilité". */
async function bilingual(): Promise<Alliance> {
  const a = await h.newAlliance();
  await a.setup({ timezone: 'Europe/Paris' });
  return a;
}

describe('skill-share in Spanish and French', () => {
  it('each member offers and needs in their own words and reads every private answer in their language', async () => {
    const a = await bilingual();
    const offered = await a.reply('marcus', 'skills offer', { skill: 'contabilidad', level: 'expert' }, ES);
    expect(offered.ephemeral).toBe(true);
    expect(offered.content).toBe('✅ Agregué tu oferta: **Contabilidad** (experto).');

    const needed = await a.reply('priya', 'skills need', { skill: 'comptabilité' }, FR);
    expect(needed.ephemeral).toBe(true);
    expect(needed.content).toContain('✅ J’ai ajouté votre besoin : **Comptabilité**.');
    expect(needed.content).toContain('Il expire le dimanche 31 mai 2026 si vous ne le renouvelez pas ; je vous le rappellerai une semaine avant.');
    expect(needed.content).toContain('1 membre l’offre : voyez `/skills match`.');

    // A word from the other language is read back in the member's own.
    const read = await a.reply('marcus', 'skills need', { skill: 'graphisme' }, ES_419);
    expect(read.content).toContain('✅ Agregué tu necesidad: **Diseño gráfico**.');
    expect(read.content).toContain('Entendí «graphisme» como **Diseño gráfico**.');

    const mine = visibleText(await a.reply('marcus', 'skills mine', {}, ES));
    expect(mine).toContain('Tus habilidades');
    expect(mine).toContain('Ofreces');
    expect(mine).toContain('1. **Contabilidad** · experto');
    expect(mine).toContain('Necesitas');
    expect(mine).toContain('2 de 20 entradas · las necesidades vencen a los 90 días si no las renuevas');
    const mineFr = await a.reply('priya', 'skills mine', {}, FR);
    expect(visibleText(mineFr)).toContain('Vos compétences');
    expect(visibleText(mineFr)).toContain('1. **Comptabilité** · expire <t:');
    expect(mineFr.components.flatMap((row) => (row.components ?? []).map((c) => c.label))).toEqual(['Retirer 1. Comptabilité']);

    const forPriya = await a.reply('priya', 'skills match', {}, FR);
    const fr = visibleText(forPriya);
    expect(fr).toContain('Vos correspondances');
    expect(fr).toContain('1. Correspondance');
    expect(fr).toContain('offre **Comptabilité** (expert), dont vous avez besoin (vous avez écrit « comptabilité », cette personne a écrit « contabilidad »)');
    const forMarcus = visibleText(await a.reply('marcus', 'skills match', {}, ES));
    expect(forMarcus).toContain('Tus coincidencias');
    expect(forMarcus).toContain('necesita **Contabilidad**, que tú ofreces (tú escribiste «contabilidad», esa persona escribió «comptabilité»)');

    // The same entries, read by the same member in English: named in English.
    expect(visibleText(await a.reply('marcus', 'skills mine'))).toContain('1. **Bookkeeping** · expert');

    const who = visibleText(await a.reply('sam', 'skills who', { skill: 'comptabilité' }, ES));
    expect(who).toContain('Quién ofrece Contabilidad');
    expect(who).toContain(`<@${a.members.marcus}> · experto`);
    const privacy = await a.reply('priya', 'skills privacy', { matching: 'hidden' }, FR);
    expect(privacy.content).toBe([
      '🔒 Votre confidentialité dans l’échange de compétences :',
      '• Correspondances : **masqué** (vous n’apparaissez dans les correspondances de personne)',
      '• Mises en relation : **ouvertes**',
      '• Rappels avant l’expiration d’un besoin : **oui**',
    ].join('\n'));
    const entries = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, locale: 'es-ES', name: 'skills', subcommand: 'remove', focused: 'entry', options: { entry: 'diseño' } });
    expect(entries.map((e) => e.name)).toEqual(['Necesidad: Diseño gráfico']);
    const removed = await a.reply('marcus', 'skills remove', { entry: String(entries[0]!.value) }, ES);
    expect(removed.content).toBe('🗑️ Quité tu necesidad: **Diseño gráfico**.');
  });

  it('autocomplete suggests the skill in the reader\'s language', async () => {
    const a = await bilingual();
    const typed = (locale: string, text: string) =>
      h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.sam, locale, name: 'skills', subcommand: 'offer', focused: 'skill', options: { skill: text } });
    expect((await typed('es-ES', 'contab'))[0]).toEqual({ name: 'Contabilidad', value: 'bookkeeping' });
    expect((await typed('fr', 'contab'))[0]).toEqual({ name: 'Comptabilité (contabilidad)', value: 'bookkeeping' });
    expect((await typed('en-US', 'graphisme'))[0]).toEqual({ name: 'Graphic design (graphisme)', value: 'graphic-design' });
    expect(await typed('fr', 'Apiculture urbaine')).toContainEqual({ name: 'Apiculture urbaine (nouvelle compétence)', value: 'Apiculture urbaine' });
  });

  it('an introduction asked in French reaches the Spanish member in Spanish, and each side is introduced in their own language', async () => {
    const a = await bilingual();
    await a.reply('marcus', 'skills offer', { skill: 'contabilidad', level: 'expert' }, ES);
    await a.reply('priya', 'skills need', { skill: 'comptabilité' }, FR);
    // The match notice to marcus? He was first: priya's need tells him, by DM, in Spanish.
    await tick();
    const notice = dms(a.members.marcus).find((m) => m.content.startsWith('✨'))!;
    expect(notice.content).toBe(`✨ <@${a.members.priya}> ahora necesita **Contabilidad**, que tú ofreces. Usa \`/skills match\` en la alianza para pedir una presentación.`);

    const matches = await a.reply('priya', 'skills match', {}, FR);
    const click = await h.bed.driver.click({ guildId: a.id, channelId: matches.channelId, userId: a.members.priya, messageId: matches.id, label: 'Demander une mise en relation nº 1', ...FR });
    const asked = await click.reply();
    expect(asked.ephemeral).toBe(true);
    expect(asked.content).toBe(`📨 J’ai demandé à <@${a.members.marcus}> en message privé si une mise en relation l’intéresse. Je vous préviendrai de sa réponse.`);

    const request = dms(a.members.marcus).at(-1)!;
    expect(request.content).toContain(`👋 <@${a.members.priya}>, de **Test Alliance`);
    expect(request.content).toContain('quiere que los presente.');
    expect(request.content).toContain('Necesita **Contabilidad**, que tú ofreces.');
    expect(request.content).toContain('Si aceptas, los presento. Si rechazas, se le avisará con amabilidad, sin detalles.');
    expect(request.components.flatMap((row) => (row.components ?? []).map((c) => c.label))).toEqual(['Aceptar', 'Rechazar']);

    const accepted = await (await h.bed.driver.click({ channelId: request.channelId, userId: a.members.marcus, messageId: request.id, label: 'Aceptar', ...ES_419 })).updated();
    expect(accepted.content).toContain('✅ Aceptaste: ya los presenté.');

    const toPriya = dms(a.members.priya).at(-1)!;
    expect(toPriya.content).toContain(`🤝 <@${a.members.marcus}> a accepté votre demande de mise en relation. Faites connaissance !`);
    expect(toPriya.content).toContain(`• <@${a.members.marcus}> offre **Comptabilité**, dont <@${a.members.priya}> a besoin.`);
    const toMarcus = dms(a.members.marcus).at(-1)!;
    expect(toMarcus.content).toContain(`🤝 Te presento a <@${a.members.priya}>: aceptaste su solicitud de presentación.`);
    expect(toMarcus.content).toContain(`• <@${a.members.marcus}> ofrece **Contabilidad**, que <@${a.members.priya}> necesita.`);
    expect(toMarcus.content).toContain('En una semana les preguntaré si les sirvió.');

    // A week later at 10:00 Paris time, "did it help?" in each one's language.
    h.clock.set('2026-03-09T09:00:00Z');
    await tick();
    await tick();
    expect(dms(a.members.priya).at(-1)!.content).toBe(`Il y a une semaine, je vous ai mis en relation avec <@${a.members.marcus}>. Cela vous a-t-il aidé ?`);
    const followup = dms(a.members.marcus).at(-1)!;
    expect(followup.content).toBe(`Hace una semana te presenté a <@${a.members.priya}>. ¿Te sirvió?`);
    const answered = await (await h.bed.driver.click({ channelId: followup.channelId, userId: a.members.marcus, messageId: followup.id, label: 'Sí, me sirvió', ...ES })).updated();
    expect(answered.content).toBe('🙌 ¡Qué bueno que sirvió! Gracias por contarme.');
    h.clock.set('2026-03-02T09:00:00Z');
  });

  it('refusals reach each member in their own language', async () => {
    const a = await bilingual();
    const empty = await a.reply('marcus', 'skills offer', { skill: '   ' }, ES);
    expect(empty.ephemeral).toBe(true);
    expect(empty.content).toBe('⚠️ **skill** no puede estar vacío.');
    expect(empty.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
    expect((await a.reply('marcus', 'skills thanks', { user: a.members.marcus, skill: 'seo' }, ES)).content).toBe('⚠️ No puedes darte las gracias a ti (pero bien hecho).');
    expect((await a.reply('priya', 'skills remove', { entry: 'abc' }, FR)).content).toBe('⚠️ entry : choisissez une de vos offres ou un de vos besoins dans la liste');

    await a.reply('priya', 'skills need', { skill: 'seo' }, FR);
    await a.reply('sam', 'skills offer', { skill: 'seo' });
    await a.reply('sam', 'skills privacy', { intros: 'closed' });
    await a.reply('olivia', 'skills offer', { skill: 'seo' });
    const matches = await a.reply('priya', 'skills match', {}, FR);
    const first = await (await h.bed.driver.click({ guildId: a.id, channelId: matches.channelId, userId: a.members.priya, messageId: matches.id, label: 'Demander une mise en relation nº 1', ...FR })).reply();
    expect(first.content).toContain('J’ai demandé à');
    const again = await (await h.bed.driver.click({ guildId: a.id, channelId: matches.channelId, userId: a.members.priya, messageId: matches.id, label: 'Demander une mise en relation nº 1', ...FR })).reply();
    expect(again.ephemeral).toBe(true);
    expect(again.content).toMatch(/^Vous avez déjà demandé une mise en relation avec <@\d+>\u00a0; elle attend sa réponse\.$/);
    expect(visibleText(await a.reply('priya', 'skills mine', {}, FR))).toContain('1 entrée sur 20');
  });
});

describe('an alliance that posts in French', () => {
  it('posts thanks and top helpers in French, while an English member\'s private answers stay English', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Europe/Paris' });
    await a.reply('olivia', 'alliance setup', { language: 'fr' });

    const added = await a.reply('sam', 'skills offer', { skill: 'bookkeeping' });
    expect(added.content).toBe('✅ Added your offer: **Bookkeeping**.');
    const thanks = await (await a.run('sam', 'skills thanks', { user: a.members.priya, skill: 'bookkeeping', note: 'Merci !' })).reply();
    expect(thanks.ephemeral).toBe(false);
    expect(thanks.content).toBe(`🙏 <@${a.members.sam}> a remercié <@${a.members.priya}> pour **Comptabilité**.\n> Merci !`);
    const top = visibleText(await a.reply('sam', 'skills top'));
    expect(top).toContain('Celles et ceux qui ont le plus aidé ce mois-ci');
    expect(top).toContain(`1. <@${a.members.priya}> · 1 remerciement`);
    expect(top).toContain('Depuis le 1er, heure de l’alliance');
    // A private answer to the same English member, after the public post: still English.
    expect(visibleText(await a.reply('sam', 'skills mine'))).toContain('Your skills');

    // New skills reach the organizers' channel in the alliance's language.
    await a.reply('sam', 'skills offer', { skill: 'Urban beekeeping' });
    h.clock.set('2026-03-03T10:00:00Z');
    await tick();
    await tick();
    const digest = h.bed.messages(a.channel('organizers')).find((m) => m.fromBot && m.content.startsWith('🧩'));
    expect(digest?.content).toContain('🧩 Une nouvelle compétence ajoutée par des membres depuis hier ne figure pas dans la liste des compétences :');
    expect(digest?.content).toContain('Si elle mérite sa place, proposez-la pour la liste des compétences.');
    h.clock.set('2026-03-02T09:00:00Z');
  });
});
