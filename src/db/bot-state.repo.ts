// Key-value facts about the bot (e.g. the registered command hash).
import { eq } from 'drizzle-orm';
import type { Db } from './open.js';
import { botState } from './schema/index.js';

export function createBotStateRepo(db: Db) {
  return {
    get(key: string): string | null {
      return db.select().from(botState).where(eq(botState.key, key)).get()?.value ?? null;
    },
    set(key: string, value: string): void {
      db.insert(botState).values({ key, value }).onConflictDoUpdate({ target: botState.key, set: { value } }).run();
    },
  };
}
