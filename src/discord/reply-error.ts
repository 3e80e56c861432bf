// The one path from any error to what the member sees: domain and validation errors name the fields, Discord
// errors get a short message by code, anything else a reference the organizers can find in the logs. Never throws.
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, DiscordjsErrorCodes, HTTPError, RateLimitError, type Interaction } from 'discord.js';
import { resolveLanguage } from '../i18n/locale.js';
import { sayIn, sayRef, type Say } from '../i18n/translate.js';
import { isDomainError, type DomainError, type FieldProblem } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { AnsweredTooLateError } from './acknowledge.js';
import { replyPrivately } from './respond.js';

/** Discord's error codes a member can act on, by message key. */
const DISCORD_CODE_MESSAGES: Record<number, string> = {
  10003: 'errors.discord.channelGone',
  10008: 'errors.discord.messageGone',
  10007: 'errors.discord.memberGone',
  10062: 'errors.discord.tooLate',
  50001: 'errors.discord.cannotSeeChannel',
  50005: 'errors.discord.notMyMessage',
  50007: 'errors.discord.noDms',
  50013: 'errors.discord.missingPermission',
  50035: 'errors.discord.refused',
};

export function errorReference(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

/** One problem in the member's language: its key when it has one, else the English it was written in. */
function problemText(say: Say, problem: FieldProblem): string {
  return problem.text ? sayRef(say, problem.text) : problem.message;
}

export function domainErrorText(error: DomainError, say: Say = sayIn('en')): string {
  if (error.kind === 'invalid' && error.problems.length > 1) {
    return `${say('errors.fixThese')}\n${error.problems.map((p) => `• ${problemText(say, p)}`).join('\n')}`;
  }
  const prefix = error.kind === 'forbidden' ? '🚫 ' : error.kind === 'invalid' ? '⚠️ ' : '';
  const only = error.problems.length === 1 ? error.problems[0]! : null;
  const text = error.text ? sayRef(say, error.text) : only ? problemText(say, only) : error.message;
  return `${prefix}${text}`;
}

/** The text a member sees for an error (in `say`'s language), and whether it deserves an error log. */
export function describeError(error: unknown, say: Say = sayIn('en')): { text: string; unexpected: boolean; ref?: string } {
  if (isDomainError(error)) return { text: domainErrorText(error, say), unexpected: false };
  const trouble = `⚠️ ${say('errors.discordTrouble')}`;
  if (error instanceof DiscordAPIError) {
    const known = typeof error.code === 'number' ? DISCORD_CODE_MESSAGES[error.code] : undefined;
    if (known) return { text: `⚠️ ${say(known)}`, unexpected: false };
    if (error.status >= 500) return { text: trouble, unexpected: false };
  }
  // A 5xx whose body is not a Discord error (a gateway or proxy failing) reaches us as HTTPError after the retries.
  if (error instanceof HTTPError && error.status >= 500) return { text: trouble, unexpected: false };
  // The Discord client never sends a command without a required option, a modified one can: name the option.
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && (code === DiscordjsErrorCodes.CommandInteractionOptionNotFound || code === DiscordjsErrorCodes.CommandInteractionOptionEmpty)) {
    const field = /"([^"]+)"/.exec(error.message)?.[1] ?? '?';
    return { text: `⚠️ ${say('errors.optionRequired', { field })}`, unexpected: false };
  }
  if (error instanceof AnsweredTooLateError) return { text: `⚠️ ${say('errors.discord.tooLate')}`, unexpected: false };
  if (error instanceof RateLimitError) return { text: `⚠️ ${say('errors.slowDown')}`, unexpected: false };
  const ref = errorReference();
  return { text: say('errors.unexpected', { ref }), unexpected: true, ref };
}

export async function replyWithError(interaction: Interaction, error: unknown, logger: Logger): Promise<void> {
  const { text, unexpected, ref } = describeError(error, sayIn(resolveLanguage(interaction.locale)));
  const where = {
    interactionId: interaction.id,
    guildId: interaction.guildId,
    userId: interaction.user.id,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId : undefined,
  };
  if (unexpected) logger.error({ err: error, ref, ...where }, 'interaction failed');
  else logger.debug({ err: error, ...where }, 'interaction refused');
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (interaction.isRepliable()) await replyPrivately(interaction, text);
  } catch (replyError) {
    logger.warn({ err: replyError, ...where }, 'could not tell the member about an error');
  }
}
