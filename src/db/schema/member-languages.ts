// The language each member last used the bot in, per alliance (en, es, fr): messages that reach them later by DM
// (introductions, match notices, reminders, leads), where no interaction says which language they read.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const memberLanguages = sqliteTable(
  'member_languages',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    language: text('language').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.userId] })],
);
