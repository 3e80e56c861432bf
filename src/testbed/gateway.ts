// Gateway v10 over WebSocket: HELLO/IDENTIFY/RESUME, heartbeats, intent-filtered dispatches buffered per session.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { randomToken } from './ids.js';
import { guildCreate, apiMember } from './serialize.js';
import type { Guild, World } from './state.js';
import type { GatewayControl } from './types.js';

export const Intent = {
  Guilds: 1 << 0, GuildMembers: 1 << 1, GuildPresences: 1 << 8, GuildMessages: 1 << 9, GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12, DirectMessageReactions: 1 << 13, MessageContent: 1 << 15, GuildScheduledEvents: 1 << 16,
} as const;
const KNOWN_INTENTS = (1 << 26) - 1;
const PRIVILEGED = { GuildMembers: Intent.GuildMembers, GuildPresences: Intent.GuildPresences, MessageContent: Intent.MessageContent };
const BUFFER_LIMIT = 20_000;
/** Discord's default large_threshold: bigger guilds send only online members in GUILD_CREATE. */
export const LARGE_THRESHOLD = 50;

/**
 * Whether GUILD_CREATE carries the whole member list. Discord sends members other than the bot (and users in voice)
 * only with the presences intent, and for a large guild only those online; the rest come from op 8 / REST.
 * The test bed keeps no presence, so: presences intent and a guild of at most LARGE_THRESHOLD members.
 */
export function fullMemberList(intents: number, memberCount: number): boolean {
  return (intents & Intent.GuildPresences) !== 0 && memberCount <= LARGE_THRESHOLD;
}

type Payload = { op: number; d: unknown; s?: number | null; t?: string | null };
type Data = Record<string, unknown>;

interface Session {
  id: string; intents: number; seq: number; socket: WebSocket | null; ready: boolean;
  buffer: Payload[]; disconnectedAt: number | null;
  /** [shard id, shard count] from IDENTIFY; [0, 1] when the client did not shard. */
  shard: [number, number];
}

export interface GatewayOptions {
  world: World; token: string; url: string; privilegedIntents: (keyof typeof PRIVILEGED)[];
  /** Shards the bed requires (what GET /gateway/bot recommends); a smaller count is closed with 4011. Default 1. */
  shards?: number;
}

