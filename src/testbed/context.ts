// What every REST module shares: the world, the gateway, the interactions in flight, and access checks.
import { fail } from './errors.js';
import type { Gateway } from './gateway.js';
import type { Interactions } from './interactions.js';
import { has, Perm } from './permissions.js';
import { isThread, type Channel, type Guild, type World } from './state.js';

export interface Ctx {
  world: World;
  gateway: Gateway;
  interactions: Interactions;
  baseUrl: () => string;
  /** Privileged intents enabled in the "developer portal"; gates the member list routes. */
  privilegedIntents: string[];
  /** Discord's wall clock for calendar rules (TestBedOptions.now). */
  now: () => number;
}

/** A channel the bot may use: unknown or deleted → 10003, not visible → 50001. */
export function botChannel(ctx: Ctx, id: string): Channel {
  const channel = ctx.world.liveChannel(id);
  if (!channel) throw fail.unknownChannel();
  if (channel.type === 1) {
    if (ctx.world.dms.get([...channel.memberIds][0] ?? '') !== channel.id) throw fail.missingAccess();
    return channel;
  }
  if (!channel.guildId || !has(ctx.world.permissions(channel.guildId, ctx.world.botUserId, channel.id), Perm.ViewChannel)) throw fail.missingAccess();
  if (isThread(channel.type) && channel.type === 12 && !channel.memberIds.has(ctx.world.botUserId) &&
    !has(ctx.world.permissions(channel.guildId, ctx.world.botUserId, channel.id), Perm.ManageThreads)) throw fail.missingAccess();
  return channel;
}

export function requireBotPerms(ctx: Ctx, channel: Channel, bits: bigint): void {
  if (!channel.guildId) return;
  if (!has(ctx.world.permissions(channel.guildId, ctx.world.botUserId, channel.id), bits)) throw fail.missingPermissions();
}

export function botGuild(ctx: Ctx, id: string): Guild {
  const guild = ctx.world.guilds.get(id);
  if (!guild || !guild.members.has(ctx.world.botUserId)) throw fail.unknownGuild();
  return guild;
}

export function json(body: unknown, status = 200): { status: number; body: unknown } {
  return { status, body };
}

export const noContent = { status: 204 } as const;
