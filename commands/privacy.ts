// /privacy export|delete: a member's own data — a JSON file of everything stored about them, and deletion after a
// confirm button that lists what goes. Only the member who asked can confirm (the id is in the button).
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type InteractionContext } from '../src/discord/command.js';
import { snowflake } from '../src/discord/options.js';
import { deletedText, exportFile, exportMessage, keptText, nothingToDeleteText, removedSpacesNotice, renderDeletionPreview } from '../src/discord/privacy/render.js';
import { reply } from '../src/discord/respond.js';
import { forbidden, msg } from '../src/shared/errors.js';

const data = new SlashCommandBuilder()
  .setName('privacy')
  .setDescription('Your own data: see everything stored about you, or delete it')
  .addSubcommand((s) => s.setName('export').setDescription('Get a file with everything I store about you in this alliance'))
  .addSubcommand((s) => s.setName('delete').setDescription('Delete your data in this alliance (asks to confirm first)'));

const ownButton = z.tuple([snowflake]);

/** Organizers learn which listed spaces left the directory; the member's deletion stands even if the notice fails. */
async function tellOrganizers(ctx: InteractionContext, summary: Record<string, Record<string, unknown>>): Promise<void> {
  const names = z.array(z.string()).catch([]).parse(summary['directory']?.['removedListed']);
  const channelId = ctx.services.alliances.organizersChannel(ctx.actor.guildId);
  if (names.length === 0 || !channelId) return;
  await ctx.poster.post(channelId, { embeds: [removedSpacesNotice(ctx.sayPublic, names)] }).catch((error: unknown) => {
    ctx.logger.warn({ error: String(error) }, 'could not tell organizers which spaces a deletion removed');
  });
}

export const privacy = defineCommand({
  order: 200,
  data: data.toJSON(),
  remembersLanguage: false,

  async execute(interaction, ctx) {
    if (interaction.options.getSubcommand() === 'export') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const exported = ctx.services.privacy.export(ctx.actor);
      await reply(interaction, { content: exportMessage(ctx.say, exported), files: [exportFile(ctx.say, exported)], ephemeral: true });
      return;
    }
    const preview = ctx.services.privacy.preview(ctx.actor);
    if (preview.nothingStored) return reply(interaction, { content: nothingToDeleteText(ctx.say), ephemeral: true });
    await reply(interaction, { ...renderDeletionPreview(ctx.say, preview, ctx.actor.userId), ephemeral: true });
  },

  components: {
    delete: {
      args: ownButton,
      async run(interaction, [userId], ctx) {
        if (userId !== ctx.actor.userId) throw forbidden(msg('privacy.notYours'));
        const summary = ctx.services.privacy.delete(ctx.actor);
        await interaction.update({ content: deletedText(ctx.say, summary), embeds: [], components: [], allowedMentions: { parse: [] } });
        await tellOrganizers(ctx, summary);
      },
    },
    keep: {
      args: ownButton,
      async run(interaction, [userId], ctx) {
        if (userId !== ctx.actor.userId) throw forbidden(msg('privacy.notYours'));
        await interaction.update({ content: keptText(ctx.say), embeds: [], components: [], allowedMentions: { parse: [] } });
      },
    },
  },
});
