// Prepared statements are reused by SQL text: a reused one answers as a fresh one would, whichever way drizzle
// last read it (objects or raw arrays), and one busy in an iteration is not handed out again.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alliances } from '../../src/db/schema/index.js';
import { freshDb } from '../support/db.js';

describe('prepared statement reuse', () => {
  it('hands out the same statement for the same SQL text', () => {
    const { sqlite } = freshDb();
    expect(sqlite.prepare('SELECT 1 AS one')).toBe(sqlite.prepare('SELECT 1 AS one'));
  });

  it('returns objects again after drizzle read the statement as raw arrays', () => {
    const { db, sqlite } = freshDb();
    db.insert(alliances).values({ guildId: '1' }).run();
    // A drizzle select reads rows as arrays (raw mode) from the prepared statement.
    const text = db.select({ guildId: alliances.guildId }).from(alliances).toSQL().sql;
    expect(db.select({ guildId: alliances.guildId }).from(alliances).all()).toEqual([{ guildId: '1' }]);
    expect(sqlite.prepare(text).all()).toEqual([{ guild_id: '1' }]);
  });

  it('prepares a second statement while the first is busy iterating', () => {
    const { sqlite } = freshDb();
    const text = 'SELECT value FROM json_each(?)';
    const seen: number[] = [];
    for (const row of sqlite.prepare(text).iterate('[1,2]') as Iterable<{ value: number }>) {
      seen.push(row.value, ...(sqlite.prepare(text).all('[10]') as { value: number }[]).map((r) => r.value));
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
