// Queries for the rhythm feature, always scoped by guild: settings (with the note), update history, hosted
// Coworking Day events.
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { coworkingDayEvents, monthlyUpdates, rhythmSettings } from '../db/schema/index.js';

export type RhythmSettingsRow = typeof rhythmSettings.$inferSelect;
export type RhythmSettingsPatch = Partial<Omit<RhythmSettingsRow, 'guildId' | 'updatedAt'>>;
export type MonthlyUpdateRow = typeof monthlyUpdates.$inferSelect;
export type NewMonthlyUpdate = Omit<typeof monthlyUpdates.$inferInsert, 'id'>;
export type CoworkingDayEventRow = typeof coworkingDayEvents.$inferSelect;
export type NewCoworkingDayEvent = Omit<typeof coworkingDayEvents.$inferInsert, 'id'>;

export function createRhythmRepo(db: Db) {
  // The public page's archive, update pages and events.ics read these on every request: built once.
  const archivedStatement = db
    .select()
    .from(monthlyUpdates)
    .where(and(eq(monthlyUpdates.guildId, sql.placeholder('guildId')), isNotNull(monthlyUpdates.content)))
    .orderBy(desc(monthlyUpdates.postedAt), desc(monthlyUpdates.id))
    .limit(sql.placeholder('limit'))
    .prepare();
  const forPeriodStatement = db
    .select()
    .from(monthlyUpdates)
    .where(and(eq(monthlyUpdates.guildId, sql.placeholder('guildId')), eq(monthlyUpdates.period, sql.placeholder('period'))))
    .orderBy(asc(monthlyUpdates.postedAt))
    .prepare();
  const eventsStatement = db
    .select()
    .from(coworkingDayEvents)
    .where(and(eq(coworkingDayEvents.guildId, sql.placeholder('guildId')), eq(coworkingDayEvents.year, sql.placeholder('year'))))
    .orderBy(asc(coworkingDayEvents.startsAt), asc(coworkingDayEvents.id))
    .prepare();
  return {
    settings(guildId: string): RhythmSettingsRow | null {
      return db.select().from(rhythmSettings).where(eq(rhythmSettings.guildId, guildId)).get() ?? null;
    },

    saveSettings(guildId: string, patch: RhythmSettingsPatch, now: number): RhythmSettingsRow {
      return db
        .insert(rhythmSettings)
        .values({ guildId, ...patch, updatedAt: now })
        .onConflictDoUpdate({ target: rhythmSettings.guildId, set: { ...patch, updatedAt: now } })
        .returning()
        .get();
    },

    /**
     * Records a posted update and clears the note it carried, in one transaction. The note is cleared only if it
     * is still the one that was posted (an organizer may have written a new one meanwhile). Returns false when
     * this post was already recorded (a re-run after a crash).
     */
    recordUpdate(update: NewMonthlyUpdate, postedNoteAt: number | null): boolean {
      return db.transaction((tx) => {
        const inserted = tx
          .insert(monthlyUpdates)
          .values(update)
          .onConflictDoNothing({ target: [monthlyUpdates.guildId, monthlyUpdates.postKey] })
          .run();
        if (inserted.changes === 0) return false;
        if (postedNoteAt !== null) {
          tx.update(rhythmSettings)
            .set({ note: null, noteBy: null, noteAt: null })
            .where(and(eq(rhythmSettings.guildId, update.guildId), eq(rhythmSettings.noteAt, postedNoteAt)))
            .run();
        }
        return true;
      });
    },

    updateByKey(guildId: string, postKey: string): MonthlyUpdateRow | null {
      return (
        db
          .select()
          .from(monthlyUpdates)
          .where(and(eq(monthlyUpdates.guildId, guildId), eq(monthlyUpdates.postKey, postKey)))
          .get() ?? null
      );
    },

    updatesForPeriod(guildId: string, period: string): MonthlyUpdateRow[] {
      return forPeriodStatement.all({ guildId, period });
    },

    history(guildId: string, limit: number): MonthlyUpdateRow[] {
      return db
        .select()
        .from(monthlyUpdates)
        .where(eq(monthlyUpdates.guildId, guildId))
        .orderBy(desc(monthlyUpdates.postedAt), desc(monthlyUpdates.id))
        .limit(limit)
        .all();
    },

    addEvent(event: NewCoworkingDayEvent): CoworkingDayEventRow {
      return db.insert(coworkingDayEvents).values(event).returning().get();
    },

    eventAt(guildId: string, spaceId: number, startsAt: number): CoworkingDayEventRow | null {
      return (
        db
          .select()
          .from(coworkingDayEvents)
          .where(
            and(
              eq(coworkingDayEvents.guildId, guildId),
              eq(coworkingDayEvents.spaceId, spaceId),
              eq(coworkingDayEvents.startsAt, startsAt),
            ),
          )
          .get() ?? null
      );
    },

    /** Privacy: the coworking-day events a member registered as host. Returns how many. */
    forgetHost(guildId: string, userId: string): number {
      return db
        .delete(coworkingDayEvents)
        .where(and(eq(coworkingDayEvents.guildId, guildId), eq(coworkingDayEvents.hostUserId, userId)))
        .run().changes;
    },

    /** Posted updates that kept their content (the public archive), newest first. */
    archived(guildId: string, limit: number): MonthlyUpdateRow[] {
      return archivedStatement.all({ guildId, limit });
    },

    events(guildId: string, year: number): CoworkingDayEventRow[] {
      return eventsStatement.all({ guildId, year });
    },
  };
}

export type RhythmRepo = ReturnType<typeof createRhythmRepo>;
