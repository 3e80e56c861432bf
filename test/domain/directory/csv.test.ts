// CSV export and import: stable columns, round trip, all-or-nothing import with a per-row report, limits.
import { describe, expect, it } from 'vitest';
import { englishError, englishOf } from '../../support/english.js';
import { CSV_COLUMNS } from '../../../src/directory/directory-csv.service.js';
import type { ColumnName } from '../../../src/shared/csv.js';
import { DomainError } from '../../../src/shared/errors.js';
import { actor, countRows, GUILD, HOST, montreal, ORGANIZER, OTHER_GUILD, seattle, setup, STRANGER } from './helpers.js';

const organizer = actor(ORGANIZER, { organizer: true });
const otherOrganizer = actor(ORGANIZER, { organizer: true, guildId: OTHER_GUILD });
const host = actor(HOST);
/** The alliance's members among the hosts a file names (the adapter looks them up on Discord). */
const members: ReadonlySet<string> = new Set([ORGANIZER, HOST]);

const file = (content: string) => ({ content, bytes: Buffer.byteLength(content) });
const header = CSV_COLUMNS.join(',');

function importError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('export', () => {
  it('writes the documented header and every space, quoting what needs it', () => {
    const { dir } = setup();
    dir.register(host, { ...seattle, description: 'Line one, "quoted"\nline two' });
    dir.register(host, montreal);
    const { content, rows, filename } = dir.exportCsv(organizer);
    expect(rows).toBe(2);
    expect(filename).toBe('directory-2026-03-10.csv');
    expect(content.split('\r\n')[0]).toBe(header);
    expect(content).toContain('"Line one, ""quoted""\nline two"');
    expect(content).toContain(`,${HOST},pending,`);
  });
  it('is for organizers only', () => {
    const { dir } = setup();
    expect(englishError(() => dir.exportCsv(host))).toMatch(/organizers/);
  });

  it('defuses member text that would run as a formula, and keeps negative coordinates as numbers', () => {
    const { dir } = setup();
    dir.register(host, { ...montreal, name: '=HYPERLINK("http://evil.example","Click")', latitude: 45.52, longitude: -73.6, description: '@SUM(1+1)' });
    const { content } = dir.exportCsv(organizer);
    expect(content).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(content).toContain(",'@SUM(1+1),");
    expect(content).toContain(',45.52,-73.6,');
  });
});

