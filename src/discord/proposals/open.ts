// Opening a proposal from Discord, written once for /proposal create (from its form, with or without an agenda
// item) and /rules set while the rules are locked: the electorate is read, the proposal stored, then posted.
import type { RuleChange } from '../../db/schema/index.js';
import type { CreateProposalInput } from '../../proposals/proposals.service.js';
import type { ProposalView } from '../../proposals/proposals.views.js';
import type { InteractionContext } from '../command.js';
import { fetchHumans } from './humans.js';
import { createProposalPublisher } from './publish.js';

/**
 * Opens and posts a proposal; a proposal whose post failed is removed, so nothing half-made stays behind. With
 * `draftId` (the form of /proposal create), the draft is dropped once the proposal is posted.
 */
export async function openProposal(ctx: InteractionContext, input: CreateProposalInput & { ruleChange?: RuleChange }, draftId?: number): Promise<ProposalView> {
  const view = ctx.services.proposals.create(ctx.actor, input, { humans: await fetchHumans(ctx, ctx.actor.guildId) }, ctx.language);
  let posted: ProposalView;
  try {
    posted = await createProposalPublisher(ctx).publish(view);
  } catch (error) {
    ctx.services.proposals.abandon(view.guildId, view.id);
    throw error;
  }
  if (draftId !== undefined) ctx.services.proposals.dropDraft(ctx.actor, draftId);
  return posted;
}
