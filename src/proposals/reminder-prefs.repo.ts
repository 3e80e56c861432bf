// Who asked to be reminded before proposal deadlines (/proposal reminders on|off); scoped by guild.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { proposalReminderPrefs } from '../db/schema/index.js';
import { chunks } from '../shared/chunks.js';

export function createReminderPrefsRepo(db: Db) {
  return {
    reminderPref(guildId: string, userId: string): boolean {
      return (
        db
          .select()
          .from(proposalReminderPrefs)
          .where(and(eq(proposalReminderPrefs.guildId, guildId), eq(proposalReminderPrefs.userId, userId)))
          .get()?.enabled ?? false
      );
    },

    setReminderPref(guildId: string, userId: string, enabled: boolean): void {
      db.insert(proposalReminderPrefs)
        .values({ guildId, userId, enabled })
        .onConflictDoUpdate({ target: [proposalReminderPrefs.guildId, proposalReminderPrefs.userId], set: { enabled } })
        .run();
    },

    usersWithReminders(guildId: string, userIds: string[]): Set<string> {
      const found = new Set<string>();
      for (const part of chunks(userIds)) {
        db.select({ userId: proposalReminderPrefs.userId })
          .from(proposalReminderPrefs)
          .where(and(eq(proposalReminderPrefs.guildId, guildId), eq(proposalReminderPrefs.enabled, true), inArray(proposalReminderPrefs.userId, part)))
          .all()
          .forEach((r) => found.add(r.userId));
      }
      return found;
    },
  };
}
