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
  // Unset: one shard. 'auto': as many as Discord recommends, all in this process. A list: this process's shards of
  // DISCORD_SHARD_COUNT (one process per shard group, every process on the same database); see docs/scaling.md.
  DISCORD_SHARDS: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^(auto|\d{1,4}(,\d{1,4})*)$/, "must be 'auto' or shard ids such as 0,1").optional(),
  ),
  DISCORD_SHARD_COUNT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a whole number of shards, 1 or more' }).int('must be a whole number of shards, 1 or more').min(1, 'must be a whole number of shards, 1 or more').optional(),
  ),
}).superRefine((config, check) => {
  const ids = config.DISCORD_SHARDS && config.DISCORD_SHARDS !== 'auto' ? config.DISCORD_SHARDS.split(',').map(Number) : null;
  if (ids && config.DISCORD_SHARD_COUNT === undefined) {
    check.addIssue({ code: 'custom', path: ['DISCORD_SHARD_COUNT'], message: 'is required with a list of DISCORD_SHARDS: the total shards of every process' });
  } else if (ids && ids.some((id) => id >= config.DISCORD_SHARD_COUNT!)) {
    check.addIssue({ code: 'custom', path: ['DISCORD_SHARDS'], message: `must be shard ids below DISCORD_SHARD_COUNT (${config.DISCORD_SHARD_COUNT})` });
  }
});

/** The discord.js sharding options a configuration asks for (none: discord.js's single shard). */
export function shardOptions(config: Config): { shards: 'auto' | number[]; shardCount?: number } | Record<string, never> {
  if (!config.DISCORD_SHARDS) return {};
  if (config.DISCORD_SHARDS === 'auto') return { shards: 'auto' };
  return { shards: config.DISCORD_SHARDS.split(',').map(Number), ...(config.DISCORD_SHARD_COUNT ? { shardCount: config.DISCORD_SHARD_COUNT } : {}) };
}

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

/** A process of several runs the scheduled jobs of its own shards' guilds only; one process (or 'auto') runs all. */
export function schedulerShards(config: Config): { shards: { ids: number[]; count: number } } | Record<string, never> {
  const options = shardOptions(config);
  if (!('shards' in options) || options.shards === 'auto' || !options.shardCount) return {};
  return { shards: { ids: options.shards, count: options.shardCount } };
}

/**
 * The part of the bot's request budget this process may spend: Discord's 50 requests a second are per bot, not per
 * process, so a process running 1 of 2 shards gets half (its scheduler's pace and discord.js's global limit).
 */
export function budgetShare(config: Config): number {
  const { shards } = schedulerShards(config);
  return shards ? shards.ids.length / shards.count : 1;
}
