// Reactions: emoji checks, the 20-distinct limit, and the gateway events members and the bot cause.
import { ApiError, fail } from './errors.js';
import type { Ctx } from './context.js';
import { apiMember, reactionKey } from './serialize.js';
import type { Message } from './state.js';

const RGI = new RegExp('^\\p{RGI_Emoji}$', 'v');

/** Unicode emoji, or a custom emoji the app owns (the test bed has none, so custom ones are unknown). */
export function parseEmoji(raw: string): { id: string | null; name: string } {
  const custom = /^<?a?:?([\w~]{1,32}):(\d{15,21})>?$/.exec(raw);
  if (custom) throw fail.unknownEmoji();
  if (RGI.test(raw) || RGI.test(raw + '\uFE0F') || RGI.test(raw.replace(/\uFE0F/g, ''))) return { id: null, name: raw };
  throw fail.unknownEmoji();
}

export function addReaction(ctx: Ctx, m: Message, userId: string, raw: string): boolean {
  const emoji = parseEmoji(raw);
  const key = reactionKey(emoji);
  let reaction = m.reactions.find((r) => r.key === key);
  if (!reaction) {
    if (m.reactions.length >= 20) throw fail.maxReactions();
    reaction = { key, emoji, userIds: [] };
    m.reactions.push(reaction);
  }
  if (reaction.userIds.includes(userId)) return false;
  reaction.userIds.push(userId);
  ctx.world.touchMessage(m);
  const guild = m.guildId ? ctx.world.guilds.get(m.guildId) : undefined;
  ctx.gateway.dispatch('MESSAGE_REACTION_ADD', {
    user_id: userId, channel_id: m.channelId, message_id: m.id, emoji, message_author_id: m.authorId,
    burst: false, burst_colors: [], type: 0,
    ...(guild ? { guild_id: guild.id, member: apiMember(ctx.world, guild, userId) } : {}),
  });
  return true;
}

export function removeReaction(ctx: Ctx, m: Message, userId: string, raw: string): boolean {
  const emoji = parseEmoji(raw);
  const key = reactionKey(emoji);
  const reaction = m.reactions.find((r) => r.key === key);
  if (!reaction || !reaction.userIds.includes(userId)) return false;
  reaction.userIds = reaction.userIds.filter((id) => id !== userId);
  if (reaction.userIds.length === 0) m.reactions = m.reactions.filter((r) => r !== reaction);
  ctx.world.touchMessage(m);
  ctx.gateway.dispatch('MESSAGE_REACTION_REMOVE', {
    user_id: userId, channel_id: m.channelId, message_id: m.id, emoji, burst: false, type: 0,
    ...(m.guildId ? { guild_id: m.guildId } : {}),
  });
  return true;
}

export function reactionUsers(m: Message, raw: string, after: string | null, limitRaw: string | null): string[] {
  const emoji = parseEmoji(raw);
  const limit = limitRaw === null ? 25 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new ApiError(400, 50035, 'Invalid Form Body', { limit: { _errors: [{ code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 100.' }] } });
  }
  const reaction = m.reactions.find((r) => r.key === reactionKey(emoji));
  const ids = [...(reaction?.userIds ?? [])].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const start = after ? ids.filter((id) => BigInt(id) > BigInt(after)) : ids;
  return start.slice(0, limit);
}
