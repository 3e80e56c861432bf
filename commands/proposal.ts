// /proposal create|vote|close|withdraw|list|show|reminders: open proposals (options, then a modal for the
// texts), vote by command or secret-ballot buttons, close, withdraw, and read them.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ModalBuilder, SlashCommandBuilder, TextInputBuilder, TextInputStyle, type ModalActionRowComponentBuilder } from 'discord.js';
import { z } from 'zod';
import { CHOICES, DECISION_TYPES, RULE_KINDS, VOTER_KINDS, type Choice } from '../src/db/schema/index.js';
import { defineCommand, type InteractionContext } from '../src/discord/command.js';
import { customId } from '../src/discord/custom-id.js';
import { createProposalPublisher } from '../src/discord/proposals/publish.js';
import { DETAIL_LINES_FIRST, DETAIL_LINES_MAX, detailFilled, renderProposalDetail, renderProposalList } from '../src/discord/proposals/render.js';
import { ballotConfirmation, blockButtonNotYours, closedNow, closeKept, closeQuestion, commandVoteConfirmation, REASON_FORM, voteFieldProblem } from '../src/discord/proposals/words.js';
import { replyPrivately } from '../src/discord/respond.js';
import { timestamp } from '../src/discord/format.js';
import { fetchHumans } from '../src/discord/proposals/wiring.js';
import type { CreateProposalInput } from '../src/proposals/proposals.service.js';
import { CHOICE_EMOJI, choicesFor, OUTCOME_LABEL } from '../src/proposals/tally.rules.js';
import { invalid } from '../src/shared/errors.js';
import { describeLocal } from '../src/shared/when.rules.js';

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

// Option codes keep the modal's custom id within Discord's 100 characters.
const code = (values: readonly string[], value: string | null) => (value === null ? '' : String(values.indexOf(value)));
const fromCode = (values: readonly string[]) =>
  z.string().regex(/^\d?$/).refine((v) => v === '' || Number(v) < values.length).transform((v) => (v === '' ? undefined : values[Number(v)]));
const optionalInt = z.string().regex(/^\d*$/).transform((v) => (v === '' ? undefined : Number(v)));
const createArgs = z.tuple([
  fromCode(DECISION_TYPES), fromCode(RULE_KINDS), z.string().max(20), optionalInt, fromCode(VOTER_KINDS),
  z.string().regex(/^(\d{15,21})?$/), z.enum(['0', '1']), z.enum(['0', '1']), optionalInt,
]);
const ballotArgs = z.tuple([z.coerce.number().int().positive(), z.enum(['y', 'n', 'a', 'b', 'w', 'r'])]);
const proposalArg = z.tuple([z.coerce.number().int().positive()]);
const whyArgs = z.tuple([z.coerce.number().int().positive(), z.string().regex(/^\d{15,21}$/)]);
// '' asks for the vote in the form, 'b' is a block (the form asks only for the reason).
const reasonArgs = z.tuple([z.coerce.number().int().positive(), z.enum(['', 'b'])]);
const FROM_CODE: Record<string, Choice | null> = { y: 'yes', n: 'no', a: 'abstain', b: 'block', w: null };
const TEXT_FIELDS = [
  ['title', 'Title', TextInputStyle.Short, 150, true],
  ['summary', 'Summary', TextInputStyle.Paragraph, 1000, true],
  ['need', 'The need (optional)', TextInputStyle.Paragraph, 1000, false],
  ['audience', 'Who we can bring it to (optional)', TextInputStyle.Paragraph, 1000, false],
  ['measure', 'How we will measure it (optional)', TextInputStyle.Paragraph, 1000, false],
] as const;

function link(p: { guildId: string; channelId: string | null; messageId: string | null }): string {
  return p.channelId && p.messageId ? `https://discord.com/channels/${p.guildId}/${p.channelId}/${p.messageId}` : '';
}

/** The reason form: the vote (pre-filled with the member's current one) and the reason, or only the reason of a block. */
function reasonModal(proposalId: number, block: boolean, current: Choice | null): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(customId('proposal', 'reason', proposalId, block ? 'b' : '')).setTitle(block ? REASON_FORM.blockTitle : REASON_FORM.title);
  if (!block) {
    const vote = new TextInputBuilder().setCustomId('vote').setLabel(REASON_FORM.voteLabel).setStyle(TextInputStyle.Short).setMaxLength(10).setRequired(true).setPlaceholder(REASON_FORM.votePlaceholder);
    if (current) vote.setValue(current);
    modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(vote));
  }
  const reason = new TextInputBuilder().setCustomId('reason').setLabel(block ? REASON_FORM.blockReasonLabel : REASON_FORM.reasonLabel).setStyle(TextInputStyle.Paragraph).setMaxLength(500).setRequired(true);
  return modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(reason));
}

async function afterVote(ctx: InteractionContext, proposalId: number, removeReactions: { userId: string; choice: Choice }[]) {
  const publisher = createProposalPublisher(ctx);
  const p = ctx.services.proposals.get(ctx.actor.guildId, proposalId);
  if (p.channelId && p.messageId) await publisher.removeVoteReactions(p.channelId, p.messageId, removeReactions);
  publisher.refresh(p.guildId, p.id);
  return p;
}

