// The one path from any error to what the member sees: domain and validation errors name the fields, Discord
// errors get a short message by code, anything else a reference the organizers can find in the logs. Never throws.
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, DiscordjsErrorCodes, HTTPError, RateLimitError, type Interaction } from 'discord.js';
import { isDomainError, type DomainError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { AnsweredTooLateError } from './acknowledge.js';
import { replyPrivately } from './respond.js';

const DISCORD_CODE_MESSAGES: Record<number, string> = {
  10003: 'That channel no longer exists.',
  10008: 'That message no longer exists.',
  10007: 'That member is no longer in this server.',
  10062: 'That took too long; please try again.',
  50001: "I can't see that channel. Give me the View Channel permission there.",
  50005: "I can't edit a message someone else wrote.",
  50007: "That member doesn't accept direct messages from this server.",
  50013: "I'm missing a permission for that (Send Messages, Embed Links, Create Threads or Manage Events). Ask an admin to check my role.",
  50035: 'Discord refused what I tried to send. Please try again, or tell an organizer.',
};

const DISCORD_TROUBLE = '⚠️ Discord is having trouble right now; please try again in a moment.';

export function errorReference(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

export function domainErrorText(error: DomainError): string {
  if (error.kind === 'invalid' && error.problems.length > 1) {
    return `Please fix these and try again:\n${error.problems.map((p) => `• ${p.message}`).join('\n')}`;
  }
  const prefix = error.kind === 'forbidden' ? '🚫 ' : error.kind === 'invalid' ? '⚠️ ' : '';
  return `${prefix}${error.message}`;
}

/** The text a member sees for an error, and whether it deserves an error log. */
export function describeError(error: unknown): { text: string; unexpected: boolean; ref?: string } {
  if (isDomainError(error)) return { text: domainErrorText(error), unexpected: false };
  if (error instanceof DiscordAPIError) {
    const known = typeof error.code === 'number' ? DISCORD_CODE_MESSAGES[error.code] : undefined;
    if (known) return { text: `⚠️ ${known}`, unexpected: false };
    if (error.status >= 500) return { text: DISCORD_TROUBLE, unexpected: false };
  }
  // A 5xx whose body is not a Discord error (a gateway or proxy failing) reaches us as HTTPError after the retries.
  if (error instanceof HTTPError && error.status >= 500) return { text: DISCORD_TROUBLE, unexpected: false };
  // The Discord client never sends a command without a required option, a modified one can: name the option.
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && (code === DiscordjsErrorCodes.CommandInteractionOptionNotFound || code === DiscordjsErrorCodes.CommandInteractionOptionEmpty)) {
    const option = /"([^"]+)"/.exec(error.message)?.[1] ?? 'an option';
    return { text: `⚠️ **${option}** is required.`, unexpected: false };
  }
  if (error instanceof AnsweredTooLateError) return { text: `⚠️ ${DISCORD_CODE_MESSAGES[10062]}`, unexpected: false };
  if (error instanceof RateLimitError) return { text: '⚠️ Discord asked me to slow down; please try again in a moment.', unexpected: false };
  const ref = errorReference();
  return { text: `Something went wrong (ref ${ref}). Please try again; if it keeps happening, give the organizers this reference.`, unexpected: true, ref };
}

export async function replyWithError(interaction: Interaction, error: unknown, logger: Logger): Promise<void> {
  const { text, unexpected, ref } = describeError(error);
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
