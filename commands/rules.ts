// /rules set|show|lock: the alliance's decision rules per kind of decision (show for everyone; set and lock for organizers).
import { SlashCommandBuilder } from 'discord.js';
import { RULE_KINDS, RULE_SCOPES, VOTER_KINDS } from '../src/db/schema/index.js';
import { defineCommand } from '../src/discord/command.js';
import { createProposalPublisher } from '../src/discord/proposals/publish.js';
import { renderRules } from '../src/discord/proposals/render.js';
import { replyPrivately } from '../src/discord/respond.js';
import { fetchHumans } from '../src/discord/proposals/wiring.js';
import type { SetRuleInput } from '../src/rules/rules.service.js';
import { describeRule } from '../src/proposals/tally.rules.js';

const choicesOf = (values: readonly string[]) => values.map((value) => ({ name: value, value }));

const data = new SlashCommandBuilder()
  .setName('rules')
  .setDescription('How this alliance decides: a rule per kind of decision')
  // No default_member_permissions: it applies to the whole command, and members must see the rules before they
  // propose; set and lock are guarded on the server (organizerSubcommands).
  .addSubcommand((s) =>
    s.setName('set').setDescription('Set the rule for a kind of decision (organizers)')
      .addStringOption((o) => o.setName('type').setDescription('Kind of decision, or default for all others').setRequired(true).addChoices(...choicesOf(RULE_SCOPES)))
      .addStringOption((o) => o.setName('rule').setDescription('How a proposal passes').addChoices(...choicesOf(RULE_KINDS)))
      .addIntegerOption((o) => o.setName('quorum').setDescription('Percent of eligible voters who must vote (0 = none)').setMinValue(0).setMaxValue(100))
      .addStringOption((o) => o.setName('period').setDescription('How long votes run: 7d, 48h, 2w').setMaxLength(10))
      .addStringOption((o) => o.setName('voters').setDescription('Who votes').addChoices(...choicesOf(VOTER_KINDS)))
      .addRoleOption((o) => o.setName('voter-role').setDescription('With voters:role, the role whose members vote'))
      .addStringOption((o) => o.setName('threshold').setDescription('Supermajority share of yes+no: 2/3, 3/4, 60%').setMaxLength(10))
      .addBooleanOption((o) => o.setName('allow-override').setDescription('May authors change rule, quorum, voters or shorten the period?')))
  .addSubcommand((s) => s.setName('show').setDescription('Show the decision rules'))
  .addSubcommand((s) => s.setName('lock').setDescription('Lock the rules: from now on changing one takes a passed proposal (organizers)'));

export const rules = defineCommand({
  data: data.toJSON(),
  organizerSubcommands: ['set', 'lock'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const sub = o.getSubcommand();
    if (sub === 'show') return replyPrivately(interaction, { embeds: [renderRules(ctx.services.rules.show(ctx.actor.guildId))] });
    if (sub === 'lock') {
      ctx.services.rules.lock(ctx.actor);
      return replyPrivately(interaction, { content: '🔒 Rules locked: a rule change is now a proposal of type general.', embeds: [renderRules(ctx.services.rules.show(ctx.actor.guildId))] });
    }
    const input: SetRuleInput = {
      type: o.getString('type', true) as SetRuleInput['type'],
      rule: (o.getString('rule') ?? undefined) as SetRuleInput['rule'],
      quorum: o.getInteger('quorum') ?? undefined,
      period: o.getString('period') ?? undefined,
      voters: (o.getString('voters') ?? undefined) as SetRuleInput['voters'],
      voterRoleId: o.getRole('voter-role')?.id,
      threshold: o.getString('threshold') ?? undefined,
      allowOverride: o.getBoolean('allow-override') ?? undefined,
    };
    const result = ctx.services.rules.set(ctx.actor, input);
    if (result.status === 'applied') {
      return replyPrivately(interaction, { content: `✅ The ${result.rule.scope} rule is saved.`, embeds: [renderRules(ctx.services.rules.show(ctx.actor.guildId))] });
    }
    // Rules are locked: the change becomes a general proposal that applies itself if it passes.
    await interaction.deferReply({ flags: 64 });
    const change = result.change;
    const view = ctx.services.proposals.create(
      ctx.actor,
      {
        type: 'general',
        title: `Change the ${change.scope} decision rule`,
        summary: `Rules are locked, so this change needs the alliance's approval: the ${change.scope} rule would become ${describeRule({ rule: change.rule as (typeof RULE_KINDS)[number], thresholdNum: change.thresholdNum, thresholdDen: change.thresholdDen })}.`,
        ruleChange: change,
      },
      { humans: await fetchHumans(ctx, ctx.actor.guildId) },
    );
    try {
      const posted = await createProposalPublisher(ctx).publish(view);
      return replyPrivately(interaction, `🔒 Rules are locked, so I opened proposal #${posted.number} for this change; it applies if it passes.`);
    } catch (error) {
      ctx.services.proposals.abandon(view.guildId, view.id);
      throw error;
    }
  },
});
