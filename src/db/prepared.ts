// Statement reuse a caller asks for: drizzle prepared queries kept per shape, and raw SQL statements kept by text.
import type { RunResult } from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { createRecentMap } from '../shared/recent-map.js';
import type { Db } from './open.js';

/**
 * Drizzle prepares a statement on every call of a query built on the spot (~30 µs, a sixth of a directory search's
 * CPU); a query built once with `sql.placeholder`s and `.prepare()` is prepared once. A query whose SQL text changes
 * with its filters (a search with or without a tag, a country, a number of words) has one such prepared query per
 * shape: `build(shape)` makes it with every value a placeholder, `key(shape)` names what changes the SQL text (never
 * a value, or every value would be a new statement). The least recently used shape goes first past `max`.
 */
export function preparedPerShape<S, Q>(key: (shape: S) => string, build: (shape: S) => Q, max = 64): (shape: S) => Q {
  const kept = createRecentMap<string, Q>(max);
  return (shape) => {
    const name = key(shape);
    return kept.get(name) ?? kept.set(name, build(shape));
  };
}

/** Statements for raw SQL (drizzle's `sql` templates), kept by their SQL text: see createSqlStatements. */
export interface SqlStatements {
  all<Row>(query: SQL): Row[];
  /** Rows as arrays of their columns, in the SELECT's order: no object built per row by the driver (see createSqlStatements). */
  rows(query: SQL): unknown[][];
  get<Row>(query: SQL): Row | undefined;
  run(query: SQL): RunResult;
}

const dialect = new SQLiteSyncDialect();

/**
 * For a repo's raw SQL whose text changes with its input (a search's filters, an IN list's length): what `db.all`,
 * `db.get` and `db.run` do, except that each SQL text is prepared once and its statement kept, so a reader sees at
 * the call site which queries are reused. Values stay bound parameters, never part of the text. Statements are only
 * ever run whole (never iterated), so a kept one is free whenever it is asked for. Least recently used goes first
 * past `max`.
 */
export function createSqlStatements(db: Db, max = 200): SqlStatements {
  const statement = preparedPerShape((text: string) => text, (text) => db.$client.prepare(text), max);
  // A row object is built by the driver one property at a time (~0.25 µs a row of three columns, a third of reading
  // a row of the R*Tree): a query returning many small rows asks for arrays, kept as statements of their own.
  const arrays = preparedPerShape((text: string) => text, (text) => db.$client.prepare(text).raw(true), max);
  const bound = (query: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return { statement: statement(text), params };
  };
  return {
    rows(query: SQL): unknown[][] {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return arrays(text).all(...params) as unknown[][];
    },
    all<Row>(query: SQL): Row[] {
      const { statement, params } = bound(query);
      return statement.all(...params) as Row[];
    },
    get<Row>(query: SQL): Row | undefined {
      const { statement, params } = bound(query);
      return statement.get(...params) as Row | undefined;
    },
    run(query: SQL): RunResult {
      const { statement, params } = bound(query);
      return statement.run(...params);
    },
  };
}
