// Directory writes and single-space reads: spaces with their hosts, linked members and tags. Always guild-scoped.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { directoryStash, spaceHosts, spaceMembers, spaces, spaceTags, type SpaceStatus } from '../db/schema/index.js';

export type SpaceRow = typeof spaces.$inferSelect;
export type NewSpace = Omit<typeof spaces.$inferInsert, 'id' | 'tags'>;
export type SpacePatch = Partial<Omit<SpaceRow, 'id' | 'guildId' | 'tags' | 'createdAt' | 'createdBy'>>;
export type MemberLink = typeof spaceMembers.$inferSelect;
/** A member and one approved space they work from (see approvedSpacesOf). */
export interface LocatedSpace { userId: string; spaceId: number; spaceName: string; city: string; region: string | null; country: string }

export function createDirectoryRepo(db: Db) {
  // On every space autocomplete and skills match: built once (drizzle builds the SQL anew on each call otherwise).
  const spacesHostedBy = db
    .select({ space: spaces })
    .from(spaceHosts)
    .innerJoin(spaces, eq(spaces.id, spaceHosts.spaceId))
    .where(and(eq(spaceHosts.guildId, sql.placeholder('guildId')), eq(spaceHosts.userId, sql.placeholder('userId'))))
    .orderBy(asc(spaces.id))
    .prepare();
  // Approved spaces with their hosts, lean (id and name only, no IN list): asked on every vote by spaces and every
  // /dues status, where an alliance of 500 spaces made the full-row read the slowest part.
  const approvedNames = db
    .select({ id: spaces.id, name: spaces.name })
    .from(spaces)
    .where(and(eq(spaces.guildId, sql.placeholder('guildId')), eq(spaces.status, 'approved')))
    .orderBy(asc(spaces.createdAt), asc(spaces.id))
    .prepare();
  // Unordered (a sort in SQLite cost more than the read); hosts are put in order per space below.
  const guildHosts = db
    .select({ spaceId: spaceHosts.spaceId, userId: spaceHosts.userId, addedAt: spaceHosts.addedAt })
    .from(spaceHosts)
    .where(eq(spaceHosts.guildId, sql.placeholder('guildId')))
    .prepare();
  // A member's links (every skills match), and the parked searches every search and page turn writes and reads.
  const linksOfMember = db
    .select()
    .from(spaceMembers)
    .where(and(eq(spaceMembers.guildId, sql.placeholder('guildId')), eq(spaceMembers.userId, sql.placeholder('userId'))))
    .orderBy(asc(spaceMembers.requestedAt))
    .prepare();
  const stashRow = db
    .insert(directoryStash)
    .values({ guildId: sql.placeholder('guildId'), kind: sql.placeholder('kind'), userId: sql.placeholder('userId'), params: sql.placeholder('params'), createdAt: sql.placeholder('createdAt') })
    .returning({ id: directoryStash.id })
    .prepare();
  const stashed = db
    .select()
    .from(directoryStash)
    .where(and(eq(directoryStash.guildId, sql.placeholder('guildId')), eq(directoryStash.kind, sql.placeholder('kind')), eq(directoryStash.id, sql.placeholder('id'))))
    .prepare();
  const restashRow = db
    .update(directoryStash)
    // A placeholder in `set` skips the JSON column's mapping (drizzle maps only inserted values): the text goes as written.
    .set({ params: sql`${sql.placeholder('params')}` })
    .where(and(eq(directoryStash.guildId, sql.placeholder('guildId')), eq(directoryStash.id, sql.placeholder('id'))))
    .prepare();
  // Every search trims the member's parked searches: one statement built once, the kinds one JSON parameter. Built on
  // each call, its SQL text cost three times the delete itself; and a bound LIMIT in a subquery of the FROM (the
  // newest `keep`, then their smallest id) ran three times slower than the keep-th newest id read by OFFSET.
  const parkedOf = and(
    eq(directoryStash.guildId, sql.placeholder('guildId')),
    eq(directoryStash.userId, sql.placeholder('userId')),
    sql`${directoryStash.kind} IN (SELECT value FROM json_each(${sql.placeholder('kinds')}))`,
  );
  const trimParked = db
    .delete(directoryStash)
    .where(and(parkedOf, lt(directoryStash.id, sql`(SELECT ${directoryStash.id} FROM ${directoryStash} WHERE ${parkedOf} ORDER BY ${directoryStash.id} DESC LIMIT 1 OFFSET ${sql.placeholder('older')})`)))
    .prepare();
  function setTags(guildId: string, spaceId: number, tags: string[]): void {
    db.delete(spaceTags).where(eq(spaceTags.spaceId, spaceId)).run();
    if (tags.length) db.insert(spaceTags).values(tags.map((tag) => ({ spaceId, guildId, tag }))).run();
    db.update(spaces).set({ tags: tags.join(' ') }).where(eq(spaces.id, spaceId)).run();
  }

  return {
    transaction<T>(work: () => T): T {
      return db.transaction(() => work());
    },

    get(guildId: string, id: number): SpaceRow | null {
      return db.select().from(spaces).where(and(eq(spaces.guildId, guildId), eq(spaces.id, id))).get() ?? null;
    },

    findByNameInCity(guildId: string, cityKey: string, nameKey: string): SpaceRow | null {
      return (
        db
          .select()
          .from(spaces)
          .where(and(eq(spaces.guildId, guildId), eq(spaces.cityKey, cityKey), eq(spaces.nameKey, nameKey)))
          .get() ?? null
      );
    },

    /** Inserts a space, its tags and its hosts (call inside a transaction). */
    insert(space: NewSpace, tags: string[], hostIds: string[]): SpaceRow {
      const row = db.insert(spaces).values(space).returning().get();
      setTags(space.guildId, row.id, tags);
      for (const userId of hostIds) {
        db.insert(spaceHosts).values({ spaceId: row.id, guildId: space.guildId, userId, addedAt: space.createdAt }).run();
      }
      return { ...row, tags: tags.join(' ') };
    },

    update(guildId: string, id: number, patch: SpacePatch, tags?: string[]): void {
      if (Object.keys(patch).length) {
        db.update(spaces).set(patch).where(and(eq(spaces.guildId, guildId), eq(spaces.id, id))).run();
      }
      if (tags) setTags(guildId, id, tags);
    },

    delete(guildId: string, id: number): void {
      db.delete(spaces).where(and(eq(spaces.guildId, guildId), eq(spaces.id, id))).run();
    },

    byStatus(guildId: string, status: SpaceStatus): SpaceRow[] {
      return db
        .select()
        .from(spaces)
        .where(and(eq(spaces.guildId, guildId), eq(spaces.status, status)))
        .orderBy(asc(spaces.createdAt), asc(spaces.id))
        .all();
    },

    all(guildId: string): SpaceRow[] {
      return db.select().from(spaces).where(eq(spaces.guildId, guildId)).orderBy(asc(spaces.id)).all();
    },

    hosts(guildId: string, spaceId: number): string[] {
      return db
        .select({ userId: spaceHosts.userId })
        .from(spaceHosts)
        .where(and(eq(spaceHosts.guildId, guildId), eq(spaceHosts.spaceId, spaceId)))
        .orderBy(asc(spaceHosts.addedAt), asc(spaceHosts.userId))
        .all()
        .map((row) => row.userId);
    },

    /** Hosts of many spaces at once: spaceId → user ids. */
    /** Every approved space (oldest first) with its hosts (first added first). */
    approvedWithHosts(guildId: string): { id: number; name: string; hostUserIds: string[] }[] {
      const hosts = new Map<number, { userId: string; addedAt: number }[]>();
      for (const host of guildHosts.all({ guildId })) {
        const list = hosts.get(host.spaceId);
        if (list) list.push(host);
        else hosts.set(host.spaceId, [host]);
      }
      return approvedNames.all({ guildId }).map((row) => {
        const list = hosts.get(row.id) ?? [];
        if (list.length > 1) list.sort((a, b) => a.addedAt - b.addedAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
        return { ...row, hostUserIds: list.map((host) => host.userId) };
      });
    },

    hostsOf(guildId: string, spaceIds: number[]): Map<number, string[]> {
      const out = new Map<number, string[]>(spaceIds.map((id) => [id, []]));
      if (!spaceIds.length) return out;
      const rows = db
        .select({ spaceId: spaceHosts.spaceId, userId: spaceHosts.userId })
        .from(spaceHosts)
        .where(and(eq(spaceHosts.guildId, guildId), inArray(spaceHosts.spaceId, spaceIds)))
        .orderBy(asc(spaceHosts.addedAt), asc(spaceHosts.userId))
        .all();
      for (const row of rows) out.get(row.spaceId)?.push(row.userId);
      return out;
    },

    addHost(guildId: string, spaceId: number, userId: string, now: number): void {
      db.insert(spaceHosts).values({ spaceId, guildId, userId, addedAt: now }).onConflictDoNothing().run();
    },

    removeHost(guildId: string, spaceId: number, userId: string): void {
      db.delete(spaceHosts)
        .where(and(eq(spaceHosts.guildId, guildId), eq(spaceHosts.spaceId, spaceId), eq(spaceHosts.userId, userId)))
        .run();
    },

    /** Spaces a user hosts, any status, oldest first. */
    /**
     * Approved spaces of many members at once: their approved links (oldest request first), then the approved
     * spaces they host (by id). Two queries in all instead of three per member; the ids go in as one JSON
     * parameter (json_each), so the statement does not grow with them.
     */
    approvedSpacesOf(guildId: string, userIds: readonly string[]): { linked: LocatedSpace[]; hosted: LocatedSpace[] } {
      const ids = JSON.stringify(userIds);
      const place = { spaceId: spaces.id, spaceName: spaces.name, city: spaces.city, region: spaces.region, country: spaces.country };
      const linked = db
        .select({ userId: spaceMembers.userId, ...place })
        .from(spaceMembers)
        .innerJoin(spaces, and(eq(spaces.id, spaceMembers.spaceId), eq(spaces.guildId, guildId)))
        .where(and(eq(spaceMembers.guildId, guildId), sql`${spaceMembers.userId} IN (SELECT value FROM json_each(${ids}))`, eq(spaceMembers.status, 'approved'), eq(spaces.status, 'approved')))
        .orderBy(asc(spaceMembers.requestedAt))
        .all();
      // One row per host, their first space: with min(), SQLite takes the other columns from that row. Reading every
      // hosted space cost a skills match 20 rows per host in an alliance whose hosts run 20 spaces each.
      const hosted = db
        .select({ userId: spaceHosts.userId, ...place, spaceId: sql<number>`min(${spaces.id})` })
        .from(spaceHosts)
        .innerJoin(spaces, eq(spaces.id, spaceHosts.spaceId))
        .where(and(eq(spaceHosts.guildId, guildId), sql`${spaceHosts.userId} IN (SELECT value FROM json_each(${ids}))`, eq(spaces.status, 'approved')))
        .groupBy(spaceHosts.userId)
        .all();
      return { linked, hosted };
    },

    hostedBy(guildId: string, userId: string): SpaceRow[] {
      return spacesHostedBy.all({ guildId, userId }).map((row) => row.space);
    },

    members(guildId: string, spaceId: number): MemberLink[] {
      return db
        .select()
        .from(spaceMembers)
        .where(and(eq(spaceMembers.guildId, guildId), eq(spaceMembers.spaceId, spaceId)))
        .orderBy(asc(spaceMembers.requestedAt), asc(spaceMembers.userId))
        .all();
    },

    linksOf(guildId: string, userId: string): MemberLink[] {
      return linksOfMember.all({ guildId, userId });
    },

    requestLink(guildId: string, spaceId: number, userId: string, now: number): void {
      db.insert(spaceMembers).values({ guildId, spaceId, userId, status: 'pending', requestedAt: now }).run();
    },

    approveLink(guildId: string, spaceId: number, userId: string, now: number): void {
      db.update(spaceMembers)
        .set({ status: 'approved', approvedAt: now })
        .where(and(eq(spaceMembers.guildId, guildId), eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)))
        .run();
    },

    removeLink(guildId: string, spaceId: number, userId: string): void {
      db.delete(spaceMembers)
        .where(and(eq(spaceMembers.guildId, guildId), eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)))
        .run();
    },

    removeLinksOf(guildId: string, userId: string): void {
      db.delete(spaceMembers).where(and(eq(spaceMembers.guildId, guildId), eq(spaceMembers.userId, userId))).run();
      // Parked registrations and search pages hold what the member typed.
      db.delete(directoryStash).where(and(eq(directoryStash.guildId, guildId), eq(directoryStash.userId, userId))).run();
    },

    /** Parks state behind a short id (search paging, a registration waiting for its modal). */
    stash(guildId: string, kind: string, userId: string | null, params: Record<string, unknown>, now: number): number {
      return stashRow.get({ guildId, kind, userId, params, createdAt: now })!.id;
    },

    unstash(guildId: string, kind: string, id: number): { userId: string | null; params: Record<string, unknown> } | null {
      const row = stashed.get({ guildId, kind, id });
      return row ? { userId: row.userId, params: row.params } : null;
    },

    /** Replaces a parked row's state (a search that found more ids as its pages went deeper). */
    restash(guildId: string, id: number, params: Record<string, unknown>): void {
      restashRow.run({ guildId, id, params: JSON.stringify(params) });
    },

    dropStash(guildId: string, id: number): void {
      db.delete(directoryStash).where(and(eq(directoryStash.guildId, guildId), eq(directoryStash.id, id))).run();
    },

    /** Keeps only a member's `keep` newest parked rows of these kinds (their searches), so one member cannot fill it. */
    trimStash(guildId: string, userId: string, kinds: string[], keep: number): void {
      // Older than the keep-th newest (none when there are fewer): `keep` is at least 1.
      trimParked.run({ guildId, userId, kinds: JSON.stringify(kinds), older: Math.max(1, keep) - 1 });
    },

    purgeStash(olderThan: number): void {
      db.delete(directoryStash).where(lt(directoryStash.createdAt, olderThan)).run();
    },

    approvedBetween(guildId: string, from: number, to: number): SpaceRow[] {
      return db
        .select()
        .from(spaces)
        .where(and(eq(spaces.guildId, guildId), eq(spaces.status, 'approved'), gte(spaces.approvedAt, from), lt(spaces.approvedAt, to)))
        .orderBy(asc(spaces.approvedAt), asc(spaces.id))
        .all();
    },

    countApproved(guildId: string): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(spaces)
          .where(and(eq(spaces.guildId, guildId), eq(spaces.status, 'approved')))
          .get()?.n ?? 0
      );
    },
  };
}

export type DirectoryRepo = ReturnType<typeof createDirectoryRepo>;