/** Closes now and announces the result; the organizer's answer says how it ended. */
async function closeNow(ctx: InteractionContext, proposalId: number): Promise<string> {
  const closed = ctx.services.proposals.close(ctx.actor.guildId, proposalId, ctx.actor);
  await createProposalPublisher(ctx).announceResult(closed);
  return closedNow(closed.proposal, OUTCOME_LABEL[closed.proposal.outcome ?? 'failed']);
}

/** A vote by button or form, then the private confirmation. */
async function castBallot(interaction: import('discord.js').RepliableInteraction, ctx: InteractionContext, input: { proposalId: number; choice: Choice | null; reason?: string }, form: boolean) {
  const result = form ? ctx.services.votes.voteByForm(ctx.actor, input) : ctx.services.votes.voteByButton(ctx.actor, input);
  const p = await afterVote(ctx, input.proposalId, result.removeReactions);
  const mine = ctx.services.votes.myVote(ctx.actor.guildId, input.proposalId, ctx.actor.userId);
  const confirmation = p.anonymous || p.hideResults ? ballotConfirmation(p, result.changed, mine, input.reason ?? null) : commandVoteConfirmation(p.number, result.changed, mine);
  return replyPrivately(interaction, confirmation);
}

export const proposal = defineCommand({
  data: data.toJSON(),
  organizerSubcommands: ['close'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const group = o.getSubcommandGroup(false);
    const sub = o.getSubcommand();
    const { services, actor } = ctx;
    if (group === 'reminders') {
      const on = services.votes.setReminders(actor, sub === 'on');
      return replyPrivately(interaction, on ? '🔔 I will DM you 24 hours before a vote closes if you have not voted.' : '🔕 Vote reminders are off.');
    }
    switch (sub) {
      case 'create': {
        const input: CreateProposalInput = {
          title: o.getString('title', true), type: (o.getString('type') ?? undefined) as CreateProposalInput['type'],
          rule: (o.getString('rule') ?? undefined) as CreateProposalInput['rule'], closes: o.getString('closes') ?? undefined,
          quorum: o.getInteger('quorum') ?? undefined, voters: (o.getString('voters') ?? undefined) as CreateProposalInput['voters'],
          voterRoleId: o.getRole('voter-role')?.id, anonymous: o.getBoolean('anonymous') ?? false,
          hideResults: o.getBoolean('hide-results') ?? false, fromItemId: o.getInteger('from-item') ?? undefined,
        };
        const plan = services.proposals.plan(actor, input);
        const id = customId('proposal', 'create', code(DECISION_TYPES, input.type ?? null), code(RULE_KINDS, input.rule ?? null), input.closes ?? '',
          input.quorum ?? '', code(VOTER_KINDS, input.voters ?? null), input.voterRoleId ?? '', input.anonymous ? '1' : '0', input.hideResults ? '1' : '0', input.fromItemId ?? '');
        // A deadline typed in words is restated before anything is stored (≤ 45 characters: "Fri 11 Dec 2026, 17:00").
        const closes = input.closes ? ` · closes ${describeLocal(plan.closesAt, services.alliances.settings(actor.guildId).timezone)}` : '';
        const modal = new ModalBuilder().setCustomId(id).setTitle(`New proposal${closes}`);
        for (const [field, label, style, max, required] of TEXT_FIELDS) {
          const text = new TextInputBuilder().setCustomId(field).setLabel(label).setStyle(style).setMaxLength(max).setRequired(required);
          if (field === 'title') text.setValue(plan.input.title);
          if (field === 'summary' && plan.agendaItem) text.setValue(`From the agenda of ${plan.agendaItem.meetingTitle}: ${plan.agendaItem.topic}`.slice(0, 1000));
          modal.addComponents(new ActionRowBuilder<ModalActionRowComponentBuilder>().addComponents(text));
        }
        await interaction.showModal(modal);
        return;
      }
      case 'vote': {
        const raw = o.getString('choice', true);
        const result = services.votes.vote(actor, { proposalId: o.getInteger('proposal', true), choice: raw === 'withdraw' ? null : (raw as Choice), reason: o.getString('reason') ?? undefined });
        const p = await afterVote(ctx, result.proposalId, result.removeReactions);
        return replyPrivately(interaction, commandVoteConfirmation(p.number, result.changed, raw === 'withdraw' ? null : (raw as Choice)));
      }
      case 'close': {
        const p = services.proposals.get(actor.guildId, o.getInteger('proposal', true));
        // Before the deadline an early close is asked for twice: members who have not voted lose their say.
        if (p.status === 'open' && ctx.clock.now().getTime() < p.closesAt) {
          const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId(customId('proposal', 'close', p.id)).setLabel('Close now').setStyle(ButtonStyle.Danger),
            new ButtonBuilder().setCustomId(customId('proposal', 'keep', p.id)).setLabel('Keep it open').setStyle(ButtonStyle.Secondary),
          );
          return replyPrivately(interaction, { content: closeQuestion(p), components: [buttons] });
        }
        await interaction.deferReply({ flags: 64 });
        return replyPrivately(interaction, await closeNow(ctx, p.id));
      }
      case 'withdraw': {
        await interaction.deferReply({ flags: 64 });
        const id = o.getInteger('proposal', true);
        const closed = services.proposals.withdraw(actor, id);
        await createProposalPublisher(ctx).announceResult({ ...closed, announcementsChannelId: null });
        return replyPrivately(interaction, `Withdrew #${closed.proposal.number}.`);
      }
      case 'list': {
        const status = (o.getString('status') ?? 'open') as 'open' | 'closed';
        const page = (o.getInteger('page') ?? 1) - 1;
        const { items, total } = services.proposals.list(actor.guildId, status, page, 10);
        return replyPrivately(interaction, { embeds: [renderProposalList(status === 'open' ? 'Open proposals' : 'Closed proposals', items, total, page, 10)] });
      }
      case 'show': {
        const p = services.proposals.get(actor.guildId, o.getInteger('proposal', true));
        // The first votes usually fill the field; short names or reasons take a second read of all that could fit.
        let ballots = services.votes.ballots(actor.guildId, p.id, DETAIL_LINES_FIRST);
        if (!detailFilled(ballots, ballots.labels, DETAIL_LINES_FIRST)) ballots = services.votes.ballots(actor.guildId, p.id, DETAIL_LINES_MAX);
        return replyPrivately(interaction, { content: link(p), embeds: [renderProposalDetail(p, ballots, ballots.labels)] });
      }
    }
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const sub = interaction.options.getSubcommand();
    const found =
      focused.name === 'from-item'
        ? ctx.services.proposals.agendaItems(ctx.actor.guildId, String(focused.value))
        : ctx.services.proposals.search(ctx.actor.guildId, String(focused.value), sub === 'show' ? null : 'open');
    await interaction.respond(found.slice(0, 25).map((f) => ({ name: f.label.slice(0, 100), value: f.id })));
  },

  modals: {
    create: {
      args: createArgs,
      async run(interaction, [type, rule, closes, quorum, voters, role, anonymous, hide, item], ctx) {
        await interaction.deferReply({ flags: 64 });
        const field = (name: string) => interaction.fields.getTextInputValue(name);
        const people = { humans: await fetchHumans(ctx, ctx.actor.guildId) };
        const view = ctx.services.proposals.create(ctx.actor, {
          title: field('title'), summary: field('summary'), need: field('need'), audience: field('audience'), measure: field('measure'),
          type: type as CreateProposalInput['type'], rule: rule as CreateProposalInput['rule'], closes: closes || undefined, quorum,
          voters: voters as CreateProposalInput['voters'], voterRoleId: role || undefined, anonymous: anonymous === '1', hideResults: hide === '1', fromItemId: item,
        }, people);
        let posted;
        try {
          posted = await createProposalPublisher(ctx).publish(view);
        } catch (error) {
          ctx.services.proposals.abandon(view.guildId, view.id);
          throw error;
        }
        return replyPrivately(interaction, `Proposal #${posted.number} is open until ${timestamp(posted.closesAt, 'F')}: ${link(posted)}`);
      },
    },
    reason: {
      args: reasonArgs,
      async run(interaction, [proposalId, code], ctx) {
        const p = ctx.services.proposals.get(ctx.actor.guildId, proposalId);
        let choice: Choice = 'block';
        if (code === '') {
          const offered = choicesFor(p.rule);
          const typed = z.string().trim().toLowerCase().pipe(z.enum(offered as [Choice, ...Choice[]])).safeParse(interaction.fields.getTextInputValue('vote'));
          if (!typed.success) throw invalid('vote', voteFieldProblem(offered));
          choice = typed.data;
        }
        return castBallot(interaction, ctx, { proposalId, choice, reason: interaction.fields.getTextInputValue('reason') }, true);
      },
    },
  },

  components: {
    ballot: {
      args: ballotArgs,
      async run(interaction, [proposalId, choiceCode], ctx) {
        // A block always comes with a reason, so its button opens the form, as "Vote with a reason" does.
        if (choiceCode === 'b' || choiceCode === 'r') {
          ctx.services.proposals.get(ctx.actor.guildId, proposalId);
          return interaction.showModal(reasonModal(proposalId, choiceCode === 'b', ctx.services.votes.myVote(ctx.actor.guildId, proposalId, ctx.actor.userId)));
        }
        return castBallot(interaction, ctx, { proposalId, choice: FROM_CODE[choiceCode]! }, false);
      },
    },
    why: {
      args: whyArgs,
      async run(interaction, [proposalId, userId], ctx) {
        if (ctx.actor.userId !== userId) return replyPrivately(interaction, blockButtonNotYours);
        return interaction.showModal(reasonModal(proposalId, true, null));
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
        await interaction.update({ content: closeKept(p), components: [] });
      },
    },
  },
});

