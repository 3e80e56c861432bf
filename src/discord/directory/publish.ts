// The directory's posts beyond a reply: a new space announced (or put to the organizers for approval) and a
// request to join a space delivered to its hosts.
import type { SpaceProfile } from '../../directory/directory.service.js';
import type { InteractionContext } from '../command.js';
import { renderApprovalNotice, renderJoinRequest, renderWelcome } from './render.js';

/** Tells organizers (with Approve/Reject) or, without approval, welcomes the space in announcements. */
export async function announce(ctx: InteractionContext, space: SpaceProfile, needsApproval: boolean): Promise<string> {
  if (needsApproval) {
    const channelId = ctx.services.alliances.organizersChannel(space.guildId);
    if (!channelId) return 'No organizers channel is set, so organizers will find it in /directory pending.';
    await ctx.poster.post(channelId, renderApprovalNotice(space), { idempotencyKey: `directory:pending:${space.id}` });
    return `Organizers have been asked in <#${channelId}>.`;
  }
  const channelId = ctx.settings.announcementsChannelId;
  if (channelId) await ctx.poster.post(channelId, renderWelcome(space), { idempotencyKey: `directory:welcome:${space.id}` });
  return 'It is listed now.';
}

/** Asks the hosts by DM, or in the organizers channel when none takes DMs; says where, for the member's answer. */
export async function askHosts(ctx: InteractionContext, asked: SpaceProfile): Promise<string> {
  const request = renderJoinRequest(ctx.actor.guildId, asked, ctx.actor.userId, false);
  let delivered = 0;
  for (const hostId of asked.hosts) if (await ctx.poster.dm(hostId, request)) delivered++;
  let where = 'by direct message';
  if (delivered === 0) {
    const channelId = ctx.services.alliances.organizersChannel(ctx.actor.guildId);
    if (channelId) await ctx.poster.post(channelId, renderJoinRequest(ctx.actor.guildId, asked, ctx.actor.userId, true));
    where = channelId ? `in <#${channelId}> (they don’t accept direct messages)` : 'when they next look (they don’t accept direct messages)';
  }
  return where;
}
