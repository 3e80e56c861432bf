// Getting skill-share messages to members privately: a DM when they accept DMs, otherwise a private thread in
// the channel where the introduction was asked for (only the people concerned are added to it).
import { ChannelType, type MessageCreateOptions } from 'discord.js';
import type { Language } from '../../shared/languages.js';
import type { BotContext } from '../command.js';
import { publicLanguageOf } from '../language.js';

export type Delivery = 'dm' | 'thread' | 'none';

/** Opens a private thread in `channelId` with `userIds` and posts there; null when the channel cannot host one. */
export async function postInPrivateThread(
  ctx: BotContext,
  channelId: string | null,
  name: string,
  userIds: readonly string[],
  payload: Omit<MessageCreateOptions, 'nonce' | 'enforceNonce'>,
): Promise<string | null> {
  if (!channelId) return null;
  const channel = ctx.client.channels.cache.get(channelId) ?? (await ctx.client.channels.fetch(channelId).catch(() => null));
  if (!channel || channel.type !== ChannelType.GuildText) return null;
  const thread = await channel.threads.create({ name: name.slice(0, 100), type: ChannelType.PrivateThread, invitable: false, autoArchiveDuration: 10080 });
  for (const userId of userIds) await thread.members.add(userId);
  await thread.send({ allowedMentions: { parse: [] }, ...payload });
  return thread.id;
}

/** A DM to each member; those who closed DMs share one private thread in `channelId` instead. */
export async function deliverPrivately(
  ctx: BotContext,
  options: {
    userIds: readonly string[];
    channelId: string | null;
    threadName: string;
    payloadFor(userId: string | null): Omit<MessageCreateOptions, 'nonce' | 'enforceNonce'>;
    idempotencyKey?: string;
  },
): Promise<Record<string, Delivery>> {
  const outcome: Record<string, Delivery> = {};
  const closed: string[] = [];
  for (const userId of options.userIds) {
    const key = options.idempotencyKey ? `${options.idempotencyKey}:${userId}` : undefined;
    const sent = await ctx.poster.dm(userId, options.payloadFor(userId), key ? { idempotencyKey: key } : {});
    if (sent) outcome[userId] = 'dm';
    else closed.push(userId);
  }
  if (closed.length > 0) {
    const threadId = await postInPrivateThread(ctx, options.channelId, options.threadName, closed, options.payloadFor(closed.length === 1 ? closed[0]! : null));
    for (const userId of closed) outcome[userId] = threadId ? 'thread' : 'none';
  }
  return outcome;
}

/** The language of a DM to a member no interaction speaks for (see member-language.ts). */
export { memberLanguage } from '../member-language.js';
