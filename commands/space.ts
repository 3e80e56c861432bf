// /space register|edit|remove|show|join and /space hosts add|remove: a space's profile, its hosts and its people.
// Registration checks the options first, then opens the modal for the long texts; organizers approve by button.
import { MessageFlags, SlashCommandBuilder, type SlashCommandIntegerOption } from 'discord.js';
import { z } from 'zod';
import { canManage } from '../src/directory/directory.rules.js';
import { defineCommand } from '../src/discord/command.js';
import { customId } from '../src/discord/custom-id.js';
import { addProfileOptions, readProfileOptions, readRegistrationOptions, respondDirectoryOption } from '../src/discord/directory/options.js';
import { escapeMarkdown } from '../src/discord/format.js';
import { snowflake } from '../src/discord/options.js';
import { addPassOptions, passFields, readPassTerms } from '../src/discord/pass/space-options.js';
import { announce, askHosts } from '../src/discord/directory/publish.js';
import { renderProfile, renderRemoveConfirm } from '../src/discord/directory/render.js';
import { detailsModal, modalFields } from '../src/discord/directory/space-form.js';
import { reply, replyPrivately } from '../src/discord/respond.js';
import { addPublicConsentOptions, parsePublicAnswer, readPublicConsent } from '../src/discord/public-page/options.js';
import { renderConsentSaved } from '../src/discord/public-page/render.js';
import { forbidden } from '../src/shared/errors.js';

const spaceOption = (description: string) => (o: SlashCommandIntegerOption) =>
  o.setName('space').setDescription(description).setRequired(true).setAutocomplete(true);

const data = new SlashCommandBuilder()
  .setName('space')
  .setDescription('Your space in the alliance directory: register, edit, show, join')
  .addSubcommand((s) => addProfileOptions(s.setName('register').setDescription('List your space (a form for the longer texts follows)'), true))
  .addSubcommand((s) =>
    addPublicConsentOptions(addPassOptions(addProfileOptions(s.setName('edit').setDescription('Change a space you host (no options: edit the longer texts)').addIntegerOption(spaceOption('A space you host')), false))),
  )
  .addSubcommand((s) => s.setName('remove').setDescription('Remove a space you host from the directory').addIntegerOption(spaceOption('A space you host')))
  .addSubcommand((s) => s.setName('show').setDescription('A space’s profile: hours, day pass, hosts, people').addIntegerOption(spaceOption('The space')))
  .addSubcommand((s) => s.setName('join').setDescription('List yourself as working from a space (its hosts approve)').addIntegerOption(spaceOption('The space you work from')))
  .addSubcommandGroup((g) =>
    g
      .setName('hosts')
      .setDescription('Co-hosts of a space you host')
      .addSubcommand((s) => s.setName('add').setDescription('Add a co-host').addIntegerOption(spaceOption('A space you host')).addUserOption((o) => o.setName('user').setDescription('The new co-host').setRequired(true)))
      .addSubcommand((s) => s.setName('remove').setDescription('Remove a co-host').addIntegerOption(spaceOption('A space you host')).addUserOption((o) => o.setName('user').setDescription('The co-host to remove').setRequired(true))),
  );

const id = z.coerce.number().int().positive();

