// The world the test bed simulates: users, guilds, channels, messages, commands, events, in plain maps.
import { EventEmitter } from 'node:events';
import { snowflake } from './ids.js';
import { ALL_PERMISSIONS, effectivePermissions, toBits, type PermissionSubject } from './permissions.js';
import type { PingView } from './types.js';

export interface User { id: string; username: string; bot: boolean; dmsOpen: boolean }
export interface Role { id: string; name: string; permissions: bigint; mentionable: boolean; position: number; managed: boolean; botId?: string }
export interface Member { userId: string; roles: string[]; joinedAt: string }
export interface Guild {
  id: string; name: string; ownerId: string; createdAt: string;
  roles: Map<string, Role>; members: Map<string, Member>; channelIds: string[];
  events: Map<string, ScheduledEvent>;
  /** The app is installed for commands only: the bot is no member and the gateway says nothing about the guild. */
  withoutBot?: boolean;
  /** The server's language (preferred_locale; guild_locale on interactions); en-US when not given. */
  locale?: string;
}
export interface Channel {
  id: string; guildId: string | null; name: string; type: number; parentId: string | null; position: number;
  archived: boolean; locked: boolean; autoArchive: number; archivedAt: string | null; invitable: boolean;
  ownerId: string | null; memberIds: Set<string>; deleted: boolean; botDeny: bigint;
  /** Permission overwrites for @everyone (the guild id), a role (type 0) or a member (type 1), as Discord keeps them. */
  overwrites?: Map<string, { type: 0 | 1; allow: bigint; deny: bigint }>;
  messageIds: string[]; lastMessageId: string | null; createdAt: string;
}
export interface Attachment { id: string; filename: string; contentType: string | null; size: number; url: string; data: Buffer; description?: string }
export interface Reaction { key: string; emoji: { id: string | null; name: string }; userIds: string[] }
export interface Message {
  id: string; channelId: string; guildId: string | null; authorId: string; fromBot: boolean;
  content: string; embeds: Record<string, unknown>[]; components: Record<string, unknown>[]; attachments: Attachment[];
  flags: number; visibleTo: string | null; reactions: Reaction[]; pings: PingView; interactionId: string | null;
  interactionMeta: Record<string, unknown> | null; webhookId: string | null; type: number;
  createdAt: number; editedAt: number | null; threadId: string | null; nonce: string | null;
  reference: { message_id: string; channel_id: string; guild_id?: string } | null; poll: unknown; deleted: boolean;
}
export interface ScheduledEvent {
  id: string; guildId: string; name: string; description: string | null; start: string; end: string | null;
  entityType: number; channelId: string | null; location: string | null; status: number; creatorId: string; privacyLevel: number;
}
export interface Command { id: string; guildId: string | null; version: string; raw: Record<string, unknown> }

/** Emits 'message' (Message) on every create or edit so waiters can watch. */
export class World extends EventEmitter {
  readonly users = new Map<string, User>();
  readonly guilds = new Map<string, Guild>();
  readonly channels = new Map<string, Channel>();
  readonly messages = new Map<string, Message>();
  readonly events = new Map<string, ScheduledEvent>();
  readonly commands = new Map<string, Command>();
  /** userId → DM channel id with the bot. */
  readonly dms = new Map<string, string>();
  /** Every stored file by attachment id, served under /attachments. */
  readonly files = new Map<string, Attachment>();

  constructor(readonly botUserId: string, readonly applicationId: string) {
    super();
    this.setMaxListeners(0);
  }

  addUser(username: string, bot = false, dmsOpen = true): User {
    const user = { id: snowflake(), username, bot, dmsOpen };
    this.users.set(user.id, user);
    return user;
  }

  addChannel(c: Partial<Channel> & { name: string; type: number; guildId: string | null }): Channel {
    const now = new Date().toISOString();
    const channel: Channel = {
      id: snowflake(), parentId: null, position: 0, archived: false, locked: false, autoArchive: 1440, archivedAt: null,
      invitable: true, ownerId: null, memberIds: new Set(), deleted: false, botDeny: 0n, messageIds: [], lastMessageId: null,
      createdAt: now, ...c,
    };
    this.channels.set(channel.id, channel);
    if (channel.guildId) this.guilds.get(channel.guildId)?.channelIds.push(channel.id);
    return channel;
  }

  addMessage(m: Message): void {
    this.messages.set(m.id, m);
    const channel = this.channels.get(m.channelId);
    if (channel) {
      channel.messageIds.push(m.id);
      channel.lastMessageId = m.id;
    }
    this.emit('message', m);
  }

  touchMessage(m: Message): void {
    this.emit('message', m);
  }

  liveChannel(id: string): Channel | undefined {
    const c = this.channels.get(id);
    return c && !c.deleted ? c : undefined;
  }

  /** Permissions of a user in a guild, optionally in a channel (threads inherit their parent's). */
  permissions(guildId: string, userId: string, channelId?: string): bigint {
    const guild = this.guilds.get(guildId);
    const member = guild?.members.get(userId);
    if (!guild || !member) return 0n;
    let rolePermissions = guild.roles.get(guild.id)?.permissions ?? 0n;
    for (const id of member.roles) rolePermissions |= guild.roles.get(id)?.permissions ?? 0n;
    let channelDeny = 0n;
    const channel = channelId ? this.channels.get(channelId) : undefined;
    const base = channel?.parentId && isThread(channel.type) ? this.channels.get(channel.parentId) : channel;
    if (channel && userId === this.botUserId) channelDeny = (channel.botDeny ?? 0n) | (base?.botDeny ?? 0n);
    const subject: PermissionSubject = { isOwner: guild.ownerId === userId, rolePermissions, channelDeny };
    const perms = effectivePermissions(subject);
    if (!base?.overwrites?.size || perms === ALL_PERMISSIONS) return perms;
    rolePermissions = effectivePermissions({ ...subject, channelDeny: 0n });
    // Discord's order: @everyone's overwrite, then all the member's roles' together, then the member's own.
    const apply = (bits: bigint, o: { allow: bigint; deny: bigint } | undefined) => (o ? (bits & ~o.deny) | o.allow : bits);
    let bits = apply(rolePermissions, base.overwrites.get(guild.id));
    const roles = member.roles.map((id) => base.overwrites!.get(id)).filter((o) => o?.type === 0);
    bits = apply(bits, roles.length ? roles.reduce((a, o) => ({ allow: a.allow | o!.allow, deny: a.deny | o!.deny }), { allow: 0n, deny: 0n }) : undefined);
    const own = base.overwrites.get(userId);
    return apply(bits, own?.type === 1 ? own : undefined) & ~channelDeny;
  }

  newRole(guild: Guild, name: string, permissions: bigint | string | undefined, mentionable = false, fallback = 0n): Role {
    const role: Role = { id: snowflake(), name, permissions: toBits(permissions, fallback), mentionable, position: guild.roles.size, managed: false };
    guild.roles.set(role.id, role);
    return role;
  }
}

export const isThread = (type: number): boolean => type === 10 || type === 11 || type === 12;
export const isTextLike = (type: number): boolean => [0, 1, 2, 5, 10, 11, 12, 13].includes(type);
