// The alliance's rhythm: monthly update settings and the organizers' note, the history of posted updates, and
// the events spaces host for International Coworking Day.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const rhythmSettings = sqliteTable('rhythm_settings', {
  guildId: text('guild_id').primaryKey(),
  monthlyEnabled: integer('monthly_enabled', { mode: 'boolean' }).notNull().default(true),
  /** 1-28, so every month has that day. */
  monthlyDay: integer('monthly_day').notNull().default(1),
  monthlyHour: integer('monthly_hour').notNull().default(10),
  /** Null: the alliance's announcements channel. */
  monthlyChannelId: text('monthly_channel_id'),
  /** The organizers' note for the next update; cleared once it has been posted. */
  note: text('note'),
  noteBy: text('note_by'),
  noteAt: integer('note_at'),
  icdRemindersEnabled: integer('icd_reminders_enabled', { mode: 'boolean' }).notNull().default(true),
  /** Which reminders (days before August 9) go out: a subset of 30, 7, 1, 0. */
  icdReminders: text('icd_reminders', { mode: 'json' }).$type<number[]>().notNull().default([30, 7, 1, 0]),
  icdWeekName: text('icd_week_name'),
  /** Local date YYYY-MM-DD of the week's first day. */
  icdWeekStart: text('icd_week_start'),
  updatedAt: integer('updated_at').notNull(),
});

export const UPDATE_TRIGGERS = ['scheduled', 'manual'] as const;

export const monthlyUpdates = sqliteTable(
  'monthly_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** The month the update counts for, YYYY-MM (local). */
    period: text('period').notNull(),
    trigger: text('trigger', { enum: UPDATE_TRIGGERS }).notNull(),
    /** Idempotency key of the post (the job key for scheduled ones): one history row per post. */
    postKey: text('post_key').notNull(),
    channelId: text('channel_id').notNull(),
    messageIds: text('message_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** Ids of the sections the update carried, for history and tests. */
    sectionIds: text('section_ids', { mode: 'json' }).$type<string[]>().notNull(),
    postedAt: integer('posted_at').notNull(),
    postedBy: text('posted_by'),
    /** What was posted (the messages' embeds), for the public archive; null for updates posted before it was kept. */
    content: text('content', { mode: 'json' }).$type<{ title: string; description: string }[]>(),
  },
  (table) => [
    uniqueIndex('monthly_updates_post_key_idx').on(table.guildId, table.postKey),
    index('monthly_updates_period_idx').on(table.guildId, table.period),
    index('monthly_updates_posted_idx').on(table.guildId, table.postedAt),
  ],
);

export const coworkingDayEvents = sqliteTable(
  'coworking_day_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** The edition (year of the August 9 it belongs to). */
    year: integer('year').notNull(),
    spaceId: integer('space_id').notNull(),
    /** The space's name when registered: the directory may rename it, the post says what was announced. */
    spaceName: text('space_name').notNull(),
    hostUserId: text('host_user_id').notNull(),
    title: text('title').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    link: text('link'),
    discordEventId: text('discord_event_id'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('coworking_day_events_slot_idx').on(table.guildId, table.spaceId, table.startsAt),
    index('coworking_day_events_year_idx').on(table.guildId, table.year, table.startsAt),
  ],
);
