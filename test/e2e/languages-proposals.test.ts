// Issue #19 for proposals, votes, rules, decisions, actions and participation: private answers in the member's
// language (Spanish, French), public posts (the proposal, the 🛑 prompt, results, reminders) in the alliance's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/shared/clock.js';
import { startHarness, visibleText, waitUntil, type Alliance, type Harness } from '../support/bot.js';
import { field, openProposal, react } from './proposals-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const click = (a: Alliance, channelId: string, member: string, messageId: string, label: string, locale?: string) =>
  h.bed.driver.click({ guildId: a.id, channelId, userId: a.userId(member), messageId, label, ...(locale ? { locale } : {}) });
const announcements = (a: Alliance) => h.bed.messages(a.channel('announcements')).map(visibleText).join('\n---\n');
const postOf = (a: Alliance, number: number) => h.bed.messages(a.channel('proposals')).find((m) => m.embeds[0]?.title?.startsWith(`#${number} ·`))!;

describe('a Spanish member', () => {
  it('opens a proposal from a Spanish form and votes in Spanish, while the post stays in the alliance’s English', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const asked = await a.run('marcus', 'proposal create', { title: 'Impresora compartida' }, { locale: 'es-ES' });
    expect(asked.modal?.title).toBe('Nueva propuesta');
    expect(asked.modal?.fields.map((f) => f.label)).toEqual(['Título', 'Resumen', 'La necesidad (opcional)', 'A quién se lo podemos ofrecer (opcional)', 'Cómo lo vamos a medir (opcional)']);
    const sent = await h.bed.driver.submitModal({
      guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: asked.modal!, locale: 'es-ES',
      values: { title: 'Impresora compartida', summary: 'Compremos una impresora para todos.' },
    });
    const opened = await sent.reply(10_000);
    expect(opened.ephemeral).toBe(true);
    expect(opened.content).toMatch(/^La propuesta #1 está abierta hasta el <t:\d+:F>: https:\/\/discord\.com\/channels\//);
    const post = postOf(a, 1);
    expect(post.embeds[0]?.fields?.map((f) => f.name)).toEqual(['Rule', 'Quorum', 'Who votes', 'Deadline', 'Live tally']);
    expect(post.embeds[0]?.footer?.text).toBe('React to vote: ✅ yes · ❌ no · ➖ abstain. Another reaction replaces your vote; removing it withdraws it.');
    const id = h.bot.services.proposals.byMessage(a.id, post.id)!.id;

    const voted = await a.reply('priya', 'proposal vote', { proposal: id, choice: 'yes' }, { locale: 'es-419' });
    expect([voted.ephemeral, voted.content]).toEqual([true, 'Registrado: tu voto en la #1 es ✅ sí.']);
    const english = await a.reply('sam', 'proposal vote', { proposal: id, choice: 'no' });
    expect(english.content).toBe('Recorded: your vote on #1 is ❌ no.');

    const refused = await a.reply('priya', 'proposal withdraw', { proposal: id }, { locale: 'es-ES' });
    expect([refused.ephemeral, refused.content]).toEqual([true, '🚫 Solo quien la propuso o una persona organizadora puede retirar esta propuesta.']);
    const shown = visibleText(await a.reply('priya', 'proposal show', { proposal: id }, { locale: 'es-ES' }));
    expect(shown).toContain('Regla\nMayoría (más votos a favor que en contra; un empate no aprueba)');
    expect(shown).toContain('Recuento en vivo\n✅ 1 a favor · ❌ 1 en contra · ➖ 0 abstenciones\nVotaron 2 de 4 personas habilitadas');
    expect(shown).toContain('Reacciona para votar: ✅ sí · ❌ no · ➖ abstención.');
    const reminders = await a.reply('priya', 'proposal reminders on', {}, { locale: 'es-ES' });
    expect(reminders.content).toBe('🔔 Te escribiré por mensaje directo 24 horas antes de que cierre una votación si aún no has votado.');
  });
});

