// Issue #19 for exports and country names: a CSV export's header row speaks the language of the member who asked
// (values stay machine-friendly), an export in French imports back for an organizer who reads Spanish, and country
// names inside directory refusals, autocomplete and headings are said in the reader's language; English unchanged.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/directory/directory-csv.service.js';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, waitUntil, type Alliance, type Harness } from '../support/bot.js';
import { allianceWithSpaces } from './economy-support.js';
import { closeEarly, openProposal, react } from './proposals-support.js';
import { csvText } from '../support/csv.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const fileOf = (answer: MessageView) => csvText(answer.attachments[0]!);
/** The file as any CSV reader sees it: header and rows. */
const table = (csv: string) => parse(csv, { relax_column_count: false }) as string[][];
const spaceId = (a: Alliance, name: string) => h.bot.services.directory.spaceAutocomplete(a.id, name)[0]!.id;

describe('CSV exports in the language of the member who asked', () => {
  it('the directory: French columns for a French organizer, machine-friendly values, and the file imports back for a Spanish one', async () => {
    const { a } = await allianceWithSpaces(h);
    const french = await a.reply('olivia', 'directory export', undefined, { locale: 'fr' });
    expect(french.ephemeral).toBe(true);
    expect(french.content).toMatch(/^📄 3 espaces \(colonnes telles que \/directory import les attend\)\.$/);
    const csv = fileOf(french);
    const [header, ...rows] = table(csv);
    expect(header).toEqual(['nom', 'ville', 'région', 'pays', 'latitude', 'longitude', 'postes', 'site_web', 'pass_journée', 'étiquettes', 'description', 'horaires', 'contact', 'accessibilité', 'hôtes', 'statut', 'membre_depuis']);
    const rainier = rows.find((row) => row[0] === 'Rainier Commons')!;
    // Codes, plain numbers and ISO dates whatever the language: other tools read these files.
    expect(rainier[3]).toBe('US');
    expect(rainier[6]).toBe('20');
    expect(rainier[4]).toMatch(/^\d+\.\d+$/);
    expect(rainier[15]).toBe('approved');
    expect(rainier[16]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const english = fileOf(await a.reply('olivia', 'directory export'));
    expect(english.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(english.split('\r\n').slice(1)).toEqual(csv.split('\r\n').slice(1));

    const imported = await a.reply('olivia', 'directory import', { file: { filename: 'annuaire.csv', content: csv, contentType: 'text/csv' } }, { locale: 'es-419' });
    expect(imported.content).toBe('✅ Importado: 0 espacios nuevos, 3 actualizados. Los espacios nuevos quedan aprobados; los que ya estaban conservan su estado.');

    // A bad cell in the French file: the report names it by row and by the column as the French header says it.
    const broken = csv.replace(/^(Rainier Commons,(?:[^,]*,){5})20,/m, '$1beaucoup,');
    expect(broken).not.toBe(csv);
    const refused = await a.reply('olivia', 'directory import', { file: { filename: 'annuaire.csv', content: broken, contentType: 'text/csv' } }, { locale: 'fr' });
    expect(visibleText(refused)).toMatch(/ligne \d postes doit être un nombre/);
    const wrongHeader = await a.reply('olivia', 'directory import', { file: { filename: 'x.csv', content: 'nom,ville\nA,B\n', contentType: 'text/csv' } }, { locale: 'es-ES' });
    expect(wrongHeader.content).toContain('nombre,ciudad,región,país,latitud,longitud,puestos,');
    const unclosed = await a.reply('olivia', 'directory import', { file: { filename: 'x.csv', content: 'nom,ville\n"pas fermé\n', contentType: 'text/csv' } }, { locale: 'fr' });
    expect(unclosed.content).toMatch(/^⚠️ file n’est pas un CSV valide à la ligne 2\s?: une cellule entre guillemets n’est jamais refermée$/);
  });

  it('the dues ledger and the pass visits: French and Spanish headers, English for an English organizer', async () => {
    const { a, space } = await allianceWithSpaces(h);
    await a.reply('olivia', 'dues plan', { amount: '50', currency: 'USD', period: 'monthly', 'grace-days': 10, starts: '2026-11-01' });
    await a.reply('olivia', 'dues record', { space: space.rainier, amount: '1500' });

    const ledger = await a.reply('olivia', 'dues export', undefined, { locale: 'fr' });
    expect(ledger.content).toMatch(/^📄 Le registre des cotisations\s?: 1 écriture\.$/);
    const [header, row] = table(fileOf(ledger));
    expect(header).toEqual(['écriture', 'type', 'id_espace', 'espace', 'montant', 'montant_en_centimes', 'devise', 'payé_le', 'fin_de_couverture', 'annule_écriture', 'annulée_par_écriture', 'note', 'enregistrée_le']);
    expect(row!.slice(0, 8)).toEqual(['1', 'payment', String(space.rainier), 'Rainier Commons', '1500.00', '150000', 'USD', '2026-11-24']);
    expect(fileOf(await a.reply('olivia', 'dues export')).split('\r\n')[0]).toBe('entry,kind,space_id,space,amount,amount_minor,currency,paid_on,covers_until,reverses_entry,reversed_by_entry,note,recorded_at');

    await a.reply('marcus', 'space edit', { space: space.rainier, pass: 'yes' });
    await a.reply('olivia', 'pass issue', { member: a.members.sam, visits: 3 });
    await a.reply('marcus', 'pass checkin', { 'pass-code-or-member': a.members.sam, space: space.rainier });
    const visits = await a.reply('olivia', 'pass export', undefined, { locale: 'es-ES' });
    expect(visits.content).toBe('Todas las visitas con pase, una por fila, en CSV.');
    const [passHeader, visit] = table(fileOf(visits));
    expect(passHeader).toEqual(['día', 'espacio', 'pase', 'id_titular', 'nombre_titular']);
    expect(visit!.slice(0, 2)).toEqual(['2026-11-24', 'Rainier Commons']);
    expect(fileOf(await a.reply('olivia', 'pass export')).split('\r\n')[0]).toBe('day,space,pass,holder_id,holder_name');
  });

  it('the decision register: Spanish columns for a Spanish member, with the stored codes as values', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus');
    react(h, a, 'priya', message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 1, 5000, 'the vote');
    await closeEarly(h, a, 'olivia', id);
    const exported = await a.reply('sam', 'decisions export', undefined, { locale: 'es-419' });
    expect(exported.content).toBe('El registro de decisiones: 1 decisión.');
    const [header, row] = table(fileOf(exported));
    expect(header).toEqual([
      'número', 'título', 'tipo', 'estado', 'resultado', 'regla', 'umbral', 'quórum_porcentaje', 'con_derecho_a_voto', 'votaron',
      'sí', 'no', 'abstención', 'bloqueo', 'abierta_el', 'cierra_el', 'cerrada_el', 'id_de_quien_propone', 'voto_secreto', 'resumen',
    ]);
    expect(row!.slice(0, 6)).toEqual(['1', 'Shared printer', 'general', 'closed', 'passed', 'majority']);
    expect(row![14]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(fileOf(await a.reply('sam', 'decisions export')).split('\r\n')[0]).toMatch(/^number,title,type,status,outcome,/);
  });
});

describe('country names in the reader’s language', () => {
  it('a refusal naming a country says it in Spanish or French, and in English for an English member', async () => {
    const { a, space } = await allianceWithSpaces(h);
    const unknown = { space: space.rainier, city: 'Seatle', country: 'US' };
    expect((await a.reply('marcus', 'space edit', unknown, { locale: 'es-ES' })).content).toMatch(/^⚠️ city: no conozco "Seatle" en Estados Unidos\. Los más parecidos: Seattle/);
    expect((await a.reply('marcus', 'space edit', unknown, { locale: 'fr' })).content).toMatch(/^⚠️ city : je ne connais pas « Seatle » dans ce pays \(États-Unis\)\. Les plus proches : Seattle/);
    expect((await a.reply('marcus', 'space edit', unknown)).content).toMatch(/^⚠️ city "Seatle" is not a place I know in United States\. Closest: Seattle/);

    const montreal = h.bot.services.directory.placeAutocomplete('Montréal', 'CA')[0]!.value;
    const elsewhere = { space: space.rainier, city: montreal, country: 'US' };
    expect((await a.reply('marcus', 'space edit', elsewhere, { locale: 'es-419' })).content).toBe('⚠️ city: Montréal está en Canadá, no en Estados Unidos');
    expect((await a.reply('marcus', 'space edit', elsewhere)).content).toBe('⚠️ city Montréal is in Canada, not United States');
    // Nothing half-written: the space is still in Seattle.
    expect(visibleText(await a.reply('marcus', 'space show', { space: space.rainier }))).toContain('Seattle, Washington, United States');

    const near = await a.reply('priya', 'directory near', { place: 'Tacomma' }, { locale: 'fr' });
    expect(near.ephemeral).toBe(true);
    expect(near.content).toMatch(/Les plus proches : Tacoma, Washington, États-Unis/);
  });

  it('autocomplete and search headings name countries in the member’s language', async () => {
    const { a } = await allianceWithSpaces(h);
    const base = { guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, name: 'space', subcommand: 'register', focused: 'city' };
    const french = await h.bed.driver.autocomplete({ ...base, locale: 'fr', options: { city: 'seatt', country: 'US' } });
    expect(french[0]!.name).toBe('Seattle, Washington, États-Unis');
    const english = await h.bed.driver.autocomplete({ ...base, options: { city: 'seatt', country: 'US' } });
    expect(english[0]!.name).toBe('Seattle, Washington, United States');
    const cities = await h.bed.driver.autocomplete({ ...base, subcommand: 'search', name: 'directory', locale: 'es-ES', options: { city: 'taco' } });
    expect(cities[0]!.name).toBe('Tacoma, Estados Unidos (1)');

    const empty = await a.reply('marcus', 'directory search', { country: 'DE' }, { locale: 'fr' });
    expect(empty.content).toMatch(/^🔍 Espaces : pays Allemagne\s?: aucun espace trouvé\./);
    expect((await a.reply('marcus', 'directory search', { country: 'Alemania' })).content).toMatch(/^🔍 Spaces: country Germany: no spaces found\./);
  });
});
