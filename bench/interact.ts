// Small helpers the feature files use to send interactions and check that the answer is the real one.
import type { CommandInput, InteractionResult } from '../src/testbed/index.js';
import type { BenchContext } from './seed/types.js';

/** Runs `/name [group] [sub]` as a member, e.g. `slash(ctx, userId, 'alliance show')`. */
export function slash(ctx: BenchContext, userId: string, path: string, options?: CommandInput['options']): Promise<InteractionResult> {
  const [name, ...rest] = path.split(' ');
  return ctx.driver.command({
    guildId: ctx.guild.id,
    channelId: ctx.guild.channel('general'),
    userId,
    name: name!,
    ...(rest.length === 2 ? { group: rest[0], subcommand: rest[1] } : rest.length === 1 ? { subcommand: rest[0] } : {}),
    ...(options ? { options } : {}),
  });
}

/** Autocomplete on `/name [group] [sub]` with `focused` being typed into option `option`. */
export function complete(ctx: BenchContext, userId: string, path: string, option: string, typed: string, options: CommandInput['options'] = {}) {
  const [name, ...rest] = path.split(' ');
  return ctx.driver.autocomplete({
    guildId: ctx.guild.id,
    channelId: ctx.guild.channel('general'),
    userId,
    name: name!,
    ...(rest.length === 2 ? { group: rest[0], subcommand: rest[1] } : rest.length === 1 ? { subcommand: rest[0] } : {}),
    options: { ...options, [option]: typed },
    focused: option,
  });
}

const FAILURE = /Something went wrong|no longer valid|I don't know that command|not fully set up/;

/** Throws unless the initial response is a message (type 4) whose text or embeds pass `check`. */
export function expectMessage(result: InteractionResult, what: string, check: (data: Record<string, unknown>) => boolean = () => true): void {
  const data = result.data ?? {};
  const content = typeof data.content === 'string' ? data.content : '';
  if (result.type !== 4 || FAILURE.test(content) || !check(data)) {
    throw new Error(`${what}: unexpected answer (type ${result.type}) ${JSON.stringify(data).slice(0, 300)}`);
  }
}

export function hasEmbeds(data: Record<string, unknown>): boolean {
  return Array.isArray(data.embeds) && data.embeds.length > 0;
}

/**
 * Waits until `row()` (a read on the bot's database file) returns something: the effect is durably stored.
 * Polls without a timer so the wait adds microseconds, not a timer tick; times out after timeoutMs.
 */
export async function untilStored(row: () => unknown, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!row()) {
    if (Date.now() > deadline) throw new Error(`not stored within ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
