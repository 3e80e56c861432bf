// The directory's posts beyond a reply: a new space announced (or put to the organizers for approval) and a
// request to join a space delivered to its hosts. Posts and DMs to hosts speak the alliance's language (the bot
// does not know a host's own language outside an interaction).
import type { SpaceProfile } from '../../directory/directory.service.js';
import type { InteractionContext } from '../command.js';
import { renderApprovalNotice, renderJoinRequest, renderWelcome } from './render.js';
import { sayTo } from '../member-language.js';

/** What happened to a new registration, for the member's answer. */
export type Announced = { kind: 'listed' } | { kind: 'asked'; channelId: string } | { kind: 'noOrganizersChannel' };

/** Tells organizers (with Approve/Reject) or, without approval, welcomes the space in announcements. */
export async function announce(ctx: InteractionContext, space: SpaceProfile, needsApproval: boolean): Promise<Announced> {
  if (needsApproval) {
    const channelId = ctx.services.alliances.organizersChannel(space.guildId);
    if (!channelId) return { kind: 'noOrganizersChannel' };
    await ctx.poster.post(channelId, renderApprovalNotice(ctx.publicLanguage, space), { idempotencyKey: `directory:pending:${space.id}` });
    return { kind: 'asked', channelId };
  }
  await welcome(ctx, space);
  return { kind: 'listed' };
}

/** The public welcome in the announcements channel, once per space. */
export async function welcome(ctx: InteractionContext, space: SpaceProfile): Promise<void> {
  const channelId = ctx.settings.announcementsChannelId;
  if (channelId) await ctx.poster.post(channelId, renderWelcome(ctx.publicLanguage, space), { idempotencyKey: `directory:welcome:${space.id}` });
}

/** Where a join request went, for the member's answer. */
export type Asked = { kind: 'dm' } | { kind: 'channel'; channelId: string } | { kind: 'later' };

/** Asks the hosts by DM, or in the organizers channel when none takes DMs; says where, for the member's answer. */
export async function askHosts(ctx: InteractionContext, asked: SpaceProfile): Promise<Asked> {
  let delivered = 0;
  for (const hostId of asked.hosts) {
    // Each host in the language they last used the bot in (else the alliance's).
    const request = renderJoinRequest(sayTo(ctx, ctx.actor.guildId, hostId).say, ctx.actor.guildId, asked, ctx.actor.userId, false);
    if (await ctx.poster.dm(hostId, request)) delivered++;
  }
  if (delivered > 0) return { kind: 'dm' };
  const channelId = ctx.services.alliances.organizersChannel(ctx.actor.guildId);
  if (!channelId) return { kind: 'later' };
  await ctx.poster.post(channelId, renderJoinRequest(ctx.sayPublic, ctx.actor.guildId, asked, ctx.actor.userId, true));
  return { kind: 'channel', channelId };
}
