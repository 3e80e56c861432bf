// Interactions in flight: tokens, the 3 s deadline, the initial response, and what the driver gets back.
import { randomToken, snowflake } from './ids.js';
import { messageView } from './messages.js';
import type { Message, World } from './state.js';
import type { InitialResponseTiming, InteractionResult, MessageView } from './types.js';

type Obj = Record<string, unknown>;
export const WEBHOOK_LIFETIME_MS = 15 * 60_000;

export interface Pending {
  id: string; token: string; type: number; channelId: string; guildId: string | null; userId: string;
  /** For component and component-born modal interactions: the message the member acted on. */
  sourceMessageId: string | null;
  commandName: string | null;
  dispatchedAt: number;
  /** process.hrtime of the INTERACTION_CREATE dispatch (the driver stamps it just before sending). */
  dispatchedHr: bigint; acked: boolean; callbackType: number | null; callbackData: Obj | null; callbackAt: number;
  originalId: string | null; followupIds: string[]; followupReplacedOriginal: boolean;
  settle: { resolve: (r: InteractionResult) => void; reject: (e: Error) => void } | null;
  timer: NodeJS.Timeout | null;
}

export class InteractionTimeoutError extends Error {}

export function waitForMessage(world: World, predicate: (m: MessageView) => boolean, timeoutMs: number, existing: Message[] = []): Promise<MessageView> {
  for (const m of existing) {
    const view = messageView(world, m);
    if (predicate(view)) return Promise.resolve(view);
  }
  return new Promise((resolve, reject) => {
    const listener = (m: Message): void => {
      const view = messageView(world, m);
      if (!predicate(view)) return;
      cleanup();
      resolve(view);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`No matching message within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      world.off('message', listener);
    };
    world.on('message', listener);
  });
}

export class Interactions {
  private readonly byId = new Map<string, Pending>();
  private readonly byToken = new Map<string, Pending>();

  constructor(
    private readonly world: World,
    readonly deadlineMs: number,
    private readonly onInitialResponse?: (timing: InitialResponseTiming) => void,
  ) {}

  open(fields: Pick<Pending, 'type' | 'channelId' | 'guildId' | 'userId' | 'sourceMessageId' | 'commandName'>): { pending: Pending; done: Promise<InteractionResult> } {
    const pending: Pending = {
      ...fields, id: snowflake(), token: `aW50ZXJhY3Rpb24${randomToken(48)}`, dispatchedAt: Date.now(), dispatchedHr: process.hrtime.bigint(), acked: false, callbackType: null,
      callbackData: null, callbackAt: 0, originalId: null, followupIds: [], followupReplacedOriginal: false, settle: null, timer: null,
    };
    this.byId.set(pending.id, pending);
    this.byToken.set(pending.token, pending);
    const done = new Promise<InteractionResult>((resolve, reject) => {
      pending.settle = { resolve, reject };
    });
    pending.timer = setTimeout(() => {
      pending.timer = null;
      if (pending.acked) return;
      pending.settle?.reject(new InteractionTimeoutError(`The bot gave no initial response to interaction ${pending.id} within ${this.deadlineMs} ms (Discord shows "The application did not respond")`));
      pending.settle = null;
    }, this.deadlineMs);
    return { pending, done };
  }

  get(id: string): Pending | undefined {
    return this.byId.get(id);
  }

  /** A live webhook token (valid 15 minutes after the interaction). */
  byWebhookToken(token: string): Pending | undefined {
    const p = this.byToken.get(token);
    return p && Date.now() - p.dispatchedAt < WEBHOOK_LIFETIME_MS ? p : undefined;
  }

  expired(p: Pending): boolean {
    return Date.now() - p.dispatchedAt > this.deadlineMs;
  }

  /** `receivedHr`: when the callback request arrived (process.hrtime), for onInitialResponse. */
  acknowledge(p: Pending, type: number, data: Obj | null, receivedHr = process.hrtime.bigint()): void {
    p.acked = true;
    p.callbackType = type;
    p.callbackData = data;
    p.callbackAt = Date.now();
    if (p.timer) clearTimeout(p.timer);
    p.timer = null;
    this.onInitialResponse?.({ interactionId: p.id, interactionType: p.type, callbackType: type, data, ms: Number(receivedHr - p.dispatchedHr) / 1e6 });
    const settle = p.settle;
    p.settle = null;
    // After the HTTP answer is recorded, so a test that resumes sees the callback's status in `requests`.
    if (settle) setImmediate(() => settle.resolve(this.result(p)));
  }

  private result(p: Pending): InteractionResult {
    const world = this.world;
    const data = p.callbackData;
    const flags = typeof data?.flags === 'number' ? data.flags : 0;
    const view = (id: string | null): MessageView | undefined => {
      const m = id ? world.messages.get(id) : undefined;
      return m ? messageView(world, m) : undefined;
    };
    const noMessage = (what: string): Error => new Error(`Interaction ${p.id} (callback type ${p.type}) has no ${what}`);
    return {
      interactionId: p.id,
      type: p.callbackType ?? 0,
      data,
      ephemeral: (flags & 64) !== 0,
      reply: (timeoutMs = 5000) => {
        if (p.callbackType !== 4 && p.callbackType !== 5) return Promise.reject(noMessage('reply (it was not answered with type 4 or 5)'));
        const current = view(p.originalId);
        if (current && !(current.flags & 128)) return Promise.resolve(current);
        return waitForMessage(world, (m) => m.id === p.originalId && !(m.flags & 128), timeoutMs);
      },
      followups: () => p.followupIds.map((id) => view(id)).filter((m): m is MessageView => !!m),
      modal: p.callbackType === 9 && data ? modalOf(data) : null,
      choices: p.callbackType === 8 ? ((data?.choices as { name: string; value: string | number }[] | undefined) ?? []) : null,
      updated: (timeoutMs = 5000) => {
        if (!p.sourceMessageId || (p.callbackType !== 6 && p.callbackType !== 7)) return Promise.reject(noMessage('message update (not type 6/7)'));
        const current = view(p.sourceMessageId);
        if (current && (p.callbackType === 7 || (current.editedAt ?? 0) >= p.callbackAt)) return Promise.resolve(current);
        return waitForMessage(world, (m) => m.id === p.sourceMessageId && (m.editedAt ?? 0) >= p.callbackAt, timeoutMs);
      },
    };
  }

  close(): void {
    for (const p of this.byId.values()) if (p.timer) clearTimeout(p.timer);
  }
}

function modalOf(data: Obj): NonNullable<InteractionResult['modal']> {
  const rows = (data.components as Obj[] | undefined) ?? [];
  const inputs = rows.flatMap((row) => (row.type === 18 ? [{ ...(row.component as Obj), label: row.label }] : ((row.components as Obj[] | undefined) ?? [])));
  return {
    customId: String(data.custom_id ?? ''),
    title: String(data.title ?? ''),
    fields: inputs.map((c) => ({
      customId: String(c.custom_id), label: String(c.label ?? ''), style: Number(c.style ?? 1), required: c.required !== false,
      ...(typeof c.max_length === 'number' ? { maxLength: c.max_length } : {}), ...(typeof c.value === 'string' ? { value: c.value } : {}),
    })),
  };
}
