// The language each member last used skill-share in, per alliance: one row per (guild, member).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { skillMemberLanguages } from '../db/schema/index.js';

export function createMemberLanguagesRepo(db: Db) {
  const where = (guildId: string, userId: string) => and(eq(skillMemberLanguages.guildId, guildId), eq(skillMemberLanguages.userId, userId));
  return {
    get(guildId: string, userId: string): string | null {
      return db.select({ language: skillMemberLanguages.language }).from(skillMemberLanguages).where(where(guildId, userId)).get()?.language ?? null;
    },
    save(row: typeof skillMemberLanguages.$inferInsert): void {
      db.insert(skillMemberLanguages)
        .values(row)
        .onConflictDoUpdate({ target: [skillMemberLanguages.guildId, skillMemberLanguages.userId], set: { language: row.language, updatedAt: row.updatedAt } })
        .run();
    },
    forget(guildId: string, userId: string): void {
      db.delete(skillMemberLanguages).where(where(guildId, userId)).run();
    },
  };
}
