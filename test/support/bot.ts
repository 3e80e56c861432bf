// End-to-end harness: the test bed on 127.0.0.1 and the real bot (startBot) against it, with a fake clock and a
// database file of its own. Each test makes a fresh alliance (guild) so nothing leaks between tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/main.js';
import type { ServicePorts } from '../../src/services.js';
import { manualClock, type ManualClock } from '../../src/shared/clock.js';
import { silentLogger, type Logger } from '../../src/shared/logger.js';
import { startTestBed } from '../../src/testbed/index.js';
import type { CommandInput, GuildHandle, InteractionResult, MessageView, TestBed } from '../../src/testbed/types.js';

export interface Harness {
  bed: TestBed;
  bot: RunningBot;
  clock: ManualClock;
  databasePath: string;
  /** A new guild with the usual channels, an Organizers role and members olivia (owner), marcus, priya, sam. */
  newAlliance(name?: string, options?: { locale?: string }): Promise<Alliance>;
  /** Stops the bot and starts it again on the same database (a restart). */
  restart(): Promise<RunningBot>;
  stop(): Promise<void>;
}

export interface Alliance {
  guild: GuildHandle;
  id: string;
  /** user ids by demo name */
  members: Record<'olivia' | 'marcus' | 'priya' | 'sam', string>;
  channel(name: string): string;
  /** Runs `/name [group] [sub]` as a member: `run('olivia', 'alliance setup', { timezone: 'UTC' })`. */
  run(member: string, path: string, options?: CommandInput['options'], extra?: Partial<CommandInput>): Promise<InteractionResult>;
  /** Same, and waits for the reply the member sees. */
  reply(member: string, path: string, options?: CommandInput['options'], extra?: Partial<CommandInput>): Promise<MessageView>;
  /** /alliance setup with the usual channels and the Organizers role, as the owner. */
  setup(options?: CommandInput['options']): Promise<MessageView>;
  userId(member: string): string;
}

let allianceCount = 0;

export async function waitUntil(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `rateLimit`: interactions per member per 10 s, as RATE_LIMIT; off (0) unless a test is about it, since drivers click faster than people. */
export async function startHarness(options: { now?: string; logger?: Logger; ports?: ServicePorts; wakeOnDueJobs?: boolean; rateLimit?: number; web?: boolean; restHandlerSweepMs?: number } = {}): Promise<Harness> {
  const clock = manualClock(options.now ?? '2026-11-24T15:00:00Z');
  // Discord shares the bot's clock, as it does in production: meetings planned from the fake date stay in the future.
  const bed = await startTestBed({ now: () => clock.now().getTime() });
  const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-e2e-')), 'alliance.db');
  const config = loadConfig({
    DISCORD_TOKEN: bed.token,
    DISCORD_API_URL: bed.apiUrl,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'silent',
    RATE_LIMIT: String(options.rateLimit ?? 0),
    // The public page on a free port of the loopback interface (web: true).
    ...(options.web ? { HTTP_PORT: '0' } : {}),
  });
  const start = () => startBot(config, { clock, logger: options.logger ?? silentLogger, startScheduler: false, wakeOnDueJobs: options.wakeOnDueJobs, ports: options.ports, webHostname: '127.0.0.1', restHandlerSweepMs: options.restHandlerSweepMs });
  let bot = await start();

  const harness: Harness = {
    bed,
    get bot() {
      return bot;
    },
    clock,
    databasePath,
    async newAlliance(name, options) {
      allianceCount += 1;
      const guild = bed.createGuild({
        name: name ?? `Test Alliance ${allianceCount}`,
        owner: 'olivia',
        channels: [{ name: 'organizers' }, { name: 'proposals' }, { name: 'meetings' }, { name: 'Coworking call', type: 2 }],
        roles: [{ name: 'Organizers' }],
        ...(options?.locale ? { locale: options.locale } : {}),
      });
      const members = {
        olivia: guild.ownerId,
        marcus: guild.addMember({ username: 'marcus' }),
        priya: guild.addMember({ username: 'priya' }),
        sam: guild.addMember({ username: 'sam' }),
      };
      // Generous: on a loaded 2-core machine the gateway's GUILD_CREATE can wait behind other test files' work; a
      // guild the bot never sees still fails.
      await waitUntil(() => bot.ctx.client.guilds.cache.has(guild.id), 15_000, 'the bot to see the new guild');
      const userId = (member: string) => (member in members ? members[member as keyof typeof members] : guild.member(member));
      const run: Alliance['run'] = async (member, path, opts, extra) => {
        const [commandName, ...rest] = path.split(' ');
        const input: CommandInput = {
          guildId: guild.id,
          channelId: guild.channel('general'),
          userId: userId(member),
          name: commandName!,
          ...(rest.length === 2 ? { group: rest[0], subcommand: rest[1] } : rest.length === 1 ? { subcommand: rest[0] } : {}),
          options: opts,
          ...extra,
        };
        return bed.driver.command(input);
      };
      return {
        guild,
        id: guild.id,
        members,
        channel: (channelName) => guild.channel(channelName),
        run,
        reply: async (member, path, opts, extra) => (await run(member, path, opts, extra)).reply(),
        setup: (opts) =>
          run('olivia', 'alliance setup', {
            announcements: guild.channel('announcements'),
            'organizers-channel': guild.channel('organizers'),
            'proposals-channel': guild.channel('proposals'),
            'meetings-channel': guild.channel('meetings'),
            'organizer-role': guild.role('Organizers'),
            ...opts,
          }).then((result) => result.reply()),
        userId,
      };
    },
    async restart() {
      await bot.stop();
      bot = await start();
      return bot;
    },
    async stop() {
      await bot.stop();
      await bed.close();
    },
  };
  return harness;
}

/** Everything a member can read in a message: content, embed titles, descriptions, fields and footers. */
export function visibleText(message: MessageView): string {
  const parts = [message.content];
  for (const embed of message.embeds) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '', embed.author?.name ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.filter(Boolean).join('\n');
}
