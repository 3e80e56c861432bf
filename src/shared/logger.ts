// The structured logger (pino). Tokens are redacted wherever they appear in logged objects.
import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config.js';

export type Logger = PinoLogger;

export const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.DISCORD_TOKEN',
  'DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
];

export function createLogger(level: LogLevel = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'alliance-bot' } },
    destination as pino.DestinationStream | undefined,
  );
}

/** A logger that drops everything: tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
