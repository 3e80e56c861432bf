// The forms and buttons of /proposal, in the member's language: the proposal form (its custom id carries only
// the draft's id), the reason form of a vote or block, and the early-close question's buttons.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalActionRowComponentBuilder } from 'discord.js';
import type { Choice } from '../../db/schema/index.js';
import type { Say } from '../../i18n/translate.js';
import type { Language } from '../../shared/languages.js';
import type { ProposalPlan } from '../../proposals/proposals.service.js';
import { describeLocal } from '../../shared/when.rules.js';
import { customId } from '../custom-id.js';
import { truncate } from '../format.js';
import { choiceWord, reasonFormWords } from './words.js';

const TEXT_FIELDS = [
  ['title', 'proposals.form.title', TextInputStyle.Short, 150, true],
  ['summary', 'proposals.form.summary', TextInputStyle.Paragraph, 1000, true],
  ['need', 'proposals.form.need', TextInputStyle.Paragraph, 1000, false],
  ['audience', 'proposals.form.audience', TextInputStyle.Paragraph, 1000, false],
  ['measure', 'proposals.form.measure', TextInputStyle.Paragraph, 1000, false],
] as const;

/** The proposal form's title and labels in one language (Discord: each ≤ 45; the words test checks all three). */
export function proposalFormWords(say: Say, closes: string | null) {
  return {
    title: truncate(closes ? say('proposals.form.titleCloses', { closes }) : say('proposals.form.heading'), 45),
    labels: Object.fromEntries(TEXT_FIELDS.map(([field, key]) => [field, say(key)])) as Record<(typeof TEXT_FIELDS)[number][0], string>,
  };
}

/** The form for a proposal's texts, pre-filled from the options (and the agenda item it comes from). */
export function proposalForm(say: Say, language: Language, draftId: number, plan: ProposalPlan, timezone: string): ModalBuilder {
  // A deadline typed in words is restated before anything is stored (≤ 45 characters: "Fri 11 Dec 2026, 17:00"),
  // in the member's language ("ven. 11 déc. 2026, 17:00").
  const words = proposalFormWords(say, plan.input.closes ? describeLocal(plan.closesAt, timezone, language) : null);
  const modal = new ModalBuilder().setCustomId(customId('proposal', 'create', draftId)).setTitle(words.title);
  for (const [field, , style, max, required] of TEXT_FIELDS) {
    const text = new TextInputBuilder().setCustomId(field).setLabel(words.labels[field]).setStyle(style).setMaxLength(max).setRequired(required);
    if (field === 'title') text.setValue(plan.input.title);
    if (field === 'summary' && plan.agendaItem) text.setValue(say('proposals.form.fromAgenda', { meeting: plan.agendaItem.meetingTitle, topic: plan.agendaItem.topic }).slice(0, 1000));
    modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(text));
  }
  return modal;
}

/** The reason form: the vote (pre-filled with the member's current one) and the reason, or only the reason of a block. */
export function reasonModal(say: Say, proposalId: number, block: boolean, current: Choice | null): ModalBuilder {
  const words = reasonFormWords(say);
  const modal = new ModalBuilder().setCustomId(customId('proposal', 'reason', proposalId, block ? 'b' : '')).setTitle(block ? words.blockTitle : words.title);
  if (!block) {
    const vote = new TextInputBuilder().setCustomId('vote').setLabel(words.voteLabel).setStyle(TextInputStyle.Short).setMaxLength(12).setRequired(true).setPlaceholder(words.votePlaceholder);
    if (current) vote.setValue(choiceWord(say, current));
    modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(vote));
  }
  const reason = new TextInputBuilder().setCustomId('reason').setLabel(block ? words.blockReasonLabel : words.reasonLabel).setStyle(TextInputStyle.Paragraph).setMaxLength(500).setRequired(true);
  return modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(reason));
}

/** Before the deadline an early close is asked for twice: members who have not voted lose their say. */
export function closeButtons(say: Say, proposalId: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId('proposal', 'close', proposalId)).setLabel(say('proposals.button.closeNow')).setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(customId('proposal', 'keep', proposalId)).setLabel(say('proposals.button.keepOpen')).setStyle(ButtonStyle.Secondary),
  );
}
