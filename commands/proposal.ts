// /proposal create|vote|close|withdraw|list|show|reminders: open proposals (options, then a modal for the
// texts), vote by command or secret-ballot buttons, close, withdraw, and read them.
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { CHOICES, DECISION_TYPES, RULE_KINDS, VOTER_KINDS } from '../src/db/schema/index.js';
import { defineCommand } from '../src/discord/command.js';
import { afterVote, closeNow, proposalDetail, withdrawNow } from '../src/discord/proposals/actions.js';
import { askOrClose, openFromForm, pressBallot, proposalAutocomplete, proposalList, voteFromForm } from '../src/discord/proposals/conversation.js';
import { proposalForm, reasonModal } from '../src/discord/proposals/forms.js';
import { readCreateOptions, readListOptions, readVoteOptions } from '../src/discord/proposals/options.js';
import { closeKept, commandVoteConfirmation, remindersSet } from '../src/discord/proposals/words.js';
import { replyPrivately } from '../src/discord/respond.js';

const choicesOf = (values: readonly string[]) => values.map((value) => ({ name: value, value }));
const proposalOption = (o: import('discord.js').SlashCommandIntegerOption) =>
  o.setName('proposal').setDescription('The proposal (type its title or #number)').setRequired(true).setAutocomplete(true);

const data = new SlashCommandBuilder()
  .setName('proposal')
  .setDescription('Proposals and voting')
  .addSubcommand((s) =>
    s.setName('create').setDescription('Open a proposal (a form for the texts follows)')
      .addStringOption((o) => o.setName('title').setDescription('Short title').setRequired(true).setMaxLength(150))
      .addStringOption((o) => o.setName('type').setDescription('Kind of decision: selects the rules (default general)').addChoices(...choicesOf(DECISION_TYPES)))
      .addStringOption((o) => o.setName('rule').setDescription('Override the rule, where the type allows it').addChoices(...choicesOf(RULE_KINDS)))
      .addStringOption((o) => o.setName('closes').setDescription('When voting closes: 3d, "friday 5pm", "in 2 weeks", a date and time (alliance time)').setMaxLength(20))
      .addIntegerOption((o) => o.setName('quorum').setDescription('Percent of eligible voters who must vote (0-100)').setMinValue(0).setMaxValue(100))
      .addStringOption((o) => o.setName('voters').setDescription('Who votes').addChoices(...choicesOf(VOTER_KINDS)))
      .addRoleOption((o) => o.setName('voter-role').setDescription('With voters:role, the role whose members vote'))
      .addBooleanOption((o) => o.setName('anonymous').setDescription('Secret ballot: vote by buttons, no one sees anyone\'s vote'))
      .addBooleanOption((o) => o.setName('hide-results').setDescription('Hide the tally until the close'))
      .addIntegerOption((o) => o.setName('from-item').setDescription('Open it from a meeting agenda item').setAutocomplete(true)))
  .addSubcommand((s) =>
    s.setName('vote').setDescription('Vote on a proposal (same as reacting)')
      .addIntegerOption(proposalOption)
      .addStringOption((o) => o.setName('choice').setDescription('Your vote').setRequired(true).addChoices(...choicesOf([...CHOICES, 'withdraw'])))
      .addStringOption((o) => o.setName('reason').setDescription('Why (shown with /proposal show)').setMaxLength(500)))
  .addSubcommand((s) => s.setName('close').setDescription('Close a proposal now (organizers)').addIntegerOption(proposalOption))
  .addSubcommand((s) => s.setName('withdraw').setDescription('Withdraw your proposal (before any vote; organizers any time)').addIntegerOption(proposalOption))
  .addSubcommand((s) =>
    s.setName('list').setDescription('Open or closed proposals')
      .addStringOption((o) => o.setName('status').setDescription('open (default) or closed').addChoices(...choicesOf(['open', 'closed'])))
      .addIntegerOption((o) => o.setName('page').setDescription('Page number').setMinValue(1).setMaxValue(1000)))
  .addSubcommand((s) => s.setName('show').setDescription('A proposal in full: text, tally, votes and reasons').addIntegerOption(proposalOption))
  .addSubcommandGroup((g) =>
    g.setName('reminders').setDescription('A DM 24 hours before a vote closes if you have not voted')
      .addSubcommand((s) => s.setName('on').setDescription('Turn vote reminders on'))
      .addSubcommand((s) => s.setName('off').setDescription('Turn vote reminders off')));

