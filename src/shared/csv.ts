// The one CSV writer for every export (and its inverse for imports): RFC 4180 quoting, formula cells defused.
import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula when it opens the file; also one whose formula start comes after
 * apostrophes someone typed: it gets one more, so import can always take exactly one off.
 */
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Names a column in a file's header row. Exports take one so the header reads in the language of the member who
 * asked (the Discord layer passes it); values stay machine-friendly. By default a column is named by its id.
 */
export type ColumnName = (column: string) => string;

export const columnId: ColumnName = (column) => column;

/** Text cells that would start a formula get a leading apostrophe, so "=HYPERLINK(...)" stays text. */
export function defuseCell(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/**
 * Undoes defuseCell on an imported cell: the first apostrophe before a formula start is ours. "'abc" (no formula
 * start after the apostrophes) was never prefixed and is kept as typed, so export → import round-trips exactly.
 */
export function undefuseCell(text: string): string {
  return text.startsWith("'") && NEEDS_PREFIX.test(text.slice(1)) ? text.slice(1) : text;
}

/** Rows as CSV text; numbers and booleans are written as they are (a negative number is data, not a formula). */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([[...header], ...rows.map((row) => [...row])], {
    record_delimiter: '\r\n',
    // A lone line feed or carriage return inside a cell must be quoted too, or spreadsheets split the row.
    quoted_match: /[\r\n]/,
    cast: {
      string: (value) => defuseCell(value),
      boolean: (value) => String(value),
      number: (value) => String(value),
    },
  });
}
