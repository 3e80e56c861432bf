// World objects → the JSON shapes Discord sends (users, members, roles, channels, guilds, messages, events).
import { isThread, type Channel, type Guild, type Message, type Role, type ScheduledEvent, type User, type World } from './state.js';

export function apiUser(u: User): Record<string, unknown> {
  return {
    id: u.id, username: u.username, discriminator: '0', global_name: u.bot ? null : u.username, avatar: null,
    bot: u.bot || undefined, public_flags: 0, flags: 0, banner: null, accent_color: null, avatar_decoration_data: null,
  };
}

export function apiRole(r: Role): Record<string, unknown> {
  return {
    id: r.id, name: r.name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false, icon: null, unicode_emoji: null, position: r.position, permissions: r.permissions.toString(),
    managed: r.managed, mentionable: r.mentionable, flags: 0, ...(r.botId ? { tags: { bot_id: r.botId } } : {}),
  };
}

export function apiMember(world: World, guild: Guild, userId: string, withUser = true): Record<string, unknown> | null {
  const member = guild.members.get(userId);
  const user = world.users.get(userId);
  if (!member || !user) return null;
  return {
    ...(withUser ? { user: apiUser(user) } : {}),
    nick: null, avatar: null, banner: null, roles: [...member.roles], joined_at: member.joinedAt, premium_since: null,
    deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null,
  };
}

export function apiChannel(world: World, c: Channel): Record<string, unknown> {
  if (c.type === 1) {
    const recipient = world.users.get([...c.memberIds][0] ?? '');
    return { id: c.id, type: 1, last_message_id: c.lastMessageId, flags: 0, recipients: recipient ? [apiUser(recipient)] : [] };
  }
  const base = { id: c.id, type: c.type, guild_id: c.guildId, name: c.name, parent_id: c.parentId, last_message_id: c.lastMessageId, flags: 0, rate_limit_per_user: 0 };
  if (isThread(c.type)) {
    return {
      ...base, owner_id: c.ownerId, message_count: c.messageIds.length, total_message_sent: c.messageIds.length,
      member_count: c.memberIds.size,
      thread_metadata: {
        archived: c.archived, auto_archive_duration: c.autoArchive, archive_timestamp: c.archivedAt ?? c.createdAt,
        locked: c.locked, create_timestamp: c.createdAt, ...(c.type === 12 ? { invitable: c.invitable } : {}),
      },
    };
  }
  const overwrites = [...(c.overwrites ?? new Map()).entries()]
    .filter(([id]) => id !== world.botUserId || !c.botDeny)
    .map(([id, o]) => ({ id, type: o.type, allow: o.allow.toString(), deny: o.deny.toString() }));
  if (c.botDeny) overwrites.push({ id: world.botUserId, type: 1, allow: '0', deny: c.botDeny.toString() });
  return { ...base, position: c.position, permission_overwrites: overwrites, topic: null, nsfw: false };
}

export function apiEvent(world: World, e: ScheduledEvent): Record<string, unknown> {
  const creator = world.users.get(e.creatorId);
  return {
    id: e.id, guild_id: e.guildId, channel_id: e.channelId, creator_id: e.creatorId, creator: creator ? apiUser(creator) : undefined,
    name: e.name, description: e.description, scheduled_start_time: e.start, scheduled_end_time: e.end,
    privacy_level: e.privacyLevel, status: e.status, entity_type: e.entityType, entity_id: null,
    entity_metadata: e.location ? { location: e.location } : null, user_count: 0, image: null, recurrence_rule: null,
  };
}

export function apiGuild(world: World, g: Guild): Record<string, unknown> {
  const general = g.channelIds.find((id) => world.channels.get(id)?.type === 0) ?? null;
  return {
    id: g.id, name: g.name, icon: null, splash: null, discovery_splash: null, owner_id: g.ownerId, afk_channel_id: null,
    afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0,
    roles: [...g.roles.values()].map(apiRole), emojis: [], stickers: [], features: [], mfa_level: 0, application_id: null,
    system_channel_id: general, system_channel_flags: 0, rules_channel_id: null, vanity_url_code: null, description: null,
    banner: null, premium_tier: 0, premium_subscription_count: 0, preferred_locale: g.locale ?? 'en-US', public_updates_channel_id: null,
    nsfw_level: 0, premium_progress_bar_enabled: false, safety_alerts_channel_id: null, max_members: 500000, max_video_channel_users: 25,
  };
}

