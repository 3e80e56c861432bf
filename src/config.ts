// The bot's configuration: one zod schema over the environment, every problem reported at once.
// Called from main (never on import) so tests and the shell can pass their own environment.
import { z } from 'zod';
import type { BackupSettings } from './backups/backups.rules.js';
import { LOG_LEVELS } from './shared/logger.js';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord server id (17-20 digits; right-click the server → Copy Server ID)');

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const configSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is required: the bot token from the Discord developer portal (Bot → Reset Token)' })
    .min(1, 'is required: the bot token from the Discord developer portal (Bot → Reset Token)')
    .regex(/^\S+$/, 'must not contain spaces'),
  DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default('./data/alliance.db')),
  DISCORD_API_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' })
      .optional(),
  ),
  BACKUP_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  BACKUP_KEEP: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a whole number of backups to keep, 1 to 1000' }).int('must be a whole number of backups to keep, 1 to 1000').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(14),
  ),
  BACKUP_AT: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour, server time), e.g. 03:00').default('03:00'),
  ),
  HTTP_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a port number, 1-65535' }).int('must be a port number, 1-65535').min(0, 'must be a port number, 1-65535').max(65535, 'must be a port number, 1-65535').optional(),
  ),
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://alliance.example' }).optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  /** Interactions one member may send per 10 seconds in an alliance; 0 turns the limit off (load tests). */
  RATE_LIMIT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a whole number (interactions per member per 10 seconds; 0 = off)' }).int('must be a whole number').min(0, 'must be 0 or more').default(20),
  ),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads the configuration from an environment. Throws ConfigError naming every bad variable; never echoes values. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
  throw new ConfigError(problems);
}

/** The scheduled-backup settings, or null when BACKUP_DIR is not set (no scheduled backups). */
export function backupSettingsOf(config: Config): BackupSettings | null {
  return config.BACKUP_DIR ? { dir: config.BACKUP_DIR, keep: config.BACKUP_KEEP, at: config.BACKUP_AT } : null;
}
