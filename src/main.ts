// The only place that knows everything: config → database → services → client → scheduler.
// `startBot` is what tests, the shell and benchmarks start; running this file starts the bot for real.
import { pathToFileURL } from 'node:url';
import { Events, Status, type MessageReaction, type PartialMessageReaction, type PartialUser, type User } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { commands } from '../commands/index.js';
import { backupSettingsOf, budgetShare, ConfigError, loadConfig, schedulerShards, shardOptions, type Config } from './config.js';
import { createBotStateRepo } from './db/bot-state.repo.js';
import { cachePathFor, openCacheDatabase } from './db/cache.js';
import { openDatabase, type OpenDatabase } from './db/open.js';
import { createDiscordClient } from './discord/client.js';
import { logGatewayEvents } from './discord/gateway-log.js';
import type { BotContext } from './discord/command.js';
import { notifyOrganizersOfFailedJob } from './discord/failure-notice.js';
import type { ReactionEvent } from './discord/feature-wiring.js';
import { features } from './discord/features.js';
import { gatherJobHandlers } from './discord/job-handlers.js';
import { loginAndWaitReady } from './discord/login.js';
import { createPoster } from './discord/poster.js';
import { registrationBody, syncCommands } from './discord/registration.js';
import { createRateLimiter } from './discord/rate-limit.js';
import { createRouter, RATE_WINDOW_MS } from './discord/router.js';
import { SCHEDULED_JOBS_PER_SECOND, createScheduler, type Scheduler } from './scheduler/scheduler.js';
import { createServices, type ServicePorts, type Services } from './services.js';
import { systemClock, type Clock } from './shared/clock.js';
import { createLogger, type Logger } from './shared/logger.js';
import type { RunningWeb } from './web/thread.js';

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Start the minute timer (default true). Tests drive the scheduler with tick() instead. */
  startScheduler?: boolean;
  /** Run jobs added for "now" at once even without the minute timer (default: as startScheduler). */
  wakeOnDueJobs?: boolean;
  /** Stand-ins for other features' ports (tests). */
  ports?: ServicePorts;
  /** Where the web server listens (default all interfaces; tests and the shell use 127.0.0.1). */
  webHostname?: string;
  /** The web server's per-address rate limit (default 300 requests per 10 s; the web benchmark raises it). */
  webRateLimit?: { limit: number; windowMs: number };
  /** How often idle REST queues are dropped (default REST_HANDLER_SWEEP_MS; a test shortens it). */
  restHandlerSweepMs?: number;
}

/** How long a stop waits for work in flight (a command being answered, a scheduled post) before abandoning it. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface RunningBot {
  ctx: BotContext;
  services: Services;
  database: OpenDatabase;
  scheduler: Scheduler;
  /** The public web page and /healthz, when HTTP_PORT is set. */
  web: RunningWeb | null;
  /** Resolves when every interaction in flight has been handled to its end (what it stores after answering included). */
  interactionsIdle(): Promise<void>;
  /** Finishes work in flight within the deadline (abandoning what is left), then disconnects and closes the database. */
  stop(deadlineMs?: number): Promise<void>;
}

