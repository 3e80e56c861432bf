// Issue #19 for the directory, spaces, /help and /alliance: a Spanish and a French member get every private answer
// in their language (help, the registration form, results and paging, near, refusals), organizers' posts and the
// public welcome speak the alliance's language, and an English member still reads English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/directory/directory-csv.service.js';
import { t } from '../../src/i18n/translate.js';
import type { CommandInput, MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText as rawText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** What a member reads: Discord hides the backslashes that escape markdown in member text. */
const visibleText = (m: MessageView) => rawText(m).replace(/\\([\\*_`~|>[\]()#-])/g, '$1');
const as = (a: Alliance, member: string, locale: string) => ({ guildId: a.id, channelId: a.channel('general'), userId: a.userId(member), locale });
const buttons = (m: MessageView) => m.components.flatMap((row) => row.components ?? []);
const noPings = (m: MessageView) => expect(m.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });

async function cityValue(a: Alliance, typed: string): Promise<string> {
  const choices = await h.bed.driver.autocomplete({ ...as(a, 'olivia', 'en-US'), name: 'space', subcommand: 'register', focused: 'city', options: { city: typed, country: 'US' } });
  return String(choices[0]!.value);
}

function csvOf(count: number): string {
  const row = (i: number) => ({ name: `Harbor Desk ${String(i).padStart(2, '0')}`, city: 'Seattle', region: 'Washington', country: 'US', desks: String(10 + i), tags: 'coworking,quiet' });
  const lines = Array.from({ length: count }, (_, i) => row(i + 1)).map((r) => CSV_COLUMNS.map((c) => JSON.stringify((r as Record<string, string>)[c] ?? '')).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

/** What each language's member must read, word for word. */
const MEMBERS = [
  {
    locale: 'es-419',
    help: { title: 'Alliance bot: lo que puedo hacer', intro: /^Directorio, intercambio de habilidades/ },
    formTitle: 'Registrar Casa Azul',
    formLabels: ['Descripción: qué encuentra la gente allí', 'Horario de apertura', 'Cómo reservar un pase de día y quién responde', 'Accesibilidad (sin escalones, baño…)', '¿Mostrarlo en la página web pública? sí o no'],
    yes: 'sí',
    registered: (channel: string) => `✅ **Casa Azul** quedó registrado. ⏳ Está **pendiente** hasta que una persona organizadora lo apruebe. Ya se avisó a quienes organizan en <#${channel}>.`,
    profile: ['Dónde\nSeattle, Washington, Estados Unidos', 'Puestos\n12', 'Horario\nLun-Vie 9-18', 'Registrado\n<t:'],
    withdrawn: '✅ **Casa Azul** no se muestra en la página web pública de la alianza. El resto también quedó guardado.',
    footer: 'Esperando la aprobación de quienes organizan',
    imported: '✅ Importado: 12 espacios nuevos, 0 actualizados. Los espacios nuevos quedan aprobados; los que ya estaban conservan su estado.',
    searchTitle: 'Espacios: etiqueta coworking',
    page1: 'Página 1 de 2 · 12 espacios · /space show para ver un perfil',
    page2: /^Página 2 de 2 ·/,
    paging: ['Anterior', 'Siguiente'],
    hitDesks: '11 puestos',
    nearTitle: 'Espacios a menos de 100 km de Tacoma',
    nearDistance: /Harbor Desk 01\*\* · a \d+,\d km · Seattle, Washington, Estados Unidos · 11 puestos/,
    empty: '🔍 Espacios: etiqueta quiet, ≥ 500 puestos: no se encontró ningún espacio.\nPrueba: • quita min-desks (12 espacios coinciden sin ese filtro)',
    unknownCountry: '⚠️ country: no conozco el país "Narnia"',
    germany: { typed: 'aleman', shown: 'Alemania (DE)' },
    notHost: '🚫 Solo los anfitriones del espacio o una persona organizadora pueden quitar Harbor Desk 01.',
  },
  {
    locale: 'fr',
    help: { title: 'Alliance bot : ce que je sais faire', intro: /^Annuaire, partage de compétences/ },
    formTitle: 'Inscrire Casa Azul',
    formLabels: ['Description : ce qu’on y trouve', 'Horaires d’ouverture', 'Réserver une journée : comment, qui répond', 'Accessibilité (plain-pied, toilettes…)', 'L’afficher sur la page web publique ? oui/non'],
    yes: 'oui',
    registered: (channel: string) => `✅ **Casa Azul** est inscrit. ⏳ Il reste **en attente** jusqu’à sa validation par l’équipe organisatrice, prévenue dans <#${channel}>.`,
    profile: ['Où\nSeattle, Washington, États-Unis', 'Postes\n12', 'Horaires d’ouverture\nLun-Vie 9-18', 'Inscrit\n<t:'],
    withdrawn: '✅ **Casa Azul** n’apparaît pas sur la page web publique de l’alliance. Le reste est enregistré aussi.',
    footer: 'En attente de validation par l’équipe organisatrice',
    imported: '✅ Importé : 12 nouveaux espaces, 0 mis à jour. Les nouveaux espaces sont approuvés ; ceux déjà présents gardent leur statut.',
    searchTitle: 'Espaces : étiquette coworking',
    page1: 'Page 1 sur 2 · 12 espaces · /space show pour voir une fiche',
    page2: /^Page 2 sur 2 ·/,
    paging: ['Précédent', 'Suivant'],
    hitDesks: '11 postes',
    nearTitle: 'Espaces à moins de 100 km de Tacoma',
    nearDistance: /Harbor Desk 01\*\* · à \d+,\d km · Seattle, Washington, États-Unis · 11 postes/,
    empty: '🔍 Espaces : étiquette quiet, ≥ 500 postes : aucun espace trouvé.\nEssayez : • retirez min-desks (12 espaces correspondent sans ce filtre)',
    unknownCountry: '⚠️ country : je ne connais pas le pays « Narnia »',
    germany: { typed: 'allem', shown: 'Allemagne (DE)' },
    notHost: '🚫 Seuls les hôtes de l’espace ou un membre de l’équipe organisatrice peuvent retirer Harbor Desk 01.',
  },
] as const;

describe.each(MEMBERS)('a member whose Discord speaks $locale', (expected) => {
  it('reads /help, the registration form and its answers in their language, while organizers are asked in the alliance’s', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const locale = expected.locale;

    const help = await a.reply('marcus', 'help', undefined, { locale });
    expect(help.ephemeral).toBe(true);
    expect(help.embeds[0]!.title).toBe(expected.help.title);
    expect(help.embeds[0]!.description).toMatch(expected.help.intro);
    expect(visibleText(help)).toContain(`\`/space register\` ${t(locale, 'commands.space.register.description')}`);

    const opened = await a.run('marcus', 'space register', { name: 'Casa Azul', city: await cityValue(a, 'seatt'), country: 'US', desks: 12 }, { locale });
    expect(opened.type).toBe(9);
    expect(opened.modal!.title).toBe(expected.formTitle);
    expect(opened.modal!.fields.map((f) => f.label)).toEqual(expected.formLabels);
    const submitted = await h.bed.driver.submitModal({ ...as(a, 'marcus', locale), modal: opened.modal!, values: { hours: 'Lun-Vie 9-18', public: expected.yes } });
    const done = await submitted.reply();
    expect(done.ephemeral).toBe(true);
    expect(done.content).toBe(expected.registered(a.channel('organizers')));
    const profile = visibleText(done);
    for (const line of expected.profile) expect(profile).toContain(line);
    expect(done.embeds[0]!.footer!.text).toBe(expected.footer);

    // The organizers' channel reads the alliance's language (English here), not the registrant's.
    const notice = await h.bed.waitForMessage((m) => m.channelId === a.channel('organizers') && m.content.includes('Casa Azul'));
    expect(notice.content).toBe(`🆕 <@${a.members.marcus}> registered **Casa Azul** in Seattle. Approve it to list it in the directory.`);
    expect(buttons(notice).map((b) => b.label)).toEqual(['Approve Casa Azul', 'Reject']);
    noPings(notice);
    const approved = await (await h.bed.driver.click({ ...as(a, 'olivia', 'en-US'), channelId: notice.channelId, messageId: notice.id, label: 'Approve Casa Azul' })).updated();
    expect(approved.content).toBe(`✅ **Casa Azul** approved by <@${a.members.olivia}>.`);
    // The form's "yes" in the member's own language was consent to the public page.
    const stored = h.bot.services.directory.spaceAutocomplete(a.id, 'Casa Azul')[0]!;
    expect(h.bot.services.directory.publicPage.space(a.id, stored.id)?.name).toBe('Casa Azul');
    const withdrawn = await a.reply('marcus', 'space edit', { space: stored.id, public: 'no', desks: 14 }, { locale });
    expect(withdrawn.content).toBe(expected.withdrawn);
    expect(visibleText(withdrawn)).toContain(expected.profile[1]!.replace('12', '14'));
  });

  it('searches, pages, looks near a city and meets refusals in their language', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const locale = expected.locale;
    const imported = await a.reply('olivia', 'directory import', { file: { filename: 'spaces.csv', content: csvOf(12), contentType: 'text/csv' } }, { locale });
    expect(imported.content).toBe(expected.imported);

    const first = await a.reply('marcus', 'directory search', { tag: 'coworking' }, { locale });
    expect(first.embeds[0]!.title).toBe(expected.searchTitle);
    expect(first.embeds[0]!.footer!.text).toBe(expected.page1);
    expect(first.embeds[0]!.description).toContain(expected.hitDesks);
    expect(buttons(first).map((b) => b.label)).toEqual(expected.paging);
    const second = await (await h.bed.driver.click({ ...as(a, 'marcus', locale), channelId: first.channelId, messageId: first.id, label: expected.paging[1] })).updated();
    expect(second.embeds[0]!.footer!.text).toMatch(expected.page2);
    expect(second.embeds[0]!.description).toContain('**11. Harbor Desk 11**');

    const near = await a.reply('marcus', 'directory near', { place: 'Tacoma', 'radius-km': 100 }, { locale });
    expect(near.embeds[0]!.title).toBe(expected.nearTitle);
    expect(visibleText(near)).toMatch(expected.nearDistance);

    const empty = await a.reply('marcus', 'directory search', { tag: 'quiet', 'min-desks': 500 }, { locale });
    expect(empty.ephemeral).toBe(true);
    expect(empty.content).toBe(expected.empty);
    const countries = await h.bed.driver.autocomplete({ ...as(a, 'marcus', locale), name: 'directory', subcommand: 'search', focused: 'country', options: { country: expected.germany.typed } });
    expect(countries[0]).toEqual({ name: expected.germany.shown, value: 'DE' });
    const refused = await a.reply('marcus', 'directory search', { country: 'Narnia' }, { locale });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toBe(expected.unknownCountry);
    noPings(refused);
    const harbor = h.bot.services.directory.spaceAutocomplete(a.id, 'Harbor Desk 01')[0]!;
    const notHost = await a.reply('marcus', 'space remove', { space: harbor.id }, { locale });
    expect(notHost.content).toBe(expected.notHost);
  });
});

