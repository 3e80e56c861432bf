// The pass options of /space edit (pass:yes|no, pass-terms) and the pass's place on a space's profile.
import type { ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import { z } from 'zod';
import { PASS_LIMITS } from '../../pass/pass.rules.js';
import type { InteractionContext } from '../command.js';
import { memberText, parseInput } from '../options.js';
import { passField, passMark } from './render.js';

export function addPassOptions(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return s
    .addStringOption((o) => o.setName('pass').setDescription('Does the space accept the alliance pass?').addChoices({ name: 'yes', value: 'yes' }, { name: 'no', value: 'no' }))
    .addStringOption((o) => o.setName('pass-terms').setDescription('Pass terms, e.g. "weekdays, book a day ahead" (- clears)').setMaxLength(PASS_LIMITS.terms));
}

const schema = z.object({
  accepts: z.enum(['yes', 'no']).transform((v) => v === 'yes').optional(),
  terms: z.union([z.literal('-').transform(() => null), memberText(PASS_LIMITS.terms)]).optional(),
});

/** The pass change the member asked for, or null when they gave neither option. */
export function readPassTerms(interaction: ChatInputCommandInteraction): { accepts?: boolean; terms?: string | null } | null {
  const raw = { accepts: interaction.options.getString('pass') ?? undefined, terms: interaction.options.getString('pass-terms')?.trim() ?? undefined };
  if (raw.accepts === undefined && raw.terms === undefined) return null;
  const parsed = parseInput(schema, raw, { accepts: 'pass', terms: 'pass-terms' });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
}

/** The "Alliance pass" field for a profile embed, when the space said anything about the pass. */
export function passFields(ctx: InteractionContext, spaceId: number): { name: string; value: string }[] {
  const field = passField(ctx.say, ctx.services.pass.spaceTerms(ctx.actor.guildId, spaceId));
  return field ? [field] : [];
}

/** Marks directory result lines of spaces that take the pass (one query per page of results). */
export function passMarker(ctx: InteractionContext): (spaceId: number) => string | null {
  const accepting = ctx.services.pass.acceptingSpaceIds(ctx.actor.guildId);
  const mark = passMark(ctx.say);
  return (spaceId) => (accepting.has(spaceId) ? mark : null);
}
