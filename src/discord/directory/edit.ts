// /space edit: options change the profile, the pass terms and the public-page consent at once; without options
// the form for the longer texts opens. Every answer is the member's own, in their language.
import type { ChatInputCommandInteraction } from 'discord.js';
import { canManage } from '../../directory/directory.rules.js';
import { forbidden, msg } from '../../shared/errors.js';
import type { InteractionContext } from '../command.js';
import { customId } from '../custom-id.js';
import { passFields, readPassTerms } from '../pass/space-options.js';
import { readPublicConsent } from '../public-page/options.js';
import { renderConsentSaved } from '../public-page/render.js';
import { reply } from '../respond.js';
import { readProfileOptions } from './options.js';
import { renderProfile } from './render.js';
import { detailsModal } from './space-form.js';

export async function editSpace(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const dir = ctx.services.directory;
  const spaceId = interaction.options.getInteger('space', true);
  const patch = readProfileOptions(interaction);
  const passChange = readPassTerms(interaction);
  const consent = readPublicConsent(interaction);
  const profileChanged = Object.keys(patch).length > 0;
  if (!profileChanged && !passChange && !consent) {
    const current = dir.show(ctx.actor, spaceId);
    if (!canManage(ctx.actor, current.hosts)) throw forbidden(msg('directory.space.onlyHosts', { action: 'edit', name: current.name }));
    await interaction.showModal(detailsModal(ctx.say, customId('space', 'details', spaceId), current.name, current));
    return;
  }
  // The pass terms are checked first and the profile (which validates every field) saved next, so a refusal
  // leaves everything unchanged.
  if (passChange) ctx.services.pass.assertCanSetTerms(ctx.actor, spaceId);
  const edited = profileChanged ? dir.edit(ctx.actor, spaceId, patch) : dir.show(ctx.actor, spaceId);
  const savedConsent = consent ? dir.publicPage.setConsent(ctx.actor, spaceId, consent) : null;
  if (passChange) ctx.services.pass.setSpaceTerms(ctx.actor, spaceId, passChange);
  const consentText = savedConsent ? renderConsentSaved(ctx.say, savedConsent, ctx.publicUrl ? ctx.settings : null) : null;
  if (consentText && !profileChanged && !passChange) {
    await reply(interaction, { content: consentText, ephemeral: true });
    return;
  }
  const content = consentText ? `${consentText} ${ctx.say('space.edit.restSaved')}` : ctx.say('space.edit.saved');
  await reply(interaction, { content, embeds: [renderProfile(ctx.language, edited, passFields(ctx, spaceId))], ephemeral: true });
}
