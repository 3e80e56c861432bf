// REST: interaction callbacks (deadline, single acknowledgement) and the interaction webhook (original, follow-ups).
import { fail } from './errors.js';
import { json, noContent, type Ctx } from './context.js';
import type { Pending } from './interactions.js';
import { assertEditKeepsSubstance, createMessage, deleteMessage, dispatchMessage, editMessage } from './messages.js';
import type { Req, Router } from './router.js';
import { apiMessage, apiUser } from './serialize.js';
import type { Message } from './state.js';
import { validateCallback } from './validate-callback.js';
import { validateMessage } from './validate-message.js';

type Obj = Record<string, unknown>;

export function registerInteractionRoutes(router: Router, ctx: Ctx): void {
  const { world, gateway, interactions } = ctx;

  const meta = (p: Pending): Obj => {
    const user = world.users.get(p.userId);
    return {
      id: p.id, type: p.type, user: user ? apiUser(user) : undefined,
      authorizing_integration_owners: p.guildId ? { '0': p.guildId } : { '1': p.userId },
      ...(p.sourceMessageId ? { interacted_message_id: p.sourceMessageId } : {}),
    };
  };

  const post = (p: Pending, body: Obj, req: Req, loading = false): Message => {
    const flags = (typeof body.flags === 'number' ? body.flags : 0) | (loading ? 128 : 0);
    const m = createMessage(world, {
      channelId: p.channelId, guildId: p.guildId, authorId: world.botUserId, body: { ...body, flags }, files: req.files, baseUrl: req.baseUrl,
      interactionId: p.id, interactionMeta: meta(p), webhookId: world.applicationId, visibleTo: flags & 64 ? p.userId : null,
      type: p.type === 2 && !p.followupIds.length && !p.originalId ? 20 : 0,
    });
    dispatchMessage(world, gateway, 'MESSAGE_CREATE', m);
    return m;
  };

  router.on('POST', '/interactions/:interaction/:token/callback', (req) => {
    const receivedHr = process.hrtime.bigint();
    const p = interactions.get(req.params.interaction ?? '');
    if (!p || p.token !== req.params.token) throw fail.unknownInteraction();
    if (p.acked) throw fail.alreadyAcknowledged();
    if (interactions.expired(p)) throw fail.unknownInteraction();
    const { type, data } = validateCallback(req.body, p.type, p.sourceMessageId !== null, req.files.length);
    let message: Message | undefined;
    if (type === 4) p.originalId = (message = post(p, data ?? {}, req)).id;
    else if (type === 5) p.originalId = (message = post(p, { content: '', flags: (data?.flags as number | undefined ?? 0) & 64 }, req, true)).id;
    else if (type === 6 || type === 7) {
      p.originalId = p.sourceMessageId;
      message = world.messages.get(p.sourceMessageId ?? '');
      if (!message || message.deleted) throw fail.unknownMessage();
      if (type === 7) {
        editMessage(world, message, data ?? {}, req.files, req.baseUrl);
        dispatchMessage(world, gateway, 'MESSAGE_UPDATE', message);
      }
    }
    interactions.acknowledge(p, type, data, receivedHr);
    if (req.query.get('with_response') !== 'true') return noContent;
    return json({
      interaction: {
        id: p.id, type: p.type, response_message_id: message?.id, response_message_loading: type === 5,
        response_message_ephemeral: message ? (message.flags & 64) !== 0 : false,
      },
      resource: { type, ...(message && (type === 4 || type === 7) ? { message: apiMessage(world, message) } : {}) },
    });
  }, false);

  const webhook = (req: Req): Pending => {
    const p = interactions.byWebhookToken(req.params.token ?? '');
    if (!p || req.params.app !== world.applicationId || !p.acked) throw fail.unknownWebhook();
    return p;
  };
  const target = (p: Pending, ref: string): Message => {
    const id = ref === '@original' ? p.originalId : ref;
    const m = id ? world.messages.get(id) : undefined;
    if (!m || m.deleted || (id !== p.originalId && !p.followupIds.includes(id ?? ''))) throw fail.unknownMessage();
    return m;
  };

  router.on('POST', '/webhooks/:app/:token', (req) => {
    const p = webhook(req);
    const body = validateMessage(req.body, { fileCount: req.files.length });
    const original = p.originalId ? world.messages.get(p.originalId) : undefined;
    let m: Message;
    if (p.callbackType === 5 && original && original.flags & 128 && !p.followupReplacedOriginal) {
      // Discord turns the first follow-up after a deferral into the "thinking…" message itself.
      p.followupReplacedOriginal = true;
      editMessage(world, original, { ...body, flags: undefined }, req.files, req.baseUrl);
      dispatchMessage(world, gateway, 'MESSAGE_UPDATE', original);
      m = original;
    } else {
      m = post(p, body, req);
    }
    if (!p.followupIds.includes(m.id)) p.followupIds.push(m.id);
    return req.query.get('wait') === 'false' ? noContent : json(apiMessage(world, m));
  }, false);

  router.on('GET', '/webhooks/:app/:token/messages/:message', (req) => {
    const p = webhook(req);
    return json(apiMessage(world, target(p, req.params.message ?? '')));
  }, false);

  router.on('PATCH', '/webhooks/:app/:token/messages/:message', (req) => {
    const p = webhook(req);
    const m = target(p, req.params.message ?? '');
    const body = validateMessage(req.body, { partial: true, fileCount: req.files.length });
    assertEditKeepsSubstance(m, body, req.files.length);
    editMessage(world, m, body, req.files, req.baseUrl);
    dispatchMessage(world, gateway, 'MESSAGE_UPDATE', m);
    return json(apiMessage(world, m));
  }, false);

  router.on('DELETE', '/webhooks/:app/:token/messages/:message', (req) => {
    const p = webhook(req);
    deleteMessage(world, gateway, target(p, req.params.message ?? ''));
    return noContent;
  }, false);
}
