// What /proposal's handlers do around a service verb: a vote's reactions tidied and the live tally refreshed, a
// close or withdrawal announced, a ballot confirmed privately, a proposal shown in full.
import type { RepliableInteraction } from 'discord.js';
import type { Choice } from '../../db/schema/index.js';
import type { ProposalView } from '../../proposals/proposals.views.js';
import type { InteractionContext } from '../command.js';
import { replyPrivately } from '../respond.js';
import { createProposalPublisher } from './publish.js';
import { DETAIL_LINES_FIRST, DETAIL_LINES_MAX, detailFilled, renderProposalDetail } from './render.js';
import { ballotConfirmation, closedNow, commandVoteConfirmation, messageLink, withdrew } from './words.js';

/** After a vote: the member's other voting reactions removed, the live tally refreshed. */
export async function afterVote(ctx: InteractionContext, proposalId: number, removeReactions: { userId: string; choice: Choice }[]): Promise<ProposalView> {
  const publisher = createProposalPublisher(ctx);
  const p = ctx.services.proposals.get(ctx.actor.guildId, proposalId);
  if (p.channelId && p.messageId) await publisher.removeVoteReactions(p.channelId, p.messageId, removeReactions);
  publisher.refresh(p.guildId, p.id);
  return p;
}

/** Closes now and announces the result; the organizer's answer says how it ended. */
export async function closeNow(ctx: InteractionContext, proposalId: number): Promise<string> {
  const closed = ctx.services.proposals.close(ctx.actor.guildId, proposalId, ctx.actor);
  await createProposalPublisher(ctx).announceResult(closed);
  return closedNow(ctx.say, closed.proposal);
}

/** Withdraws the proposal and says so in its thread (not in announcements); the answer for its author. */
export async function withdrawNow(ctx: InteractionContext, proposalId: number): Promise<string> {
  const closed = ctx.services.proposals.withdraw(ctx.actor, proposalId);
  await createProposalPublisher(ctx).announceResult({ ...closed, announcementsChannelId: null });
  return withdrew(ctx.say, closed.proposal.number);
}

/** /proposal show: the proposal in full, with as many votes and reasons as fit, and a link to its post. */
export function proposalDetail(ctx: InteractionContext, proposalId: number) {
  const { services, actor } = ctx;
  const p = services.proposals.get(actor.guildId, proposalId);
  // The first votes usually fill the field; short names or reasons take a second read of all that could fit.
  let ballots = services.votes.ballots(actor.guildId, p.id, DETAIL_LINES_FIRST);
  if (!detailFilled(ballots, ballots.labels, DETAIL_LINES_FIRST)) ballots = services.votes.ballots(actor.guildId, p.id, DETAIL_LINES_MAX);
  return { content: messageLink(p), embeds: [renderProposalDetail(ctx.say, p, ballots, ballots.labels)] };
}

/** A vote by button or form, then the private confirmation. */
export async function castBallot(interaction: RepliableInteraction, ctx: InteractionContext, input: { proposalId: number; choice: Choice | null; reason?: string }, form: boolean) {
  const result = form ? ctx.services.votes.voteByForm(ctx.actor, input) : ctx.services.votes.voteByButton(ctx.actor, input);
  const p = await afterVote(ctx, input.proposalId, result.removeReactions);
  const mine = ctx.services.votes.myVote(ctx.actor.guildId, input.proposalId, ctx.actor.userId);
  const confirmation = p.anonymous || p.hideResults ? ballotConfirmation(ctx.say, p, result.changed, mine, input.reason ?? null) : commandVoteConfirmation(ctx.say, p.number, result.changed, mine);
  return replyPrivately(interaction, confirmation);
}