describe('import', () => {
  it('reads back a header named in another language when the adapter lists that naming, and names the expected header in the first', () => {
    const { dir } = setup();
    dir.register(host, seattle);
    const shouting: ColumnName = (column) => column.toUpperCase();
    const exported = dir.exportCsv(organizer, shouting).content;
    expect(exported.split('\r\n')[0]).toBe(CSV_COLUMNS.map((c) => c.toUpperCase()).join(','));
    const prefixed: ColumnName = (column) => `x_${column}`;
    // Header names compare without case, so the upper-case export reads back with the ids' own naming too.
    expect(dir.importCsv(otherOrganizer, file(exported), members)).toEqual({ created: 1, updated: 0 });
    const renamed = exported.replace(/^[^\r]*/, CSV_COLUMNS.map(prefixed).join(','));
    expect(englishError(() => dir.importCsv(otherOrganizer, file(renamed), members))).toMatch(/header must be exactly: name,city,/);
    expect(dir.importCsv(otherOrganizer, { ...file(renamed), headers: [shouting, prefixed] }, members)).toEqual({ created: 0, updated: 1 });
    const wrong = renamed.replace('x_name', 'nom');
    expect(englishError(() => dir.importCsv(otherOrganizer, { ...file(wrong), headers: [prefixed] }, members))).toMatch(/header must be exactly: x_name,x_city,/);
  });

  it('round-trips: an export imported into another alliance gives the same profiles, approved', () => {
    const { dir } = setup();
    dir.register(host, seattle);
    dir.register(host, { ...montreal, latitude: 45.52, longitude: -73.6 });
    const exported = dir.exportCsv(organizer).content;
    expect(dir.importCsv(otherOrganizer, file(exported), members)).toEqual({ created: 2, updated: 0 });
    const strip = (content: string) => content.replace(/,(pending|approved),[^,\n]*$/gm, '');
    expect(strip(dir.exportCsv(otherOrganizer).content)).toBe(strip(exported));
    const imported = dir.search(OTHER_GUILD, {}).items;
    expect(imported.map((s) => s.name)).toEqual(['Café Collectif', 'Rainier Commons']);
    expect(imported[0]).toMatchObject({ latitude: 45.52, longitude: -73.6 });
  });

  it('round-trips formula-looking cells exactly: the apostrophe the export added is taken off again', () => {
    const { dir } = setup();
    dir.register(host, { ...seattle, name: '=Rainier', description: "-dash first, '@quoted", hours: '+24/7' });
    const exported = dir.exportCsv(organizer).content;
    dir.importCsv(otherOrganizer, file(exported), members);
    expect(dir.search(OTHER_GUILD, {}).items[0]).toMatchObject({ name: '=Rainier' });
    const strip = (content: string) => content.replace(/,(pending|approved),[^,\n]*$/gm, '');
    expect(strip(dir.exportCsv(otherOrganizer).content)).toBe(strip(exported));
    expect(exported).toContain(`,"'-dash first, '@quoted",'+24/7,`);
  });

  it('re-importing the same file updates instead of duplicating', () => {
    const { dir, sqlite } = setup();
    dir.register(host, seattle);
    const exported = dir.exportCsv(organizer).content;
    expect(dir.importCsv(organizer, file(exported.replace(',40,', ',44,')), members)).toEqual({ created: 0, updated: 1 });
    expect(countRows(sqlite, 'spaces')).toBe(1);
    expect(dir.pending(organizer)[0]).toMatchObject({ desks: 44 });
  });

  it('keeps the approval status of spaces that already exist; only new rows are approved', () => {
    const { dir } = setup();
    dir.register(host, seattle);
    const exported = dir.exportCsv(organizer).content;
    expect(exported).toContain(',pending,');
    const withNew = `${exported}Loft,Tacoma,,US,,,5,,,,,,,,,,\r\n`;
    expect(dir.importCsv(organizer, file(withNew), members)).toEqual({ created: 1, updated: 1 });
    expect(dir.pending(organizer).map((s) => s.name)).toEqual(['Rainier Commons']);
    expect(dir.search(GUILD, {}).items.map((s) => s.name)).toEqual(['Loft']);
  });

  it('refuses hosts who are not members of this alliance, row by row, and stores nothing', () => {
    const { dir, sqlite } = setup();
    const rows = [`Loft,Tacoma,,US,,,5,,,,,,,,${HOST},,`, `Annex,Tacoma,,US,,,5,,,,,,,,${HOST} ${STRANGER},,`];
    const error = importError(() => dir.importCsv(organizer, file(`${header}\n${rows.join('\n')}\n`), members));
    expect(error.problems.map((p) => [p.field, englishOf(p)])).toEqual([['row 3 hosts', `row 3 hosts ${STRANGER} is not a member of this alliance`]]);
    expect(countRows(sqlite, 'spaces')).toBe(0);
  });

  it('refuses a file holding replacement characters (letters lost by an earlier conversion)', () => {
    const { dir, sqlite } = setup();
    expect(englishError(() => dir.importCsv(organizer, file(`${header}\nCaf\uFFFD,Tacoma,,US,,,5,,,,,,,,,,\n`), members))).toMatch(/replacement character/);
    expect(countRows(sqlite, 'spaces')).toBe(0);
  });

  it('makes the importing organizer host when the hosts column is empty', () => {
    const { dir } = setup();
    dir.importCsv(organizer, file(`${header}\nLoft,Tacoma,,US,,,5,,,,,,,,,,\n`), members);
    expect(dir.spacesHostedBy(GUILD, ORGANIZER).map((s) => s.name)).toEqual(['Loft']);
  });

  it('rejects the whole file with a per-row report and stores nothing', () => {
    const { dir, sqlite } = setup();
    const rows = [
      'Good One,Seattle,,US,,,10,https://good.example.org,,coworking,,,,,,,',
      'Bad Desks,Seattle,,US,,,0,,,,,,,,,,',
      'Bad Url,Tacoma,,US,,,,notaurl,,,,,,,,,',
      'Nowhere,Atlantis City,,US,,,,,,,,,,,,,',
      'Good One,Seattle,,US,,,,,,,,,,,,,',
      'Bad Host,Seattle,,US,,,,,,,,,,,someone,,',
    ];
    const error = importError(() => dir.importCsv(organizer, file(`${header}\n${rows.join('\n')}\n`), members));
    expect(error.kind).toBe('invalid');
    expect(error.problems.map((p) => p.field)).toEqual(['row 3 desks', 'row 4 website', 'row 5 city', 'row 6 name', 'row 7 hosts']);
    expect(englishOf(error.problems[3]!)).toMatch(/repeats row 2/);
    expect(countRows(sqlite, 'spaces')).toBe(0);
  });

  it('refuses what is not CSV, a wrong header, and files over the limits', () => {
    const { dir } = setup();
    expect(englishError(() => dir.importCsv(organizer, file('\u0000\u0001PNG'), members))).toMatch(/not a CSV/);
    expect(englishError(() => dir.importCsv(organizer, file(`${header}\n"unclosed,quote\n`), members))).toBe('file is not valid CSV at line 2: a quoted cell is never closed');
    expect(englishError(() => dir.importCsv(organizer, file(`${header}\nA,Seattle\n`), members))).toBe('file is not valid CSV at line 2: the row does not have as many cells as the header');
    expect(englishError(() => dir.importCsv(organizer, file(`${header}\nA"B,Seattle\n`), members))).toMatch(/^file is not valid CSV at line 2: a quote is out of place/);
    expect(englishError(() => dir.importCsv(organizer, file('name,city\nA,B\n'), members))).toMatch(/header must be exactly/);
    expect(englishError(() => dir.importCsv(organizer, file(`${header}\n`), members))).toMatch(/no rows/);
    expect(englishError(() => dir.importCsv(organizer, { content: header, bytes: 5 * 1024 * 1024 + 1 }, members))).toMatch(/5 MB/);
    const many = `${header}\n${'A,Seattle,,US,,,,,,,,,,,,,\n'.repeat(20_001)}`;
    expect(englishError(() => dir.importCsv(organizer, file(many), members))).toMatch(/20,000/);
  });

  it('is for organizers only', () => {
    const { dir } = setup();
    expect(englishError(() => dir.importCsv(host, file(`${header}\n`), members))).toMatch(/organizers/);
  });
});
