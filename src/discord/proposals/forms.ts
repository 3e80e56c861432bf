// The forms and buttons of /proposal: the proposal form (its custom id carries only the draft's id), the reason
// form of a vote or block, and the early-close question's buttons.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalActionRowComponentBuilder } from 'discord.js';
import type { Choice } from '../../db/schema/index.js';
import type { ProposalPlan } from '../../proposals/proposals.service.js';
import { describeLocal } from '../../shared/when.rules.js';
import { customId } from '../custom-id.js';
import { REASON_FORM } from './words.js';

const TEXT_FIELDS = [
  ['title', 'Title', TextInputStyle.Short, 150, true],
  ['summary', 'Summary', TextInputStyle.Paragraph, 1000, true],
  ['need', 'The need (optional)', TextInputStyle.Paragraph, 1000, false],
  ['audience', 'Who we can bring it to (optional)', TextInputStyle.Paragraph, 1000, false],
  ['measure', 'How we will measure it (optional)', TextInputStyle.Paragraph, 1000, false],
] as const;

/** The form for a proposal's texts, pre-filled from the options (and the agenda item it comes from). */
export function proposalForm(draftId: number, plan: ProposalPlan, timezone: string): ModalBuilder {
  // A deadline typed in words is restated before anything is stored (≤ 45 characters: "Fri 11 Dec 2026, 17:00").
  const closes = plan.input.closes ? ` · closes ${describeLocal(plan.closesAt, timezone)}` : '';
  const modal = new ModalBuilder().setCustomId(customId('proposal', 'create', draftId)).setTitle(`New proposal${closes}`);
  for (const [field, label, style, max, required] of TEXT_FIELDS) {
    const text = new TextInputBuilder().setCustomId(field).setLabel(label).setStyle(style).setMaxLength(max).setRequired(required);
    if (field === 'title') text.setValue(plan.input.title);
    if (field === 'summary' && plan.agendaItem) text.setValue(`From the agenda of ${plan.agendaItem.meetingTitle}: ${plan.agendaItem.topic}`.slice(0, 1000));
    modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(text));
  }
  return modal;
}

/** The reason form: the vote (pre-filled with the member's current one) and the reason, or only the reason of a block. */
export function reasonModal(proposalId: number, block: boolean, current: Choice | null): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(customId('proposal', 'reason', proposalId, block ? 'b' : '')).setTitle(block ? REASON_FORM.blockTitle : REASON_FORM.title);
  if (!block) {
    const vote = new TextInputBuilder().setCustomId('vote').setLabel(REASON_FORM.voteLabel).setStyle(TextInputStyle.Short).setMaxLength(10).setRequired(true).setPlaceholder(REASON_FORM.votePlaceholder);
    if (current) vote.setValue(current);
    modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(vote));
  }
  const reason = new TextInputBuilder().setCustomId('reason').setLabel(block ? REASON_FORM.blockReasonLabel : REASON_FORM.reasonLabel).setStyle(TextInputStyle.Paragraph).setMaxLength(500).setRequired(true);
  return modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(reason));
}

/** Before the deadline an early close is asked for twice: members who have not voted lose their say. */
export function closeButtons(proposalId: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId('proposal', 'close', proposalId)).setLabel('Close now').setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(customId('proposal', 'keep', proposalId)).setLabel('Keep it open').setStyle(ButtonStyle.Secondary),
  );
}
