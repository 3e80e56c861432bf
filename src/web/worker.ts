// The public page's own thread: a read-only connection to the bot's database, read-only services built by the same
// feature factories as the commands', and the Hono app on HTTP_PORT. A busy page thus cannot hold up members'
// interactions on the main thread; health, alliance names, logs and stop travel as messages (thread-protocol.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDatabase } from '../db/open.js';
import { createServices } from '../services.js';
import { createLogger, type LogLevel } from '../shared/logger.js';
import { mainThreadSilent, withWebDatabase, type HealthReport } from './health.js';
import { createLagSampler } from './overload.js';
import { startWebServer } from './server.js';
import { sharedClock } from './shared-clock.js';
import type { FromWebThread, ToWebThread, WebThreadData } from './thread-protocol.js';

/** How long /healthz waits for the main thread's answer. */
const HEALTH_WAIT_MS = 2000;
/**
 * How often the thread looks whether the bot refreshed the planner's statistics (at start, after an import, every few
 * hours): a few dozen rows read, so a grown directory is planned right within seconds (db/open.ts).
 */
const STATISTICS_EVERY_MS = 10_000;

const data = workerData as WebThreadData;
const main = parentPort!;
const send = (message: FromWebThread) => main.postMessage(message);

const database = openReadOnlyDatabase(data.databasePath);
const clock = sharedClock(data.clock);
const services = createServices({ db: database.db, clock });
const logger = createLogger(data.logLevel as LogLevel, { write: (line: string) => send({ type: 'log', line }) } as unknown as NodeJS.WritableStream);
let names = new Map(data.allianceNames);
const statistics = setInterval(() => {
  try {
    database.optimize();
  } catch (error) {
    logger.warn({ err: error }, 'could not pick up the planner’s statistics');
  }
}, STATISTICS_EVERY_MS).unref();
let locales = new Map(data.allianceLocales);

const dataVersion = database.sqlite.prepare('PRAGMA data_version').pluck();
const waiting = new Map<number, (report: HealthReport) => void>();
let nextHealthId = 0;
const databaseOk = () => {
  try {
    return database.sqlite.prepare('SELECT 1 AS ok').get() !== undefined;
  } catch {
    return false;
  }
};
const health = () =>
  new Promise<HealthReport>((resolve) => {
    const id = nextHealthId++;
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(mainThreadSilent(databaseOk()));
    }, HEALTH_WAIT_MS);
    waiting.set(id, (report) => {
      clearTimeout(timer);
      waiting.delete(id);
      resolve(withWebDatabase(report, databaseOk()));
    });
    send({ type: 'health', id });
  });

try {
  const web = await startWebServer(
    {
      services,
      clock,
      logger,
      ...(data.publicUrl ? { publicUrl: data.publicUrl } : {}),
      ...(data.rateLimit ? { rateLimit: data.rateLimit } : {}),
      allianceName: (guildId) => names.get(guildId) ?? null,
      allianceLocale: (guildId) => locales.get(guildId) ?? null,
      health,
      lag: createLagSampler().current,
      dataVersion: () => dataVersion.get() as number,
    },
    data.port,
    data.hostname,
  );
  main.on('message', (message: ToWebThread) => {
    if (message.type === 'alliance-names') {
      names = new Map(message.names);
      locales = new Map(message.locales);
    }
    else if (message.type === 'health') waiting.get(message.id)?.(message.report);
    else if (message.type === 'stop') {
      clearInterval(statistics);
      void web.stop().then(() => {
        database.close();
        send({ type: 'stopped' });
        main.close();
      });
    }
  });
  send({ type: 'listening', port: web.port, url: web.url });
} catch (error) {
  clearInterval(statistics);
  database.close();
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  main.close();
}
