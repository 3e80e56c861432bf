// Every row that names a member, found from the schema itself: a feature that adds a table with a person column
// (user_id, author_id, …_by) is in the member's export without anyone remembering to add it here.
import { and, eq, getTableColumns, is, or } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open.js';
import * as schema from '../db/schema/index.js';

/** SQL column names that hold a member's user id (voter_key holds one when members vote in person). */
export const PERSON_COLUMN = /(^|_)(user_id|author_id|owner_id|requester_id|target_id|presenter_id|voter_key)$|_by$/;

/** What a kept record says instead of a deleted member's id where a value is required (Discord shows "unknown user"). */
export const FORMER_MEMBER = '0';

export interface PersonTable {
  name: string;
  table: SQLiteTable;
  guild: SQLiteColumn;
  people: SQLiteColumn[];
}

/** Tables with a guild_id and at least one person column. */
export function personTables(): PersonTable[] {
  const found: PersonTable[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    const guild = config.columns.find((column) => column.name === 'guild_id');
    const people = config.columns.filter((column) => PERSON_COLUMN.test(column.name));
    if (guild && people.length > 0) found.push({ name: config.name, table: value, guild, people });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export function createMemberRowsRepo(db: Db) {
  const tables = personTables();
  return {
    /** Table name → the rows of one alliance that name the member (tables without any are left out). */
    rowsOf(guildId: string, userId: string): Record<string, Record<string, unknown>[]> {
      const result: Record<string, Record<string, unknown>[]> = {};
      for (const { name, table, guild, people } of tables) {
        const rows = db
          .select()
          .from(table)
          .where(and(eq(guild, guildId), or(...people.map((column) => eq(column, userId)))))
          .all() as Record<string, unknown>[];
        if (rows.length > 0) result[name] = rows;
      }
      return result;
    },

    /** True when a row names the member through a column other than the `kept` ones (`table.column` names). */
    hasPersonalRows(guildId: string, userId: string, kept: ReadonlySet<string>): boolean {
      for (const { name, table, guild, people } of tables) {
        const personal = people.filter((column) => !kept.has(`${name}.${column.name}`));
        if (personal.length === 0) continue;
        const row = db
          .select({ guild })
          .from(table)
          .where(and(eq(guild, guildId), or(...personal.map((column) => eq(column, userId)))))
          .limit(1)
          .get();
        if (row) return true;
      }
      return false;
    },

    /**
     * Replaces the member's id in the listed `table.column`s (records kept on purpose) by nothing: NULL where the
     * column allows it, FORMER_MEMBER where it does not. Returns `table.column` → rows changed.
     */
    anonymize(guildId: string, userId: string, columns: ReadonlySet<string>): Record<string, number> {
      const changed: Record<string, number> = {};
      for (const { name, table, guild, people } of tables) {
        for (const column of people) {
          if (!columns.has(`${name}.${column.name}`)) continue;
          const key = Object.entries(getTableColumns(table)).find(([, c]) => c === column)![0];
          const n = db
            .update(table)
            .set({ [key]: column.notNull ? FORMER_MEMBER : null })
            .where(and(eq(guild, guildId), eq(column, userId)))
            .run().changes;
          if (n > 0) changed[`${name}.${column.name}`] = n;
        }
      }
      return changed;
    },
  };
}

export type MemberRowsRepo = ReturnType<typeof createMemberRowsRepo>;
