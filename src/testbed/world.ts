// World building: guilds with default channels and roles, members, and the handles tests use to shape them.
import type { Gateway } from './gateway.js';
import { snowflake } from './ids.js';
import { BOT_PERMISSIONS, EVERYONE_PERMISSIONS, permissionBits } from './permissions.js';
import { apiChannel, apiMember, apiRole, apiUser, guildCreate } from './serialize.js';
import { isThread, type Guild, type World } from './state.js';
import type { GuildHandle, GuildSetup, MemberSetup } from './types.js';
import { fullMemberList } from './gateway.js';

const BOT_ROLE_POSITION = 250;

export function createGuild(world: World, gateway: Gateway, setup: GuildSetup): GuildHandle {
  const now = new Date().toISOString();
  const owner = world.addUser(setup.owner ?? 'owner');
  const guild: Guild = {
    id: snowflake(), name: setup.name, ownerId: owner.id, createdAt: now, roles: new Map(), members: new Map(), channelIds: [], events: new Map(),
    ...(setup.withoutBot ? { withoutBot: true } : {}),
    ...(setup.locale ? { locale: setup.locale } : {}),
  };
  world.guilds.set(guild.id, guild);
  guild.roles.set(guild.id, { id: guild.id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, mentionable: false, position: 0, managed: false });
  const bot = world.users.get(world.botUserId)!;
  const botRole = { id: snowflake(), name: bot.username, permissions: BOT_PERMISSIONS, mentionable: false, position: BOT_ROLE_POSITION, managed: true, botId: bot.id };
  guild.members.set(owner.id, { userId: owner.id, roles: [], joinedAt: now });
  if (!setup.withoutBot) {
    guild.roles.set(botRole.id, botRole);
    guild.members.set(bot.id, { userId: bot.id, roles: [botRole.id], joinedAt: now });
  }
  world.addChannel({ name: 'general', type: 0, guildId: guild.id, position: 0 });
  world.addChannel({ name: 'announcements', type: 5, guildId: guild.id, position: 1 });
  for (const c of setup.channels ?? []) world.addChannel({ name: c.name, type: c.type ?? 0, guildId: guild.id, position: guild.channelIds.length });
  for (const r of setup.roles ?? []) world.newRole(guild, r.name, r.permissions, r.mentionable, 0n);
  gateway.dispatch('GUILD_CREATE', (intents) => guildCreate(world, guild, fullMemberList(intents, guild.members.size)));
  return guildHandle(world, gateway, guild);
}

