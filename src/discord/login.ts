// Logging in and waiting for READY, with plain words for the failures a bot owner can fix.
import { Events, type Client } from 'discord.js';

const CLOSE_CODE_HELP: Record<number, string> = {
  4004: 'Discord refused the token (DISCORD_TOKEN). Reset it in the developer portal (Bot → Reset Token) and update .env.',
  4014:
    'Discord refused a privileged intent. In the developer portal → your application → Bot → Privileged Gateway Intents, ' +
    'turn on "Server Members Intent", save, and start the bot again.',
  4013: 'The bot asked for an invalid intent. This is a bug; please report it.',
};

export class LoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoginError';
  }
}

/** Explains a failed login in words, from the discord.js error (close codes arrive in its message or code). */
export function explainLoginFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name} ${error.message} ${(error as { code?: unknown }).code ?? ''}` : String(error);
  if (/disallowed intents|4014|DisallowedIntents/i.test(text)) return CLOSE_CODE_HELP[4014]!;
  if (/invalid token|4004|TokenInvalid|Authentication failed/i.test(text)) return CLOSE_CODE_HELP[4004]!;
  return `Could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`;
}

export async function loginAndWaitReady(client: Client, token: string, timeoutMs = 30_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new LoginError('Timed out waiting for Discord to say READY.')), timeoutMs);
    client.once(Events.ClientReady, () => resolve());
  });
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    throw error instanceof LoginError ? error : new LoginError(explainLoginFailure(error));
  } finally {
    clearTimeout(timer);
  }
}
