// Reads for the calendar feeds (public meetings, every meeting of an alliance) and the members' feed tokens.
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { calendarTokens, meetings } from '../db/schema/index.js';

export function createCalendarRepo(db: Db) {
  // Every feed request (the public page's events.ics, a member's feed): the two feeds' reads, built once.
  const feedStatement = (onlyPublic: boolean) => {
    const where = [eq(meetings.guildId, sql.placeholder('guildId')), gte(meetings.startsAt, sql.placeholder('from')), ...(onlyPublic ? [eq(meetings.public, true)] : [])];
    return db.select().from(meetings).where(and(...where)).orderBy(asc(meetings.startsAt), asc(meetings.id)).limit(sql.placeholder('limit')).prepare();
  };
  const publicFeed = feedStatement(true);
  const wholeFeed = feedStatement(false);
  const byTokenStatement = db
    .select({ guildId: calendarTokens.guildId, userId: calendarTokens.userId })
    .from(calendarTokens)
    .where(eq(calendarTokens.token, sql.placeholder('token')))
    .prepare();
  return {
    /** Meetings starting from `from` (cancelled ones too: a feed must say they are off), at most `limit`. */
    meetingsFrom(guildId: string, from: number, limit: number, onlyPublic: boolean) {
      return (onlyPublic ? publicFeed : wholeFeed).all({ guildId, from, limit });
    },
    tokenOf(guildId: string, userId: string): string | null {
      return db.select({ token: calendarTokens.token }).from(calendarTokens).where(and(eq(calendarTokens.guildId, guildId), eq(calendarTokens.userId, userId))).get()?.token ?? null;
    },
    setToken(guildId: string, userId: string, token: string, now: number): void {
      db.insert(calendarTokens)
        .values({ guildId, userId, token, createdAt: now })
        .onConflictDoUpdate({ target: [calendarTokens.guildId, calendarTokens.userId], set: { token, createdAt: now } })
        .run();
    },
    byToken(token: string): { guildId: string; userId: string } | null {
      return byTokenStatement.get({ token }) ?? null;
    },
    forget(guildId: string, userId: string): number {
      return db.delete(calendarTokens).where(and(eq(calendarTokens.guildId, guildId), eq(calendarTokens.userId, userId))).run().changes;
    },
  };
}

export type CalendarRepo = ReturnType<typeof createCalendarRepo>;
