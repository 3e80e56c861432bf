// /privacy delete leaves no trace, proven from the schema itself: every column that can hold a member id (found by
// reading src/db/schema, so a table another branch adds later is covered without editing this test) gets a row
// naming the member; the export must include each, and after the deletion no column holds the id any more (rows
// deleted, or the id replaced in the records kept on purpose, KEPT_ATTRIBUTION).
import { getTableColumns, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/db/schema/index.js';
import { PERSON_COLUMN } from '../../../src/privacy/member-rows.repo.js';
import { KEPT_ATTRIBUTION } from '../../../src/privacy/privacy.service.js';
import { actor, GUILD, MARCUS, OTHER_GUILD, setup } from '../meetings/harness.js';

/** Names that suggest a person, deliberately wider than the code's PERSON_COLUMN so a miss there shows up here. */
const LOOKS_PERSONAL = /(user|author|owner|member|host|voter|requester|target|presenter|payer|person|creator|organizer|caster)|_by$/;
/** Ids of other kinds of things, and columns that only look personal. */
const NOT_A_PERSON = /_(role|channel|message|event|guild|thread|space|entry|proposal|idea|meeting|item)_id$/;
const NOT_PEOPLE = new Set([
  'skill_intros.target_offers', 'skill_intros.requester_offers', 'priorities.target_date', 'decision_rules.voters', 'proposals.voters',
]);

interface PersonColumn { table: SQLiteTable; tableName: string; column: SQLiteColumn; key: string }

function memberColumns(): PersonColumn[] {
  const found: PersonColumn[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const { name: tableName } = getTableConfig(value);
    for (const [key, column] of Object.entries(getTableColumns(value))) {
      const id = `${tableName}.${column.name}`;
      if (column.getSQLType() !== 'text' || !LOOKS_PERSONAL.test(column.name) || NOT_A_PERSON.test(column.name) || NOT_PEOPLE.has(id)) continue;
      found.push({ table: value, tableName, column, key });
    }
  }
  return found;
}

/**
 * A row for `table` naming the member in every person column, every other required column filled by type, and the
 * rows it references (foreign keys) inserted first, so each feature's forget verb finds what it would in real life.
 */
function insertRow(sqlite: ReturnType<typeof setup>['sqlite'], table: SQLiteTable, guildId: string, userId: string, counter: { n: number }): Record<string, unknown> {
  const { name, columns, foreignKeys } = getTableConfig(table);
  const n = ++counter.n;
  const values: Record<string, unknown> = {};
  for (const fk of foreignKeys) {
    const ref = fk.reference();
    const parent = insertRow(sqlite, ref.foreignTable, guildId, userId, counter);
    ref.columns.forEach((column, i) => (values[column.name] = parent[ref.foreignColumns[i]!.name]));
  }
  for (const column of columns) {
    if (column.name in values) continue;
    if (column.name === 'guild_id') values[column.name] = guildId;
    else if (column.getSQLType() === 'text' && LOOKS_PERSONAL.test(column.name) && !NOT_A_PERSON.test(column.name) && !NOT_PEOPLE.has(`${name}.${column.name}`)) values[column.name] = userId;
    else if (column.notNull || column.primary) {
      const type = column.getSQLType();
      values[column.name] = type === 'integer' || type === 'real' ? 900_000 + n : type === 'blob' ? Buffer.alloc(0) : column.columnType === 'SQLiteTextJson' ? '{}' : `x${n}`;
    }
  }
  const names = Object.keys(values);
  sqlite.prepare(`INSERT INTO "${name}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(values));
  COMPANIONS[name]?.(sqlite, values);
  return values;
}

/**
 * Rows that never exist alone: a ballot is the projection of a vote in the event log, so a ballot naming the member
 * comes with the vote that cast it (the forget verb finds ballots through the log, as in real life).
 */
const COMPANIONS: Record<string, (sqlite: ReturnType<typeof setup>['sqlite'], row: Record<string, unknown>) => void> = {
  proposal_ballots: (sqlite, row) =>
    sqlite
      .prepare('INSERT INTO proposal_votes (id, guild_id, proposal_id, voter_key, user_id, choice, source, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row['event_id'], row['guild_id'], row['proposal_id'], row['voter_key'], row['user_id'], 'yes', 'reaction', row['at']),
};

describe('privacy: no trace of a deleted member, from the schema', () => {
  const columns = memberColumns();

  it('finds the person columns of every feature, and the export recognises every one of them', () => {
    const names = columns.map((c) => `${c.tableName}.${c.column.name}`);
    expect(names).toEqual(expect.arrayContaining(['skill_entries.user_id', 'spaces.created_by', 'decision_rules.updated_by', 'proposal_votes.voter_key', 'coworking_day_events.host_user_id']));
    expect(names.filter((name) => !PERSON_COLUMN.test(name.split('.')[1]!))).toEqual([]);
  });

  it('exports every column that names the member, and after /privacy delete none still holds their id', () => {
    const t = setup();
    const counter = { n: 0 };
    for (const table of new Set(columns.map((c) => c.table))) {
      insertRow(t.sqlite, table, GUILD, MARCUS, counter);
      insertRow(t.sqlite, table, OTHER_GUILD, MARCUS, counter);
    }

    const exported = t.services.privacy.export(actor(MARCUS)).data;
    const missing = columns.filter((c) => !(exported[c.tableName] ?? []).some((row) => row[c.key] === MARCUS));
    expect(missing.map((c) => `${c.tableName}.${c.column.name}`)).toEqual([]);

    t.services.privacy.delete(actor(MARCUS));
    const holding = (guildId: string) =>
      columns
        .filter((c) => (t.sqlite.prepare(`SELECT count(*) AS n FROM "${c.tableName}" WHERE guild_id = ? AND "${c.column.name}" = ?`).get(guildId, MARCUS) as { n: number }).n > 0)
        .map((c) => `${c.tableName}.${c.column.name}`);
    expect(holding(GUILD)).toEqual([]);
    // The same member in another alliance keeps everything.
    expect(holding(OTHER_GUILD)).toEqual(columns.map((c) => `${c.tableName}.${c.column.name}`));
  });

  it('every record kept on purpose is a real person column (the list in docs/reliability.md stays true)', () => {
    const names = new Set(columns.map((c) => `${c.tableName}.${c.column.name}`));
    expect([...KEPT_ATTRIBUTION].filter((name) => !names.has(name))).toEqual([]);
  });
});
