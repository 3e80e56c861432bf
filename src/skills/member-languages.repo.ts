// The language each member last used the bot in, per alliance: one row per (guild, member).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { memberLanguages } from '../db/schema/index.js';

export function createMemberLanguagesRepo(db: Db) {
  const where = (guildId: string, userId: string) => and(eq(memberLanguages.guildId, guildId), eq(memberLanguages.userId, userId));
  return {
    get(guildId: string, userId: string): string | null {
      return db.select({ language: memberLanguages.language }).from(memberLanguages).where(where(guildId, userId)).get()?.language ?? null;
    },
    save(row: typeof memberLanguages.$inferInsert): void {
      db.insert(memberLanguages)
        .values(row)
        .onConflictDoUpdate({ target: [memberLanguages.guildId, memberLanguages.userId], set: { language: row.language, updatedAt: row.updatedAt } })
        .run();
    },
    forget(guildId: string, userId: string): void {
      db.delete(memberLanguages).where(where(guildId, userId)).run();
    },
  };
}
