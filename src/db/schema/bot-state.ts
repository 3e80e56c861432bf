// Small key-value facts about the bot itself (e.g. the hash of the registered command set).
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const botState = sqliteTable('bot_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
