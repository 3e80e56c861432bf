// Queries over action items and reminder opt-outs; every query scoped by guild.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { actionItems, actionReminderOptOuts } from '../db/schema/index.js';

export type ActionItemRow = typeof actionItems.$inferSelect;

export function createActionsRepo(db: Db) {
  // A named object, not `this`: a method handed around on its own still reaches its siblings.
  const repo = {
    insert(values: Omit<typeof actionItems.$inferInsert, 'id'>): ActionItemRow {
      return db.insert(actionItems).values(values).returning().get();
    },

    get(guildId: string, id: number): ActionItemRow | null {
      return db.select().from(actionItems).where(and(eq(actionItems.guildId, guildId), eq(actionItems.id, id))).get() ?? null;
    },

    forItem(guildId: string, agendaItemId: number): ActionItemRow[] {
      return db
        .select()
        .from(actionItems)
        .where(and(eq(actionItems.guildId, guildId), eq(actionItems.agendaItemId, agendaItemId)))
        .orderBy(asc(actionItems.id))
        .all();
    },

    /** Open actions, earliest due first; only one owner's when `ownerId` is given. */
    open(guildId: string, ownerId?: string): ActionItemRow[] {
      const where = ownerId
        ? and(eq(actionItems.guildId, guildId), eq(actionItems.status, 'open'), eq(actionItems.ownerId, ownerId))
        : and(eq(actionItems.guildId, guildId), eq(actionItems.status, 'open'));
      return db.select().from(actionItems).where(where).orderBy(asc(actionItems.dueDate), asc(actionItems.id)).all();
    },

    complete(guildId: string, id: number, now: number): void {
      db.update(actionItems)
        .set({ status: 'done', doneAt: now })
        .where(and(eq(actionItems.guildId, guildId), eq(actionItems.id, id)))
        .run();
    },

    remindersOff(guildId: string, userId: string): boolean {
      return !!db
        .select()
        .from(actionReminderOptOuts)
        .where(and(eq(actionReminderOptOuts.guildId, guildId), eq(actionReminderOptOuts.userId, userId)))
        .get();
    },

    setReminders(guildId: string, userId: string, on: boolean, now: number): void {
      if (on) {
        db.delete(actionReminderOptOuts)
          .where(and(eq(actionReminderOptOuts.guildId, guildId), eq(actionReminderOptOuts.userId, userId)))
          .run();
      } else {
        db.insert(actionReminderOptOuts).values({ guildId, userId, createdAt: now }).onConflictDoNothing().run();
      }
    },

    /** Deletes a member's actions and opt-out (privacy); returns the ids of the deleted actions. */
    forgetMember(guildId: string, userId: string): number[] {
      const ids = db
        .delete(actionItems)
        .where(and(eq(actionItems.guildId, guildId), eq(actionItems.ownerId, userId)))
        .returning({ id: actionItems.id })
        .all()
        .map((row) => row.id);
      repo.setReminders(guildId, userId, true, 0);
      return ids;
    },
  };
  return repo;
}

export type ActionsRepo = ReturnType<typeof createActionsRepo>;
