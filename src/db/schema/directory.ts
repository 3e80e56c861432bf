// The directory: member spaces (profiles, approval state, coordinates), their hosts, linked members and tags,
// plus parked state (search paging, registration drafts) so buttons and modals survive restarts. Full-text search lives in the custom migration
// drizzle/*_directory_fts.sql (FTS5 table spaces_fts kept in sync by triggers on spaces).
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const SPACE_STATUSES = ['pending', 'approved'] as const;
export type SpaceStatus = (typeof SPACE_STATUSES)[number];

export const spaces = sqliteTable(
  'spaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    name: text('name').notNull(),
    /** foldKey(name): duplicate check and name autocomplete order. */
    nameKey: text('name_key').notNull(),
    city: text('city').notNull(),
    /** foldKey(city): city filter and duplicate check. */
    cityKey: text('city_key').notNull(),
    /** GeoNames id of the gazetteer place the city came from (null for imported rows with their own coordinates). */
    placeId: integer('place_id'),
    region: text('region'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    latitude: real('latitude').notNull(),
    longitude: real('longitude').notNull(),
    desks: integer('desks'),
    website: text('website'),
    dayPass: text('day_pass'),
    /** Normalized tags joined by a space: shown on the profile and indexed by FTS; space_tags is the filterable copy. */
    tags: text('tags').notNull().default(''),
    description: text('description'),
    hours: text('hours'),
    /** How to book a day pass and who answers. */
    contact: text('contact'),
    accessibility: text('accessibility'),
    status: text('status', { enum: SPACE_STATUSES }).notNull().default('pending'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    approvedAt: integer('approved_at'),
    approvedBy: text('approved_by'),
    /** The host agreed to show the space on the alliance's public web page (off by default). */
    publicListing: integer('public_listing', { mode: 'boolean' }).notNull().default(false),
    /** Second consent: identity tags (women-owned, bipoc-owned…) shown on the web too. */
    publicTags: integer('public_tags', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [
    uniqueIndex('spaces_guild_city_name_uq').on(table.guildId, table.cityKey, table.nameKey),
    index('spaces_guild_status_name_idx').on(table.guildId, table.status, table.nameKey),
    // Covering for `near`: the bounding box is answered from the index alone (id is the rowid).
    index('spaces_guild_status_lat_lon_idx').on(table.guildId, table.status, table.latitude, table.longitude),
    index('spaces_guild_status_country_idx').on(table.guildId, table.status, table.country),
    // Covering for city stats and city autocomplete (the shown name is read from the index too).
    index('spaces_guild_status_city_name_idx').on(table.guildId, table.status, table.cityKey, table.country, table.city),
    index('spaces_guild_status_desks_idx').on(table.guildId, table.status, table.desks),
    index('spaces_guild_status_approved_idx').on(table.guildId, table.status, table.approvedAt),
    // Covering for the public listing's version (count and newest change): the public page's cache key.
    index('spaces_guild_public_idx').on(table.guildId, table.publicListing, table.status, table.updatedAt),
  ],
);

export const spaceHosts = sqliteTable(
  'space_hosts',
  {
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    addedAt: integer('added_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.spaceId, table.userId] }),
    index('space_hosts_guild_user_idx').on(table.guildId, table.userId),
  ],
);

export const SPACE_MEMBER_STATUSES = ['pending', 'approved'] as const;

/** Members who work from a space (linked through /space join, approved by a host). */
export const spaceMembers = sqliteTable(
  'space_members',
  {
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    status: text('status', { enum: SPACE_MEMBER_STATUSES }).notNull().default('pending'),
    requestedAt: integer('requested_at').notNull(),
    approvedAt: integer('approved_at'),
  },
  (table) => [
    primaryKey({ columns: [table.spaceId, table.userId] }),
    index('space_members_guild_user_idx').on(table.guildId, table.userId),
  ],
);

export const spaceTags = sqliteTable(
  'space_tags',
  {
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    tag: text('tag').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.spaceId, table.tag] }),
    // Covering for the tag filter and tag counts: space ids come from the index without reading the table.
    index('space_tags_guild_tag_space_idx').on(table.guildId, table.tag, table.spaceId),
  ],
);

/**
 * State parked behind a short id that a custom id can carry: a search being paged (kind "search"/"near") or a
 * registration waiting for its modal (kind "register"), so buttons and modals keep working after a restart.
 */
export const directoryStash = sqliteTable(
  'directory_stash',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    kind: text('kind').notNull(),
    /** Who parked it, when only they may use it (a registration draft). */
    userId: text('user_id'),
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('directory_stash_created_idx').on(table.createdAt),
    // Every /directory search trims the member's parked searches: without it, a scan of every parked row (4.5% of
    // the bot's CPU in the bench, growing with the searches of the last 30 days).
    index('directory_stash_user_idx').on(table.guildId, table.userId),
  ],
);

/**
 * A number per alliance that every write to its spaces or their tags moves (triggers in
 * drizzle/*_directory_versions.sql, whichever connection writes): a search remembered with the version it was made
 * at is still right while the version has not moved.
 */
export const directoryVersions = sqliteTable('directory_versions', {
  guildId: text('guild_id').primaryKey(),
  version: integer('version').notNull().default(0),
  /** The alliance's approved spaces, kept by triggers (drizzle/*_directory_approved_counts.sql): what a search plans from. */
  approved: integer('approved').notNull().default(0),
});
