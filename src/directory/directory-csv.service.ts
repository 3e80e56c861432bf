// /directory export and import: one documented CSV shape both ways; an import is checked whole before anything
// is stored (one transaction), and reports every bad row.
import { parse } from 'csv-parse/sync';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { columnId, undefuseCell, writeCsv, type ColumnName, type CsvValue } from '../shared/csv.js';
import { DomainError, forbidden, invalid, msg, problem, type FieldProblem } from '../shared/errors.js';
import type { DirectoryRepo, SpaceRow } from './directory.repo.js';
import { CSV_LIMITS, profileColumns } from './directory.rules.js';
import { checkProfile } from './directory.service.js';
import type { Gazetteer } from './gazetteer.js';
import { foldKey } from './text.rules.js';

/** The stable column order; the README documents each. */
export const CSV_COLUMNS = [
  'name', 'city', 'region', 'country', 'latitude', 'longitude', 'desks', 'website', 'day_pass', 'tags',
  'description', 'hours', 'contact', 'accessibility', 'hosts', 'status', 'joined_at',
] as const;

type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string>;

/**
 * A file to import. `headers` are the header namings it may use besides the column ids (the Discord layer passes
 * every language's, the reader's first, which a refusal shows), so an export in French imports back as it is.
 */
export interface CsvFile {
  content: string;
  bytes: number;
  headers?: readonly ColumnName[];
}

const SNOWFLAKE = /^\d{15,21}$/;
const HOSTS_COLUMN = CSV_COLUMNS.indexOf('hosts');

