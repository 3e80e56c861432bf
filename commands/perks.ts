// /perks add|list|remove: offers from partners (accountants, insurers, software) for members of every space.
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { PERK_LIMITS } from '../src/perks/perks.rules.js';
import { defineCommand } from '../src/discord/command.js';
import { readDayOption } from '../src/discord/day-option.js';
import { memberText, parseInput } from '../src/discord/options.js';
import { perkChoiceName, renderAdded, renderPerks, renderRemoved } from '../src/discord/perks/render.js';
import { reply } from '../src/discord/respond.js';

const data = new SlashCommandBuilder()
  .setName('perks')
  .setDescription('Member perks from the alliance’s partners')
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add a partner’s perk (organizers)')
      .addStringOption((o) => o.setName('title').setDescription('e.g. "20% off bookkeeping"').setRequired(true).setMaxLength(PERK_LIMITS.title))
      .addStringOption((o) => o.setName('partner').setDescription('Who offers it').setRequired(true).setMaxLength(PERK_LIMITS.partner))
      .addStringOption((o) => o.setName('details').setDescription('What members get and how').setRequired(true).setMaxLength(PERK_LIMITS.details))
      .addStringOption((o) => o.setName('code').setDescription('A discount code (shown to members privately)').setMaxLength(PERK_LIMITS.code))
      .addStringOption((o) => o.setName('until').setDescription('Last day: "end of month", "31 december", "in 3 months"…').setMaxLength(40))
      .addStringOption((o) => o.setName('link').setDescription('https:// link to the offer').setMaxLength(PERK_LIMITS.link)),
  )
  .addSubcommand((s) => s.setName('list').setDescription('The perks members get now (codes shown only to you)'))
  .addSubcommand((s) =>
    s.setName('remove').setDescription('Remove a perk (organizers)').addIntegerOption((o) => o.setName('perk').setDescription('The perk').setRequired(true).setAutocomplete(true)),
  );

const addSchema = z.object({
  title: memberText(PERK_LIMITS.title),
  partner: memberText(PERK_LIMITS.partner),
  details: memberText(PERK_LIMITS.details, { multiline: true }),
  code: memberText(PERK_LIMITS.code).optional(),
  until: z.string().optional(),
  link: z.string().trim().max(PERK_LIMITS.link).regex(/^https?:\/\/[^\s<>]+\.[^\s<>]+$/i, 'perks.link.format').optional(),
});

export const perks = defineCommand({
  order: 190,
  data: data.toJSON(),
  organizerSubcommands: ['add', 'remove'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const sub = o.getSubcommand();
    if (sub === 'add') {
      const input = parseInput(addSchema, {
        title: o.getString('title', true), partner: o.getString('partner', true), details: o.getString('details', true),
        // The day is read with the one date parser; the service refuses days in the past or too far ahead.
        code: o.getString('code') ?? undefined, until: readDayOption(ctx, 'until', o.getString('until'), { allowPast: true }), link: o.getString('link') ?? undefined,
      });
      await reply(interaction, { content: renderAdded(ctx.services.perks.add(ctx.actor, input), ctx.language), ephemeral: true });
    } else if (sub === 'list') {
      await reply(interaction, { ...renderPerks(ctx.services.perks.list(ctx.actor), ctx.language), ephemeral: true });
    } else {
      await reply(interaction, { content: renderRemoved(ctx.services.perks.remove(ctx.actor, o.getInteger('perk', true)), ctx.language), ephemeral: true });
    }
  },

  async autocomplete(interaction, ctx) {
    const typed = String(interaction.options.getFocused()).toLowerCase();
    const found = ctx.services.perks.list(ctx.actor).filter((p) => perkChoiceName(p).toLowerCase().includes(typed));
    await interaction.respond(found.slice(0, 25).map((p) => ({ name: perkChoiceName(p), value: p.id })));
  },
});
