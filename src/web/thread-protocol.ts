// What the bot's main thread and the public page's thread say to each other (src/web/thread.ts ↔ src/web/worker.ts).
import type { HealthReport } from './health.js';
import type { RateLimit } from './middleware.js';

/** Given to the web thread when it starts. */
export interface WebThreadData {
  databasePath: string;
  port: number;
  hostname: string;
  publicUrl?: string;
  rateLimit?: RateLimit;
  /** The main logger's level: the thread logs at the same one (and sends nothing when it is silent). */
  logLevel: string;
  /** The bot's clock, mirrored (shared-clock.ts). */
  clock: SharedArrayBuffer;
  /** Alliance (guild) id → its Discord server's name. */
  allianceNames: [string, string][];
  /** Alliance (guild) id → its Discord server's locale (the page's language when organizers chose none). */
  allianceLocales: [string, string][];
}

/** Main thread → web thread. */
export type ToWebThread =
  | { type: 'alliance-names'; names: [string, string][]; locales: [string, string][] }
  | { type: 'health'; id: number; report: HealthReport }
  | { type: 'stop' };

/** Web thread → main thread. */
export type FromWebThread =
  | { type: 'listening'; port: number; url: string }
  | { type: 'failed'; message: string }
  /** One line as pino wrote it (JSON); the main thread logs it again through its own logger. */
  | { type: 'log'; line: string }
  | { type: 'health'; id: number }
  | { type: 'stopped' };