export const space = defineCommand({
  data: data.toJSON(),

  async execute(interaction, ctx) {
    const o = interaction.options;
    const dir = ctx.services.directory;
    const group = o.getSubcommandGroup(false);
    const sub = o.getSubcommand();
    if (group === 'hosts') {
      const spaceId = o.getInteger('space', true);
      const user = o.getUser('user', true);
      const changed = sub === 'add' ? dir.addHost(ctx.actor, spaceId, user.id) : dir.removeHost(ctx.actor, spaceId, user.id);
      const verb = sub === 'add' ? 'now co-hosts' : 'no longer hosts';
      await replyPrivately(interaction, `✅ <@${user.id}> ${verb} **${escapeMarkdown(changed.name)}**.`);
    } else if (sub === 'register') {
      const draft = dir.prepareRegistration(ctx.actor, readRegistrationOptions(interaction));
      await interaction.showModal(detailsModal(customId('space', 'register', draft.draftId), `Register ${draft.name}`));
    } else if (sub === 'edit') {
      const spaceId = o.getInteger('space', true);
      const patch = readProfileOptions(interaction);
      const passChange = readPassTerms(interaction);
      const consent = readPublicConsent(interaction);
      const profileChanged = Object.keys(patch).length > 0;
      if (!profileChanged && !passChange && !consent) {
        const current = dir.show(ctx.actor, spaceId);
        if (!canManage(ctx.actor, current.hosts)) throw forbidden(`Only the space’s hosts or an organizer can edit ${current.name}.`);
        await interaction.showModal(detailsModal(customId('space', 'details', spaceId), `Edit ${current.name}`, current));
        return;
      }
      // The pass terms are checked first and the profile (which validates every field) saved next, so a refusal
      // leaves everything unchanged.
      if (passChange) ctx.services.pass.assertCanSetTerms(ctx.actor, spaceId);
      const edited = profileChanged ? dir.edit(ctx.actor, spaceId, patch) : dir.show(ctx.actor, spaceId);
      const savedConsent = consent ? dir.publicPage.setConsent(ctx.actor, spaceId, consent) : null;
      if (passChange) ctx.services.pass.setSpaceTerms(ctx.actor, spaceId, passChange);
      if (savedConsent && !profileChanged && !passChange) {
        await reply(interaction, { content: renderConsentSaved(savedConsent, ctx.publicUrl ? ctx.settings : null), ephemeral: true });
        return;
      }
      const content = savedConsent ? `${renderConsentSaved(savedConsent, ctx.publicUrl ? ctx.settings : null)} The rest is saved too.` : '✅ Saved.';
      await reply(interaction, { content, embeds: [renderProfile(edited, passFields(ctx, spaceId))], ephemeral: true });
    } else if (sub === 'remove') {
      const current = dir.show(ctx.actor, o.getInteger('space', true));
      if (!canManage(ctx.actor, current.hosts)) throw forbidden(`Only the space’s hosts or an organizer can remove ${current.name}.`);
      await reply(interaction, { ...renderRemoveConfirm(current), ephemeral: true });
    } else if (sub === 'show') {
      const shown = dir.show(ctx.actor, o.getInteger('space', true));
      await reply(interaction, { embeds: [renderProfile(shown, passFields(ctx, shown.id))] });
    } else {
      const asked = dir.requestJoin(ctx.actor, o.getInteger('space', true));
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const where = await askHosts(ctx, asked);
      await reply(interaction, `📨 Asked the hosts of **${escapeMarkdown(asked.name)}** ${where}. You’ll hear back here by DM.`);
    }
  },

  async autocomplete(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    await respondDirectoryOption(interaction, ctx, sub === 'show' || sub === 'join' ? 'listed' : 'managed');
  },

  modals: {
    register: {
      args: z.tuple([id]),
      async run(interaction, [draftId], ctx) {
        const fields = modalFields(interaction);
        const { space: registered, needsApproval } = ctx.services.directory.completeRegistration(ctx.actor, draftId, fields, parsePublicAnswer(fields.publicAnswer));
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const next = await announce(ctx, registered, needsApproval);
        const status = needsApproval ? '⏳ It is **pending** until an organizer approves it.' : '';
        await reply(interaction, { content: `✅ Registered **${escapeMarkdown(registered.name)}**. ${status} ${next}`.trim(), embeds: [renderProfile(registered)] });
      },
    },
    details: {
      args: z.tuple([id]),
      async run(interaction, [spaceId], ctx) {
        const { publicAnswer: _asked, ...texts } = modalFields(interaction);
        const edited = ctx.services.directory.edit(ctx.actor, spaceId, texts);
        await reply(interaction, { content: '✅ Saved.', embeds: [renderProfile(edited)], ephemeral: true });
      },
    },
  },

  components: {
    remove: {
      args: z.tuple([id]),
      async run(interaction, [spaceId], ctx) {
        const removed = ctx.services.directory.remove(ctx.actor, spaceId);
        await interaction.update({ content: `🗑️ Removed **${escapeMarkdown(removed.name)}** from the directory.`, components: [] });
      },
    },
    keep: {
      args: z.tuple([id]),
      async run(interaction) {
        await interaction.update({ content: 'Kept: nothing was removed.', components: [] });
      },
    },
    join: {
      args: z.tuple([snowflake, id, snowflake, z.enum(['0', '1'])]),
      dmGuild: (args: [string, number, string, string]) => args[0],
      async run(interaction, [, spaceId, userId, approve], ctx) {
        const decided = ctx.services.directory.decideJoin(ctx.actor, spaceId, userId, approve === '1');
        const name = escapeMarkdown(decided.space.name);
        const text = decided.approved ? `✅ <@${userId}> is now listed as working from **${escapeMarkdown(name)}**.` : `Declined: <@${userId}> is not listed at **${escapeMarkdown(name)}**.`;
        await interaction.update({ content: text, components: [] });
        const told = decided.approved ? `✅ The hosts of **${name}** approved: you are listed there now.` : `The hosts of **${name}** declined your request to be listed there.`;
        await ctx.poster.dm(userId, { content: told });
      },
    },
  },
});