describe('an alliance that posts in French', () => {
  it('welcomes a new space in French while an English member reads English and a Spanish organizer reads Spanish', async () => {
    const a = await h.newAlliance();
    await a.setup({ language: 'fr', 'directory-approval': false });

    const opened = await a.run('marcus', 'space register', { name: 'Loft Nord', city: await cityValue(a, 'seatt'), country: 'US', desks: 8 });
    expect(opened.modal!.title).toBe('Register Loft Nord');
    const done = await (await h.bed.driver.submitModal({ ...as(a, 'marcus', 'en-US'), modal: opened.modal!, values: { hours: 'Mon-Fri 8-18' } })).reply();
    expect(done.content).toBe('✅ Registered **Loft Nord**. It is listed now.');
    expect(visibleText(done)).toContain('Where\nSeattle, Washington, United States');

    const welcome = await h.bed.waitForMessage((m) => m.channelId === a.channel('announcements') && m.content.includes('Loft Nord'));
    expect(welcome.content).toBe(`👋 Bienvenue dans l’annuaire, **Loft Nord** à Seattle ! Hôtes : <@${a.members.marcus}>.`);
    const post = visibleText(welcome);
    for (const line of ['Où\nSeattle, Washington, États-Unis', 'Postes\n8', 'Horaires d’ouverture\nMon-Fri 8-18', 'Dans l’alliance depuis\n<t:']) expect(post).toContain(line);
    noPings(welcome);

    const english = await a.reply('priya', 'directory search', { text: 'loft' });
    expect(english.embeds[0]!.footer!.text).toBe('Page 1 of 1 · 1 space · /space show for a profile');
    expect((await a.reply('priya', 'directory stats')).embeds[0]!.title).toBe('Directory: 1 approved space');

    const shown = await a.reply('olivia', 'alliance show', undefined, { locale: 'es-ES' });
    const settings = visibleText(shown);
    expect(shown.embeds[0]!.title).toBe('Configuración de la alianza');
    expect(settings).toContain('Idioma\nfrancés');
    expect(settings).toContain('Aprobación del directorio\nDesactivada: los espacios aparecen de inmediato');
    const saved = await a.reply('olivia', 'alliance setup', { 'idea-quota': 1 }, { locale: 'fr' });
    expect(saved.content).toBe('✅ Enregistré : idea-quota.');
    expect(visibleText(saved)).toContain('Quotas\n1 idée ouverte par membre, 2 points à l’ordre du jour par membre et par réunion');
  });

  it('asks organizers in French, and an approval in the organizers’ channel stays French whoever clicks', async () => {
    const a = await h.newAlliance();
    await a.setup({ language: 'fr' });
    const opened = await a.run('marcus', 'space register', { name: 'Taller Sur', city: await cityValue(a, 'seatt'), country: 'US' }, { locale: 'es-ES' });
    const done = await (await h.bed.driver.submitModal({ ...as(a, 'marcus', 'es-ES'), modal: opened.modal!, values: {} })).reply();
    expect(done.content).toMatch(/^✅ \*\*Taller Sur\*\* quedó registrado\. ⏳ Está \*\*pendiente\*\*/);

    const pending = await a.reply('olivia', 'directory pending');
    expect(pending.embeds[0]!.title).toBe('Waiting for approval (1)');
    const notice = await h.bed.waitForMessage((m) => m.channelId === a.channel('organizers') && m.content.includes('Taller Sur'));
    expect(notice.content).toBe(`🆕 <@${a.members.marcus}> a inscrit **Taller Sur** à Seattle. Approuvez-le pour qu’il figure dans l’annuaire.`);
    expect(buttons(notice).map((b) => b.label)).toEqual(['Approuver Taller Sur', 'Refuser']);
    const approved = await (await h.bed.driver.click({ ...as(a, 'olivia', 'en-US'), channelId: notice.channelId, messageId: notice.id, label: 'Approuver Taller Sur' })).updated();
    expect(approved.content).toBe(`✅ **Taller Sur** approuvé par <@${a.members.olivia}>.`);
    expect(visibleText(approved)).toContain('Dans l’alliance depuis');
    const welcome = await h.bed.waitForMessage((m) => m.channelId === a.channel('announcements') && m.content.includes('Taller Sur'));
    expect(welcome.content).toMatch(/^👋 Bienvenue dans l’annuaire, \*\*Taller Sur\*\* à Seattle !/);
  });

  it('a Spanish member asks to join a space: their answers and DMs in Spanish, the host’s DM in the language the host last used (French)', async () => {
    const a = await h.newAlliance();
    await a.setup({ language: 'fr', 'directory-approval': false });
    const opened = await a.run('olivia', 'space register', { name: 'Loft Est', city: await cityValue(a, 'seatt'), country: 'US' });
    await (await h.bed.driver.submitModal({ ...as(a, 'olivia', 'fr'), modal: opened.modal!, values: {} })).reply();
    const loft = h.bot.services.directory.spaceAutocomplete(a.id, 'Loft Est')[0]!;
    await h.bot.interactionsIdle();

    const asked = await a.reply('marcus', 'space join', { space: loft.id }, { locale: 'es-ES' });
    expect(asked.content).toBe('📨 Se lo pedí a los anfitriones de **Loft Est** por mensaje directo. Te llegará la respuesta por MD.');
    const dm = await h.bed.waitForMessage((m) => m.channelId === h.bed.dmChannel(a.members.olivia)?.id && m.content.includes('Loft Est'));
    expect(dm.content).toBe(`<@${a.members.marcus}> demande à figurer parmi les personnes qui travaillent à **Loft Est**.`);
    expect(buttons(dm).map((b) => b.label)).toEqual(['Accepter', 'Décliner']);
    const decided = await (await h.bed.driver.click({ channelId: dm.channelId, userId: a.members.olivia, messageId: dm.id, label: 'Accepter', locale: 'en-US' })).updated();
    expect(decided.content).toBe(`✅ <@${a.members.marcus}> is now listed as working from **Loft Est**.`);
    const told = await h.bed.waitForMessage((m) => m.channelId === h.bed.dmChannel(a.members.marcus)?.id && m.content.includes('Loft Est'));
    expect(told.content).toBe('✅ Los anfitriones de **Loft Est** aceptaron: ya apareces allí.');
    expect((await a.reply('marcus', 'space join', { space: loft.id }, { locale: 'es-ES' })).content).toBe('Ya apareces en Loft Est.');
  });
});
