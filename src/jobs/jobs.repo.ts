// Queries over scheduled_jobs: scheduling is idempotent by key, and a job moves pending → running → done
// (or skipped/failed) exactly once.
import { and, asc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { scheduledJobs, type JobStatus } from '../db/schema/index.js';

export type Job = typeof scheduledJobs.$inferSelect;

export interface NewJob {
  guildId: string;
  key: string;
  kind: string;
  dueAt: number;
  expiresAt?: number | null;
  payload?: Record<string, unknown>;
}

/** Told the due time of a job that became pending (added, moved or revived): the scheduler wakes for one due now. */
export type JobAddedListener = (dueAt: number) => void;

export type PlanOutcome = 'created' | 'moved' | 'revived' | 'unchanged' | 'finished';

function newRow(job: NewJob) {
  return { guildId: job.guildId, key: job.key, kind: job.kind, dueAt: job.dueAt, expiresAt: job.expiresAt ?? null, payload: job.payload ?? {} };
}

/** Discord's rule, in SQL: the job's guild lives on shard (guild_id >> 22) % count. */
function onShards(shards: { ids: readonly number[]; count: number }) {
  return sql`((CAST(${scheduledJobs.guildId} AS INTEGER) >> 22) % ${shards.count}) IN (${sql.join(shards.ids.map((id) => sql`${id}`), sql`, `)})`;
}

export function createJobsRepo(db: Db) {
  const dueStatement = db
    .select()
    .from(scheduledJobs)
    .where(
      and(
        eq(scheduledJobs.status, 'pending'),
        or(
          and(isNull(scheduledJobs.nextAttemptAt), lte(scheduledJobs.dueAt, sql.placeholder('now'))),
          lte(scheduledJobs.nextAttemptAt, sql.placeholder('now')),
        ),
      ),
    )
    .orderBy(asc(scheduledJobs.dueAt), asc(scheduledJobs.id))
    .limit(sql.placeholder('limit'))
    .prepare();
  const byKeyStatement = db.select().from(scheduledJobs).where(eq(scheduledJobs.key, sql.placeholder('key'))).prepare();
  // Planners schedule every minute (backups) or whenever a job is new or moved: built once (an inserted
  // placeholder's value goes through its column's mapping, so the payload is written as JSON as before).
  const insertIfNewStatement = db
    .insert(scheduledJobs)
    .values({
      guildId: sql.placeholder('guildId'), key: sql.placeholder('key'), kind: sql.placeholder('kind'), dueAt: sql.placeholder('dueAt'),
      expiresAt: sql.placeholder('expiresAt'), payload: sql.placeholder('payload'),
    })
    .onConflictDoNothing({ target: scheduledJobs.key })
    .prepare();
  const insertIfNew = (job: NewJob) => insertIfNewStatement.run(newRow(job));
  const listeners = new Set<JobAddedListener>();
  const added = (dueAt: number): void => {
    for (const listener of listeners) listener(dueAt);
  };

  // A named object, not `this`: `upsert` may be handed around on its own.
  const repo = {
    /** Calls `listener` whenever a job becomes pending; returns the way to stop listening. */
    onJobAdded(listener: JobAddedListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Adds the job unless one with the same key exists (whatever its state). Returns true when added. */
    schedule(job: NewJob): boolean {
      const result = insertIfNew(job);
      if (result.changes > 0) added(job.dueAt);
      return result.changes > 0;
    },

    /**
     * Moves a job that has not run yet to a new time (a rescheduled meeting, an extended deadline). A no-op when
     * the time is unchanged, so planners may call it every tick without resetting a job's retries.
     */
    reschedule(key: string, dueAt: number, expiresAt: number | null = null): boolean {
      const result = db
        .update(scheduledJobs)
        .set({ dueAt, expiresAt, nextAttemptAt: null, attempts: 0 })
        .where(
          and(
            eq(scheduledJobs.key, key),
            eq(scheduledJobs.status, 'pending'),
            or(ne(scheduledJobs.dueAt, dueAt), sql`${scheduledJobs.expiresAt} IS NOT ${expiresAt}`),
          ),
        )
        .run();
      if (result.changes > 0) added(dueAt);
      return result.changes > 0;
    },

    /** Adds the job, or moves it if it is still pending: for deadlines that can change. */
    upsert(job: NewJob): void {
      if (!repo.schedule(job)) repo.reschedule(job.key, job.dueAt, job.expiresAt ?? null);
    },

    /**
     * What planners call every tick: makes the job exist as described unless it already ran. Creates it, moves it
     * while pending (only when its time or payload changed), and revives it when it was cancelled (a setting
     * switched off and on again). Done, skipped, failed and running jobs are left alone: that is what makes a
     * recurring post happen once per key.
     */
    plan(job: NewJob): PlanOutcome {
      const expiresAt = job.expiresAt ?? null;
      const payload = job.payload ?? {};
      // The common case (planned before, nothing changed) is one prepared read.
      const seen = byKeyStatement.get({ key: job.key });
      if (seen && seen.status === 'pending' && seen.dueAt === job.dueAt && seen.expiresAt === expiresAt && JSON.stringify(seen.payload) === JSON.stringify(payload)) {
        return 'unchanged';
      }
      if (seen && seen.status !== 'pending' && seen.status !== 'cancelled') return 'finished';
      const outcome = db.transaction((tx): PlanOutcome => {
        const inserted = insertIfNew(job);
        if (inserted.changes > 0) return 'created';
        const existing = tx.select().from(scheduledJobs).where(eq(scheduledJobs.key, job.key)).get();
        if (!existing || (existing.status !== 'pending' && existing.status !== 'cancelled')) return 'finished';
        const same =
          existing.dueAt === job.dueAt &&
          existing.expiresAt === expiresAt &&
          JSON.stringify(existing.payload) === JSON.stringify(payload);
        if (existing.status === 'pending' && same) return 'unchanged';
        tx.update(scheduledJobs)
          .set({ status: 'pending', dueAt: job.dueAt, expiresAt, payload, attempts: 0, nextAttemptAt: null, lastError: null, finishedAt: null })
          .where(eq(scheduledJobs.id, existing.id))
          .run();
        return existing.status === 'cancelled' ? 'revived' : 'moved';
      });
      if (outcome === 'created' || outcome === 'moved' || outcome === 'revived') added(job.dueAt);
      return outcome;
    },

    cancel(key: string): boolean {
      const result = db
        .update(scheduledJobs)
        .set({ status: 'cancelled' })
        .where(and(eq(scheduledJobs.key, key), eq(scheduledJobs.status, 'pending')))
        .run();
      return result.changes > 0;
    },

    /** Cancels every pending job of a guild whose key starts with a prefix (e.g. all reminders of a meeting). */
    cancelByPrefix(guildId: string, prefix: string): number {
      const result = db
        .update(scheduledJobs)
        .set({ status: 'cancelled' })
        .where(
          and(
            eq(scheduledJobs.guildId, guildId),
            eq(scheduledJobs.status, 'pending'),
            sql`substr(${scheduledJobs.key}, 1, ${prefix.length}) = ${prefix}`,
          ),
        )
        .run();
      return result.changes;
    },

    byKey(key: string): Job | null {
      return byKeyStatement.get({ key }) ?? null;
    },

    byId(id: number): Job | null {
      return db.select().from(scheduledJobs).where(eq(scheduledJobs.id, id)).get() ?? null;
    },

    /** Pending jobs whose time (or retry time) has come, oldest first. Prepared once: it runs every minute. */
    due(now: number, limit = 100): Job[] {
      return dueStatement.all({ now, limit });
    },

    /**
     * The same, for one process of several: only jobs of guilds on its shards (Discord's (guild_id >> 22) % count).
     * A process cannot post for another shard's guilds (discord.js knows only its own guilds' channels), and
     * filtering here, not after the read, keeps other shards' due jobs from filling every batch.
     */
    dueOnShards(now: number, limit: number, shards: { ids: readonly number[]; count: number }): Job[] {
      return db
        .select()
        .from(scheduledJobs)
        .where(
          and(
            eq(scheduledJobs.status, 'pending'),
            or(
              and(isNull(scheduledJobs.nextAttemptAt), lte(scheduledJobs.dueAt, now)),
              lte(scheduledJobs.nextAttemptAt, now),
            ),
            onShards(shards),
          ),
        )
        .orderBy(asc(scheduledJobs.dueAt), asc(scheduledJobs.id))
        .limit(limit)
        .all();
    },

    /** Claims a pending job; false when another tick (or process) got it first. */
    claim(id: number): boolean {
      const result = db
        .update(scheduledJobs)
        .set({ status: 'running', attempts: sql`${scheduledJobs.attempts} + 1` })
        .where(and(eq(scheduledJobs.id, id), eq(scheduledJobs.status, 'pending')))
        .run();
      return result.changes > 0;
    },

    finish(id: number, status: Extract<JobStatus, 'done' | 'skipped' | 'failed'>, now: number, detail: {
      result?: Record<string, unknown> | null;
      error?: string | null;
    } = {}): void {
      db.update(scheduledJobs)
        .set({ status, finishedAt: now, result: detail.result ?? null, lastError: detail.error ?? null })
        .where(eq(scheduledJobs.id, id))
        .run();
    },

    /** Marks a job failed for good and queues the notice about it in one transaction: never one without the other. */
    failAndQueueNotice(id: number, now: number, error: string, notice: NewJob): void {
      db.transaction((tx) => {
        tx.update(scheduledJobs)
          .set({ status: 'failed', finishedAt: now, lastError: error })
          .where(eq(scheduledJobs.id, id))
          .run();
        tx.insert(scheduledJobs)
          .values({
            guildId: notice.guildId,
            key: notice.key,
            kind: notice.kind,
            dueAt: notice.dueAt,
            expiresAt: notice.expiresAt ?? null,
            payload: notice.payload ?? {},
          })
          .onConflictDoNothing({ target: scheduledJobs.key })
          .run();
      });
    },

    retryLater(id: number, nextAttemptAt: number, error: string): void {
      db.update(scheduledJobs)
        .set({ status: 'pending', nextAttemptAt, lastError: error })
        .where(eq(scheduledJobs.id, id))
        .run();
    },

    /**
     * A job left `running` by a crash is put back to pending: its handler runs again, and handlers make
     * that safe (posts carry an idempotency nonce, state changes check what is already done).
     */
    recoverInterrupted(shards?: { ids: readonly number[]; count: number }): number {
      // One process of several recovers only its own shards' jobs: the others' running jobs are running right now.
      const where = shards ? and(eq(scheduledJobs.status, 'running'), onShards(shards)) : eq(scheduledJobs.status, 'running');
      return db.update(scheduledJobs).set({ status: 'pending' }).where(where).run().changes;
    },

    list(guildId: string, kinds?: string[]): Job[] {
      const where = kinds?.length
        ? and(eq(scheduledJobs.guildId, guildId), inArray(scheduledJobs.kind, kinds))
        : eq(scheduledJobs.guildId, guildId);
      return db.select().from(scheduledJobs).where(where).orderBy(asc(scheduledJobs.dueAt)).all();
    },
  };
  return repo;
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
