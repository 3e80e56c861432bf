// /lead send|outcome|stats: prospects one space cannot serve, sent to another member space instead of lost,
// with the receiving hosts' Accept / Pass buttons (in a DM, or a private thread when DMs are closed).
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { LEAD_OUTCOMES } from '../src/db/schema/index.js';
import { LEAD_LIMITS } from '../src/leads/leads.rules.js';
import { defineCommand } from '../src/discord/command.js';
import { readMonths, readOutcome, readSend, respondLeadOption } from '../src/discord/leads/options.js';
import { leadThreadName, renderAnswered, renderAnswerNotice, renderLeadOffer, renderOutcome, renderSent, renderStats } from '../src/discord/leads/render.js';
import { snowflake } from '../src/discord/options.js';
import { reply } from '../src/discord/respond.js';
import { deliverPrivately, memberLanguage } from '../src/discord/skills/delivery.js';
import { forbidden, msg } from '../src/shared/errors.js';

const data = new SlashCommandBuilder()
  .setName('lead')
  .setDescription('Send prospects you cannot serve to another member space')
  .addSubcommand((s) =>
    s
      .setName('send')
      .setDescription('Send a prospect to another member space (hosts)')
      .addIntegerOption((o) => o.setName('to-space').setDescription('The space that could serve them').setRequired(true).setAutocomplete(true))
      .addStringOption((o) => o.setName('need').setDescription('What they need, e.g. "private office for 6 from March"').setRequired(true).setMaxLength(LEAD_LIMITS.need))
      .addIntegerOption((o) => o.setName('size').setDescription('How many people').setMinValue(LEAD_LIMITS.minSize).setMaxValue(LEAD_LIMITS.maxSize))
      .addStringOption((o) => o.setName('by-date').setDescription('Needed by: "next friday", "in 3 weeks", "1 march"…').setMaxLength(40))
      .addBooleanOption((o) => o.setName('contact-consent').setDescription('The prospect agreed that their contact details are passed on'))
      .addStringOption((o) => o.setName('contact').setDescription('Their contact details (only with contact-consent:true)').setMaxLength(LEAD_LIMITS.contact))
      .addIntegerOption((o) => o.setName('from-space').setDescription('Your space sending it (if you host several)').setAutocomplete(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('outcome')
      .setDescription('Record how a lead your space sent ended')
      .addIntegerOption((o) => o.setName('lead').setDescription('A lead your space sent').setRequired(true).setAutocomplete(true))
      .addStringOption((o) => o.setName('result').setDescription('How it ended').setRequired(true).addChoices(...LEAD_OUTCOMES.map((v) => ({ name: v, value: v })))),
  )
  .addSubcommand((s) =>
    s
      .setName('stats')
      .setDescription('Leads sent, received and won per space')
      .addIntegerOption((o) => o.setName('months').setDescription('How many months back (default 12)').setMinValue(LEAD_LIMITS.minMonths).setMaxValue(LEAD_LIMITS.maxMonths)),
  );

const answerArgs = z.tuple([snowflake, z.coerce.number().int().positive(), z.enum(['0', '1'])]);

export const lead = defineCommand({
  order: 180,
  data: data.toJSON(),

  async execute(interaction, ctx) {
    const leads = ctx.services.leads;
    const sub = interaction.options.getSubcommand();
    if (sub === 'send') {
      const { lead: sent, hostUserIds } = leads.send(ctx.actor, readSend(interaction, ctx));
      // Several DMs (and maybe a thread) can take longer than Discord's 3 seconds.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const outcome = await deliverPrivately(ctx, {
        userIds: hostUserIds,
        channelId: interaction.channelId,
        threadName: leadThreadName(sent, ctx.publicLanguage),
        // Each host in their own language; a thread shared by several hosts in the alliance's.
        payloadFor: (userId) => renderLeadOffer(sent, userId ? memberLanguage(ctx, sent.guildId, userId) : ctx.publicLanguage),
        idempotencyKey: `lead:${sent.guildId}:${sent.id}`,
      });
      const counts = { dm: 0, thread: 0, none: 0 };
      for (const how of Object.values(outcome)) counts[how]++;
      await reply(interaction, { content: renderSent(sent, counts, ctx.language), ephemeral: true });
    } else if (sub === 'outcome') {
      const input = readOutcome(interaction);
      await reply(interaction, { content: renderOutcome(leads.outcome(ctx.actor, input.leadId, input.result), ctx.language), ephemeral: true });
    } else {
      await reply(interaction, { ...renderStats(leads.stats(ctx.actor, readMonths(interaction)), ctx.language), ephemeral: true });
    }
  },

  async autocomplete(interaction, ctx) {
    await respondLeadOption(interaction, ctx);
  },

  components: {
    answer: {
      args: answerArgs,
      dmGuild: (args: z.infer<typeof answerArgs>) => args[0],
      async run(interaction, [guildId, leadId, accept], ctx) {
        // A button crafted with another alliance's id answers nothing here.
        if (guildId !== ctx.actor.guildId) throw forbidden(msg('leads.elsewhere'));
        const { lead: answered, changed } = ctx.services.leads.answer(ctx.actor, leadId, accept === '1');
        await interaction.update({ content: renderAnswered(answered, changed, ctx.language), embeds: interaction.message.embeds, components: changed ? [] : interaction.message.components, allowedMentions: { parse: [] } });
        if (changed && answered.sentBy) await ctx.poster.dm(answered.sentBy, { content: renderAnswerNotice(answered, memberLanguage(ctx, guildId, answered.sentBy)) }, { idempotencyKey: `lead:${guildId}:${leadId}:answer` });
        // Clicked in a DM: the router keeps the language of answers given in the server, this one is kept here.
        ctx.services.memberLanguages.remember(ctx.actor, ctx.language);
      },
    },
  },
});