/** True when the work settled within the deadline; false when the deadline passed first. */
async function settlesWithin(work: Promise<unknown>, deadlineMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  try {
    return await Promise.race([work.then(() => true, () => true), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function reactionEvent(reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser, member: unknown): ReactionEvent {
  const roles = (member as { roles?: unknown } | undefined)?.roles;
  return { reaction, user, memberRoleIds: Array.isArray(roles) ? (roles as string[]) : null };
}

export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const database = openDatabase(config.DATABASE_PATH, {
    onBackup: (backup, pending) => logger.info({ backup, pending }, `database copied to ${backup} before applying ${pending.length} migration(s)`),
  });
  const cache = openCacheDatabase(cachePathFor(config.DATABASE_PATH));
  const services = createServices({
    db: database.db,
    cache,
    clock,
    ports: options.ports,
    databasePath: config.DATABASE_PATH,
    backups: backupSettingsOf(config),
  });
  const client = createDiscordClient({ apiUrl: config.DISCORD_API_URL, ...shardOptions(config), globalRequestsPerSecond: Math.max(1, Math.floor(50 * budgetShare(config))), restHandlerSweepMs: options.restHandlerSweepMs });
  const registration = { commandNames: registrationBody(commands).map((command) => command.name), guildId: config.DISCORD_GUILD_ID };
  const ctx: BotContext = { services, clock, logger, poster: createPoster(client), client, registration };
  const router = createRouter({ commands, ctx, rateLimiter: createRateLimiter({ limit: config.RATE_LIMIT, windowMs: RATE_WINDOW_MS }) });

  const scheduler = createScheduler({
    jobs: services.jobs,
    clock,
    logger,
    handlers: gatherJobHandlers(features, ctx),
    planners: features.flatMap((feature) => feature.planners?.(ctx) ?? []),
    onFailed: notifyOrganizersOfFailedJob(ctx),
    // Bursts of 10, then 20 a second: a busy tick leaves most of Discord's 50 requests a second to members' replies.
    jobsPerSecond: SCHEDULED_JOBS_PER_SECOND * budgetShare(config),
    jobBurst: Math.max(1, Math.round(10 * budgetShare(config))),
    ...schedulerShards(config),
  });

  const safely = (what: string, work: () => Promise<void>) => {
    work().catch((error: unknown) => logger.error({ err: error }, `${what} failed`));
  };
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  logGatewayEvents(client, logger);
  // /healthz: the gateway counts as connected from READY or a resume until a disconnect or reconnect begins.
  let gatewayUp = false;
  client.on(Events.ShardReady, () => (gatewayUp = true));
  client.on(Events.ShardResume, () => (gatewayUp = true));
  client.on(Events.ShardDisconnect, () => (gatewayUp = false));
  client.on(Events.ShardReconnecting, () => (gatewayUp = false));
  client.on(Events.ShardResume, () => {
    for (const feature of features) if (feature.onReconnect) safely(`${feature.name} reconnect`, () => feature.onReconnect!(ctx));
  });
  client.on(Events.MessageReactionAdd, (reaction, user, details) => {
    const event = reactionEvent(reaction, user, (details as { member?: unknown } | undefined)?.member);
    for (const feature of features) if (feature.onReactionAdd) safely(`${feature.name} reaction`, () => feature.onReactionAdd!(event, ctx));
  });
  client.on(Events.MessageReactionRemove, (reaction, user) => {
    const event = reactionEvent(reaction, user, undefined);
    for (const feature of features) if (feature.onReactionRemove) safely(`${feature.name} reaction`, () => feature.onReactionRemove!(event, ctx));
  });
  client.on(Events.GuildMemberRemove, (member) => {
    for (const feature of features) if (feature.onMemberRemove) safely(`${feature.name} member`, () => feature.onMemberRemove!(member, ctx));
  });

  try {
    await loginAndWaitReady(client, config.DISCORD_TOKEN);
    const outcome = await syncCommands({
      rest: client.rest,
      applicationId: client.application!.id,
      guildId: config.DISCORD_GUILD_ID,
      modules: commands,
      store: createBotStateRepo(database.db),
    });
    logger.info({ outcome, commands: commands.length }, 'slash commands in sync');
  } catch (error) {
    await client.destroy();
    database.close();
    cache.close();
    throw error;
  }
  // Start-up work that reads Discord (reconciling votes made while the bot was down: a member list and the
  // reactions of every open proposal) runs after READY. It is started before the first tick: a job that depends on
  // it (a proposal's deadline) waits for its own part of it, not the scheduler for all of it.
  const background = features.filter((feature) => feature.onReady).map((feature) => feature.onReady!(ctx).catch((error: unknown) => logger.error({ err: error }, `${feature.name} start-up work failed`)));
  if (options.startScheduler !== false) scheduler.start();
  else if (options.wakeOnDueJobs) scheduler.wakeOnDueJobs();
  // SQLite's advice for a connection that lives for weeks: refresh the planner's statistics now and then.
  const optimizer = setInterval(() => {
    try {
      database.optimize();
    } catch (error) {
      logger.warn({ err: error }, 'PRAGMA optimize failed');
    }
  }, 6 * 60 * 60_000).unref();
  let web: RunningWeb | null = null;
  if (config.HTTP_PORT !== undefined) {
    // Loaded only when served (a bot without HTTP_PORT never loads the web stack), in its own thread with its own
    // read-only connection: a busy page cannot hold up members' interactions.
    const { startWeb } = await import('./web/thread.js');
    web = await startWeb(
      {
        services,
        clock,
        logger,
        databasePath: config.DATABASE_PATH,
        ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
        allianceNames: () => client.guilds.cache.map((guild) => [guild.id, guild.name]),
        allianceLocales: () => client.guilds.cache.map((guild) => [guild.id, guild.preferredLocale]),
        ...(options.webRateLimit ? { rateLimit: options.webRateLimit } : {}),
        health: {
          database: () => database.sqlite.prepare('SELECT 1 AS ok').get() !== undefined,
          gateway: () => gatewayUp && client.ws.status === Status.Ready,
          lastTickAt: () => scheduler.lastTickAt(),
          now: () => clock.now().getTime(),
        },
      },
      config.HTTP_PORT,
      options.webHostname,
    ).catch(async (error: unknown) => {
      await scheduler.stop();
      clearInterval(optimizer);
      await client.destroy();
      database.close();
      throw error;
    });
    ctx.publicUrl = web.url;
    for (const event of [Events.GuildCreate, Events.GuildUpdate, Events.GuildDelete] as const) client.on(event, () => web?.allianceNamesChanged());
    logger.info({ url: web.url }, 'public web page and /healthz are served');
  }
  // Process start → here, wall and CPU: what a restart costs, as the process itself measured it (the benchmarks read it).
  const { user: userMicros, system: systemMicros } = process.cpuUsage();
  const startup = { uptimeMs: Math.round(process.uptime() * 1000), cpuMs: Math.round((userMicros + systemMicros) / 1000) };
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, ...startup }, 'Alliance bot is ready');
  // The first tick catches up on what fell due while the bot was down; "ready" does not wait for it, the caller does.
  await scheduler.tick();
  for (const feature of features) {
    if (!feature.afterReady) continue;
    setImmediate(() => {
      try {
        feature.afterReady!(ctx);
      } catch (error) {
        logger.warn({ err: error }, `${feature.name} warm-up failed`);
      }
    });
  }

  let stopping: Promise<void> | null = null;
  return {
    ctx,
    services,
    database,
    scheduler,
    web,
    interactionsIdle: () => router.idle(),
    stop(deadlineMs = SHUTDOWN_DEADLINE_MS) {
      stopping ??= (async () => {
        clearInterval(optimizer);
        await web?.stop();
        const finished = await settlesWithin(Promise.all([scheduler.stop(), router.idle()]), deadlineMs);
        // What is still running is abandoned: a job left `running` is retried after the next start (recover), an
        // interaction left unanswered times out on the member's side. Nothing is half-written: each write is a transaction.
        if (!finished) logger.warn({ deadlineMs }, 'shutdown deadline passed: abandoning work still in flight');
        // Closing the connection is not an outage: no "gateway disconnected/reconnecting" lines for it.
        client.removeAllListeners(Events.ShardDisconnect).removeAllListeners(Events.ShardReconnecting);
        await client.destroy();
        // discord.js leaves the REST sweepers' timers running after destroy (unref'd): a stopped bot keeps nothing alive.
        client.rest.clearHandlerSweeper();
        client.rest.clearHashSweeper();
        // Start-up work still reading Discord stops at its next step once the client is down; the rest is the next start's.
        await settlesWithin(Promise.all(background), deadlineMs);
        database.close();
        cache.close();
      })();
      return stopping;
    },
  };
}

/** Runs the bot from the environment (.env included) until SIGINT/SIGTERM. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  let bot: RunningBot;
  try {
    bot = await startBot(config, { logger });
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const shutdown = (signal: string) => {
    logger.info({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutting down');
    // Belt and braces: whatever hangs in the stop itself, the process is gone shortly after the deadline.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting now');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS + 5_000).unref();
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
