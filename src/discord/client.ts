// The discord.js client as this bot needs it: only the intents features use, mentions that never ping by
// default, and small caches (discord.js keeps users and members forever unless told otherwise).
import { Client, disableValidators, Events, GatewayIntentBits, Options, Partials } from 'discord.js';

/**
 * Guilds: guild, channel and role data. GuildMessageReactions: votes by reaction. GuildMembers (privileged):
 * counting eligible voters and noticing members who leave. No message content, no presences.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildMessageReactions];

/**
 * discord.js looks every option value up in the interaction's `resolved` maps (users, members, …), whatever the
 * option's type. With plain objects a member typing "constructor" or "__proto__" gets an Object.prototype function
 * back, and discord.js caches a member without an id (later code iterating members breaks). Null-prototype maps fix
 * it; the Raw event runs synchronously on the same packet just before discord.js builds the interaction.
 */
export function nullPrototypeResolved(packet: { t?: string | null; d?: unknown }): void {
  if (packet.t !== 'INTERACTION_CREATE') return;
  const resolved = (packet.d as { data?: { resolved?: Record<string, unknown> } } | undefined)?.data?.resolved;
  if (!resolved || typeof resolved !== 'object') return;
  for (const [kind, map] of Object.entries(resolved)) {
    if (map && typeof map === 'object') resolved[kind] = Object.assign(Object.create(null) as object, map);
  }
}

/**
 * How often discord.js's REST drops its idle per-route queues (default: hourly). Each interaction token is a route of
 * its own (the webhook its deferred answers and follow-ups go to), so a busy bot kept one queue of ~1 KB per such
 * interaction for up to an hour: the heap grew with traffic (bench: ~2,000 queues after 20,000 interactions). Only
 * idle queues that are not rate limited go; a new one learns its bucket from Discord's headers on its first answer.
 */
export const REST_HANDLER_SWEEP_MS = 10_000;

/**
 * `globalRequestsPerSecond`: this process's share of Discord's 50 requests a second per bot (less when other
 * processes serve the other shards).
 */
export function createDiscordClient(options: { apiUrl?: string; shards?: 'auto' | number[]; shardCount?: number; globalRequestsPerSecond?: number; restHandlerSweepMs?: number }): Client {
  // The builders' run-time checks built and threw away validation errors (with stack traces) for every embed colour,
  // title and footer: ~4% of the bot's CPU per interaction. Our renderers keep to Discord's limits by construction
  // and are tested against them (test/discord/*-render.test.ts), and the test bed rejects what Discord would.
  disableValidators();
  const client = new Client({
    intents: INTENTS,
    ...(options.shards ? { shards: options.shards } : {}),
    ...(options.shardCount ? { shardCount: options.shardCount } : {}),
    // Reactions on messages that are not cached (all of them: the message cache is off) arrive as partials.
    partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.GuildMember, Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      ...(options.globalRequestsPerSecond ? { globalRequestsPerSecond: options.globalRequestsPerSecond } : {}),
      handlerSweepInterval: options.restHandlerSweepMs ?? REST_HANDLER_SWEEP_MS,
    },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildInviteManager: 0,
      StageInstanceManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      AutoModerationRuleManager: 0,
      UserManager: { maxSize: 500, keepOverLimit: (user) => user.id === user.client.user?.id },
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user?.id },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: 3600, filter: () => (user) => user.id !== user.client.user?.id },
      guildMembers: { interval: 3600, filter: () => (member) => member.id !== member.client.user?.id },
    },
  });
  client.on(Events.Raw, nullPrototypeResolved);
  return client;
}
