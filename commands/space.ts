// /space register|edit|remove|show|join and /space hosts add|remove: a space's profile, its hosts and its people.
// Registration checks the options first, then opens the modal for the long texts; organizers approve by button.
import { MessageFlags, SlashCommandBuilder, type SlashCommandIntegerOption } from 'discord.js';
import { z } from 'zod';
import { canManage } from '../src/directory/directory.rules.js';
import { defineCommand } from '../src/discord/command.js';
import { customId } from '../src/discord/custom-id.js';
import { editSpace } from '../src/discord/directory/edit.js';
import { addProfileOptions, readRegistrationOptions, respondDirectoryOption } from '../src/discord/directory/options.js';
import { escapeMarkdown } from '../src/discord/format.js';
import { snowflake } from '../src/discord/options.js';
import { addPassOptions, passFields } from '../src/discord/pass/space-options.js';
import { hostsChangedText, joinAskedText, joinDecidedDm, joinDecidedText, registeredText } from '../src/discord/directory/answers.js';
import { announce, askHosts } from '../src/discord/directory/publish.js';
import { renderProfile, renderRemoveConfirm } from '../src/discord/directory/render.js';
import { detailsModal, modalFields } from '../src/discord/directory/space-form.js';
import { reply, replyPrivately } from '../src/discord/respond.js';
import { addPublicConsentOptions, parsePublicAnswer } from '../src/discord/public-page/options.js';
import { forbidden, msg } from '../src/shared/errors.js';
import { sayTo } from '../src/discord/member-language.js';

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
  order: 20,
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
      await replyPrivately(interaction, hostsChangedText(ctx.say, sub === 'add', user.id, changed.name));
    } else if (sub === 'register') {
      const draft = dir.prepareRegistration(ctx.actor, readRegistrationOptions(interaction));
      await interaction.showModal(detailsModal(ctx.say, customId('space', 'register', draft.draftId), draft.name));
    } else if (sub === 'edit') {
      await editSpace(interaction, ctx);
    } else if (sub === 'remove') {
      const current = dir.show(ctx.actor, o.getInteger('space', true));
      if (!canManage(ctx.actor, current.hosts)) throw forbidden(msg('directory.space.onlyHosts', { action: 'remove', name: current.name }));
      await reply(interaction, { ...renderRemoveConfirm(ctx.say, current), ephemeral: true });
    } else if (sub === 'show') {
      const shown = dir.show(ctx.actor, o.getInteger('space', true));
      await reply(interaction, { embeds: [renderProfile(ctx.language, shown, passFields(ctx, shown.id))] });
    } else {
      const asked = dir.requestJoin(ctx.actor, o.getInteger('space', true));
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await reply(interaction, joinAskedText(ctx.say, asked.name, await askHosts(ctx, asked)));
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
        const announced = await announce(ctx, registered, needsApproval);
        await reply(interaction, { content: registeredText(ctx.say, registered.name, needsApproval, announced), embeds: [renderProfile(ctx.language, registered)] });
      },
    },
    details: {
      args: z.tuple([id]),
      async run(interaction, [spaceId], ctx) {
        const { publicAnswer: _asked, ...texts } = modalFields(interaction);
        const edited = ctx.services.directory.edit(ctx.actor, spaceId, texts);
        await reply(interaction, { content: ctx.say('space.edit.saved'), embeds: [renderProfile(ctx.language, edited)], ephemeral: true });
      },
    },
  },

  components: {
    remove: {
      args: z.tuple([id]),
      async run(interaction, [spaceId], ctx) {
        const removed = ctx.services.directory.remove(ctx.actor, spaceId);
        await interaction.update({ content: ctx.say('space.remove.done', { name: escapeMarkdown(removed.name) }), components: [] });
      },
    },
    keep: {
      args: z.tuple([id]),
      async run(interaction, _args, ctx) {
        await interaction.update({ content: ctx.say('space.remove.kept'), components: [] });
      },
    },
    join: {
      args: z.tuple([snowflake, id, snowflake, z.enum(['0', '1'])]),
      dmGuild: (args: [string, number, string, string]) => args[0],
      async run(interaction, [, spaceId, userId, approve], ctx) {
        const decided = ctx.services.directory.decideJoin(ctx.actor, spaceId, userId, approve === '1');
        await interaction.update({ content: joinDecidedText(ctx.say, decided.approved, userId, decided.space.name), components: [] });
        // The member who asked, in the language they last used the bot in (else the alliance's).
        await ctx.poster.dm(userId, { content: joinDecidedDm(sayTo(ctx, ctx.actor.guildId, userId).say, decided.approved, decided.space.name) });
      },
    },
  },
});
