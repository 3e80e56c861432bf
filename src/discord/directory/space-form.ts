// The form of /space register and /space edit: the long texts of a profile (and, when registering, the
// public-page question), built pre-filled in the member's language and read back.
import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { LIMITS } from '../../directory/directory.rules.js';
import type { ModalFields } from '../../directory/directory.service.js';
import type { Say } from '../../i18n/translate.js';
import { truncate } from '../format.js';
import { PUBLIC_QUESTION } from '../public-page/options.js';

/** The form's inputs; each label is a catalogue key (Discord allows 45 characters in every language). */
export const MODAL_FIELDS = [
  { id: 'description', label: 'space.form.description', max: LIMITS.description, style: TextInputStyle.Paragraph },
  { id: 'hours', label: 'space.form.hours', max: LIMITS.hours, style: TextInputStyle.Short },
  { id: 'contact', label: 'space.form.contact', max: LIMITS.contact, style: TextInputStyle.Paragraph },
  { id: 'accessibility', label: 'space.form.accessibility', max: LIMITS.accessibility, style: TextInputStyle.Paragraph },
  PUBLIC_QUESTION,
] as const;

/** `/space register`'s form (`name` given: "Register Loft 9") or `/space edit`'s, pre-filled with `values`. */
export function detailsModal(say: Say, id: string, name: string, values: Partial<Record<keyof ModalFields, string | null>> = {}): ModalBuilder {
  const registering = id.includes('register');
  // The public-page question is asked when registering; /space edit public:yes|no changes it later.
  const fields = registering ? MODAL_FIELDS : MODAL_FIELDS.filter((f) => f.id !== PUBLIC_QUESTION.id);
  return new ModalBuilder()
    .setCustomId(id)
    .setTitle(truncate(registering ? say('space.form.registerTitle', { name }) : say('space.form.editTitle', { name }), 45))
    .addComponents(
      ...fields.map((f) => {
        const input = new TextInputBuilder().setCustomId(f.id).setLabel(truncate(say(f.label), 45)).setStyle(f.style).setRequired(false).setMaxLength(f.max);
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
