// One first answer per interaction: the router's safety defer and a handler's own first answer never race.
// discord.js marks an interaction deferred only when Discord has answered the defer, so a handler that answers
// while the safety defer is in flight would send a second initial response (400, code 40060) and lose its answer.
import { MessageFlags, type RepliableInteraction } from 'discord.js';

/** The calls that acknowledge an interaction; only the first of them reaches Discord as the initial response. */
const FIRST_ANSWERS = ['reply', 'deferReply', 'update', 'deferUpdate', 'showModal'] as const;
type FirstAnswer = (typeof FIRST_ANSWERS)[number];
type AnswerFn = (options?: unknown) => Promise<unknown>;

export class AnsweredTooLateError extends Error {
  constructor() {
    super('A form cannot open after the interaction was deferred');
    this.name = 'AnsweredTooLateError';
  }
}

export interface AcknowledgementGuard {
  /** Defers unless the handler has already begun to answer; safe to call at any moment. */
  safetyDefer(onError: (error: unknown) => void): void;
}

/** Drops the ephemeral flag, which an edit or a follow-up of an already-deferred answer cannot change. */
function withoutFlags(options: unknown): unknown {
  if (typeof options === 'string' || options === null || typeof options !== 'object') return options;
  const { flags: _flags, ephemeral: _ephemeral, ...rest } = options as Record<string, unknown>;
  return rest;
}

/**
 * Wraps the interaction's first-answer methods. Once the handler starts answering, the safety defer stands down;
 * if the safety defer went first, the handler's answer waits for it and becomes what Discord still accepts: the edit
 * of the deferred answer (reply, update), nothing (a second defer), or a clear error (a form cannot follow a defer).
 */
export function guardAcknowledgement(interaction: RepliableInteraction): AcknowledgementGuard {
  let handlerStarted = false;
  let safety: Promise<unknown> | null = null;
  const target = interaction as unknown as Record<FirstAnswer, AnswerFn | undefined>;
  const original = new Map<FirstAnswer, AnswerFn>();
  for (const name of FIRST_ANSWERS) {
    const fn = target[name];
    if (typeof fn === 'function') original.set(name, fn.bind(interaction));
  }

  async function afterSafetyDefer(name: FirstAnswer, options: unknown): Promise<unknown> {
    switch (name) {
      case 'deferReply':
      case 'deferUpdate':
        return undefined;
      case 'showModal':
        throw new AnsweredTooLateError();
      case 'update':
        return interaction.editReply(withoutFlags(options) as Parameters<RepliableInteraction['editReply']>[0]);
      case 'reply':
        // A component's safety defer keeps the message as it was: the answer becomes a new (follow-up) message.
        return interaction.isMessageComponent()
          ? interaction.followUp(options as Parameters<RepliableInteraction['followUp']>[0])
          : interaction.editReply(withoutFlags(options) as Parameters<RepliableInteraction['editReply']>[0]);
    }
  }

  for (const [name, fn] of original) {
    target[name] = async (options?: unknown) => {
      if (safety === null) {
        handlerStarted = true;
        return fn(options);
      }
      await safety.catch(() => undefined);
      if (!interaction.deferred) return fn(options);
      return afterSafetyDefer(name, options);
    };
  }

  return {
    safetyDefer(onError) {
      if (handlerStarted || safety !== null || interaction.deferred || interaction.replied) return;
      const defer = interaction.isMessageComponent() ? original.get('deferUpdate') : original.get('deferReply');
      if (!defer) return;
      safety = defer(interaction.isMessageComponent() ? undefined : { flags: MessageFlags.Ephemeral });
      safety.catch(onError);
    },
  };
}