export function liveChannels(world: World, g: Guild): Channel[] {
  return g.channelIds.map((id) => world.channels.get(id)).filter((c): c is Channel => !!c && !c.deleted);
}

/** GUILD_CREATE for one session: members only as the intents allow. */
export function guildCreate(world: World, g: Guild, allMembers: boolean): Record<string, unknown> {
  const channels = liveChannels(world, g);
  const memberIds = allMembers ? [...g.members.keys()] : [world.botUserId, g.ownerId];
  return {
    ...apiGuild(world, g),
    joined_at: g.members.get(world.botUserId)?.joinedAt ?? g.createdAt, large: g.members.size > 50, unavailable: false,
    member_count: g.members.size, voice_states: [], presences: [], stage_instances: [], soundboard_sounds: [], embedded_activities: [],
    members: [...new Set(memberIds)].map((id) => apiMember(world, g, id)).filter(Boolean),
    channels: channels.filter((c) => !isThread(c.type)).map((c) => apiChannel(world, c)),
    threads: channels.filter((c) => isThread(c.type) && !c.archived).map((c) => apiChannel(world, c)),
    guild_scheduled_events: [...g.events.values()].map((e) => apiEvent(world, e)),
  };
}

export function reactionKey(emoji: { id: string | null; name: string }): string {
  return emoji.id ? `${emoji.name}:${emoji.id}` : emoji.name;
}

export function apiMessage(world: World, m: Message, viewerId = world.botUserId): Record<string, unknown> {
  const author = world.users.get(m.authorId);
  const guild = m.guildId ? world.guilds.get(m.guildId) : undefined;
  const thread = m.threadId ? world.channels.get(m.threadId) : undefined;
  const mentioned = m.pings.users.map((id) => world.users.get(id)).filter((u): u is User => !!u);
  return {
    id: m.id, type: m.type, channel_id: m.channelId, ...(m.guildId ? { guild_id: m.guildId } : {}),
    author: author ? apiUser(author) : { id: m.authorId, username: 'unknown', discriminator: '0' },
    content: m.content, timestamp: new Date(m.createdAt).toISOString(),
    edited_timestamp: m.editedAt ? new Date(m.editedAt).toISOString() : null, tts: false,
    mention_everyone: m.pings.everyone || m.pings.here,
    mentions: mentioned.map((u) => ({ ...apiUser(u), ...(guild ? { member: apiMember(world, guild, u.id, false) ?? undefined } : {}) })),
    mention_roles: m.pings.roles, mention_channels: [],
    attachments: m.attachments.map((a) => ({
      id: a.id, filename: a.filename, size: a.size, url: a.url, proxy_url: a.url, content_type: a.contentType ?? undefined,
      ...(a.description ? { description: a.description } : {}), ...(m.visibleTo ? { ephemeral: true } : {}),
    })),
    embeds: m.embeds, components: m.components, pinned: false, flags: m.flags,
    reactions: m.reactions.length
      ? m.reactions.map((r) => ({
          emoji: r.emoji, count: r.userIds.length, count_details: { burst: 0, normal: r.userIds.length },
          me: r.userIds.includes(viewerId), me_burst: false, burst_colors: [],
        }))
      : undefined,
    ...(m.nonce ? { nonce: m.nonce } : {}),
    ...(m.webhookId ? { webhook_id: m.webhookId, application_id: world.applicationId } : {}),
    ...(m.interactionMeta ? { interaction_metadata: m.interactionMeta } : {}),
    ...(m.reference ? { message_reference: { type: 0, ...m.reference } } : {}),
    ...(m.poll ? { poll: m.poll } : {}),
    ...(thread ? { thread: apiChannel(world, thread) } : {}),
  };
}
