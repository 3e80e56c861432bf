// Referrals between spaces: a prospect one space cannot serve, sent to another member space, its answer and outcome.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const LEAD_STATUSES = ['open', 'accepted', 'passed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_OUTCOMES = ['won', 'lost', 'no-reply'] as const;
export type LeadOutcome = (typeof LEAD_OUTCOMES)[number];

export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** Space ids without foreign keys, names kept: the stats stay the spaces' records after one leaves. */
    fromSpaceId: integer('from_space_id').notNull(),
    fromSpaceName: text('from_space_name').notNull(),
    toSpaceId: integer('to_space_id').notNull(),
    toSpaceName: text('to_space_name').notNull(),
    need: text('need').notNull(),
    size: integer('size'),
    /** YYYY-MM-DD: when the prospect needs it by. */
    byDate: text('by_date'),
    consent: integer('consent', { mode: 'boolean' }).notNull(),
    /** The prospect's contact: stored only when they agreed (consent). */
    contact: text('contact'),
    sentBy: text('sent_by'),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('open'),
    answeredBy: text('answered_by'),
    answeredAt: integer('answered_at'),
    outcome: text('outcome', { enum: LEAD_OUTCOMES }),
    outcomeAt: integer('outcome_at'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('leads_guild_from_idx').on(table.guildId, table.fromSpaceId, table.outcome),
    index('leads_guild_created_idx').on(table.guildId, table.createdAt),
  ],
);
