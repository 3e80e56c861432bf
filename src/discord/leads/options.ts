// /lead options read into validated input (zod), and its autocompletes: spaces to send to, one's own spaces, one's leads.
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { LEAD_OUTCOMES } from '../../db/schema/index.js';
import { LEAD_LIMITS } from '../../leads/leads.rules.js';
import type { InteractionContext } from '../command.js';
import { readDayOption } from '../day-option.js';
import { truncate } from '../format.js';
import { memberText, parseInput } from '../options.js';
import { leadChoiceName } from './render.js';

const sendSchema = z.object({
  toSpaceId: z.number().int().positive(),
  need: memberText(LEAD_LIMITS.need, { multiline: true }),
  size: z.number().int().min(LEAD_LIMITS.minSize).max(LEAD_LIMITS.maxSize).optional(),
  byDate: z.string().optional(),
  consent: z.boolean(),
  contact: memberText(LEAD_LIMITS.contact).optional(),
  fromSpaceId: z.number().int().positive().optional(),
});

const NAMES = { toSpaceId: 'to-space', byDate: 'by-date', consent: 'contact-consent', fromSpaceId: 'from-space' };

export function readSend(interaction: ChatInputCommandInteraction, ctx: InteractionContext) {
  const o = interaction.options;
  // The day is read with the one date parser; the service refuses days in the past or too far ahead.
  const byDate = readDayOption(ctx, 'by-date', o.getString('by-date'), { allowPast: true });
  return parseInput(sendSchema, {
    toSpaceId: o.getInteger('to-space', true),
    need: o.getString('need', true),
    size: o.getInteger('size') ?? undefined,
    byDate,
    consent: o.getBoolean('contact-consent') ?? false,
    contact: o.getString('contact') ?? undefined,
    fromSpaceId: o.getInteger('from-space') ?? undefined,
  }, NAMES);
}

const outcomeSchema = z.object({ leadId: z.number().int().positive(), result: z.enum(LEAD_OUTCOMES) });

export function readOutcome(interaction: ChatInputCommandInteraction) {
  return parseInput(outcomeSchema, { leadId: interaction.options.getInteger('lead', true), result: interaction.options.getString('result', true) }, { leadId: 'lead' });
}

export function readMonths(interaction: ChatInputCommandInteraction): number {
  return parseInput(z.object({ months: z.number().int().min(LEAD_LIMITS.minMonths).max(LEAD_LIMITS.maxMonths) }), { months: interaction.options.getInteger('months') ?? 12 }).months;
}

export async function respondLeadOption(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).slice(0, 100);
  if (focused.name === 'lead') {
    const named = ctx.services.leads.sentByMySpaces(ctx.actor).map((l) => ({ name: leadChoiceName(l, ctx.language), value: l.id }));
    await interaction.respond(named.filter((l) => !typed || l.name.toLowerCase().includes(typed.toLowerCase())).slice(0, 25));
    return;
  }
  const hostedBy = focused.name === 'from-space' ? ctx.actor.userId : undefined;
  const own = new Set(ctx.services.directory.spacesHostedBy(ctx.actor.guildId, ctx.actor.userId).map((s) => s.id));
  const found = ctx.services.directory
    .spaceAutocomplete(ctx.actor.guildId, typed, hostedBy ? { hostedBy } : { limit: 25 })
    .filter((s) => (focused.name === 'to-space' ? !own.has(s.id) : true));
  await interaction.respond(found.slice(0, 25).map((s) => ({ name: truncate(`${s.name} · ${s.city}`, 100) || '?', value: s.id })));
}
