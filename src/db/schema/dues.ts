// Dues: the alliance's plan (what each member space owes per period), the append-only ledger of payments and
// their reversing corrections, and each host's reminder preference. Good standing is computed from the ledger.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const DUES_PERIODS = ['monthly', 'quarterly', 'yearly'] as const;
export type DuesPeriod = (typeof DUES_PERIODS)[number];
export const DUES_ENTRY_KINDS = ['payment', 'reversal'] as const;
export type DuesEntryKind = (typeof DUES_ENTRY_KINDS)[number];

/** Every plan an alliance set, newest last: the plan in force is the newest one (history kept for the record). */
export const duesPlans = sqliteTable(
  'dues_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** Minor units (cents) of `currency`: money is never a floating-point number. */
    amountMinor: integer('amount_minor').notNull(),
    /** ISO 4217 code. */
    currency: text('currency').notNull(),
    period: text('period', { enum: DUES_PERIODS }).notNull(),
    graceDays: integer('grace_days').notNull(),
    /** Calendar date (YYYY-MM-DD) the first period starts; periods follow from it. */
    startsOn: text('starts_on').notNull(),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('dues_plans_guild_idx').on(table.guildId, table.id)],
);

/**
 * The ledger, append-only: a payment, or a reversal that cancels one payment (never an edit). The space's name is
 * kept with each entry so the record stays readable after a space leaves the directory.
 */
export const duesEntries = sqliteTable(
  'dues_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** Per-alliance number organizers refer to (entry #12). */
    number: integer('number').notNull(),
    kind: text('kind', { enum: DUES_ENTRY_KINDS }).notNull(),
    spaceId: integer('space_id').notNull(),
    spaceName: text('space_name').notNull(),
    /** Minor units; negative for a reversal. */
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** Calendar dates (YYYY-MM-DD). */
    paidOn: text('paid_on').notNull(),
    coversUntil: text('covers_until').notNull(),
    note: text('note'),
    /** The payment a reversal cancels (at most one reversal per payment). */
    reversesId: integer('reverses_id'),
    /** Who recorded it; null once that member asked to be forgotten (the entry stays as the space's record). */
    recordedBy: text('recorded_by'),
    recordedAt: integer('recorded_at').notNull(),
  },
  (table) => [
    uniqueIndex('dues_entries_guild_number_uq').on(table.guildId, table.number),
    uniqueIndex('dues_entries_reverses_uq').on(table.reversesId),
    // Covering for paid-through per space: the newest covers-until of each space is read from the index alone.
    index('dues_entries_paid_through_idx').on(table.guildId, table.kind, table.spaceId, table.coversUntil, table.id),
    // A space's ledger lines in order (a host's /dues status).
    index('dues_entries_space_idx').on(table.guildId, table.spaceId, table.number),
  ],
);

/** Hosts who turned dues reminders off (absent: on). */
export const duesReminderPrefs = sqliteTable(
  'dues_reminder_prefs',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    remindersOff: integer('reminders_off', { mode: 'boolean' }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.userId] })],
);