/** Discord's rule: a guild belongs to shard (guild_id >> 22) % shard_count. DMs go to shard 0. */
export function shardOf(guildId: string | null, count: number): number {
  if (guildId === null || count <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Which intent a dispatch needs; null means every session gets it. */
function intentFor(t: string, d: Data): number | null {
  const inGuild = typeof d.guild_id === 'string';
  if (t.startsWith('MESSAGE_REACTION')) return inGuild ? Intent.GuildMessageReactions : Intent.DirectMessageReactions;
  if (t.startsWith('MESSAGE_')) return inGuild ? Intent.GuildMessages : Intent.DirectMessages;
  if (t.startsWith('GUILD_MEMBER_') || t === 'THREAD_MEMBERS_UPDATE') return Intent.GuildMembers;
  if (t.startsWith('GUILD_SCHEDULED_EVENT')) return Intent.GuildScheduledEvents;
  if (t.startsWith('GUILD_') || t.startsWith('CHANNEL_') || t.startsWith('THREAD_')) return Intent.Guilds;
  return null;
}

export class Gateway implements GatewayControl {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters = new Set<() => void>();
  private counts = { identifies: 0, resumes: 0, connections: 0 };

  constructor(private readonly o: GatewayOptions) {}

  /** The URL is only known once the HTTP server listens. */
  setUrl(url: string): void {
    this.o.url = url;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/gateway')) return void socket.destroy();
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    this.counts.connections++;
    this.sockets.add(ws);
    let session: Session | null = null;
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      if (!session || session.socket !== ws) return;
      session.socket = null;
      session.disconnectedAt = Date.now();
      // A client closing normally ends its session for good (Discord: 1000/1001 invalidate).
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
    ws.on('error', () => undefined);
    if (url.searchParams.get('v') !== '10') return ws.close(4012, 'Invalid API version');
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') return ws.close(4002, 'Decode error');
    this.send(ws, { op: 10, d: { heartbeat_interval: 41250, _trace: ['["testbed-gateway",{}]'] } });
    ws.on('message', (raw) => {
      let p: Payload;
      try {
        p = JSON.parse(String(raw)) as Payload;
      } catch {
        return ws.close(4002, 'Decode error');
      }
      const d = (p.d ?? {}) as Data;
      switch (p.op) {
        case 1: return this.send(ws, { op: 11, d: null });
        case 2:
          if (session) return ws.close(4005, 'Already authenticated');
          session = this.identify(ws, d);
          return;
        case 6:
          if (session) return ws.close(4005, 'Already authenticated');
          session = this.resume(ws, d);
          return;
        case 3: case 4:
          if (!session) return ws.close(4003, 'Not authenticated');
          return;
        case 8:
          if (!session) return ws.close(4003, 'Not authenticated');
          return this.requestMembers(session, d);
        default:
          return ws.close(4001, 'Unknown opcode');
      }
    });
  }

  private identify(ws: WebSocket, d: Data): Session | null {
    this.counts.identifies++;
    if (d.token !== this.o.token && d.token !== `Bot ${this.o.token}`) return void ws.close(4004, 'Authentication failed.'), null;
    const intents = Number(d.intents);
    if (!Number.isInteger(intents) || intents < 0 || (intents & ~KNOWN_INTENTS) !== 0) return void ws.close(4013, 'Invalid intent(s).'), null;
    const allowed = this.o.privilegedIntents.reduce((bits, name) => bits | PRIVILEGED[name], 0);
    const privileged = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;
    if ((intents & privileged & ~allowed) !== 0) return void ws.close(4014, 'Disallowed intent(s).'), null;
    const shard = d.shard === undefined ? [0, 1] : d.shard;
    if (!Array.isArray(shard) || shard.length !== 2 || !shard.every((n) => Number.isInteger(n)) || shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      return void ws.close(4010, 'Invalid shard.'), null;
    }
    if (shard[1] < (this.o.shards ?? 1)) return void ws.close(4011, 'Sharding required.'), null;
    this.prune();
    const session: Session = {
      id: randomToken(16), intents, seq: 0, socket: ws, ready: false, buffer: [], disconnectedAt: null, shard: [shard[0], shard[1]],
    };
    this.sessions.set(session.id, session);
    const { world } = this.o;
    const bot = world.users.get(world.botUserId);
    const guilds = botGuilds(world).filter((g) => this.owns(session, g.id));
    this.push(session, 'READY', {
      v: 10, user: { id: bot?.id, username: bot?.username, discriminator: '0', global_name: null, avatar: null, bot: true, verified: true, mfa_enabled: false, flags: 0 },
      user_settings: {}, guilds: guilds.map((g) => ({ id: g.id, unavailable: true })), session_id: session.id,
      session_type: 'normal', resume_gateway_url: this.o.url, shard: session.shard, private_channels: [], relationships: [],
      presences: [], guild_join_requests: [], geo_ordered_rtc_regions: [],
      application: { id: world.applicationId, flags: applicationFlags(this.o.privilegedIntents) }, _trace: ['["testbed-gateway",{}]'],
    });
    if (intents & Intent.Guilds) {
      for (const guild of guilds) this.push(session, 'GUILD_CREATE', guildCreate(world, guild, fullMemberList(intents, guild.members.size)));
    }
    session.ready = true;
    this.wake();
    return session;
  }

  private resume(ws: WebSocket, d: Data): Session | null {
    this.counts.resumes++;
    if (d.token !== this.o.token && d.token !== `Bot ${this.o.token}`) return void ws.close(4004, 'Authentication failed.'), null;
    const session = this.sessions.get(String(d.session_id));
    const seq = Number(d.seq ?? 0);
    const oldest = session?.buffer[0]?.s ?? (session ? session.seq + 1 : 0);
    if (!session || seq > session.seq || seq + 1 < oldest) {
      this.send(ws, { op: 9, d: false });
      return null;
    }
    if (session.socket && session.socket !== ws) session.socket.terminate();
    session.socket = ws;
    session.disconnectedAt = null;
    for (const p of session.buffer) if ((p.s ?? 0) > seq) this.send(ws, p);
    this.push(session, 'RESUMED', { _trace: ['["testbed-gateway",{}]'] });
    this.wake();
    return session;
  }

  private requestMembers(session: Session, d: Data): void {
    const guild = this.o.world.guilds.get(String(d.guild_id));
    if (!guild || guild.withoutBot || !this.owns(session, guild.id)) return;
    const userIds = Array.isArray(d.user_ids) ? (d.user_ids as string[]) : typeof d.user_ids === 'string' ? [d.user_ids] : null;
    const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const limit = Number(d.limit ?? 0);
    // Discord refuses whole-list requests without the members intent; the client then times out.
    if (!userIds && !(session.intents & Intent.GuildMembers)) return;
    let ids = userIds ? userIds.filter((id) => guild.members.has(id)) : [...guild.members.keys()];
    if (!userIds && query) ids = ids.filter((id) => this.o.world.users.get(id)?.username.toLowerCase().startsWith(query));
    if (!userIds && limit > 0) ids = ids.slice(0, limit);
    const notFound = userIds ? userIds.filter((id) => !guild.members.has(id)) : [];
    const chunks = Math.max(1, Math.ceil(ids.length / 1000));
    for (let i = 0; i < chunks; i++) {
      const members = ids.slice(i * 1000, (i + 1) * 1000).map((id) => apiMember(this.o.world, guild, id));
      this.push(session, 'GUILD_MEMBERS_CHUNK', {
        guild_id: guild.id, members, chunk_index: i, chunk_count: chunks, nonce: d.nonce, ...(i === 0 && notFound.length ? { not_found: notFound } : {}),
      });
    }
  }

  /** Sends a dispatch to every session whose intents allow it; `data` may depend on the session. */
  dispatch(t: string, data: Data | ((intents: number) => Data | null)): void {
    for (const session of this.sessions.values()) {
      if (!session.ready) continue;
      const d = typeof data === 'function' ? data(session.intents) : data;
      if (!d || this.aboutGuildWithoutBot(t, d) || !this.owns(session, guildOf(t, d))) continue;
      const needed = intentFor(t, d);
      if (needed !== null && !(session.intents & needed)) continue;
      this.push(session, t, d);
    }
  }

  /** Discord tells a bot nothing about a guild it is not in, except the interactions members send there. */
  private aboutGuildWithoutBot(t: string, d: Data): boolean {
    if (t === 'INTERACTION_CREATE') return false;
    const guildId = typeof d.guild_id === 'string' ? d.guild_id : t.startsWith('GUILD_') && typeof d.id === 'string' ? d.id : null;
    return guildId !== null && this.o.world.guilds.get(guildId)?.withoutBot === true;
  }

  /** Each guild's events (interactions included) reach only the session of its shard; DMs reach shard 0. */
  private owns(session: Session, guildId: string | null): boolean {
    return shardOf(guildId, session.shard[1]) === session.shard[0];
  }

  private push(session: Session, t: string, d: unknown): void {
    const payload: Payload = { op: 0, t, s: ++session.seq, d };
    session.buffer.push(payload);
    if (session.buffer.length > BUFFER_LIMIT) session.buffer.shift();
    if (session.socket) this.send(session.socket, payload);
  }

  private send(ws: WebSocket, payload: Payload): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private prune(): void {
    const cutoff = Date.now() - 5 * 60_000;
    for (const [id, s] of this.sessions) if (s.disconnectedAt !== null && s.disconnectedAt < cutoff) this.sessions.delete(id);
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  private connected(): boolean {
    return [...this.sessions.values()].some((s) => s.ready && s.socket?.readyState === 1);
  }

  hasIntents(bits: number): boolean {
    return [...this.sessions.values()].some((s) => (s.intents & bits) === bits);
  }

  drop(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  requestReconnect(): void {
    for (const s of this.sessions.values()) if (s.socket) this.send(s.socket, { op: 7, d: null });
  }

  waitForSession(timeoutMs = 10_000): Promise<void> {
    if (this.connected()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        reject(new Error(`No bot session became ready within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(done);
    });
  }

  stats(): { identifies: number; resumes: number; connections: number } {
    return { ...this.counts };
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** The guild a dispatch is about: its guild_id, or the id of a GUILD_CREATE/UPDATE/DELETE itself. */
function guildOf(t: string, d: Data): string | null {
  if (typeof d.guild_id === 'string') return d.guild_id;
  return (t === 'GUILD_CREATE' || t === 'GUILD_UPDATE' || t === 'GUILD_DELETE') && typeof d.id === 'string' ? d.id : null;
}

/** The guilds the bot is a member of (READY and GUILD_CREATE list only these). */
function botGuilds(world: World): Guild[] {
  return [...world.guilds.values()].filter((g) => !g.withoutBot);
}

function applicationFlags(enabled: string[]): number {
  let flags = 0;
  if (enabled.includes('GuildPresences')) flags |= 1 << 13;
  if (enabled.includes('GuildMembers')) flags |= 1 << 15;
  if (enabled.includes('MessageContent')) flags |= 1 << 19;
  return flags;
}
