// The bot's configuration: one zod schema over the environment, every problem reported at once.
// Called from main (never on import) so tests and the shell can pass their own environment.
import { z } from 'zod';
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
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
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
