// REST: channel messages (create with nonce dedupe, list, fetch, edit, delete) and their reactions.
import { ApiError, FormErrors, fail } from './errors.js';
import { botChannel, json, noContent, requireBotPerms, type Ctx } from './context.js';
import { assertEditKeepsSubstance, createMessage, deleteMessage, dispatchMessage, editMessage } from './messages.js';
import { Perm } from './permissions.js';
import { addReaction, parseEmoji, reactionUsers, removeReaction } from './reactions.js';
import type { Req, Router } from './router.js';
import { apiMessage, apiUser, reactionKey } from './serialize.js';
import { isThread, isTextLike, type Channel, type Message } from './state.js';
import { validateMessage } from './validate-message.js';

type Obj = Record<string, unknown>;
const NONCE_WINDOW_MS = 5 * 60_000;

export function registerMessageRoutes(router: Router, ctx: Ctx): void {
  const { world, gateway } = ctx;
  const nonces = new Map<string, { id: string; at: number }>();

  const channelMessage = (req: Req): { channel: Channel; message: Message } => {
    const channel = botChannel(ctx, req.params.channel ?? '');
    const message = world.messages.get(req.params.message ?? '');
    if (!message || message.deleted || message.channelId !== channel.id || message.visibleTo) throw fail.unknownMessage();
    return { channel, message };
  };

  router.on('POST', '/channels/:channel/messages', (req) => {
    const channel = botChannel(ctx, req.params.channel ?? '');
    if (!isTextLike(channel.type)) throw fail.wrongChannelType();
    requireBotPerms(ctx, channel, isThread(channel.type) ? Perm.SendMessagesInThreads : Perm.SendMessages);
    if (channel.type === 1) {
      const recipient = world.users.get([...channel.memberIds][0] ?? '');
      if (!recipient || !recipient.dmsOpen || recipient.bot) throw fail.cannotDm();
    }
    if (isThread(channel.type) && channel.archived) {
      if (channel.locked) throw fail.threadArchived();
      channel.archived = false;
    }
    const body = validateMessage(req.body, { fileCount: req.files.length });
    if (body.nonce !== undefined && body.enforce_nonce === true) {
      const seen = nonces.get(`${world.botUserId}:${String(body.nonce)}`);
      const existing = seen && Date.now() - seen.at < NONCE_WINDOW_MS ? world.messages.get(seen.id) : undefined;
      if (existing && !existing.deleted) return json(apiMessage(world, existing));
    }
    const ref = body.message_reference as Obj | undefined;
    if (ref && typeof ref.message_id === 'string') {
      const target = world.messages.get(ref.message_id);
      if (!target || target.deleted || target.channelId !== channel.id) {
        const e = new FormErrors();
        e.add(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
        e.throwIfAny();
      }
    }
    if ((body.flags as number | undefined ?? 0) & 64) {
      const e = new FormErrors();
      e.add(['flags'], 'MESSAGE_FLAGS_INVALID', 'Ephemeral messages can only be sent as interaction responses');
      e.throwIfAny();
    }
    const m = createMessage(world, { channelId: channel.id, guildId: channel.guildId, authorId: world.botUserId, body, files: req.files, baseUrl: req.baseUrl });
    if (body.nonce !== undefined) nonces.set(`${world.botUserId}:${String(body.nonce)}`, { id: m.id, at: Date.now() });
    dispatchMessage(world, gateway, 'MESSAGE_CREATE', m);
    return json(apiMessage(world, m));
  });

  router.on('GET', '/channels/:channel/messages', (req) => {
    const channel = botChannel(ctx, req.params.channel ?? '');
    requireBotPerms(ctx, channel, Perm.ReadMessageHistory);
    const limit = req.query.has('limit') ? Number(req.query.get('limit')) : 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new ApiError(400, 50035, 'Invalid Form Body', { limit: { _errors: [{ code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 100.' }] } });
    }
    const all = channel.messageIds.map((id) => world.messages.get(id)).filter((m): m is Message => !!m && !m.deleted && !m.visibleTo);
    const before = req.query.get('before');
    const after = req.query.get('after');
    const around = req.query.get('around');
    let picked: Message[];
    if (after) picked = all.filter((m) => BigInt(m.id) > BigInt(after)).slice(0, limit);
    else if (around) {
      const idx = all.findIndex((m) => BigInt(m.id) >= BigInt(around));
      const centre = idx < 0 ? all.length : idx;
      picked = all.slice(Math.max(0, centre - Math.floor(limit / 2)), Math.max(0, centre - Math.floor(limit / 2)) + limit);
    } else {
      const pool = before ? all.filter((m) => BigInt(m.id) < BigInt(before)) : all;
      picked = pool.slice(-limit);
    }
    return json(picked.reverse().map((m) => apiMessage(world, m)));
  });

  router.on('GET', '/channels/:channel/messages/:message', (req) => {
    const { channel, message } = channelMessage(req);
    requireBotPerms(ctx, channel, Perm.ReadMessageHistory);
    return json(apiMessage(world, message));
  });

  router.on('PATCH', '/channels/:channel/messages/:message', (req) => {
    const { message } = channelMessage(req);
    if (message.authorId !== world.botUserId) throw fail.notAuthor();
    const body = validateMessage(req.body, { partial: true, fileCount: req.files.length });
    assertEditKeepsSubstance(message, body, req.files.length);
    editMessage(world, message, body, req.files, req.baseUrl);
    dispatchMessage(world, gateway, 'MESSAGE_UPDATE', message);
    return json(apiMessage(world, message));
  });

  router.on('DELETE', '/channels/:channel/messages/:message', (req) => {
    const { channel, message } = channelMessage(req);
    if (message.authorId !== world.botUserId) requireBotPerms(ctx, channel, Perm.ManageMessages);
    deleteMessage(world, gateway, message);
    return noContent;
  });

  router.on('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', (req) => {
    const { channel, message } = channelMessage(req);
    requireBotPerms(ctx, channel, Perm.ReadMessageHistory);
    const exists = message.reactions.some((r) => r.key === reactionKey(parseEmoji(req.params.emoji ?? '')));
    if (!exists) requireBotPerms(ctx, channel, Perm.AddReactions);
    addReaction(ctx, message, world.botUserId, req.params.emoji ?? '');
    return noContent;
  });

  router.on('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', (req) => {
    const { message } = channelMessage(req);
    removeReaction(ctx, message, world.botUserId, req.params.emoji ?? '');
    return noContent;
  });

  router.on('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/:user', (req) => {
    const { channel, message } = channelMessage(req);
    requireBotPerms(ctx, channel, Perm.ManageMessages);
    removeReaction(ctx, message, req.params.user ?? '', req.params.emoji ?? '');
    return noContent;
  });

  router.on('GET', '/channels/:channel/messages/:message/reactions/:emoji', (req) => {
    const { message } = channelMessage(req);
    const ids = reactionUsers(message, req.params.emoji ?? '', req.query.get('after'), req.query.get('limit'));
    return json(ids.map((id) => world.users.get(id)).filter((u) => !!u).map((u) => apiUser(u!)));
  });

  const clear = (req: Req, emojiRaw: string | null): { status: 204 } => {
    const { channel, message } = channelMessage(req);
    requireBotPerms(ctx, channel, Perm.ManageMessages);
    const base = { channel_id: message.channelId, message_id: message.id, ...(message.guildId ? { guild_id: message.guildId } : {}) };
    if (emojiRaw === null) {
      message.reactions = [];
      gateway.dispatch('MESSAGE_REACTION_REMOVE_ALL', base);
    } else {
      const emoji = parseEmoji(emojiRaw);
      message.reactions = message.reactions.filter((r) => r.key !== reactionKey(emoji));
      gateway.dispatch('MESSAGE_REACTION_REMOVE_EMOJI', { ...base, emoji });
    }
    world.touchMessage(message);
    return noContent;
  };
  router.on('DELETE', '/channels/:channel/messages/:message/reactions', (req) => clear(req, null));
  router.on('DELETE', '/channels/:channel/messages/:message/reactions/:emoji', (req) => clear(req, req.params.emoji ?? ''));
}
