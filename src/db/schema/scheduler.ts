// Durable scheduled work: every deadline, reminder and recurring post is a row, so it survives restarts
// and happens once (the unique key makes scheduling idempotent).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const JOB_STATUSES = ['pending', 'running', 'done', 'skipped', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const scheduledJobs = sqliteTable(
  'scheduled_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** Idempotency key, e.g. `monthly:<guild>:2026-12`. Scheduling the same key twice is a no-op. */
    key: text('key').notNull().unique(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    dueAt: integer('due_at').notNull(),
    /** After this instant a missed job is skipped (with a log line) instead of run late. Null: no limit. */
    expiresAt: integer('expires_at'),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastError: text('last_error'),
    finishedAt: integer('finished_at'),
    /** Whatever the handler wants to remember about the run (e.g. the message id it posted). */
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (table) => [
    index('scheduled_jobs_due_idx').on(table.status, table.nextAttemptAt),
    index('scheduled_jobs_guild_idx').on(table.guildId, table.kind),
  ],
);
