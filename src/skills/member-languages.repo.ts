// The language each member last used the bot in, per alliance: one row per (guild, member).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { memberLanguages } from '../db/schema/index.js';

export function createMemberLanguagesRepo(db: Db) {
  const where = (guildId: string, userId: string) => and(eq(memberLanguages.guildId, guildId), eq(memberLanguages.userId, userId));
  const ofMember = and(eq(memberLanguages.guildId, sql.placeholder('guildId')), eq(memberLanguages.userId, sql.placeholder('userId')));
  // Read and written as interactions come in (the router remembers each member's language): built once.
  const languageOf = db.select({ language: memberLanguages.language }).from(memberLanguages).where(ofMember).prepare();
  const upsert = db
    .insert(memberLanguages)
    .values({ guildId: sql.placeholder('guildId'), userId: sql.placeholder('userId'), language: sql.placeholder('language'), updatedAt: sql.placeholder('updatedAt') })
    .onConflictDoUpdate({ target: [memberLanguages.guildId, memberLanguages.userId], set: { language: sql`excluded.language`, updatedAt: sql`excluded.updated_at` } })
    .prepare();
  return {
    get(guildId: string, userId: string): string | null {
      return languageOf.get({ guildId, userId })?.language ?? null;
    },
    save(row: typeof memberLanguages.$inferInsert): void {
      upsert.run({ guildId: row.guildId, userId: row.userId, language: row.language, updatedAt: row.updatedAt });
    },
    forget(guildId: string, userId: string): void {
      db.delete(memberLanguages).where(where(guildId, userId)).run();
    },
  };
}