export function guildHandle(world: World, gateway: Gateway, guild: Guild): GuildHandle {
  let bulk = 0;
  const byName = <T extends { name: string }>(items: Iterable<T & { id: string }>, name: string, what: string): string => {
    for (const item of items) if (item.name === name) return item.id;
    throw new Error(`No ${what} named "${name}" in guild ${guild.name}`);
  };
  const usernameIndex = new Map<string, string>();
  const memberEvent = (userId: string): Record<string, unknown> => ({ guild_id: guild.id, ...apiMember(world, guild, userId) });
  const roleIds = (names: string[] = []): string[] => names.map((n) => (guild.roles.has(n) ? n : byName(guild.roles.values(), n, 'role')));

  return {
    id: guild.id,
    ownerId: guild.ownerId,
    everyoneRoleId: guild.id,
    channel: (name) => byName([...guild.channelIds].map((id) => world.channels.get(id)!).filter((c) => !c.deleted), name, 'channel'),
    role: (name) => byName(guild.roles.values(), name, 'role'),
    member(username) {
      const cached = usernameIndex.get(username);
      if (cached && guild.members.has(cached)) return cached;
      for (const id of guild.members.keys()) {
        if (world.users.get(id)?.username === username) return id;
      }
      throw new Error(`No member named "${username}" in guild ${guild.name}`);
    },
    addChannel(setup) {
      const channel = world.addChannel({ name: setup.name, type: setup.type ?? 0, guildId: guild.id, parentId: setup.parentId ?? null, position: guild.channelIds.length });
      gateway.dispatch(isThread(channel.type) ? 'THREAD_CREATE' : 'CHANNEL_CREATE', apiChannel(world, channel));
      return channel.id;
    },
    addRole(setup) {
      const role = world.newRole(guild, setup.name, setup.permissions, setup.mentionable, 0n);
      gateway.dispatch('GUILD_ROLE_CREATE', { guild_id: guild.id, role: apiRole(role) });
      return role.id;
    },
    deleteRole(roleId) {
      if (roleId === guild.id || !guild.roles.delete(roleId)) throw new Error(`No deletable role ${roleId} in ${guild.name}`);
      for (const member of guild.members.values()) member.roles = member.roles.filter((id) => id !== roleId);
      gateway.dispatch('GUILD_ROLE_DELETE', { guild_id: guild.id, role_id: roleId });
    },
    addMember(setup: MemberSetup) {
      const user = world.addUser(setup.username, setup.bot ?? false, setup.dmsOpen ?? true);
      guild.members.set(user.id, { userId: user.id, roles: roleIds(setup.roles), joinedAt: new Date().toISOString() });
      usernameIndex.set(user.username, user.id);
      gateway.dispatch('GUILD_MEMBER_ADD', memberEvent(user.id));
      return user.id;
    },
    removeMember(userId) {
      const user = world.users.get(userId);
      if (!user || !guild.members.delete(userId)) throw new Error(`${userId} is not a member of ${guild.name}`);
      gateway.dispatch('GUILD_MEMBER_REMOVE', { guild_id: guild.id, user: apiUser(user) });
    },
    setMemberRoles(userId, ids) {
      const member = guild.members.get(userId);
      if (!member) throw new Error(`${userId} is not a member of ${guild.name}`);
      member.roles = roleIds(ids);
      gateway.dispatch('GUILD_MEMBER_UPDATE', memberEvent(userId));
    },
    deleteChannel(channelId) {
      const channel = world.channels.get(channelId);
      if (!channel || channel.guildId !== guild.id) throw new Error(`No channel ${channelId} in ${guild.name}`);
      channel.deleted = true;
      gateway.dispatch(isThread(channel.type) ? 'THREAD_DELETE' : 'CHANNEL_DELETE', apiChannel(world, channel));
    },
    denyBot(channelId, permissions) {
      const channel = world.channels.get(channelId);
      if (!channel || channel.guildId !== guild.id) throw new Error(`No channel ${channelId} in ${guild.name}`);
      channel.botDeny |= permissionBits(permissions);
      gateway.dispatch(isThread(channel.type) ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', apiChannel(world, channel));
    },
    setOverwrite(channelId, targetId, change) {
      const channel = world.channels.get(channelId);
      if (!channel || channel.guildId !== guild.id) throw new Error(`No channel ${channelId} in ${guild.name}`);
      const type = guild.roles.has(targetId) ? 0 : 1;
      if (type === 1 && !guild.members.has(targetId)) throw new Error(`No role or member ${targetId} in ${guild.name}`);
      channel.overwrites ??= new Map();
      channel.overwrites.set(targetId, { type, allow: permissionBits(change.allow ?? []), deny: permissionBits(change.deny ?? []) });
      gateway.dispatch(isThread(channel.type) ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', apiChannel(world, channel));
    },
    addManyMembers(count, prefix = 'member') {
      const joinedAt = new Date().toISOString();
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        bulk++;
        const username = `${prefix}-${bulk}`;
        const id = snowflake();
        world.users.set(id, { id, username, bot: false, dmsOpen: true });
        guild.members.set(id, { userId: id, roles: [], joinedAt });
        usernameIndex.set(username, id);
        ids.push(id);
      }
      return ids;
    },
  };
}

export { permissionBits };
