// Whom a message really notifies: content mentions filtered by allowed_mentions and the author's permissions.
import { has, Perm } from './permissions.js';
import type { Message, World } from './state.js';
import type { PingView } from './types.js';

type Obj = Record<string, unknown>;

export interface PingInput {
  content: string;
  allowedMentions: unknown;
  guildId: string | null;
  channelId: string;
  authorId: string;
  /** The author of the message replied to, if any. */
  repliedUserId?: string | null;
}

export const NO_PINGS: PingView = { everyone: false, here: false, users: [], roles: [] };

export function computePings(world: World, input: PingInput): PingView {
  const am = (typeof input.allowedMentions === 'object' && input.allowedMentions !== null ? input.allowedMentions : null) as Obj | null;
  // No allowed_mentions at all means Discord parses everything in the content.
  const parse = am ? (Array.isArray(am.parse) ? (am.parse as string[]) : []) : ['users', 'roles', 'everyone'];
  const userList = am && Array.isArray(am.users) ? (am.users as string[]) : [];
  const roleList = am && Array.isArray(am.roles) ? (am.roles as string[]) : [];
  const perms = input.guildId ? world.permissions(input.guildId, input.authorId, input.channelId) : 0n;
  const canMassPing = input.guildId !== null && has(perms, Perm.MentionEveryone);
  const content = input.content;
  const everyoneAllowed = parse.includes('everyone') && canMassPing;
  const users = new Set<string>();
  for (const m of content.matchAll(/<@!?(\d{15,21})>/g)) {
    const id = m[1] ?? '';
    if (!world.users.has(id)) continue;
    if (parse.includes('users') || userList.includes(id)) users.add(id);
  }
  const repliedPing = am ? am.replied_user === true : true;
  if (input.repliedUserId && repliedPing && input.repliedUserId !== input.authorId) users.add(input.repliedUserId);
  const roles = new Set<string>();
  const guild = input.guildId ? world.guilds.get(input.guildId) : undefined;
  for (const m of content.matchAll(/<@&(\d{15,21})>/g)) {
    const role = guild?.roles.get(m[1] ?? '');
    if (!role) continue;
    if (!(parse.includes('roles') || roleList.includes(role.id))) continue;
    if (role.mentionable || canMassPing) roles.add(role.id);
  }
  return {
    everyone: everyoneAllowed && /@everyone/.test(content),
    here: everyoneAllowed && /@here/.test(content),
    users: [...users],
    roles: [...roles],
  };
}

/** Ephemeral messages notify no one. */
export function pingsFor(world: World, m: Pick<Message, 'content' | 'guildId' | 'channelId' | 'authorId' | 'visibleTo' | 'reference'>, allowedMentions: unknown): PingView {
  if (m.visibleTo) return NO_PINGS;
  const replied = m.reference ? world.messages.get(m.reference.message_id)?.authorId ?? null : null;
  return computePings(world, { content: m.content, allowedMentions, guildId: m.guildId, channelId: m.channelId, authorId: m.authorId, repliedUserId: replied });
}
