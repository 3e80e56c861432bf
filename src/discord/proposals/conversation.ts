// The steps of /proposal's conversation behind its thin handlers: autocomplete, the early-close question, the list,
// the proposal form and the reason form sent back, and the secret-ballot buttons (one function per step).
import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ModalSubmitInteraction, type RepliableInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { Choice } from '../../db/schema/index.js';
import type { InteractionContext } from '../command.js';
import { truncate } from '../format.js';
import { replyPrivately } from '../respond.js';
import { castBallot, closeNow } from './actions.js';
import { closeButtons, reasonModal } from './forms.js';
import { openProposal } from './open.js';
import { readFormVote, readProposalTexts } from './options.js';
import { renderProposalList } from './render.js';
import { closeQuestion, proposalChoiceName, proposalOpened } from './words.js';

/** The secret-ballot buttons' codes (see CHOICE_CODES); w withdraws the vote. */
const FROM_CODE: Record<string, Choice | null> = { y: 'yes', n: 'no', a: 'abstain', b: 'block', w: null };

/** Proposals by title or #number (open ones, or any for show), or agenda items for from-item. */
export async function proposalAutocomplete(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const sub = interaction.options.getSubcommand();
  const found =
    focused.name === 'from-item'
      ? ctx.services.proposals.agendaItems(ctx.actor.guildId, String(focused.value))
      : ctx.services.proposals.search(ctx.actor.guildId, String(focused.value), sub === 'show' ? null : 'open').map((p) => ({ id: p.id, label: proposalChoiceName(ctx.say, p) }));
  await interaction.respond(found.slice(0, 25).map((f) => ({ name: truncate(f.label, 100), value: f.id })));
}

/** Before its deadline a close is asked for first (members who have not voted lose their say); after it, done at once. */
export async function askOrClose(interaction: RepliableInteraction, ctx: InteractionContext, proposalId: number): Promise<void> {
  const p = ctx.services.proposals.get(ctx.actor.guildId, proposalId);
  if (p.status === 'open' && ctx.clock.now().getTime() < p.closesAt) return replyPrivately(interaction, { content: closeQuestion(ctx.say, p), components: [closeButtons(ctx.say, p.id)] });
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  return replyPrivately(interaction, await closeNow(ctx, p.id));
}

export function proposalList(ctx: InteractionContext, status: 'open' | 'closed', page: number) {
  const { items, total } = ctx.services.proposals.list(ctx.actor.guildId, status, page, 10);
  const title = status === 'open' ? ctx.say('proposals.list.openTitle') : ctx.say('proposals.list.closedTitle');
  return { embeds: [renderProposalList(ctx.say, title, items, total, page, 10)] };
}

/** The proposal form sent back: the draft's options and the texts open the proposal. */
export async function openFromForm(interaction: ModalSubmitInteraction, ctx: InteractionContext, draftId: number): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const posted = await openProposal(ctx, { ...ctx.services.proposals.drafted(ctx.actor, draftId), ...readProposalTexts(interaction) }, draftId);
  return replyPrivately(interaction, proposalOpened(ctx.say, posted));
}

/** The reason form sent back: a vote with its reason, or ('b') a block with its reason. */
export function voteFromForm(interaction: ModalSubmitInteraction, ctx: InteractionContext, proposalId: number, code: '' | 'b'): Promise<void> {
  const p = ctx.services.proposals.get(ctx.actor.guildId, proposalId);
  const choice = code === '' ? readFormVote(interaction, p.rule, ctx.say) : 'block';
  return castBallot(interaction, ctx, { proposalId, choice, reason: interaction.fields.getTextInputValue('reason') }, true);
}

/** A ballot button: a choice or withdraw is cast at once; block and "Vote with a reason" open the reason form. */
export async function pressBallot(interaction: ButtonInteraction | StringSelectMenuInteraction, ctx: InteractionContext, proposalId: number, code: string): Promise<void> {
  // A block always comes with a reason, so its button opens the form, as "Vote with a reason" does.
  if (code === 'b' || code === 'r') {
    ctx.services.proposals.get(ctx.actor.guildId, proposalId);
    return interaction.showModal(reasonModal(ctx.say, proposalId, code === 'b', ctx.services.votes.myVote(ctx.actor.guildId, proposalId, ctx.actor.userId)));
  }
  return castBallot(interaction, ctx, { proposalId, choice: FROM_CODE[code]! }, false);
}
