// The header row of each CSV export in the language of the member who asked: every column by catalogue key, the
// values below stay machine-friendly (ISO dates, plain numbers, stored codes) whatever the language.
import type { Say } from '../i18n/translate.js';
import { sayIn } from '../i18n/translate.js';
import type { ColumnName } from '../shared/csv.js';
import { LANGUAGES } from '../shared/languages.js';

export const decisionsColumns = (say: Say): ColumnName => (column) => say(`decisions.csv.${column}`);
export const duesColumns = (say: Say): ColumnName => (column) => say(`dues.csv.${column}`);
export const passColumns = (say: Say): ColumnName => (column) => say(`pass.csv.${column}`);
export const directoryColumns = (say: Say): ColumnName => (column) => say(`directory.csv.${column}`);

/**
 * The header names /directory import accepts: the reader's language first (what a refusal shows), then every
 * language's, so a file exported by an organizer in French imports for one who reads Spanish.
 */
export function directoryImportHeaders(say: Say): ColumnName[] {
  return [directoryColumns(say), ...LANGUAGES.map((language) => directoryColumns(sayIn(language)))];
}
