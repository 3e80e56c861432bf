// One row per alliance (Discord guild): the settings organizers set with /alliance setup.
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const alliances = sqliteTable('alliances', {
  guildId: text('guild_id').primaryKey(),
  timezone: text('timezone').notNull().default('UTC'),
  announcementsChannelId: text('announcements_channel_id'),
  organizersChannelId: text('organizers_channel_id'),
  organizerRoleId: text('organizer_role_id'),
  proposalsChannelId: text('proposals_channel_id'),
  meetingsChannelId: text('meetings_channel_id'),
  directoryApproval: integer('directory_approval', { mode: 'boolean' }).notNull().default(true),
  /** Open parked ideas one member may have at once. */
  ideaQuota: integer('idea_quota').notNull().default(3),
  /** Agenda items one member may propose per meeting. */
  agendaQuota: integer('agenda_quota').notNull().default(2),
  /** The public web page (/a/<slug>/) is served only while this is on; off by default. */
  publicPage: integer('public_page', { mode: 'boolean' }).notNull().default(false),
  /** The page's address: 3-40 of a-z, 0-9 and hyphens, unique across the alliances of one bot. */
  publicSlug: text('public_slug'),
  /** 'en' | 'es' | 'fr' for public posts; null follows the server's locale (English when we do not speak it). */
  language: text('language'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
}, (table) => [uniqueIndex('alliances_public_slug_uq').on(table.publicSlug)]);

/** A member's private calendar feed: a random token (shown again by /meeting calendar, replaced by calendar-reset). */
export const calendarTokens = sqliteTable(
  'calendar_tokens',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    token: text('token').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('calendar_tokens_member_uq').on(table.guildId, table.userId), uniqueIndex('calendar_tokens_token_uq').on(table.token)],
);
