// /dues plan|record|correct|status|export|reminders: what member spaces owe, the append-only ledger of payments
// (organizers), each space's standing (hosts their own, organizers all), and a host's reminder switch.
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { DUES_PERIODS } from '../src/db/schema/index.js';
import { defineCommand } from '../src/discord/command.js';
import { duesColumns } from '../src/discord/csv-header.js';
import { readDayOption } from '../src/discord/day-option.js';
import { respondDirectoryOption } from '../src/discord/directory/options.js';
import { duesReplies, ledgerFile, renderStatus } from '../src/discord/dues/render.js';
import { replyPrivately } from '../src/discord/respond.js';
import { currencyChoices } from '../src/dues/money.rules.js';

const choicesOf = (values: readonly string[]) => values.map((value) => ({ name: value, value }));

const data = new SlashCommandBuilder()
  .setName('dues')
  .setDescription('Dues and good standing of member spaces')
  .addSubcommand((s) =>
    s.setName('plan').setDescription('Set what each member space owes per period (organizers)')
      .addStringOption((o) => o.setName('amount').setDescription('Per period, e.g. 50 or 49.50').setRequired(true).setMaxLength(20))
      .addStringOption((o) => o.setName('currency').setDescription('ISO 4217 code, e.g. USD, EUR, GBP').setRequired(true).setMinLength(3).setMaxLength(3).setAutocomplete(true))
      .addStringOption((o) => o.setName('period').setDescription('How often dues are due').setRequired(true).addChoices(...choicesOf(DUES_PERIODS)))
      .addIntegerOption((o) => o.setName('grace-days').setDescription('Days after a due date before a space falls out of good standing (default 14)').setMinValue(0).setMaxValue(90))
      .addStringOption((o) => o.setName('starts').setDescription('First day of the first period: "1 january", "today"… (default: this month’s first day)').setMaxLength(20)))
  .addSubcommand((s) =>
    s.setName('record').setDescription('Record a payment received from a space (organizers)')
      .addIntegerOption((o) => o.setName('space').setDescription('The member space that paid').setRequired(true).setAutocomplete(true))
      .addStringOption((o) => o.setName('amount').setDescription('Amount in the plan’s currency, e.g. 150.00').setRequired(true).setMaxLength(20))
      .addStringOption((o) => o.setName('paid-on').setDescription('Day it was paid: "yesterday", "last friday", "2 weeks ago"… (default today)').setMaxLength(20))
      .addStringOption((o) => o.setName('covers-until').setDescription('Last day it pays for: "31 march", "end of month"… (default: whole periods the amount buys)').setMaxLength(20))
      .addStringOption((o) => o.setName('note').setDescription('e.g. bank transfer ref').setMaxLength(300)))
  .addSubcommand((s) =>
    s.setName('correct').setDescription('Reverse a ledger entry made by mistake; the ledger keeps both (organizers)')
      .addIntegerOption((o) => o.setName('entry').setDescription('Entry number, as shown in /dues status').setRequired(true).setMinValue(1))
      .addStringOption((o) => o.setName('note').setDescription('Why it is reversed').setMaxLength(300)))
  .addSubcommand((s) =>
    s.setName('status').setDescription('Dues standing: your spaces (hosts) or every space (organizers)')
      .addIntegerOption((o) => o.setName('space').setDescription('One space').setAutocomplete(true))
      .addStringOption((o) => o.setName('sort').setDescription('Order of the list (default: by standing, overdue first)').addChoices(...choicesOf(['standing', 'name']))))
  .addSubcommand((s) => s.setName('export').setDescription('The dues ledger as a CSV file (organizers)'))
  .addSubcommandGroup((g) =>
    g.setName('reminders').setDescription('A DM 7 days before your space’s dues are due, and when they are overdue')
      .addSubcommand((s) => s.setName('on').setDescription('Turn dues reminders on'))
      .addSubcommand((s) => s.setName('off').setDescription('Turn dues reminders off')));

export const dues = defineCommand({
  order: 160,
  data: data.toJSON(),
  organizerSubcommands: ['plan', 'record', 'correct', 'export'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const service = ctx.services.dues;
    if (o.getSubcommandGroup() === 'reminders') {
      const on = o.getSubcommand() === 'on';
      const result = service.setReminders(ctx.actor, on);
      return replyPrivately(interaction, on ? duesReplies(ctx).remindersOn(result.hostsSpaces) : duesReplies(ctx).remindersOff());
    }
    switch (o.getSubcommand()) {
      case 'plan': {
        const plan = service.setPlan(ctx.actor, {
          amount: o.getString('amount', true),
          currency: o.getString('currency', true),
          period: o.getString('period', true),
          graceDays: o.getInteger('grace-days') ?? undefined,
          // Read with the one date parser; the service still checks the range of the day it gets.
          starts: readDayOption(ctx, 'starts', o.getString('starts'), { allowPast: true, nearest: true }),
        });
        return replyPrivately(interaction, duesReplies(ctx).planSaved(plan));
      }
      case 'record': {
        const { entry, status, spaceName } = service.record(ctx.actor, {
          spaceId: o.getInteger('space', true),
          amount: o.getString('amount', true),
          paidOn: readDayOption(ctx, 'paid-on', o.getString('paid-on'), { allowPast: true, nearest: true }),
          coversUntil: readDayOption(ctx, 'covers-until', o.getString('covers-until'), { allowPast: true, nearest: true }),
          note: o.getString('note') ?? undefined,
        });
        return replyPrivately(interaction, duesReplies(ctx).paymentRecorded(entry, spaceName, status.standing));
      }
      case 'correct': {
        const { reversal, status } = service.correct(ctx.actor, { entry: o.getInteger('entry', true), note: o.getString('note') ?? undefined });
        return replyPrivately(interaction, duesReplies(ctx).corrected(reversal.number, reversal.reversesNumber, status.standing));
      }
      case 'export': {
        // Years of payments make a large file: take the time Discord allows for it.
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const { csv, entries } = service.exportCsv(ctx.actor, duesColumns(ctx.say));
        return replyPrivately(interaction, { content: duesReplies(ctx).exported(entries), files: [ledgerFile(csv, service.today(ctx.actor.guildId))] });
      }
      default: {
        const sort = o.getString('sort') === 'name' ? 'name' : 'standing';
        const report = service.status(ctx.actor, { spaceId: o.getInteger('space') ?? undefined, sort });
        return replyPrivately(interaction, renderStatus(ctx, report));
      }
    }
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'currency') {
      await interaction.respond(currencyChoices(String(focused.value)).map((code) => ({ name: code, value: code })));
      return;
    }
    await respondDirectoryOption(interaction, ctx, 'managed');
  },
});
