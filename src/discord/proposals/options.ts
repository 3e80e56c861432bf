// /proposal and /rules options read into typed input: choices through choiceReader (never cast), the texts of the
// proposal form, and the vote typed into the reason form.
import type { ChatInputCommandInteraction, ModalSubmitInteraction } from 'discord.js';
import { CHOICES, DECISION_TYPES, RULE_KINDS, RULE_SCOPES, VOTER_KINDS, type Choice, type RuleKind } from '../../db/schema/index.js';
import type { CreateProposalInput } from '../../proposals/proposals.service.js';
import { choicesFor } from '../../proposals/tally.rules.js';
import type { SetRuleInput } from '../../rules/rules.service.js';
import type { Say } from '../../i18n/translate.js';
import { invalid, msg } from '../../shared/errors.js';
import { choiceReader } from '../options.js';
import { choiceWord } from './words.js';

type Options = ChatInputCommandInteraction['options'];

/** The options of /proposal create (the texts come later, from the form). */
export function readCreateOptions(o: Options): CreateProposalInput {
  const choices = choiceReader(o);
  const input: CreateProposalInput = {
    title: o.getString('title', true),
    type: choices.optional('type', DECISION_TYPES),
    rule: choices.optional('rule', RULE_KINDS),
    closes: o.getString('closes') ?? undefined,
    quorum: o.getInteger('quorum') ?? undefined,
    voters: choices.optional('voters', VOTER_KINDS),
    voterRoleId: o.getRole('voter-role')?.id,
    anonymous: o.getBoolean('anonymous') ?? false,
    hideResults: o.getBoolean('hide-results') ?? false,
    fromItemId: o.getInteger('from-item') ?? undefined,
  };
  choices.check();
  return input;
}

/** /proposal vote: the choice, or null to withdraw one's vote. */
export function readVoteOptions(o: Options): { proposalId: number; choice: Choice | null; reason?: string } {
  const choices = choiceReader(o);
  const choice = choices.required('choice', [...CHOICES, 'withdraw'] as const);
  choices.check();
  return { proposalId: o.getInteger('proposal', true), choice: choice === 'withdraw' ? null : choice, reason: o.getString('reason') ?? undefined };
}

export function readListOptions(o: Options): { status: 'open' | 'closed'; page: number } {
  const choices = choiceReader(o);
  const status = choices.optional('status', ['open', 'closed'] as const) ?? 'open';
  choices.check();
  return { status, page: (o.getInteger('page') ?? 1) - 1 };
}

/** /rules set. */
export function readRuleOptions(o: Options): SetRuleInput {
  const choices = choiceReader(o);
  const input: SetRuleInput = {
    type: choices.required('type', RULE_SCOPES),
    rule: choices.optional('rule', RULE_KINDS),
    quorum: o.getInteger('quorum') ?? undefined,
    period: o.getString('period') ?? undefined,
    voters: choices.optional('voters', VOTER_KINDS),
    voterRoleId: o.getRole('voter-role')?.id,
    threshold: o.getString('threshold') ?? undefined,
    allowOverride: o.getBoolean('allow-override') ?? undefined,
  };
  choices.check();
  return input;
}

/** The texts of the proposal form; the service checks their lengths. */
export function readProposalTexts(interaction: ModalSubmitInteraction) {
  const field = (name: string) => interaction.fields.getTextInputValue(name);
  return { title: field('title'), summary: field('summary'), need: field('need'), audience: field('audience'), measure: field('measure') };
}

/** Case and accents aside ("Sí", "si", "SÍ" are one word). */
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/**
 * The vote typed into the reason form, one of the choices the proposal's rule offers: the English word
 * (what the form always accepted) or the word in the member's language, as the form's label shows it.
 */
export function readFormVote(interaction: ModalSubmitInteraction, rule: RuleKind, say: Say): Choice {
  const offered = choicesFor(rule);
  const typed = plain(interaction.fields.getTextInputValue('vote'));
  const choice = offered.find((c) => c === typed || plain(choiceWord(say, c)) === typed);
  if (!choice) throw invalid('vote', msg('proposals.reasonForm.voteOneOf', { choices: offered.map((c) => choiceWord(say, c)).join(', ') }));
  return choice;
}
