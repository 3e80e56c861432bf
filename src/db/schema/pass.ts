// The alliance pass: which spaces accept it and on what terms, the passes issued (to a member or to someone
// outside Discord by name) and every recorded visit. Visits stay as the spaces' records when a holder is forgotten.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { spaces } from './directory.js';

/** A space's pass terms; a space without a row does not accept the pass. */
export const passSpaces = sqliteTable(
  'pass_spaces',
  {
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    accepts: integer('accepts', { mode: 'boolean' }).notNull(),
    terms: text('terms'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.spaceId] }), index('pass_spaces_guild_idx').on(table.guildId, table.accepts)],
);

export const passes = sqliteTable(
  'passes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** 8 characters from an alphabet without 0/O, 1/I/L; unique per alliance. */
    code: text('code').notNull(),
    /** The member holding it (null for someone outside Discord, or once the holder asked to be forgotten). */
    holderUserId: text('holder_user_id'),
    /** Someone outside Discord, by the name the organizer typed. */
    holderName: text('holder_name'),
    visits: integer('visits').notNull(),
    /** The last day (YYYY-MM-DD, alliance time) the pass is valid. */
    validUntil: text('valid_until').notNull(),
    note: text('note'),
    issuedBy: text('issued_by'),
    issuedAt: integer('issued_at').notNull(),
  },
  (table) => [uniqueIndex('passes_guild_code_uq').on(table.guildId, table.code), index('passes_guild_holder_idx').on(table.guildId, table.holderUserId)],
);

export const passVisits = sqliteTable(
  'pass_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    passId: integer('pass_id')
      .notNull()
      .references(() => passes.id, { onDelete: 'cascade' }),
    /** No foreign key: a visit stays in the revenue share when the space later leaves the directory. */
    spaceId: integer('space_id').notNull(),
    spaceName: text('space_name').notNull(),
    /** The visit's calendar day (YYYY-MM-DD, alliance time): one visit per pass, space and day. */
    day: text('day').notNull(),
    visitedAt: integer('visited_at').notNull(),
    checkedInBy: text('checked_in_by'),
  },
  (table) => [
    uniqueIndex('pass_visits_once_a_day_uq').on(table.passId, table.spaceId, table.day),
    // Covering for /pass visits: a month's visits grouped by space and by pass from the index alone.
    index('pass_visits_guild_day_idx').on(table.guildId, table.day, table.spaceId, table.passId),
  ],
);

/**
 * Visits per month and space, kept by triggers on pass_visits (see the migration's end): /pass visits and the
 * monthly update read a few dozen rows here however many visits were recorded.
 */
export const passMonthSpaces = sqliteTable(
  'pass_month_spaces',
  {
    guildId: text('guild_id').notNull(),
    /** YYYY-MM of the visit's day. */
    month: text('month').notNull(),
    spaceId: integer('space_id').notNull(),
    spaceName: text('space_name').notNull(),
    visits: integer('visits').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.month, table.spaceId] })],
);

/** Visits per month and pass, kept by the same triggers; the index serves "the passes used most" in order. */
export const passMonthPasses = sqliteTable(
  'pass_month_passes',
  {
    guildId: text('guild_id').notNull(),
    month: text('month').notNull(),
    passId: integer('pass_id').notNull(),
    visits: integer('visits').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.month, table.passId] }), index('pass_month_passes_top_idx').on(table.guildId, table.month, table.visits)],
);
