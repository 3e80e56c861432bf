// Creating, editing and showing messages, whichever route (channel, interaction, webhook) they come through.
import { fail } from './errors.js';
import { snowflake } from './ids.js';
import { Intent, type Gateway } from './gateway.js';
import { pingsFor } from './pings.js';
import { fileToAttachment, type UploadedFile } from './router.js';
import { apiMember, apiMessage } from './serialize.js';
import type { Attachment, Message, World } from './state.js';
import type { MessageView } from './types.js';
import { hasSubstance } from './validate-message.js';

type Obj = Record<string, unknown>;

export interface NewMessage {
  channelId: string;
  guildId: string | null;
  authorId: string;
  body: Obj;
  files: UploadedFile[];
  baseUrl: string;
  interactionId?: string | null;
  interactionMeta?: Obj | null;
  webhookId?: string | null;
  visibleTo?: string | null;
  type?: number;
}

export function attachmentsFrom(world: World, channelId: string, body: Obj, files: UploadedFile[], baseUrl: string, keep: Attachment[] = []): Attachment[] {
  const described = Array.isArray(body.attachments) ? (body.attachments as Obj[]) : null;
  const result: Attachment[] = described ? keep.filter((a) => described.some((d) => String(d.id) === a.id)) : [...keep];
  files.forEach((f, index) => {
    const meta = described?.find((d) => String(d.id) === String(index) || `files[${String(d.id)}]` === f.field);
    const id = snowflake();
    const url = `${baseUrl}/attachments/${channelId}/${id}/${encodeURIComponent(f.filename)}`;
    const attachment = fileToAttachment(f, id, url, typeof meta?.description === 'string' ? meta.description : undefined);
    world.files.set(id, attachment);
    result.push(attachment);
  });
  return result;
}

export function createMessage(world: World, n: NewMessage): Message {
  const flags = typeof n.body.flags === 'number' ? n.body.flags : 0;
  const ref = n.body.message_reference as Obj | undefined;
  const m: Message = {
    id: snowflake(), channelId: n.channelId, guildId: n.guildId, authorId: n.authorId, fromBot: n.authorId === world.botUserId,
    content: typeof n.body.content === 'string' ? n.body.content : '', embeds: (n.body.embeds as Obj[] | undefined) ?? [],
    components: (n.body.components as Obj[] | undefined) ?? [], attachments: attachmentsFrom(world, n.channelId, n.body, n.files, n.baseUrl),
    flags, visibleTo: n.visibleTo ?? null, reactions: [], pings: { everyone: false, here: false, users: [], roles: [] },
    interactionId: n.interactionId ?? null, interactionMeta: n.interactionMeta ?? null, webhookId: n.webhookId ?? null,
    type: n.type ?? (ref ? 19 : 0), createdAt: Date.now(), editedAt: null, threadId: null,
    nonce: n.body.nonce === undefined || n.body.nonce === null ? null : String(n.body.nonce),
    reference: ref && typeof ref.message_id === 'string' ? { message_id: ref.message_id, channel_id: n.channelId, ...(n.guildId ? { guild_id: n.guildId } : {}) } : null,
    poll: n.body.poll ?? null, deleted: false,
  };
  m.pings = pingsFor(world, m, n.body.allowed_mentions);
  world.addMessage(m);
  return m;
}

/** Discord refuses an edit that would leave the message with nothing in it (50006). */
export function assertEditKeepsSubstance(m: Message, body: Obj, fileCount: number): void {
  const after = (key: string, current: unknown): unknown => (body[key] !== undefined ? body[key] : current);
  const attachments = body.attachments !== undefined ? body.attachments : m.attachments;
  const merged = { content: after('content', m.content), embeds: after('embeds', m.embeds), components: after('components', m.components), attachments, poll: m.poll ?? undefined };
  if (!hasSubstance(merged as Obj, fileCount)) throw fail.emptyMessage();
}

/** Applies an edit body; fields left out stay as they were. */
export function editMessage(world: World, m: Message, body: Obj, files: UploadedFile[], baseUrl: string): void {
  if (body.content !== undefined) m.content = typeof body.content === 'string' ? body.content : '';
  if (body.embeds !== undefined) m.embeds = (body.embeds as Obj[] | null) ?? [];
  if (body.components !== undefined) m.components = (body.components as Obj[] | null) ?? [];
  if (body.attachments !== undefined || files.length) m.attachments = attachmentsFrom(world, m.channelId, body, files, baseUrl, m.attachments);
  if (typeof body.flags === 'number') m.flags = (m.flags & 64) | (body.flags & ~64);
  // Editing clears the "thinking…" state of a deferred reply.
  m.flags &= ~128;
  if (body.content !== undefined || body.allowed_mentions !== undefined) m.pings = pingsFor(world, m, body.allowed_mentions);
  m.editedAt = Date.now();
  world.touchMessage(m);
}

export function messageView(world: World, m: Message): MessageView {
  return {
    id: m.id, channelId: m.channelId, guildId: m.guildId, authorId: m.authorId, fromBot: m.fromBot, content: m.content,
    embeds: structuredClone(m.embeds), components: structuredClone(m.components) as MessageView['components'], attachments: m.attachments.map((a) => ({ ...a })),
    flags: m.flags, ephemeral: (m.flags & 64) !== 0, visibleTo: m.visibleTo,
    reactions: m.reactions.map((r) => ({ emoji: r.key, userIds: [...r.userIds] })), pings: structuredClone(m.pings),
    interactionId: m.interactionId, createdAt: m.createdAt, editedAt: m.editedAt, threadId: m.threadId,
  };
}

/** What a session sees of a message: without Message Content, other people's guild messages arrive blank. */
function forIntents(world: World, m: Message, intents: number): Obj {
  const full = apiMessage(world, m);
  const guild = m.guildId ? world.guilds.get(m.guildId) : undefined;
  const member = guild ? apiMember(world, guild, m.authorId, false) : null;
  const withMember = member ? { ...full, member } : full;
  const privileged = (intents & Intent.MessageContent) !== 0 || !m.guildId || m.authorId === world.botUserId || m.pings.users.includes(world.botUserId);
  return privileged ? withMember : { ...withMember, content: '', embeds: [], attachments: [], components: [], poll: undefined };
}

export function dispatchMessage(world: World, gateway: Gateway, event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', m: Message): void {
  if (m.visibleTo) return;
  gateway.dispatch(event, (intents) => forIntents(world, m, intents));
}

export function deleteMessage(world: World, gateway: Gateway, m: Message): void {
  m.deleted = true;
  const channel = world.channels.get(m.channelId);
  if (channel) channel.messageIds = channel.messageIds.filter((id) => id !== m.id);
  world.touchMessage(m);
  if (!m.visibleTo) gateway.dispatch('MESSAGE_DELETE', { id: m.id, channel_id: m.channelId, ...(m.guildId ? { guild_id: m.guildId } : {}) });
}
