// What the directory's full-text index knows about its own words, read from FTS5's tables and remembered until the
// index changes: the words a typed prefix stands for, how many documents hold a word (in all, and in each column), and
// how many spaces it holds. The search plans from these counts (search-plan.rules.ts) and skips the relevance tiers
// they rule out (tierCanMatch in fts-query.rules.ts).
import { sql } from 'drizzle-orm';
import type { SqlStatements } from '../db/prepared.js';
import type { ColumnDocs } from './fts-query.rules.js';

/** More words than this under one prefix: the prefix stays a prefix term (see wholeWords in directory-search.repo.ts). */
export const MAX_WORDS_PER_PREFIX = 8;

export interface IndexWord {
  term: string;
  /** Documents holding it (every alliance, approved or not). */
  docs: number;
}

export function createFtsVocabulary(statements: SqlStatements) {
  /**
   * The vocabulary table counts the documents of every word it returns by reading the word's whole doclist: 0.7 ms
   * for "coffee" at 100,000 spaces, on every search that ends in it. FTS5 rewrites its structure record (one row,
   * id 10 of the _data table) whenever a write adds or merges a segment, this process's or another's, so equal bytes
   * mean an unchanged vocabulary and unchanged counts.
   */
  const empty = (structure: Buffer | null) => ({
    structure, prefixes: new Map<string, IndexWord[]>(), docs: new Map<string, number>(), columns: new Map<string, ColumnDocs>(), rows: null as number | null,
  });
  let known = empty(null);
  function current() {
    const structure = statements.get<{ block: Buffer }>(sql`SELECT block FROM spaces_fts_data WHERE id = 10`)?.block ?? null;
    if (!structure || !known.structure?.equals(structure)) known = empty(structure);
    // Typed prefixes and words are few; a bound keeps odd input from growing the maps between writes.
    if (known.prefixes.size + known.docs.size + known.columns.size >= 2000) {
      known.prefixes.clear();
      known.docs.clear();
      known.columns.clear();
    }
    return known;
  }

  /** The index as it stands (one read of its structure record): for one search, not longer. */
  return function read() {
    const now = current();
    return {
      /** The index's words that start with `prefix` (at most MAX_WORDS_PER_PREFIX + 1), with their documents. */
      wordsStartingWith(prefix: string): IndexWord[] {
        const found = now.prefixes.get(prefix);
        if (found) return found;
        const words = statements.all<IndexWord>(
          sql`SELECT term, doc AS docs FROM spaces_fts_terms WHERE term >= ${prefix} AND term < ${`${prefix}\uffff`} LIMIT ${MAX_WORDS_PER_PREFIX + 1}`,
        );
        now.prefixes.set(prefix, words);
        return words;
      },

      /** Documents holding exactly this word (0 when none). */
      docs(term: string): number {
        const found = now.docs.get(term);
        if (found !== undefined) return found;
        const docs = statements.get<{ docs: number }>(sql`SELECT doc AS docs FROM spaces_fts_terms WHERE term = ${term}`)?.docs ?? 0;
        now.docs.set(term, docs);
        return docs;
      },

      /**
       * Documents holding exactly this word in each column (drizzle/0026; a column it is never in is absent). Read as
       * the row counts are, from the word's whole doclist, once until the index changes.
       */
      columns(term: string): ColumnDocs {
        const found = now.columns.get(term);
        if (found) return found;
        const rows = statements.all<{ col: string; docs: number }>(sql`SELECT col, doc AS docs FROM spaces_fts_columns WHERE term = ${term}`);
        const columns: ColumnDocs = Object.fromEntries(rows.map((row) => [row.col, row.docs]));
        now.columns.set(term, columns);
        return columns;
      },

      /**
       * Approved spaces of every alliance, as triggers count them (drizzle/0025; pending ones are few): what the
       * index holds. FTS5's own row count is no use here: a contentless index never lowers it on a delete.
       */
      rows(): number {
        now.rows ??= statements.get<{ n: number }>(sql`SELECT total(approved) AS n FROM directory_versions`)?.n ?? 0;
        return now.rows;
      },
    };
  };
}

export type IndexCounts = ReturnType<ReturnType<typeof createFtsVocabulary>>;
