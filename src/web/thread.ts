// Starts the public page on HTTP_PORT in its own thread (worker.ts) and keeps it running: answers its health
// questions, sends it alliance names, logs its lines through the bot's logger, restarts it after a crash, stops it
// with the bot. A database in memory cannot be shared with a thread, so that one case serves from the main thread.
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Services } from '../services.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { checkHealth, type HealthProbes } from './health.js';
import type { RateLimit } from './middleware.js';
import { startWebServer } from './server.js';
import { shareClock } from './shared-clock.js';
import type { FromWebThread, ToWebThread, WebThreadData } from './thread-protocol.js';

export interface WebOptions {
  services: Services;
  clock: Clock;
  logger: Logger;
  databasePath: string;
  publicUrl?: string;
  rateLimit?: RateLimit;
  health: HealthProbes;
  /** Every alliance's display name (its Discord server's name) by guild id. */
  allianceNames(): [string, string][];
  /** Every alliance's Discord server locale (preferred_locale) by guild id. */
  allianceLocales(): [string, string][];
}

export interface RunningWeb {
  port: number;
  url: string;
  /** The page's thread (null when it is served from the main thread: a database in memory). */
  readonly threadId: number | null;
  /** How many times the thread was started again after it died. */
  readonly restarts: number;
  /** Alliance names or locales changed (a server joined, was renamed, changed language or left): the thread gets the new lists. */
  allianceNamesChanged(): void;
  /** Ends the thread abruptly, as a crash would: it is started again (the restart test uses this). */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Wait between restarts: 1 s, doubling to 30 s; a thread that ran for a minute starts the count again. */
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
const STABLE_MS = 60_000;
/** How long a stop waits for the thread to close its server before ending it. */
const STOP_WAIT_MS = 5000;
const PINO_LEVELS: Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * The worker's entry beside this file: worker.js when compiled; worker.ts from the sources, loaded through tsx's
 * API (a worker started from a test runner or `tsx` does not otherwise know TypeScript).
 */
function spawnWorker(data: WebThreadData): Worker {
  const here = fileURLToPath(import.meta.url);
  const entry = new URL(`./worker${extname(here)}`, import.meta.url);
  if (extname(here) !== '.ts') return new Worker(entry, { workerData: data });
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `const { workerData } = require('node:worker_threads');
import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** Logs a line the thread's pino wrote through the main logger, marked as the web thread's. */
function relog(logger: Logger, line: string): void {
  try {
    const { level, time: _time, pid: _pid, hostname: _hostname, app: _app, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
    logger[PINO_LEVELS[Number(level)] ?? 'info']({ ...fields, thread: 'web' }, typeof msg === 'string' ? msg : '');
  } catch {
    logger.info({ thread: 'web' }, line.trim());
  }
}

export async function startWeb(options: WebOptions, port: number, hostname = '0.0.0.0'): Promise<RunningWeb> {
  if (options.databasePath === ':memory:') return startInMainThread(options, port, hostname);
  const { logger } = options;
  const clock = shareClock(options.clock);
  let worker: Worker;
  let stopping = false;
  let restarts = 0;
  let backoff = FIRST_BACKOFF_MS;
  let actualPort = port;
  let url = '';

  const post = (message: ToWebThread) => worker.postMessage(message);
  /** Starts a thread; resolves once it listens, rejects when it could not. */
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      let listening = false;
      const thread = spawnWorker({
        databasePath: options.databasePath,
        port: actualPort,
        hostname,
        ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
        ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
        logLevel: logger.level,
        clock: clock.buffer,
        allianceNames: options.allianceNames(),
        allianceLocales: options.allianceLocales(),
      });
      worker = thread;
      thread.on('message', (message: FromWebThread) => {
        if (message.type === 'log') relog(logger, message.line);
        else if (message.type === 'health') thread.postMessage({ type: 'health', id: message.id, report: checkHealth(options.health) } satisfies ToWebThread);
        else if (message.type === 'listening') {
          listening = true;
          // Later starts listen on the port the first one got (HTTP_PORT=0 picks a free one once).
          actualPort = message.port;
          url = message.url;
          resolve();
        } else if (message.type === 'failed') reject(new Error(message.message));
      });
      thread.on('error', (error) => {
        logger.error({ err: error }, 'the public page’s thread failed');
        if (!listening) reject(error);
      });
      thread.on('exit', (code) => {
        if (!listening) reject(new Error(`The public page’s thread ended (code ${code}) before it listened`));
        if (stopping || !listening || worker !== thread) return;
        if (Date.now() - started > STABLE_MS) backoff = FIRST_BACKOFF_MS;
        logger.error({ code, restartInMs: backoff }, 'the public page’s thread stopped unexpectedly; starting it again');
        setTimeout(relaunch, backoff).unref();
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      });
    });
  const relaunch = () => {
    if (stopping) return;
    launch().then(
      () => {
        restarts += 1;
        logger.info({ url, restarts }, 'the public page’s thread is serving again');
      },
      (error: unknown) => {
        // It did not come back (e.g. the port was taken meanwhile): try again later, louder each time.
        logger.error({ err: error, restartInMs: backoff }, 'the public page’s thread could not start again');
        setTimeout(relaunch, backoff).unref();
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      },
    );
  };

  try {
    await launch();
  } catch (error) {
    clock.stop();
    await worker!.terminate();
    throw error;
  }
  const exited = (thread: Worker) => new Promise<void>((resolve) => (thread.threadId === -1 ? resolve() : thread.once('exit', () => resolve())));
  return {
    get port() {
      return actualPort;
    },
    get url() {
      return url;
    },
    get threadId() {
      return worker.threadId;
    },
    get restarts() {
      return restarts;
    },
    allianceNamesChanged: () => post({ type: 'alliance-names', names: options.allianceNames(), locales: options.allianceLocales() }),
    async kill() {
      const thread = worker;
      await thread.terminate();
    },
    async stop() {
      stopping = true;
      clock.stop();
      const thread = worker;
      const done = exited(thread);
      post({ type: 'stop' });
      const timer = setTimeout(() => void thread.terminate(), STOP_WAIT_MS);
      await done;
      clearTimeout(timer);
    },
  };
}

/** The page served from the bot's own thread (only for a database in memory, which another thread cannot open). */
async function startInMainThread(options: WebOptions, port: number, hostname: string): Promise<RunningWeb> {
  const web = await startWebServer(
    {
      services: options.services,
      clock: options.clock,
      logger: options.logger,
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      allianceName: (guildId) => options.allianceNames().find(([id]) => id === guildId)?.[1] ?? null,
      allianceLocale: (guildId) => options.allianceLocales().find(([id]) => id === guildId)?.[1] ?? null,
      health: () => checkHealth(options.health),
    },
    port,
    hostname,
  );
  return { ...web, threadId: null, restarts: 0, allianceNamesChanged: () => undefined, kill: async () => undefined };
}
