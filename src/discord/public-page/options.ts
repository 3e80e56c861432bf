// Slash options and form answers of the public web page: a space's consent (public, public-tags) and the
// registration form's question, parsed into typed values.
import type { ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import { TextInputStyle } from 'discord.js';
import { z } from 'zod';
import type { PublicConsent } from '../../directory/directory-public.service.js';
import { invalid, msg } from '../../shared/errors.js';

const YES_NO = [
  { name: 'yes', value: 'yes' },
  { name: 'no', value: 'no' },
] as const;

/** `/space edit public:yes|no public-tags:yes|no`. */
export function addPublicConsentOptions(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return s
    .addStringOption((o) => o.setName('public').setDescription('Show this space on the alliance’s public web page').addChoices(...YES_NO))
    .addStringOption((o) => o.setName('public-tags').setDescription('Also show identity tags (women-owned, bipoc-owned…) there').addChoices(...YES_NO));
}

const yesNo = z.enum(['yes', 'no']).optional();

/** The consent options given, or null when neither was. */
export function readPublicConsent(interaction: ChatInputCommandInteraction): PublicConsent | null {
  const listed = yesNo.safeParse(interaction.options.getString('public') ?? undefined);
  const tags = yesNo.safeParse(interaction.options.getString('public-tags') ?? undefined);
  if (!listed.success) throw invalid('public', msg('validation.oneOf', { field: 'public', choices: 'yes, no' }));
  if (!tags.success) throw invalid('public-tags', msg('validation.oneOf', { field: 'public-tags', choices: 'yes, no' }));
  if (listed.data === undefined && tags.data === undefined) return null;
  return {
    ...(listed.data === undefined ? {} : { listed: listed.data === 'yes' }),
    ...(tags.data === undefined ? {} : { tags: tags.data === 'yes' }),
  };
}

/** The registration form's question (a fifth text input: Discord modals hold at most five); its label by key. */
export const PUBLIC_QUESTION = {
  id: 'public',
  label: 'space.form.public',
  max: 3,
  style: TextInputStyle.Short,
} as const;

const answer = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['', 'yes', 'y', 'no', 'n', 'sí', 'si', 's', 'oui', 'o', 'non']));

/** The answers that mean yes, in the form's three languages (the label asks in the member's). */
const YES = new Set(['yes', 'y', 'sí', 'si', 's', 'oui', 'o']);

/** The form's answer: yes → listed publicly; empty or no → not (consent is never assumed). */
export function parsePublicAnswer(raw: string): boolean {
  const parsed = answer.safeParse(raw);
  if (!parsed.success) throw invalid('public', msg('space.form.publicYesNo'));
  return YES.has(parsed.data);
}
