// /pass options read into validated input (zod), and the autocomplete of the spaces a host checks passes in.
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { PASS_LIMITS } from '../../pass/pass.rules.js';
import type { InteractionContext } from '../command.js';
import { truncate } from '../format.js';
import { memberText, parseInput } from '../options.js';

const issueSchema = z.object({
  userId: z.string().optional(),
  userIsBot: z.boolean().optional(),
  notMember: z.literal(false, { message: 'pass.errors.notMember' }).optional(),
  holderName: memberText(PASS_LIMITS.holderName).optional(),
  visits: z.number().int().min(PASS_LIMITS.minVisits).max(PASS_LIMITS.maxVisits).optional(),
  validDays: z.number().int().min(PASS_LIMITS.minValidDays).max(PASS_LIMITS.maxValidDays).optional(),
  note: memberText(PASS_LIMITS.note).optional(),
});

const NAMES = { userId: 'member', userIsBot: 'member', notMember: 'member', holderName: 'holder-name', validDays: 'valid-days', month: 'month', pass: 'pass-code-or-member' };

export function readIssue(interaction: ChatInputCommandInteraction) {
  const o = interaction.options;
  const user = o.getUser('member');
  return parseInput(issueSchema, {
    userId: user?.id,
    userIsBot: user?.bot,
    notMember: user ? o.getMember('member') === null : undefined,
    holderName: o.getString('holder-name') ?? undefined,
    visits: o.getInteger('visits') ?? undefined,
    validDays: o.getInteger('valid-days') ?? undefined,
    note: o.getString('note') ?? undefined,
  }, NAMES);
}

const checkinSchema = z.object({ pass: memberText(40), spaceId: z.number().int().positive() });

export function readCheckin(interaction: ChatInputCommandInteraction) {
  return parseInput(checkinSchema, { pass: interaction.options.getString('pass-code-or-member', true), spaceId: interaction.options.getInteger('space', true) }, NAMES);
}

const monthSchema = z.object({ month: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'pass.errors.month').optional() });

export function readMonth(interaction: ChatInputCommandInteraction): string | undefined {
  return parseInput(monthSchema, { month: interaction.options.getString('month') ?? undefined }, NAMES).month;
}

/** Spaces for a `space` option: the ones the member hosts (`hosted`), or every listed space. */
export async function respondSpaces(interaction: AutocompleteInteraction, ctx: InteractionContext, mode: 'hosted' | 'listed'): Promise<void> {
  const typed = String(interaction.options.getFocused(true).value).slice(0, 100);
  const found = ctx.services.directory.spaceAutocomplete(ctx.actor.guildId, typed, mode === 'hosted' ? { hostedBy: ctx.actor.userId } : {});
  await interaction.respond(found.slice(0, 25).map((s) => ({ name: truncate(`${s.name} · ${s.city}`, 100) || '?', value: s.id })));
}
