// Skill-share tables: offers and needs, members' privacy choices, match notices, introductions, thanks and
// new-skill suggestions. Every row carries its guild; deleting a member's data is a delete by (guild, user).
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const SKILL_ENTRY_KINDS = ['offer', 'need'] as const;
export type SkillEntryKind = (typeof SKILL_ENTRY_KINDS)[number];
export const SKILL_LEVELS = ['learning', 'practiced', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const INTRO_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type IntroStatus = (typeof INTRO_STATUSES)[number];

export const skillEntries = sqliteTable(
  'skill_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind', { enum: SKILL_ENTRY_KINDS }).notNull(),
    /** Taxonomy skill id, or `custom:<normalized text>` for a skill the taxonomy does not know. */
    skillKey: text('skill_key').notNull(),
    /** The taxonomy term (name or synonym, normalized) the member's text resolved to: tells "same" from "synonym". */
    term: text('term').notNull(),
    level: text('level', { enum: SKILL_LEVELS }),
    note: text('note'),
    /** Needs only: the date (YYYY-MM-DD, alliance time) the member needs it by; shown, not enforced. */
    byDate: text('by_date'),
    createdAt: integer('created_at').notNull(),
    /** Last time the member added or renewed it: freshness is measured from here. */
    renewedAt: integer('renewed_at').notNull(),
    /** Needs only: when the need lapses unless renewed. */
    expiresAt: integer('expires_at'),
  },
  (table) => [
    uniqueIndex('skill_entries_owner_skill_uq').on(table.guildId, table.userId, table.kind, table.skillKey),
    index('skill_entries_guild_skill_idx').on(table.guildId, table.skillKey, table.kind),
    index('skill_entries_guild_created_idx').on(table.guildId, table.createdAt),
  ],
);

export const skillPrefs = sqliteTable(
  'skill_prefs',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    /** Hidden members appear in no one's matches and get no match notices. */
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    introsClosed: integer('intros_closed', { mode: 'boolean' }).notNull().default(false),
    /** Opt-out of the "your need expires in a week" reminder. */
    remindersOff: integer('reminders_off', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.userId] })],
);

/**
 * One row per pair of matching entries whose older owner was told: "told once" is this unique pair, and the same two
 * members are told about the same skill at most once in 30 days (skill_key), however often entries are re-added.
 */
export const skillMatchNotices = sqliteTable(
  'skill_match_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** The older entry; its owner is the one told. */
    olderEntryId: integer('older_entry_id').notNull(),
    newerEntryId: integer('newer_entry_id').notNull(),
    olderUserId: text('older_user_id').notNull(),
    newerUserId: text('newer_user_id').notNull(),
    /** The skill both entries are on ('' for notices recorded before it was kept). */
    skillKey: text('skill_key').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('skill_match_notices_pair_uq').on(table.olderEntryId, table.newerEntryId),
    index('skill_match_notices_skill_idx').on(table.guildId, table.skillKey, table.createdAt),
    index('skill_match_notices_guild_user_idx').on(table.guildId, table.olderUserId),
  ],
);

/** One skill that links two members: the offer, and the need it matched (close: same category, not the same skill). */
export type IntroLink = string | { offer: string; need: string; close: boolean };

export const skillIntros = sqliteTable(
  'skill_intros',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    requesterId: text('requester_id').notNull(),
    targetId: text('target_id').notNull(),
    /**
     * Skills that link them when asked: what the target offers that the requester needs, and the reverse. Each is
     * the offer and the need it matched (a plain label in rows written before the needs were kept).
     */
    targetOffers: text('target_offers', { mode: 'json' }).$type<IntroLink[]>().notNull(),
    requesterOffers: text('requester_offers', { mode: 'json' }).$type<IntroLink[]>().notNull(),
    /** Where the request was made: the private-thread fallback opens there. */
    channelId: text('channel_id'),
    status: text('status', { enum: INTRO_STATUSES }).notNull().default('pending'),
    createdAt: integer('created_at').notNull(),
    respondedAt: integer('responded_at'),
    /** Answers to "did it help?" a week after acceptance; null until answered. */
    requesterHelped: integer('requester_helped', { mode: 'boolean' }),
    targetHelped: integer('target_helped', { mode: 'boolean' }),
    /** When each side answered: "helped this month" counts answers given in the month. */
    requesterAnsweredAt: integer('requester_answered_at'),
    targetAnsweredAt: integer('target_answered_at'),
  },
  (table) => [
    index('skill_intros_requester_idx').on(table.guildId, table.requesterId, table.status),
    index('skill_intros_target_idx').on(table.guildId, table.targetId),
    index('skill_intros_guild_created_idx').on(table.guildId, table.createdAt),
  ],
);

export const skillThanks = sqliteTable(
  'skill_thanks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    fromUserId: text('from_user_id').notNull(),
    toUserId: text('to_user_id').notNull(),
    skillKey: text('skill_key').notNull(),
    skillLabel: text('skill_label').notNull(),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('skill_thanks_guild_created_idx').on(table.guildId, table.createdAt),
    index('skill_thanks_pair_idx').on(table.guildId, table.fromUserId, table.toUserId),
  ],
);

/** Free-text skills the taxonomy lacks, suggested to organizers once per alliance. */
export const skillSuggestions = sqliteTable(
  'skill_suggestions',
  {
    guildId: text('guild_id').notNull(),
    skillKey: text('skill_key').notNull(),
    label: text('label').notNull(),
    firstUserId: text('first_user_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.skillKey] })],
);

/** Bumped by every skill-share write, so an in-memory match index knows when it is stale. */
export const skillIndexVersions = sqliteTable('skill_index_versions', {
  guildId: text('guild_id').primaryKey(),
  version: integer('version').notNull().default(0),
});

/**
 * Bumped by triggers on the directory's spaces, hosts and members (see the migration), so skill matching can keep
 * members' places between requests and know, with one read, when any of them may have changed.
 */
export const skillPlaceVersions = sqliteTable('skill_place_versions', {
  guildId: text('guild_id').primaryKey(),
  version: integer('version').notNull().default(0),
});
