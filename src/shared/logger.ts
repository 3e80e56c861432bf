// The structured logger (pino). Secrets and ballots are redacted wherever they appear in logged objects.
import { pino, type Logger as PinoLogger } from 'pino';

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

export function createLogger(level: LogLevel = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor }, base: { app: 'alliance-bot' } },
    destination as pino.DestinationStream | undefined,
  );
}

/** A logger that drops everything: tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
