// Counts the statements a connection prepares from scratch, by watching better-sqlite3's own `prepare` on that one
// connection (a test's observation: the bot's connection is left as better-sqlite3 made it).
import type Database from 'better-sqlite3';
import { vi } from 'vitest';

export interface PrepareWatch {
  /** The SQL texts prepared since the watch began or since the last take, in order. */
  take(): string[];
  stop(): void;
}

export function watchPrepares(sqlite: Database.Database): PrepareWatch {
  const spy = vi.spyOn(sqlite, 'prepare');
  return {
    take() {
      const texts = spy.mock.calls.map(([source]) => source);
      spy.mockClear();
      return texts;
    },
    stop: () => spy.mockRestore(),
  };
}
