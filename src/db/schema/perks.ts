// Member perks: offers from partners (accountants, insurers, software) for members of any alliance space.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const perks = sqliteTable(
  'perks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    title: text('title').notNull(),
    partner: text('partner').notNull(),
    details: text('details').notNull(),
    /** Shown only privately (ephemeral answers). */
    code: text('code'),
    /** Last day (YYYY-MM-DD, alliance time) the perk is offered; after it the perk no longer shows. */
    until: text('until'),
    link: text('link'),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('perks_guild_until_idx').on(table.guildId, table.until)],
);
