// Publishing outside an interaction (scheduled posts, notices to organizers, DMs): mentions never ping, and
// a post with an idempotency key carries a nonce Discord enforces, so a job re-run after a crash posts once.
import { createHash } from 'node:crypto';
import { DiscordAPIError, type Client, type MessageCreateOptions, type MessageEditOptions } from 'discord.js';

export interface PostedMessage {
  channelId: string;
  messageId: string;
}

export type PostPayload = Omit<MessageCreateOptions, 'nonce' | 'enforceNonce'>;

export interface Poster {
  post(channelId: string, payload: PostPayload, options?: { idempotencyKey?: string }): Promise<PostedMessage>;
  edit(channelId: string, messageId: string, payload: MessageEditOptions): Promise<void>;
  /** Direct message; null when the member does not accept DMs from the server (50007). */
  dm(userId: string, payload: PostPayload, options?: { idempotencyKey?: string }): Promise<PostedMessage | null>;
}

/** Discord nonces are at most 25 characters: a short hash of the key. */
export function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}

const NO_PINGS = { parse: [] } as const;

async function sendableChannel(client: Client, channelId: string) {
  const channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId));
  if (!channel || !channel.isSendable()) throw new Error(`channel ${channelId} cannot receive messages`);
  return channel;
}

export function createPoster(client: Client): Poster {
  return {
    async post(channelId, payload, options = {}) {
      const channel = await sendableChannel(client, channelId);
      const message = await channel.send({
        allowedMentions: NO_PINGS,
        ...payload,
        ...(options.idempotencyKey ? { nonce: nonceFor(options.idempotencyKey), enforceNonce: true } : {}),
      });
      return { channelId: message.channelId, messageId: message.id };
    },
    async edit(channelId, messageId, payload) {
      const channel = await sendableChannel(client, channelId);
      if (!('messages' in channel)) throw new Error(`channel ${channelId} has no messages`);
      await channel.messages.edit(messageId, { allowedMentions: NO_PINGS, ...payload });
    },
    async dm(userId, payload, options = {}) {
      try {
        const channel = await client.users.createDM(userId);
        const message = await channel.send({
          allowedMentions: NO_PINGS,
          ...payload,
          ...(options.idempotencyKey ? { nonce: nonceFor(options.idempotencyKey), enforceNonce: true } : {}),
        });
        return { channelId: message.channelId, messageId: message.id };
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === 50007) return null;
        throw error;
      }
    },
  };
}
