// Meetings, their agendas, attendance and action items; the idea parking lot, dot votes and priorities.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const RECURRENCES = ['none', 'weekly', 'monthly-nth-weekday'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ITEM_OUTCOMES = ['done', 'carry-over', 'action'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** The template of a recurring meeting; each occurrence is its own row in `meetings` with its own agenda. */
export const meetingSeries = sqliteTable(
  'meeting_series',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    recurrence: text('recurrence', { enum: RECURRENCES }).notNull(),
    /** Local wall time of the first occurrence, 'YYYY-MM-DDTHH:mm': later ones keep the same local time. */
    anchorLocal: text('anchor_local').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdBy: text('created_by').notNull(),
  },
  (table) => [index('meeting_series_guild_idx').on(table.guildId, table.active)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    title: text('title').notNull(),
    startsAt: integer('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    structuredMinutes: integer('structured_minutes').notNull(),
    /** External place or link; null when the meeting is in a voice channel or not said. */
    location: text('location'),
    voiceChannelId: text('voice_channel_id'),
    /** Where the agenda and "starting now" posts go; null → the alliance's meetings channel. */
    channelId: text('channel_id'),
    createdBy: text('created_by').notNull(),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('scheduled'),
    seriesId: integer('series_id'),
    /** 0 for the first occurrence of a series (and for one-off meetings). */
    occurrence: integer('occurrence').notNull().default(0),
    discordEventId: text('discord_event_id'),
    agendaMessageId: text('agenda_message_id'),
    startMessageId: text('start_message_id'),
    createdAt: integer('created_at').notNull(),
    /** Listed in the alliance's public calendar feed (/meeting schedule public:true). */
    public: integer('public', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [
    index('meetings_guild_start_idx').on(table.guildId, table.status, table.startsAt),
    uniqueIndex('meetings_series_occurrence_idx').on(table.seriesId, table.occurrence),
  ],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    meetingId: integer('meeting_id').notNull(),
    /** 1-based order on the agenda; kept dense by the repo. */
    position: integer('position').notNull(),
    topic: text('topic').notNull(),
    minutes: integer('minutes').notNull(),
    presenterId: text('presenter_id'),
    priorityId: integer('priority_id'),
    proposedBy: text('proposed_by').notNull(),
    outcome: text('outcome', { enum: ITEM_OUTCOMES }),
    /** What a decision (e.g. a proposal's result) said about this item. */
    decision: text('decision'),
    carriedFromId: integer('carried_from_id'),
    carriedToId: integer('carried_to_id'),
    ideaId: integer('idea_id'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('agenda_items_meeting_idx').on(table.guildId, table.meetingId, table.position),
    index('agenda_items_proposer_idx').on(table.guildId, table.proposedBy),
  ],
);

export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    guildId: text('guild_id').notNull(),
    meetingId: integer('meeting_id').notNull(),
    userId: text('user_id').notNull(),
    markedAt: integer('marked_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.userId] }),
    index('meeting_attendance_user_idx').on(table.guildId, table.userId),
  ],
);

export const actionItems = sqliteTable(
  'action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    meetingId: integer('meeting_id').notNull(),
    agendaItemId: integer('agenda_item_id').notNull(),
    text: text('text').notNull(),
    ownerId: text('owner_id').notNull(),
    /** Local date 'YYYY-MM-DD' in the alliance's time zone. */
    dueDate: text('due_date').notNull(),
    status: text('status', { enum: ['open', 'done'] }).notNull().default('open'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    doneAt: integer('done_at'),
  },
  (table) => [
    index('action_items_owner_idx').on(table.guildId, table.ownerId, table.status),
    index('action_items_status_idx').on(table.guildId, table.status, table.dueDate),
  ],
);

/** Members who asked not to be reminded of their action items. */
export const actionReminderOptOuts = sqliteTable(
  'action_reminder_opt_outs',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.userId] })],
);

/** A schedule or reschedule waiting for Confirm: nothing real is written until the member confirms. */
export const meetingDrafts = sqliteTable(
  'meeting_drafts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The instants the member can pick from (one, or two when the local time occurs twice). */
    candidates: text('candidates', { mode: 'json' }).$type<number[]>().notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('meeting_drafts_guild_idx').on(table.guildId, table.expiresAt)],
);

export const IDEA_STATUSES = ['parked', 'promoted', 'dropped'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const ideas = sqliteTable(
  'ideas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    text: text('text').notNull(),
    authorId: text('author_id').notNull(),
    status: text('status', { enum: IDEA_STATUSES }).notNull().default('parked'),
    /** 'agenda:<itemId>' or 'priority:<priorityId>' once promoted. */
    promotedTo: text('promoted_to'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('ideas_guild_status_idx').on(table.guildId, table.status),
    index('ideas_author_idx').on(table.guildId, table.authorId, table.status),
  ],
);

export const ideaVotes = sqliteTable(
  'idea_votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    ideaId: integer('idea_id').notNull(),
    userId: text('user_id').notNull(),
    /** Local month 'YYYY-MM' the dots were spent in: the allowance is per month. */
    month: text('month').notNull(),
    dots: integer('dots').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('idea_votes_user_month_idx').on(table.guildId, table.userId, table.month),
    index('idea_votes_idea_idx').on(table.guildId, table.ideaId),
  ],
);

export const PRIORITY_STATUSES = ['active', 'achieved', 'cleared', 'replaced'] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];

export const priorities = sqliteTable(
  'priorities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    rank: integer('rank').notNull(),
    text: text('text').notNull(),
    /** Local date 'YYYY-MM-DD', or null when no target was given. */
    targetDate: text('target_date'),
    status: text('status', { enum: PRIORITY_STATUSES }).notNull().default('active'),
    ideaId: integer('idea_id'),
    setBy: text('set_by').notNull(),
    createdAt: integer('created_at').notNull(),
    closedAt: integer('closed_at'),
  },
  (table) => [
    index('priorities_guild_status_idx').on(table.guildId, table.status, table.rank),
    // At most one active priority per rank: the database refuses a second even under a race.
    uniqueIndex('priorities_active_rank_idx').on(table.guildId, table.rank).where(sql`status = 'active'`),
  ],
);