export function createCsvService(deps: { repo: DirectoryRepo; gazetteer: () => Gazetteer; clock: Clock; afterImport?: () => void }) {
  const { repo, gazetteer, clock } = deps;

  /** Numbers stay numbers, so a negative coordinate is written as data and not defused like a formula. */
  function toRecord(row: SpaceRow, hosts: string[]): Record<(typeof CSV_COLUMNS)[number], CsvValue> {
    return {
      name: row.name,
      city: row.city,
      region: row.region ?? '',
      country: row.country,
      latitude: row.latitude,
      longitude: row.longitude,
      desks: row.desks,
      website: row.website ?? '',
      day_pass: row.dayPass ?? '',
      tags: row.tags.split(' ').filter(Boolean).join(','),
      description: row.description ?? '',
      hours: row.hours ?? '',
      contact: row.contact ?? '',
      accessibility: row.accessibility ?? '',
      hosts: hosts.join(' '),
      status: row.status,
      joined_at: new Date(row.approvedAt ?? row.createdAt).toISOString(),
    };
  }

  function parseCsv(text: string): string[][] {
    if (text.includes('\u0000')) throw invalid('file', msg('directory.import.binary'));
    try {
      const table = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
      return table.map((cells) => cells.map(undefuseCell));
    } catch (error) {
      // The parser's own words are English: the member reads the line and what is wrong, by the parser's code.
      const { code, lines } = error as { code?: string; lines?: number };
      const reason = code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed' : code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? 'columns' : 'quote';
      throw invalid('file', msg('directory.import.notCsv', { line: lines ?? 1, reason }));
    }
  }

  function readBody(file: CsvFile): string[][] {
    if (file.bytes > CSV_LIMITS.bytes) throw invalid('file', msg('directory.import.tooLarge'));
    // U+FFFD means the text was damaged by an earlier conversion: the original letters are gone, so refuse.
    if (file.content.includes('\uFFFD')) throw invalid('file', msg('directory.import.damaged'));
    const table = parseCsv(file.content);
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase()).join(',');
    const namings = [...(file.headers ?? []), columnId];
    if (!namings.some((name) => CSV_COLUMNS.map((c) => name(c).toLowerCase()).join(',') === header)) {
      throw invalid('file', msg('directory.import.header', { columns: CSV_COLUMNS.map(namings[0]!).join(',') }));
    }
    const body = table.slice(1);
    if (body.length === 0) throw invalid('file', msg('directory.import.noRows'));
    if (body.length > CSV_LIMITS.rows) throw invalid('file', msg('directory.import.tooManyRows', { count: body.length, limit: CSV_LIMITS.rows }));
    return body;
  }

  const num = (value: string): number | null => (value.trim() === '' ? null : Number(value.trim()));

  return {
    /** Every space as CSV; `columnName` names the header's columns (the reader's language). */
    exportCsv(actor: Actor, columnName: ColumnName = columnId): { filename: string; content: string; rows: number } {
      if (!actor.isOrganizer) throw forbidden(msg('directory.export.organizersOnly'));
      const rows = repo.all(actor.guildId);
      const hosts = repo.hostsOf(actor.guildId, rows.map((r) => r.id));
      const records = rows.map((r) => toRecord(r, hosts.get(r.id) ?? []));
      const content = writeCsv(CSV_COLUMNS.map(columnName), records.map((record) => CSV_COLUMNS.map((column) => record[column])));
      const date = clock.now().toISOString().slice(0, 10);
      return { filename: `directory-${date}.csv`, content, rows: records.length };
    },

    /** The host ids a file names (well-formed ones), so the adapter can look up which are members of the alliance. */
    hostIdsInCsv(file: CsvFile): string[] {
      const ids = new Set<string>();
      for (const cells of readBody(file)) for (const id of (cells[HOSTS_COLUMN] ?? '').split(/\s+/)) if (SNOWFLAKE.test(id)) ids.add(id);
      return [...ids];
    },

    /**
     * Validates every row, then stores all of them or none. Existing name+city pairs are updated and keep their
     * approval status; new rows come from an organizer and are approved. Hosts must be in `members` (the alliance's
     * members among the file's hosts, looked up by the adapter).
     */
    importCsv(actor: Actor, file: CsvFile, members: ReadonlySet<string>): { created: number; updated: number } {
      if (!actor.isOrganizer) throw forbidden(msg('directory.import.organizersOnly'));
      const body = readBody(file);

      const problems: FieldProblem[] = [];
      const seen = new Map<string, number>();
      const valid: { record: CsvRecord; checked: Exclude<ReturnType<typeof checkProfile>, FieldProblem[]>; hosts: string[]; joinedAt: number | null }[] = [];
      body.forEach((cells, index) => {
        const line = index + 2;
        const prefix = `row ${line} `;
        const record = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i] ?? ''])) as CsvRecord;
        const rowProblems: FieldProblem[] = [];
        const numbers = { latitude: num(record.latitude), longitude: num(record.longitude), desks: num(record.desks) };
        for (const [key, value] of Object.entries(numbers)) {
          if (value !== null && !Number.isFinite(value)) rowProblems.push(problem(`${prefix}${key}`, msg('directory.import.notNumber', { field: `${prefix}${key}` })));
        }
        const hosts = record.hosts.split(/\s+/).filter(Boolean);
        const badHost = hosts.find((h) => !SNOWFLAKE.test(h));
        if (badHost) rowProblems.push(problem(`${prefix}hosts`, msg('directory.import.badHost', { field: `${prefix}hosts`, host: badHost.slice(0, 30) })));
        const stranger = badHost ? undefined : hosts.find((h) => !members.has(h));
        if (stranger) rowProblems.push(problem(`${prefix}hosts`, msg('directory.import.stranger', { field: `${prefix}hosts`, host: stranger })));
        const joinedAt = record.joined_at.trim() ? Date.parse(record.joined_at) : null;
        if (joinedAt !== null && Number.isNaN(joinedAt)) rowProblems.push(problem(`${prefix}joined_at`, msg('directory.import.badDate', { field: `${prefix}joined_at` })));
        if (record.status && !['pending', 'approved'].includes(record.status)) {
          rowProblems.push(problem(`${prefix}status`, msg('directory.import.badStatus', { field: `${prefix}status` })));
        }
        const checked = rowProblems.length
          ? rowProblems
          : checkProfile(
              gazetteer(),
              {
                name: record.name,
                city: record.region ? `${record.city}, ${record.region}` : record.city,
                country: record.country,
                region: record.region,
                desks: numbers.desks,
                website: record.website,
                dayPass: record.day_pass,
                tags: record.tags,
                latitude: numbers.latitude,
                longitude: numbers.longitude,
                description: record.description,
                hours: record.hours,
                contact: record.contact,
                accessibility: record.accessibility,
              },
              prefix,
            );
        if (Array.isArray(checked)) return void problems.push(...checked);
        const key = `${checked.place.cityKey}\u0000${foldKey(checked.fields.name)}`;
        const first = seen.get(key);
        if (first) return void problems.push(problem(`${prefix}name`, msg('directory.import.repeats', { field: `${prefix}name`, row: first })));
        seen.set(key, line);
        valid.push({ record, checked, hosts, joinedAt });
      });
      if (problems.length) {
        const shown = problems.slice(0, CSV_LIMITS.reportedProblems);
        const more = problems.length - shown.length;
        if (more > 0) shown.push(problem('file', msg('directory.import.moreProblems', { count: more })));
        throw new DomainError('invalid', msg('directory.import.nothingImported', { count: problems.length }), shown);
      }

      const at = clock.now().getTime();
      let created = 0;
      let updated = 0;
      repo.transaction(() => {
        for (const { checked, hosts, joinedAt } of valid) {
          const { fields, tags, place } = checked;
          const values = { ...profileColumns(fields), ...place, updatedAt: at };
          const existing = repo.findByNameInCity(actor.guildId, place.cityKey, values.nameKey);
          if (existing) {
            // An export lists pending spaces too: importing it back must not approve them behind the organizers' backs.
            repo.update(actor.guildId, existing.id, values, tags);
            if (hosts.length) {
              for (const old of repo.hosts(actor.guildId, existing.id)) if (!hosts.includes(old)) repo.removeHost(actor.guildId, existing.id, old);
              for (const userId of hosts) repo.addHost(actor.guildId, existing.id, userId, at);
            }
            updated++;
          } else {
            repo.insert(
              { guildId: actor.guildId, ...values, status: 'approved', createdBy: actor.userId, createdAt: at, approvedAt: joinedAt ?? at, approvedBy: actor.userId },
              tags,
              hosts.length ? hosts : [actor.userId],
            );
            created++;
          }
        }
      });
      deps.afterImport?.();
      return { created, updated };
    },
  };
}

export type CsvService = ReturnType<typeof createCsvService>;
