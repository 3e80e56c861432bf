// One row per alliance (Discord guild): the settings organizers set with /alliance setup.
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
});
