// Prepared statements are reused by SQL text through the statement cache drizzle is given: a reused one answers as
// a fresh one would, whichever way drizzle last read it (objects or raw arrays), and one busy in an iteration is not
// handed out again.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alliances } from '../../src/db/schema/index.js';
import { freshDb } from '../support/db.js';

describe('prepared statement reuse', () => {
  it('hands out the same statement for the same SQL text', () => {
    const { statements } = freshDb();
    expect(statements.prepare('SELECT 1 AS one')).toBe(statements.prepare('SELECT 1 AS one'));
  });

  it("drizzle's queries reuse their statements: the same query run again prepares nothing new", () => {
    const { db, statements } = freshDb();
    db.insert(alliances).values({ guildId: '1' }).run();
    const lookup = (id: string) => db.select({ guildId: alliances.guildId }).from(alliances).where(sql`guild_id = ${id}`).all();
    const start = statements.prepared;
    lookup('1');
    // The first run prepared its statement through the cache; the runs after it prepare nothing.
    expect(statements.prepared).toBe(start + 1);
    const before = statements.prepared;
    expect([lookup('1'), lookup('2'), lookup('1')]).toEqual([[{ guildId: '1' }], [], [{ guildId: '1' }]]);
    expect(statements.prepared).toBe(before);
  });

  it('leaves the raw connection as better-sqlite3 made it', () => {
    const { sqlite } = freshDb();
    expect(sqlite.prepare('SELECT 1 AS one')).not.toBe(sqlite.prepare('SELECT 1 AS one'));
  });

  it('returns objects again after drizzle read the statement as raw arrays', () => {
    const { db, statements } = freshDb();
    db.insert(alliances).values({ guildId: '1' }).run();
    // A drizzle select reads rows as arrays (raw mode) from the prepared statement.
    const text = db.select({ guildId: alliances.guildId }).from(alliances).toSQL().sql;
    expect(db.select({ guildId: alliances.guildId }).from(alliances).all()).toEqual([{ guildId: '1' }]);
    expect(statements.prepare(text).all()).toEqual([{ guild_id: '1' }]);
  });

  it('prepares a second statement while the first is busy iterating', () => {
    const { statements } = freshDb();
    const text = 'SELECT value FROM json_each(?)';
    const seen: number[] = [];
    for (const row of statements.prepare(text).iterate('[1,2]') as Iterable<{ value: number }>) {
      seen.push(row.value, ...(statements.prepare(text).all('[10]') as { value: number }[]).map((r) => r.value));
    }
    expect(seen).toEqual([1, 10, 2, 10]);
  });

  it('still runs drizzle queries with different parameters correctly', () => {
    const { db } = freshDb();
    db.insert(alliances).values([{ guildId: '1' }, { guildId: '2' }]).run();
    const ids = ['1', '2', '3'].map((id) => db.all<{ n: number }>(sql`SELECT count(*) AS n FROM alliances WHERE guild_id = ${id}`)[0]!.n);
    expect(ids).toEqual([1, 1, 0]);
  });
});
