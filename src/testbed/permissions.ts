// Permission bits: defaults for @everyone and the bot, and what a member can do in a guild or channel.
import { PermissionFlagsBits as P } from 'discord-api-types/v10';

export const ALL_PERMISSIONS = Object.values(P).reduce((a, b) => a | b, 0n);

/** Roughly what Discord gives @everyone in a new server: talk, react, thread; no moderation, no mass pings. */
export const EVERYONE_PERMISSIONS =
  P.ViewChannel | P.CreateInstantInvite | P.ChangeNickname | P.SendMessages | P.SendMessagesInThreads |
  P.CreatePublicThreads | P.CreatePrivateThreads | P.EmbedLinks | P.AttachFiles | P.AddReactions |
  P.UseExternalEmojis | P.UseExternalStickers | P.ReadMessageHistory | P.UseApplicationCommands |
  P.Connect | P.Speak | P.Stream | P.UseVAD | P.RequestToSpeak | P.SendVoiceMessages | P.SendPolls | P.UseExternalApps;

/** The bot's managed role: what an invite link for a community bot typically asks for (not Administrator). */
export const BOT_PERMISSIONS =
  EVERYONE_PERMISSIONS | P.ManageMessages | P.ManageThreads | P.MentionEveryone | P.ManageEvents | P.CreateEvents | P.ManageRoles;

export function permissionBits(names: string[]): bigint {
  let bits = 0n;
  for (const name of names) {
    const bit = (P as Record<string, bigint>)[name];
    if (bit === undefined) throw new Error(`Unknown permission name "${name}" (use discord.js PermissionFlagsBits names)`);
    bits |= bit;
  }
  return bits;
}

export function toBits(value: bigint | string | undefined, fallback: bigint): bigint {
  if (value === undefined) return fallback;
  return typeof value === 'bigint' ? value : BigInt(value);
}

export interface PermissionSubject {
  isOwner: boolean;
  /** Permissions of @everyone plus every role the member holds. */
  rolePermissions: bigint;
  /** Channel-level denials for this member (the test bed's denyBot). */
  channelDeny: bigint;
}

export function effectivePermissions(s: PermissionSubject): bigint {
  if (s.isOwner || (s.rolePermissions & P.Administrator) === P.Administrator) return ALL_PERMISSIONS;
  return s.rolePermissions & ~s.channelDeny;
}

export function has(perms: bigint, needed: bigint): boolean {
  return (perms & needed) === needed;
}

export { P as Perm };
