// What the bot has posted that the person at the shell has not seen yet, in every channel and DM.
// The test bed has no "all channels" listing, so channels are found from the demo's own ones,
// the REST paths the bot used (it posts through /channels/:id/…), DMs with each member and threads.
import type { MessageView, TestBed } from '../testbed/types.js';

export interface FeedItem {
  message: MessageView;
  /** Seen before in another form: the bot edited it. */
  edited: boolean;
}

export interface Feed {
  /** Waits until the bot has stopped changing messages for a moment (or a few seconds passed). */
  settle(options?: { quietMs?: number; maxMs?: number }): Promise<void>;
  /** Messages new or changed since the last take, oldest first; they count as seen afterwards. */
  take(): FeedItem[];
  /** Counts a message as seen (it was shown another way, e.g. as the reply to a command). */
  markSeen(message: MessageView): void;
  /** Channels known so far, for name lookups. */
  channelIds(): string[];
}

const POLL_MS = 40;

export function createFeed(bed: TestBed, baseChannelIds: () => string[]): Feed {
  const seen = new Map<string, string>();
  const known = new Set<string>();
  let requestCursor = 0;

  const discover = () => {
    for (const id of baseChannelIds()) known.add(id);
    for (; requestCursor < bed.requests.length; requestCursor++) {
      const match = /^\/channels\/(\d+)/.exec(bed.requests[requestCursor]?.path ?? '');
      if (match?.[1]) known.add(match[1]);
    }
  };

  const botMessages = (): MessageView[] => {
    discover();
    const all: MessageView[] = [];
    // Threads found on the way are added to the set, and a Set iteration visits what is added during it.
    for (const channelId of known) {
      let messages: MessageView[] = [];
      try {
        messages = bed.messages(channelId);
      } catch {
        continue;
      }
      for (const message of messages) {
        if (message.threadId) known.add(message.threadId);
        if (message.fromBot) all.push(message);
      }
    }
    return all;
  };

  const changed = () => botMessages().filter((m) => seen.get(m.id) !== signature(m));

  return {
    async settle({ quietMs = 250, maxMs = 3000 } = {}) {
      const started = Date.now();
      let last = changeKey(changed());
      let quietSince = Date.now();
      while (Date.now() - quietSince < quietMs && Date.now() - started < maxMs) {
        await sleep(POLL_MS);
        const key = changeKey(changed());
        if (key !== last) {
          last = key;
          quietSince = Date.now();
        }
      }
    },
    take() {
      const items = changed()
        .sort((a, b) => a.createdAt - b.createdAt || compareSnowflakes(a.id, b.id))
        .map((message) => ({ message, edited: seen.has(message.id) }));
      for (const { message } of items) seen.set(message.id, signature(message));
      return items;
    },
    markSeen(message) {
      seen.set(message.id, signature(message));
    },
    channelIds() {
      discover();
      return [...known];
    },
  };
}

/** What a reader would notice changing; reactions are left out so a member's own reaction does not reprint the post. */
function signature(message: MessageView): string {
  return JSON.stringify([message.content, message.embeds, message.components, message.attachments.length, message.editedAt]);
}

function changeKey(messages: MessageView[]): string {
  return messages.map((m) => `${m.id}:${signature(m)}`).join('|');
}

function compareSnowflakes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
