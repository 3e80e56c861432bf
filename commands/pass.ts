// /pass issue|mine|checkin|visits|export: the alliance pass, from issuing it to sharing the revenue by visits.
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { PASS_LIMITS } from '../src/pass/pass.rules.js';
import { defineCommand } from '../src/discord/command.js';
import { passColumns } from '../src/discord/csv-header.js';
import { readCheckin, readIssue, readMonth, respondSpaces } from '../src/discord/pass/options.js';
import { exportAttachment, exportText, renderCheckin, renderIssued, renderIssuedDm, renderMine, renderVisits } from '../src/discord/pass/render.js';
import { reply } from '../src/discord/respond.js';
import { sayTo } from '../src/discord/member-language.js';

const data = new SlashCommandBuilder()
  .setName('pass')
  .setDescription('The alliance pass: visits at every member space that accepts it')
  .addSubcommand((s) =>
    s
      .setName('issue')
      .setDescription('Issue a pass to a member, or by name to someone outside Discord (organizers)')
      .addUserOption((o) => o.setName('member').setDescription('The member who gets the pass'))
      .addIntegerOption((o) => o.setName('visits').setDescription('How many visits (default 10)').setMinValue(PASS_LIMITS.minVisits).setMaxValue(PASS_LIMITS.maxVisits))
      .addIntegerOption((o) => o.setName('valid-days').setDescription('Valid for how many days (default 365)').setMinValue(PASS_LIMITS.minValidDays).setMaxValue(PASS_LIMITS.maxValidDays))
      .addStringOption((o) => o.setName('note').setDescription('A note for organizers, e.g. "paid $120"').setMaxLength(PASS_LIMITS.note))
      .addStringOption((o) => o.setName('holder-name').setDescription('Someone outside Discord: their name (they get a printable code)').setMaxLength(PASS_LIMITS.holderName)),
  )
  .addSubcommand((s) => s.setName('mine').setDescription('Your passes: visits left and until when'))
  .addSubcommand((s) =>
    s
      .setName('checkin')
      .setDescription('Record a pass visit at a space you host')
      .addStringOption((o) => o.setName('pass-code-or-member').setDescription('The pass code (ABCD-EFGH) or @member').setRequired(true).setMaxLength(40))
      .addIntegerOption((o) => o.setName('space').setDescription('The space you host').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('visits')
      .setDescription('Visits per space and per pass in a month (organizers)')
      .addStringOption((o) => o.setName('month').setDescription('YYYY-MM (default this month)').setMaxLength(7)),
  )
  .addSubcommand((s) => s.setName('export').setDescription('Every pass visit as a CSV file (organizers)'));

export const pass = defineCommand({
  order: 170,
  data: data.toJSON(),
  organizerSubcommands: ['issue', 'visits', 'export'],

  async execute(interaction, ctx) {
    const service = ctx.services.pass;
    const sub = interaction.options.getSubcommand();
    if (sub === 'issue') {
      const issued = service.issue(ctx.actor, readIssue(interaction));
      await reply(interaction, { ...renderIssued(ctx, issued), ephemeral: true });
      // The holder's own Discord language is unknown here: the alliance's is the best guess for their DM.
      if (issued.holderUserId) await ctx.poster.dm(issued.holderUserId, renderIssuedDm(sayTo(ctx, ctx.actor.guildId, issued.holderUserId), issued));
    } else if (sub === 'mine') {
      await reply(interaction, { ...renderMine(ctx, service.mine(ctx.actor)), ephemeral: true });
    } else if (sub === 'checkin') {
      await reply(interaction, { content: renderCheckin(ctx, service.checkin(ctx.actor, readCheckin(interaction))), ephemeral: true });
    } else if (sub === 'visits') {
      await reply(interaction, { ...renderVisits(ctx, service.visits(ctx.actor, readMonth(interaction))), ephemeral: true });
    } else {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const csv = service.exportCsv(ctx.actor, passColumns(ctx.say));
      await reply(interaction, { content: exportText(ctx.say), files: [exportAttachment(csv)], ephemeral: true });
    }
  },

  async autocomplete(interaction, ctx) {
    await respondSpaces(interaction, ctx, 'hosted');
  },
});