describe('a French member', () => {
  it('votes on a secret ballot with the buttons and the reason form in French, and is refused in French', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { anonymous: true });
    const ballot = await click(a, a.channel('proposals'), 'priya', message.id, 'Yes', 'fr');
    expect((await ballot.reply()).content).toMatch(
      /^Enregistré \(vote secret\) : votre vote sur #1 est ✅ pour\. Vous êtes la seule personne à le voir ; vous pouvez le changer jusqu’au <t:\d+:F>\.$/,
    );

    const form = await click(a, a.channel('proposals'), 'priya', message.id, 'Vote with a reason', 'fr');
    expect(form.modal?.title).toBe('Voter avec une raison');
    expect(form.modal?.fields.map((f) => [f.label, f.value])).toEqual([['Vote : pour, contre, abstention ou blocage', 'pour'], ['Votre raison', undefined]]);
    const submit = async (vote: string) =>
      (await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('proposals'), userId: a.members.priya, modal: form.modal!, values: { vote, reason: 'Trop cher' }, messageId: message.id, locale: 'fr' })).reply();
    expect((await submit('peut-être')).content).toBe('⚠️ le vote doit être l’une de ces valeurs : pour, contre, abstention');
    expect((await submit('Contre')).content).toMatch(/^Enregistré \(vote secret\) : votre vote sur #1 est ❌ contre, avec votre raison\./);
    expect(h.bot.services.votes.tally(a.id, id).counts.no).toBe(1);

    const byCommand = await a.reply('sam', 'proposal vote', { proposal: id, choice: 'yes' }, { locale: 'fr' });
    expect([byCommand.ephemeral, byCommand.content]).toEqual([true, '⚠️ Cette proposition est à vote secret : votez avec les boutons sous le message.']);
    const closeAsked = await a.reply('olivia', 'proposal close', { proposal: id }, { locale: 'fr' });
    expect(closeAsked.content).toMatch(/^Clore \*\*#1 Shared printer\*\* maintenant, avant son échéance du <t:\d+:F> \? 3 votants n’ont pas encore voté\.$/);
    expect(closeAsked.components.flatMap((row) => (row.components ?? []).map((c) => c.label))).toEqual(['Clore maintenant', 'La laisser ouverte']);
  });
});

describe('an alliance that posts in French', () => {
  it('gets the proposal, the 🛑 prompt and the result in French while an English organizer reads English', async () => {
    const a = await h.newAlliance();
    await a.setup({ language: 'fr' });
    const { message, id } = await openProposal(h, a, 'marcus', { rule: 'consensus' });
    const embed = message.embeds[0]!;
    expect(embed.fields?.map((f) => f.name)).toEqual(['Règle', 'Quorum', 'Qui vote', 'Échéance', 'Décompte en direct']);
    expect(embed.description).toContain(`Proposée par <@${a.members.marcus}> · type **général**`);
    expect(field(message, 'Règle')).toBe('Consensus (quorum, aucun blocage et au moins un pour)');
    expect(embed.footer?.text).toBe('Réagissez pour voter : ✅ pour · ❌ contre · ➖ abstention · 🛑 blocage. Une autre réaction remplace votre vote ; la retirer retire votre vote.');

    react(h, a, 'sam', message.id, '🛑');
    const prompt = await h.bed.waitForMessage((m) => m.channelId === message.threadId && m.content.startsWith('🛑'));
    expect(prompt.content).toBe(`🛑 <@${a.members.sam}>, un blocage sur #1 doit être motivé pour compter. J’ai retiré la réaction : appuyez sur le bouton pour donner votre raison (ou utilisez /proposal vote avec choice block et une raison).`);
    expect(prompt.components[0]?.components?.[0]?.label).toBe('Donner ma raison');
    react(h, a, 'priya', message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 1, 5000, 'the vote');

    const asked = await a.reply('olivia', 'proposal close', { proposal: id });
    expect(asked.content).toMatch(/^Close \*\*#1 Shared printer\*\* now, before its deadline <t:\d+:F>\? 3 eligible voters have not voted yet\.$/);
    const closed = await (await click(a, a.channel('general'), 'olivia', asked.id, 'Close now')).updated(10_000);
    expect(closed.content).toBe('Closed #1: **Passed**.');
    const result = announcements(a);
    expect(result).toContain('Proposition #1 adoptée : Shared printer');
    expect(result).toContain('Adoptée : aucun blocage et 1 pour.\n✅ 1 pour · ❌ 0 contre · ➖ 0 abstention · 🛑 0 blocage\n1 votant sur 4 a voté ; aucun quorum requis.');
    expect(result).toContain('Close avant l’échéance par l’équipe organisatrice.');
    await waitUntil(() => visibleText(h.bed.message(message.id)!).includes('Décompte final'), 8000, 'the final embed in French');
    const found = (locale?: string) =>
      h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.priya, name: 'proposal', subcommand: 'show', focused: 'proposal', options: { proposal: 'printer' }, ...(locale ? { locale } : {}) });
    expect((await found('fr')).map((c) => c.name)).toEqual(['#1 Shared printer (close)']);
    expect((await found()).map((c) => c.name)).toEqual(['#1 Shared printer (closed)']);
  });

  // Last in the file: it moves the shared clock.
  it('a reminder and a result posted by scheduled jobs speak the alliance’s language (a Spanish server)', async () => {
    const a = await h.newAlliance(undefined, { locale: 'es-ES' });
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { closes: '2d' });
    react(h, a, 'priya', message.id, '✅');
    react(h, a, 'sam', message.id, '❌');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 2, 5000, 'the votes');
    h.clock.advance(DAY + HOUR);
    await h.bot.scheduler.tick();
    const reminder = await h.bed.waitForMessage((m) => m.channelId === message.threadId && m.content.startsWith('⏰'));
    expect(reminder.content).toMatch(/^⏰ La votación de \*\*#1 Shared printer\*\* cierra <t:\d+:R>: 2 de 4 personas habilitadas aún no han votado\.$/);
    h.clock.advance(DAY);
    await h.bot.scheduler.tick();
    const result = announcements(a);
    expect(result).toContain('Propuesta #1 rechazada: Shared printer');
    expect(result).toContain('Rechazada: 1 a favor y 1 en contra es un empate, y un empate no aprueba.\n✅ 1 a favor · ❌ 1 en contra · ➖ 0 abstenciones\nVotaron 2 de 4 personas habilitadas; no se requería quórum.\nRegla: Mayoría');
    expect(result).toContain('Cerrada en su fecha límite.');
  });
});

