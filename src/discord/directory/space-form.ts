// The form of /space register and /space edit: the long texts of a profile (and, when registering, the
// public-page question), built pre-filled and read back.
import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { LIMITS } from '../../directory/directory.rules.js';
import type { ModalFields } from '../../directory/directory.service.js';
import { truncate } from '../format.js';
import { PUBLIC_QUESTION } from '../public-page/options.js';

const MODAL_FIELDS = [
  { id: 'description', label: 'Description: what members find there', max: LIMITS.description, style: TextInputStyle.Paragraph },
  { id: 'hours', label: 'Opening hours', max: LIMITS.hours, style: TextInputStyle.Short },
  { id: 'contact', label: 'How to book a day pass, and who answers', max: LIMITS.contact, style: TextInputStyle.Paragraph },
  { id: 'accessibility', label: 'Accessibility (step-free, restroom…)', max: LIMITS.accessibility, style: TextInputStyle.Paragraph },
  PUBLIC_QUESTION,
] as const;

export function detailsModal(id: string, title: string, values: Partial<Record<keyof ModalFields, string | null>> = {}): ModalBuilder {
  // The public-page question is asked when registering; /space edit public:yes|no changes it later.
  const fields = id.includes('register') ? MODAL_FIELDS : MODAL_FIELDS.filter((f) => f.id !== PUBLIC_QUESTION.id);
  return new ModalBuilder()
    .setCustomId(id)
    .setTitle(truncate(title, 45))
    .addComponents(
      ...fields.map((f) => {
        const input = new TextInputBuilder().setCustomId(f.id).setLabel(f.label).setStyle(f.style).setRequired(false).setMaxLength(f.max);
        const value = f.id === PUBLIC_QUESTION.id ? null : values[f.id];
        if (value) input.setValue(truncate(value, f.max));
        return new ActionRowBuilder<TextInputBuilder>().addComponents(input);
      }),
    );
}

/** The modal's texts; a field the client left out counts as empty. */
export function modalFields(interaction: ModalSubmitInteraction): ModalFields & { publicAnswer: string } {
  const get = (field: string) => {
    try {
      return interaction.fields.getTextInputValue(field);
    } catch {
      return '';
    }
  };
  return { description: get('description'), hours: get('hours'), contact: get('contact'), accessibility: get('accessibility'), publicAnswer: get(PUBLIC_QUESTION.id) };
}