const id = z.coerce.number().int().positive();
const ballotArgs = z.tuple([id, z.enum(['y', 'n', 'a', 'b', 'w', 'r'])]);
const proposalArg = z.tuple([id]);
const whyArgs = z.tuple([id, z.string().regex(/^\d{15,21}$/)]);
// '' asks for the vote in the form, 'b' is a block (the form asks only for the reason).
const reasonArgs = z.tuple([id, z.enum(['', 'b'])]);

export const proposal = defineCommand({
  order: 130,
  data: data.toJSON(),
  organizerSubcommands: ['close'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const sub = o.getSubcommand();
    const { services, actor, say } = ctx;
    if (o.getSubcommandGroup(false) === 'reminders') return replyPrivately(interaction, remindersSet(say, services.votes.setReminders(actor, sub === 'on')));
    switch (sub) {
      case 'create': {
        // The options wait in a stored draft; the form's custom id carries only its id.
        const { draftId, plan } = services.proposals.draft(actor, readCreateOptions(o), ctx.language);
        await interaction.showModal(proposalForm(say, ctx.language, draftId, plan, services.alliances.settings(actor.guildId).timezone));
        return;
      }
      case 'vote': {
        const input = readVoteOptions(o);
        const result = services.votes.vote(actor, input);
        const p = await afterVote(ctx, result.proposalId, result.removeReactions);
        return replyPrivately(interaction, commandVoteConfirmation(say, p.number, result.changed, input.choice));
      }
      case 'close':
        return askOrClose(interaction, ctx, o.getInteger('proposal', true));
      case 'withdraw': {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        return replyPrivately(interaction, await withdrawNow(ctx, o.getInteger('proposal', true)));
      }
      case 'list': {
        const { status, page } = readListOptions(o);
        return replyPrivately(interaction, proposalList(ctx, status, page));
      }
      case 'show':
        return replyPrivately(interaction, proposalDetail(ctx, o.getInteger('proposal', true)));
    }
  },

  autocomplete: proposalAutocomplete,

  modals: {
    create: { args: proposalArg, run: (interaction, [draftId], ctx) => openFromForm(interaction, ctx, draftId) },
    reason: { args: reasonArgs, run: (interaction, [proposalId, code], ctx) => voteFromForm(interaction, ctx, proposalId, code) },
  },

  components: {
    ballot: { args: ballotArgs, run: (interaction, [proposalId, code], ctx) => pressBallot(interaction, ctx, proposalId, code) },
    why: {
      args: whyArgs,
      async run(interaction, [proposalId, userId], ctx) {
        if (ctx.actor.userId !== userId) return replyPrivately(interaction, ctx.say('proposals.block.notYours'));
        return interaction.showModal(reasonModal(ctx.say, proposalId, true, null));
      },
    },
    close: {
      args: proposalArg,
      organizerOnly: true,
      async run(interaction, [proposalId], ctx) {
        await interaction.deferUpdate();
        await interaction.editReply({ content: await closeNow(ctx, proposalId), components: [] });
      },
    },
    keep: {
      args: proposalArg,
      organizerOnly: true,
      async run(interaction, [proposalId], ctx) {
        const p = ctx.services.proposals.get(ctx.actor.guildId, proposalId);
        await interaction.update({ content: closeKept(ctx.say, p), components: [] });
      },
    },
  },
});
