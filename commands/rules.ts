// /rules set|show|lock: the alliance's decision rules per kind of decision (show for everyone; set and lock for organizers).
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { RULE_KINDS, RULE_SCOPES, VOTER_KINDS } from '../src/db/schema/index.js';
import { defineCommand } from '../src/discord/command.js';
import { openProposal } from '../src/discord/proposals/open.js';
import { readRuleOptions } from '../src/discord/proposals/options.js';
import { renderRules } from '../src/discord/proposals/render.js';
import { replyPrivately } from '../src/discord/respond.js';
import { ruleChangeOpened, ruleChangeProposal, ruleSaved, rulesLocked } from '../src/discord/proposals/words.js';

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
  order: 140,
  data: data.toJSON(),
  organizerSubcommands: ['set', 'lock'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const sub = o.getSubcommand();
    const { say } = ctx;
    if (sub === 'show') return replyPrivately(interaction, { embeds: [renderRules(say, ctx.services.rules.show(ctx.actor.guildId))] });
    if (sub === 'lock') {
      ctx.services.rules.lock(ctx.actor);
      return replyPrivately(interaction, { content: rulesLocked(say), embeds: [renderRules(say, ctx.services.rules.show(ctx.actor.guildId))] });
    }
    const input = readRuleOptions(o);
    const result = ctx.services.rules.set(ctx.actor, input);
    if (result.status === 'applied') {
      return replyPrivately(interaction, { content: ruleSaved(say, result.rule.scope), embeds: [renderRules(say, ctx.services.rules.show(ctx.actor.guildId))] });
    }
    // Rules are locked: the change becomes a general proposal (everyone reads it: the alliance's language).
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const posted = await openProposal(ctx, { type: 'general', ...ruleChangeProposal(ctx.sayPublic, result.change), ruleChange: result.change });
    return replyPrivately(interaction, ruleChangeOpened(say, posted.number));
  },
});