describe('/rules, /decisions, /actions and /participation', () => {
  it('answer a Spanish or French member in their language, refusals included', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const rules = (await a.reply('marcus', 'rules show', {}, { locale: 'es-ES' })).embeds[0]!;
    expect(rules.title).toBe('Reglas de decisión');
    expect(rules.fields?.[0]).toMatchObject({
      name: 'Por defecto (tipos sin regla propia)',
      value: 'Mayoría (más votos a favor que en contra; un empate no aprueba) · quórum ninguno · 1 semana · todas las personas miembro · quien propone puede cambiarla',
    });
    const saved = await a.reply('olivia', 'rules set', { type: 'policy', rule: 'supermajority', threshold: '75%' }, { locale: 'fr' });
    expect(saved.content).toBe('✅ La règle « règlement » est enregistrée.');
    expect(saved.embeds[0]?.fields?.find((f) => f.name === 'règlement')?.value).toMatch(/^Majorité qualifiée \(pour ≥ 75\s%/);
    const badThreshold = await a.reply('olivia', 'rules set', { type: 'policy', threshold: '1/3' }, { locale: 'es-419' });
    expect(badThreshold.content).toBe('⚠️ threshold debe ser más de la mitad y como mucho el total (p. ej., 2/3, 60%, 3/4).');
    expect((await a.reply('olivia', 'rules lock', {}, { locale: 'fr' })).content).toBe('🔒 Règles verrouillées : changer une règle passe désormais par une proposition de type general.');
    const proposed = await a.reply('olivia', 'rules set', { type: 'policy', rule: 'consent' }, { locale: 'es-ES' });
    expect(proposed.content).toBe('🔒 Las reglas están bloqueadas, así que abrí la propuesta #1 para este cambio; se aplicará si se aprueba.');
    // The proposal everyone votes on speaks the alliance's English.
    const change = postOf(a, 1);
    expect(change.embeds[0]?.title).toBe('#1 · Change the policy decision rule');
    expect(field(change, 'If it passes')).toBe('The **policy** rule becomes Consent (passes unless someone blocks), quorum none, period 1 week, voters everyone.');

    const register = (await a.reply('priya', 'decisions list', {}, { locale: 'fr' })).embeds[0]!;
    expect([register.title, register.description, register.footer?.text]).toEqual(['Registre des décisions', 'Rien ici pour l’instant.', 'Page 1 sur 1 · 0 au total']);

    const mine = (await a.reply('priya', 'actions mine', {}, { locale: 'fr' })).embeds[0]!;
    expect([mine.title, mine.description]).toEqual(['Vos actions en cours', 'Aucune action en cours.']);
    expect((await a.reply('priya', 'actions reminders', { on: false }, { locale: 'es-ES' })).content).toBe('No más recordatorios de tareas.');
    expect((await a.reply('priya', 'actions done', { action: 999 }, { locale: 'es-ES', force: true })).content).toBe('No hay ninguna tarea #999 en esta alianza.');
    expect((await a.reply('priya', 'actions reminders', { on: true })).content).toBe('⏰ I will remind you the day before your action items are due.');

    const report = (await a.reply('olivia', 'participation report', { months: 2 }, { locale: 'es-ES' })).embeds[0]!;
    expect(report.title).toBe('Participación, últimos 2 meses');
    expect(report.description).toMatch(/^0 reuniones desde el /);
  });
});
