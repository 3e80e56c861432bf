// Statement reuse is explicit: drizzle runs on the plain better-sqlite3 connection, so a query built on the spot is
// prepared on every call, one built once with `.prepare()` is prepared once, and `preparedPerShape` keeps one
// prepared query per shape of a query whose filters change its SQL text.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createSqlStatements, preparedPerShape } from '../../src/db/prepared.js';
import { alliances } from '../../src/db/schema/index.js';
import { freshDb } from '../support/db.js';
import { watchPrepares } from '../support/prepares.js';

describe('prepared statement reuse', () => {
  it('a query built on the spot prepares its statement on every call: drizzle has the plain connection', () => {
    const { db, sqlite } = freshDb();
    const prepares = watchPrepares(sqlite);
    const lookup = (id: string) => db.select({ guildId: alliances.guildId }).from(alliances).where(eq(alliances.guildId, id)).all();
    lookup('1');
    lookup('1');
    expect(prepares.take()).toHaveLength(2);
  });

  it('a query built once with placeholders prepares once, and answers each call with its own values', () => {
    const { db, sqlite } = freshDb();
    db.insert(alliances).values([{ guildId: '1' }, { guildId: '2' }]).run();
    const prepares = watchPrepares(sqlite);
    const byGuild = db.select({ guildId: alliances.guildId }).from(alliances).where(eq(alliances.guildId, sql.placeholder('id'))).prepare();
    expect(prepares.take()).toHaveLength(1);
    expect(['1', '2', '3', '1'].map((id) => byGuild.all({ id }))).toEqual([[{ guildId: '1' }], [{ guildId: '2' }], [], [{ guildId: '1' }]]);
    expect(prepares.take()).toEqual([]);
  });

  it('keeps one prepared query per shape, and drops the least recently used past its bound', () => {
    const { db, sqlite } = freshDb();
    db.insert(alliances).values([{ guildId: '1', timezone: 'Europe/Berlin' }, { guildId: '2', timezone: 'UTC' }]).run();
    const built: string[] = [];
    const lookup = preparedPerShape(
      (shape: { timezone: boolean }) => (shape.timezone ? 'tz' : 'all'),
      (shape) => {
        built.push(shape.timezone ? 'tz' : 'all');
        const byGuild = eq(alliances.guildId, sql.placeholder('id'));
        return db
          .select({ guildId: alliances.guildId })
          .from(alliances)
          .where(shape.timezone ? and(byGuild, eq(alliances.timezone, sql.placeholder('timezone'))) : byGuild)
          .prepare();
      },
      2,
    );
    const prepares = watchPrepares(sqlite);
    expect(lookup({ timezone: true }).all({ id: '1', timezone: 'Europe/Berlin' })).toEqual([{ guildId: '1' }]);
    expect(lookup({ timezone: false }).all({ id: '2' })).toEqual([{ guildId: '2' }]);
    expect(prepares.take()).toHaveLength(2);
    // Both shapes again, other values: nothing prepared anew.
    expect(lookup({ timezone: true }).all({ id: '2', timezone: 'Europe/Berlin' })).toEqual([]);
    expect(lookup({ timezone: false }).all({ id: '1' })).toEqual([{ guildId: '1' }]);
    expect(prepares.take()).toEqual([]);
    expect(built).toEqual(['tz', 'all']);
  });

  it('builds a shape again once it was dropped past the bound', () => {
    const built: string[] = [];
    const kept = preparedPerShape(
      (name: string) => name,
      (name) => {
        built.push(name);
        return { name };
      },
      2,
    );
    const a = kept('a');
    kept('b');
    expect(kept('a')).toBe(a); // a used again: b is now the oldest
    kept('c'); // past the bound: b goes
    expect(kept('a')).toBe(a);
    kept('b');
    expect(built).toEqual(['a', 'b', 'c', 'b']);
  });

  it('runs raw SQL with its values bound, preparing each SQL text once', () => {
    const { db, sqlite } = freshDb();
    db.insert(alliances).values([{ guildId: '1', timezone: 'UTC' }, { guildId: '2', timezone: 'Europe/Berlin' }]).run();
    const statements = createSqlStatements(db);
    const zoneOf = (id: string) => statements.get<{ timezone: string }>(sql`SELECT timezone FROM alliances WHERE guild_id = ${id}`)?.timezone;
    const among = (ids: string[]) => statements.all<{ id: string }>(sql`SELECT guild_id AS id FROM alliances WHERE guild_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY id`);
    const prepares = watchPrepares(sqlite);
    expect([zoneOf('1'), zoneOf('2'), zoneOf('3')]).toEqual(['UTC', 'Europe/Berlin', undefined]);
    expect([among(['2']), among(['1', '2', '9'])]).toEqual([[{ id: '2' }], [{ id: '1' }, { id: '2' }]]);
    expect(prepares.take()).toHaveLength(2);
    expect(statements.run(sql`UPDATE alliances SET idea_quota = ${7} WHERE guild_id = ${'1'}`).changes).toBe(1);
    expect(statements.run(sql`UPDATE alliances SET idea_quota = ${8} WHERE guild_id = ${'2'}`).changes).toBe(1);
    expect(prepares.take()).toHaveLength(1);
    expect(sqlite.prepare('SELECT idea_quota AS q FROM alliances ORDER BY guild_id').all()).toEqual([{ q: 7 }, { q: 8 }]);
  });

  it('reads rows as arrays or as objects from the same SQL text, each kept as its own statement', () => {
    const { db, sqlite } = freshDb();
    db.insert(alliances).values([{ guildId: '1', timezone: 'UTC' }, { guildId: '2', timezone: 'Europe/Berlin' }]).run();
    const statements = createSqlStatements(db);
    const query = () => sql`SELECT guild_id AS id, timezone FROM alliances WHERE guild_id >= ${'1'} ORDER BY guild_id`;
    const prepares = watchPrepares(sqlite);
    expect(statements.rows(query())).toEqual([['1', 'UTC'], ['2', 'Europe/Berlin']]);
    expect(statements.all(query())).toEqual([{ id: '1', timezone: 'UTC' }, { id: '2', timezone: 'Europe/Berlin' }]);
    expect(statements.rows(query())).toEqual([['1', 'UTC'], ['2', 'Europe/Berlin']]);
    expect(statements.all(query())).toEqual([{ id: '1', timezone: 'UTC' }, { id: '2', timezone: 'Europe/Berlin' }]);
    expect(prepares.take()).toHaveLength(2);
  });
});
