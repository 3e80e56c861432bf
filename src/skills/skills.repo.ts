// Skill-share queries, every one scoped by guild: entries, privacy, match notices, intros, thanks,
// suggestions, and the per-guild version that tells the in-memory match index it is stale.
import { and, asc, count, desc, eq, getTableColumns, gt, gte, lt, ne, or, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import {
  skillEntries,
  skillIndexVersions,
  skillPlaceVersions,
  skillIntros,
  skillMatchNotices,
  skillPrefs,
  skillSuggestions,
  skillThanks,
  type IntroStatus,
  type SkillEntryKind,
} from '../db/schema/index.js';

export type EntryRow = typeof skillEntries.$inferSelect;
export type NewEntryRow = typeof skillEntries.$inferInsert;
export type PrefsRow = typeof skillPrefs.$inferSelect;
export type NoticeRow = typeof skillMatchNotices.$inferSelect;
export type IntroRow = typeof skillIntros.$inferSelect;
export type ThanksRow = typeof skillThanks.$inferSelect;
export type SuggestionRow = typeof skillSuggestions.$inferSelect;

export function createSkillsRepo(db: Db) {
  // Read on every skill-share request: built once (drizzle builds the SQL anew on each call otherwise).
  const placesVersion = db
    .select({ v: skillPlaceVersions.version })
    .from(skillPlaceVersions)
    .where(eq(skillPlaceVersions.guildId, sql.placeholder('guildId')))
    .prepare();
  const indexVersion = db
    .select({ v: skillIndexVersions.version })
    .from(skillIndexVersions)
    .where(eq(skillIndexVersions.guildId, sql.placeholder('guildId')))
    .prepare();
  return {
    /** Moves whenever a member's place in the directory may have changed (triggers on its tables keep it). */
    placesVersion(guildId: string): number {
      return placesVersion.get({ guildId })?.v ?? 0;
    },
    version(guildId: string): number {
      return indexVersion.get({ guildId })?.v ?? 0;
    },
    bumpVersion(guildId: string): number {
      return db
        .insert(skillIndexVersions)
        .values({ guildId, version: 1 })
        .onConflictDoUpdate({ target: skillIndexVersions.guildId, set: { version: sql`${skillIndexVersions.version} + 1` } })
        .returning({ v: skillIndexVersions.version })
        .get().v;
    },

    /**
     * Every entry of a guild, one row at a time: the match index keeps its own compact copy, and 50,000 row objects
     * held at once (drizzle's .all()) grew the heap by ~20 MB at the peak of a build, which RSS kept afterwards.
     */
    *allEntries(guildId: string): Generator<EntryRow> {
      const query = db.select().from(skillEntries).where(eq(skillEntries.guildId, guildId)).toSQL();
      // drizzle selects a table's columns in their declared order; each raw row is read in that order.
      const columns = Object.keys(getTableColumns(skillEntries)) as (keyof EntryRow)[];
      const statement = (db as Db & { $client: Database.Database }).$client.prepare(query.sql).raw(true);
      for (const values of statement.iterate(...query.params) as IterableIterator<unknown[]>) {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
        yield row as EntryRow;
      }
    },
    entriesOf(guildId: string, userId: string): EntryRow[] {
      return db
        .select()
        .from(skillEntries)
        .where(and(eq(skillEntries.guildId, guildId), eq(skillEntries.userId, userId)))
        .orderBy(skillEntries.kind, skillEntries.createdAt)
        .all();
    },
    entry(guildId: string, id: number): EntryRow | null {
      return db.select().from(skillEntries).where(and(eq(skillEntries.guildId, guildId), eq(skillEntries.id, id))).get() ?? null;
    },
    ownEntry(guildId: string, userId: string, kind: SkillEntryKind, skillKey: string): EntryRow | null {
      return (
        db
          .select()
          .from(skillEntries)
          .where(
            and(eq(skillEntries.guildId, guildId), eq(skillEntries.userId, userId), eq(skillEntries.kind, kind), eq(skillEntries.skillKey, skillKey)),
          )
          .get() ?? null
      );
    },
    insertEntry(values: NewEntryRow): EntryRow {
      return db.insert(skillEntries).values(values).returning().get();
    },
    updateEntry(guildId: string, id: number, patch: Partial<Omit<NewEntryRow, 'id' | 'guildId' | 'userId'>>): EntryRow | null {
      return db.update(skillEntries).set(patch).where(and(eq(skillEntries.guildId, guildId), eq(skillEntries.id, id))).returning().get() ?? null;
    },
    deleteEntry(guildId: string, id: number): boolean {
      return db.delete(skillEntries).where(and(eq(skillEntries.guildId, guildId), eq(skillEntries.id, id))).run().changes > 0;
    },
    /** Other members' entries on exactly this skill and kind, newest first (for match notices). */
    entriesForSkill(guildId: string, skillKey: string, kind: SkillEntryKind): EntryRow[] {
      return db
        .select()
        .from(skillEntries)
        .where(and(eq(skillEntries.guildId, guildId), eq(skillEntries.skillKey, skillKey), eq(skillEntries.kind, kind)))
        .orderBy(desc(skillEntries.renewedAt))
        .all();
    },

    prefs(guildId: string, userId: string): PrefsRow | null {
      return db.select().from(skillPrefs).where(and(eq(skillPrefs.guildId, guildId), eq(skillPrefs.userId, userId))).get() ?? null;
    },
    allPrefs(guildId: string): PrefsRow[] {
      return db.select().from(skillPrefs).where(eq(skillPrefs.guildId, guildId)).all();
    },
    savePrefs(row: PrefsRow): PrefsRow {
      const { guildId, userId, ...rest } = row;
      return db
        .insert(skillPrefs)
        .values(row)
        .onConflictDoUpdate({ target: [skillPrefs.guildId, skillPrefs.userId], set: rest })
        .returning()
        .get();
    },

    /** Records the pair; null when it was already recorded ("told once"). */
    insertNotice(values: Omit<NoticeRow, 'id'>): NoticeRow | null {
      return db.insert(skillMatchNotices).values(values).onConflictDoNothing().returning().get() ?? null;
    },
    /** Whether these two members (either way round) were told about this skill since `since`. */
    toldAbout(guildId: string, skillKey: string, userA: string, userB: string, since: number): boolean {
      const pair = or(
        and(eq(skillMatchNotices.olderUserId, userA), eq(skillMatchNotices.newerUserId, userB)),
        and(eq(skillMatchNotices.olderUserId, userB), eq(skillMatchNotices.newerUserId, userA)),
      );
      const found = db
        .select({ id: skillMatchNotices.id })
        .from(skillMatchNotices)
        .where(and(eq(skillMatchNotices.guildId, guildId), eq(skillMatchNotices.skillKey, skillKey), gte(skillMatchNotices.createdAt, since), pair))
        .limit(1)
        .get();
      return found !== undefined;
    },
    notice(guildId: string, id: number): NoticeRow | null {
      return db.select().from(skillMatchNotices).where(and(eq(skillMatchNotices.guildId, guildId), eq(skillMatchNotices.id, id))).get() ?? null;
    },

    insertIntro(values: typeof skillIntros.$inferInsert): IntroRow {
      return db.insert(skillIntros).values(values).returning().get();
    },
    intro(guildId: string, id: number): IntroRow | null {
      return db.select().from(skillIntros).where(and(eq(skillIntros.guildId, guildId), eq(skillIntros.id, id))).get() ?? null;
    },
    updateIntro(guildId: string, id: number, patch: Partial<Pick<IntroRow, 'status' | 'respondedAt' | 'requesterHelped' | 'targetHelped' | 'requesterAnsweredAt' | 'targetAnsweredAt'>>, onlyIfStatus?: IntroStatus): IntroRow | null {
      const where = onlyIfStatus
        ? and(eq(skillIntros.guildId, guildId), eq(skillIntros.id, id), eq(skillIntros.status, onlyIfStatus))
        : and(eq(skillIntros.guildId, guildId), eq(skillIntros.id, id));
      return db.update(skillIntros).set(patch).where(where).returning().get() ?? null;
    },
    pendingCount(guildId: string, requesterId: string, since: number): number {
      return (
        db
          .select({ n: count() })
          .from(skillIntros)
          .where(
            and(eq(skillIntros.guildId, guildId), eq(skillIntros.requesterId, requesterId), eq(skillIntros.status, 'pending'), gt(skillIntros.createdAt, since)),
          )
          .get()?.n ?? 0
      );
    },
    /** The latest request between two members either way; cancelled ones (never delivered) do not count. */
    latestIntroBetween(guildId: string, a: string, b: string): IntroRow | null {
      return (
        db
          .select()
          .from(skillIntros)
          .where(
            and(
              eq(skillIntros.guildId, guildId),
              ne(skillIntros.status, 'cancelled'),
              or(and(eq(skillIntros.requesterId, a), eq(skillIntros.targetId, b)), and(eq(skillIntros.requesterId, b), eq(skillIntros.targetId, a))),
            ),
          )
          .orderBy(desc(skillIntros.createdAt), desc(skillIntros.id))
          .get() ?? null
      );
    },
    introsCreatedIn(guildId: string, from: number, to: number): IntroRow[] {
      return db
        .select()
        .from(skillIntros)
        .where(and(eq(skillIntros.guildId, guildId), gte(skillIntros.createdAt, from), lt(skillIntros.createdAt, to)))
        .all();
    },
    /** Intros accepted, or answered "did it help?", in a period. */
    introsTouchedIn(guildId: string, from: number, to: number): IntroRow[] {
      const within = (column: AnySQLiteColumn) => and(gte(column, from), lt(column, to));
      return db
        .select()
        .from(skillIntros)
        .where(
          and(
            eq(skillIntros.guildId, guildId),
            or(within(skillIntros.respondedAt), within(skillIntros.requesterAnsweredAt), within(skillIntros.targetAnsweredAt)),
          ),
        )
        .all();
    },

    insertThanks(values: Omit<ThanksRow, 'id'>): ThanksRow {
      return db.insert(skillThanks).values(values).returning().get();
    },
    latestThanks(guildId: string, fromUserId: string, toUserId: string, skillKey: string): ThanksRow | null {
      return (
        db
          .select()
          .from(skillThanks)
          .where(
            and(eq(skillThanks.guildId, guildId), eq(skillThanks.fromUserId, fromUserId), eq(skillThanks.toUserId, toUserId), eq(skillThanks.skillKey, skillKey)),
          )
          .orderBy(desc(skillThanks.createdAt))
          .get() ?? null
      );
    },
    thanksIn(guildId: string, from: number, to: number): ThanksRow[] {
      return db
        .select()
        .from(skillThanks)
        .where(and(eq(skillThanks.guildId, guildId), gte(skillThanks.createdAt, from), lt(skillThanks.createdAt, to)))
        .all();
    },

    /** True when this alliance had not seen the skill before (so organizers are told once). */
    insertSuggestion(values: SuggestionRow): boolean {
      return db.insert(skillSuggestions).values(values).onConflictDoNothing().run().changes > 0;
    },
    /** New skills first added in [from, to), oldest first: a daily digest's content. */
    suggestionsBetween(guildId: string, from: number, to: number): SuggestionRow[] {
      return db
        .select()
        .from(skillSuggestions)
        .where(and(eq(skillSuggestions.guildId, guildId), gte(skillSuggestions.createdAt, from), lt(skillSuggestions.createdAt, to)))
        .orderBy(asc(skillSuggestions.createdAt), asc(skillSuggestions.skillKey))
        .all();
    },
    suggestion(guildId: string, skillKey: string): SuggestionRow | null {
      return db.select().from(skillSuggestions).where(and(eq(skillSuggestions.guildId, guildId), eq(skillSuggestions.skillKey, skillKey))).get() ?? null;
    },

    entriesCreatedIn(guildId: string, from: number, to: number): EntryRow[] {
      return db
        .select()
        .from(skillEntries)
        .where(and(eq(skillEntries.guildId, guildId), gte(skillEntries.createdAt, from), lt(skillEntries.createdAt, to)))
        .all();
    },

    /** Deletes everything skill-share holds about a member in one alliance; returns their entry ids. */
    forgetMember(guildId: string, userId: string): number[] {
      const ids = db
        .delete(skillEntries)
        .where(and(eq(skillEntries.guildId, guildId), eq(skillEntries.userId, userId)))
        .returning({ id: skillEntries.id })
        .all()
        .map((row) => row.id);
      db.delete(skillPrefs).where(and(eq(skillPrefs.guildId, guildId), eq(skillPrefs.userId, userId))).run();
      db.delete(skillMatchNotices)
        .where(and(eq(skillMatchNotices.guildId, guildId), or(eq(skillMatchNotices.olderUserId, userId), eq(skillMatchNotices.newerUserId, userId))))
        .run();
      db.delete(skillIntros)
        .where(and(eq(skillIntros.guildId, guildId), or(eq(skillIntros.requesterId, userId), eq(skillIntros.targetId, userId))))
        .run();
      db.delete(skillThanks)
        .where(and(eq(skillThanks.guildId, guildId), or(eq(skillThanks.fromUserId, userId), eq(skillThanks.toUserId, userId))))
        .run();
      db.delete(skillSuggestions).where(and(eq(skillSuggestions.guildId, guildId), eq(skillSuggestions.firstUserId, userId))).run();
      return ids;
    },

  };
}

export type SkillsRepo = ReturnType<typeof createSkillsRepo>;
