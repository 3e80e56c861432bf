// REST: channels, threads (from a message, standalone, forum posts), thread members and DM channels.
import { FormErrors, fail } from './errors.js';
import { botChannel, json, noContent, requireBotPerms, type Ctx } from './context.js';
import { createMessage, dispatchMessage } from './messages.js';
import { has, Perm } from './permissions.js';
import type { Req, Router } from './router.js';
import { apiChannel, apiMember } from './serialize.js';
import { isThread, type Channel } from './state.js';
import { validateMessage } from './validate-message.js';

type Obj = Record<string, unknown>;
const ARCHIVE = [60, 1440, 4320, 10080];

export function registerChannelRoutes(router: Router, ctx: Ctx): void {
  const { world, gateway } = ctx;
  const bot = world.botUserId;

  const threadFields = (e: FormErrors, b: Obj, creating: boolean): void => {
    if (creating || b.name !== undefined) e.length(['name'], b.name, 1, 100);
    if (b.auto_archive_duration !== undefined) e.choices(['auto_archive_duration'], b.auto_archive_duration, ARCHIVE);
  };

  const makeThread = (parent: Channel, b: Obj, type: number, id?: string): Channel => {
    const thread = world.addChannel({
      ...(id ? { id } : {}), name: String(b.name), type, guildId: parent.guildId, parentId: parent.id, ownerId: bot,
      autoArchive: typeof b.auto_archive_duration === 'number' ? b.auto_archive_duration : 1440, invitable: b.invitable !== false,
    });
    thread.memberIds.add(bot);
    gateway.dispatch('THREAD_CREATE', { ...apiChannel(world, thread), newly_created: true });
    return thread;
  };

  router.on('GET', '/channels/:channel', (req) => json(apiChannel(world, botChannel(ctx, req.params.channel ?? ''))));

  router.on('POST', '/channels/:channel/messages/:message/threads', (req) => {
    const parent = botChannel(ctx, req.params.channel ?? '');
    const m = world.messages.get(req.params.message ?? '');
    if (!m || m.deleted || m.channelId !== parent.id || m.visibleTo) throw fail.unknownMessage();
    if (parent.type !== 0 && parent.type !== 5) throw fail.wrongChannelType();
    requireBotPerms(ctx, parent, Perm.CreatePublicThreads | Perm.ReadMessageHistory);
    if (m.threadId) throw fail.threadExists();
    const b = (req.body ?? {}) as Obj;
    const e = new FormErrors();
    threadFields(e, b, true);
    e.throwIfAny();
    const thread = makeThread(parent, b, parent.type === 5 ? 10 : 11, m.id);
    m.threadId = thread.id;
    world.touchMessage(m);
    return json(apiChannel(world, thread), 201);
  });

  router.on('POST', '/channels/:channel/threads', (req) => {
    const parent = botChannel(ctx, req.params.channel ?? '');
    const b = (req.body ?? {}) as Obj;
    const e = new FormErrors();
    threadFields(e, b, true);
    if (parent.type === 15) {
      if (typeof b.message !== 'object' || b.message === null) e.required(['message']);
      e.throwIfAny();
      requireBotPerms(ctx, parent, Perm.SendMessages);
      const body = validateMessage(b.message, { fileCount: req.files.length });
      const thread = makeThread(parent, b, 11);
      const first = createMessage(world, { channelId: thread.id, guildId: thread.guildId, authorId: bot, body, files: req.files, baseUrl: req.baseUrl });
      dispatchMessage(world, gateway, 'MESSAGE_CREATE', first);
      return json({ ...apiChannel(world, thread), message: { id: first.id } }, 201);
    }
    if (parent.type !== 0 && parent.type !== 5) throw fail.wrongChannelType();
    // Discord's default when no type is given is a private thread.
    const type = b.type === undefined ? 12 : Number(b.type);
    e.choices(['type'], type, parent.type === 5 ? [10] : [11, 12]);
    e.throwIfAny();
    requireBotPerms(ctx, parent, type === 12 ? Perm.CreatePrivateThreads : Perm.CreatePublicThreads);
    return json(apiChannel(world, makeThread(parent, b, type)), 201);
  });

  router.on('PATCH', '/channels/:channel', (req) => {
    const channel = botChannel(ctx, req.params.channel ?? '');
    const b = (req.body ?? {}) as Obj;
    const e = new FormErrors();
    const perms = channel.guildId ? world.permissions(channel.guildId, bot, channel.id) : 0n;
    if (!isThread(channel.type)) {
      if (!has(perms, Perm.ManageChannels)) throw fail.missingPermissions();
      if (b.name !== undefined) e.length(['name'], b.name, 1, 100);
      e.maxLength(['topic'], b.topic, 1024);
      e.throwIfAny();
      if (typeof b.name === 'string') channel.name = b.name;
      gateway.dispatch('CHANNEL_UPDATE', apiChannel(world, channel));
      return json(apiChannel(world, channel));
    }
    threadFields(e, b, false);
    e.throwIfAny();
    const moderator = has(perms, Perm.ManageThreads);
    if (!moderator && channel.ownerId !== bot) throw fail.missingPermissions();
    if ((b.locked !== undefined || (channel.locked && b.archived === false)) && !moderator) throw fail.missingPermissions();
    if (typeof b.name === 'string') channel.name = b.name;
    if (typeof b.locked === 'boolean') channel.locked = b.locked;
    if (typeof b.auto_archive_duration === 'number') channel.autoArchive = b.auto_archive_duration;
    if (typeof b.invitable === 'boolean') channel.invitable = b.invitable;
    if (typeof b.archived === 'boolean' && b.archived !== channel.archived) {
      channel.archived = b.archived;
      channel.archivedAt = new Date().toISOString();
    }
    gateway.dispatch('THREAD_UPDATE', apiChannel(world, channel));
    return json(apiChannel(world, channel));
  });

  router.on('DELETE', '/channels/:channel', (req) => {
    const channel = botChannel(ctx, req.params.channel ?? '');
    requireBotPerms(ctx, channel, isThread(channel.type) ? Perm.ManageThreads : Perm.ManageChannels);
    channel.deleted = true;
    gateway.dispatch(isThread(channel.type) ? 'THREAD_DELETE' : 'CHANNEL_DELETE', apiChannel(world, channel));
    return json(apiChannel(world, channel));
  });

  const threadMember = (req: Req, add: boolean): { status: 204 } => {
    const thread = botChannel(ctx, req.params.channel ?? '');
    if (!isThread(thread.type) || !thread.guildId) throw fail.wrongChannelType();
    if (thread.archived) throw fail.threadArchived();
    const userId = req.params.user ?? bot;
    const guild = world.guilds.get(thread.guildId);
    if (!guild?.members.has(userId)) throw fail.unknownMember();
    if (userId !== bot) {
      const perms = world.permissions(thread.guildId, bot, thread.id);
      const mayManage = has(perms, Perm.ManageThreads) || (add && thread.memberIds.has(bot) && (thread.type !== 12 || thread.invitable || thread.ownerId === bot));
      if (!mayManage) throw fail.missingPermissions();
    }
    if (add === thread.memberIds.has(userId)) return noContent;
    if (add) thread.memberIds.add(userId);
    else thread.memberIds.delete(userId);
    gateway.dispatch('THREAD_MEMBERS_UPDATE', {
      id: thread.id, guild_id: thread.guildId, member_count: thread.memberIds.size,
      ...(add
        ? { added_members: [{ id: thread.id, user_id: userId, join_timestamp: new Date().toISOString(), flags: 0, member: apiMember(world, guild, userId) }] }
        : { removed_member_ids: [userId] }),
    });
    return noContent;
  };
  router.on('PUT', '/channels/:channel/thread-members/@me', (req) => threadMember(req, true));
  router.on('DELETE', '/channels/:channel/thread-members/@me', (req) => threadMember(req, false));
  router.on('PUT', '/channels/:channel/thread-members/:user', (req) => threadMember(req, true));
  router.on('DELETE', '/channels/:channel/thread-members/:user', (req) => threadMember(req, false));

  router.on('POST', '/users/@me/channels', (req) => {
    const recipientId = String(((req.body ?? {}) as Obj).recipient_id ?? '');
    const user = world.users.get(recipientId);
    if (!user) {
      const e = new FormErrors();
      e.add(['recipient_id'], 'USER_UNKNOWN', 'Unknown user');
      e.throwIfAny();
    }
    let id = world.dms.get(recipientId);
    if (!id) {
      const dm = world.addChannel({ name: user!.username, type: 1, guildId: null });
      dm.memberIds.add(recipientId);
      world.dms.set(recipientId, dm.id);
      id = dm.id;
    }
    return json(apiChannel(world, world.channels.get(id)!));
  });
}
