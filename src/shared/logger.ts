// The structured logger (pino): readable lines on a terminal, JSON otherwise. Secrets and ballots are redacted
// wherever they appear in logged objects.
import { pino, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';

export type Logger = PinoLogger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Never logged: tokens; request URLs (interaction callbacks and webhook edits carry the interaction token in the
 * path) and request bodies (a ballot's confirmation names the choice, next to the voter in the same line).
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.DISCORD_TOKEN',
  'DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
  'url',
  '*.url',
  'body',
  '*.body',
  'requestBody',
  '*.requestBody',
  'customId',
  '*.customId',
];

/** Custom ids of ballot buttons and forms hold the choice (`v1:proposal:ballot:12:y`): logged only as redacted. */
export const BALLOT_CUSTOM_ID = /^v1:proposal:(ballot|reason|why):/;

function censor(value: unknown, path: string[]): unknown {
  // Other custom ids stay readable: they say which button failed and hold no vote.
  if (path[path.length - 1] === 'customId' && typeof value === 'string' && !BALLOT_CUSTOM_ID.test(value)) return value;
  return '[redacted]';
}

/**
 * Where log lines go when the caller names no stream: a person at a terminal reads pino-pretty's lines (in-process,
 * synchronous, so the last lines before an exit are not lost); a service manager or a pipe gets JSON, one object a line.
 */
export function defaultLogDestination(stdout: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout): NodeJS.WritableStream | undefined {
  if (!stdout.isTTY) return undefined;
  return pretty({ colorize: true, sync: true, translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname,app', destination: stdout });
}

export function createLogger(level: LogLevel = 'info', destination: NodeJS.WritableStream | undefined = defaultLogDestination()): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor }, base: { app: 'alliance-bot' } },
    destination as pino.DestinationStream | undefined,
  );
}

/** A logger that drops everything: tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
