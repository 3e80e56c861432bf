// Entry point: starts the Discord-compatible loopback server (REST + gateway) and hands out the TestBed API.
import type { Ctx } from './context.js';
import { createDriver } from './driver.js';
import { Gateway } from './gateway.js';
import { HttpFront } from './http.js';
import { randomToken, snowflake } from './ids.js';
import { Interactions, waitForMessage } from './interactions.js';
import { messageView } from './messages.js';
import { registerChannelRoutes } from './rest-channels.js';
import { registerCommandRoutes } from './rest-commands.js';
import { registerEventRoutes } from './rest-events.js';
import { registerGuildRoutes } from './rest-guilds.js';
import { registerInteractionRoutes } from './rest-interactions.js';
import { registerMessageRoutes } from './rest-messages.js';
import { Router } from './router.js';
import { World, type Message } from './state.js';
import type { ChannelView, GuildHandle, RecordedRequest, ScheduledEventView, TestBed, TestBedOptions } from './types.js';
import { createGuild, guildHandle } from './world.js';

export type * from './types.js';
export { DriverRefusedError } from './driver-options.js';
export { InteractionTimeoutError } from './interactions.js';
export async function startTestBed(options: TestBedOptions = {}): Promise<TestBed> {
  const token = `${Buffer.from(snowflake()).toString('base64url')}.testbed.${randomToken(20)}`;
  const bot = { id: snowflake(), applicationId: snowflake() };
  const world = new World(bot.id, bot.applicationId);
  world.users.set(bot.id, { id: bot.id, username: 'Alliance bot', bot: true, dmsOpen: true });
  const requests: RecordedRequest[] = [];
  let base = '';
  const privilegedIntents = options.privilegedIntents ?? ['GuildMembers'];
  const gateway = new Gateway({ world, token, url: '', privilegedIntents, shards: options.shards ?? 1 });
  const interactions = new Interactions(world, options.interactionDeadlineMs ?? 3000, options.onInitialResponse);
  const ctx: Ctx = { world, gateway, interactions, baseUrl: () => base, privilegedIntents, now: options.now ?? Date.now };
  const router = new Router();
  registerCommandRoutes(router, ctx, () => `${base.replace(/^http/, 'ws')}/gateway`, options.shards ?? 1);
  registerMessageRoutes(router, ctx);
  registerInteractionRoutes(router, ctx);
  registerChannelRoutes(router, ctx);
  registerGuildRoutes(router, ctx);
  registerEventRoutes(router, ctx);
  const http = new HttpFront({
    router, token, requests, record: options.recordRequests ?? true, ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    attachment: (path) => {
      const id = path.split('/')[3] ?? '';
      const file = world.files.get(id);
      return file ? { data: file.data, contentType: file.contentType } : undefined;
    },
  });
  http.server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  const port = await http.listen(options.port ?? 0);
  base = `http://127.0.0.1:${port}`;
  http.baseUrl = base;
  gateway.setUrl(`ws://127.0.0.1:${port}/gateway`);

  const handles = new Map<string, GuildHandle>();
  const live = (m: Message | undefined): m is Message => !!m && !m.deleted;
  const channelView = (id: string): ChannelView | undefined => {
    const c = world.channels.get(id);
    if (!c || c.deleted) return undefined;
    return {
      id: c.id, guildId: c.guildId, name: c.name, type: c.type, parentId: c.parentId, memberIds: [...c.memberIds],
      ...(c.type === 11 || c.type === 12 || c.type === 10 ? { archived: c.archived, locked: c.locked } : {}),
    };
  };

  return {
    apiUrl: `${base}/api`,
    token,
    applicationId: bot.applicationId,
    botUserId: bot.id,
    driver: createDriver(ctx),
    gateway,
    requests,
    createGuild(setup) {
      const handle = createGuild(world, gateway, setup);
      handles.set(handle.id, handle);
      return handle;
    },
    guild(id) {
      const guild = world.guilds.get(id);
      if (!guild) throw new Error(`No guild ${id}`);
      const handle = handles.get(id) ?? guildHandle(world, gateway, guild);
      handles.set(id, handle);
      return handle;
    },
    messages: (channelId) => (world.channels.get(channelId)?.messageIds ?? []).map((id) => world.messages.get(id)).filter(live).map((m) => messageView(world, m)),
    message: (id) => {
      const m = world.messages.get(id);
      return live(m) ? messageView(world, m) : undefined;
    },
    channel: channelView,
    dmChannel: (userId) => {
      const id = world.dms.get(userId);
      return id ? channelView(id) : undefined;
    },
    scheduledEvents: (guildId): ScheduledEventView[] => [...(world.guilds.get(guildId)?.events.values() ?? [])].map((e) => ({
      id: e.id, guildId: e.guildId, name: e.name, description: e.description, scheduledStartTime: e.start, scheduledEndTime: e.end,
      entityType: e.entityType, channelId: e.channelId, location: e.location, status: e.status,
    })),
    commands: (guildId) => [...world.commands.values()].filter((c) => c.guildId === (guildId ?? null)).map((c) => structuredClone({ id: c.id, ...c.raw })),
    waitForMessage: (predicate, timeoutMs = 5000) => {
      // Newest first, so a message that arrived just before the call still counts.
      const existing = [...world.messages.values()].filter(live).reverse();
      return waitForMessage(world, predicate, timeoutMs, existing);
    },
    fault: (spec) => http.fault(spec),
    connectionsOpened: () => http.connectionsOpened,
    async close() {
      interactions.close();
      await gateway.close();
      await http.close();
    },
  };
}
