// Shared setup for test bed tests: a bed with one guild and a real discord.js client logged in to it.
import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import { startTestBed, type GuildHandle, type TestBed } from '../../src/testbed/index.js';

export interface Rig {
  bed: TestBed;
  client: Client;
  guild: GuildHandle;
  stop: () => Promise<void>;
}

export const ALL_INTENTS = [
  GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions,
  GatewayIntentBits.DirectMessages, GatewayIntentBits.DirectMessageReactions, GatewayIntentBits.GuildScheduledEvents,
];

export function newClient(bed: TestBed, options: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: ALL_INTENTS,
    partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.Channel],
    rest: { api: bed.apiUrl },
    ...options,
  });
}

export async function startRig(options: Parameters<typeof startTestBed>[0] = {}): Promise<Rig> {
  const bed = await startTestBed(options);
  const guild = bed.createGuild({ name: 'Alliance', roles: [{ name: 'Coordinator', mentionable: true }] });
  const client = newClient(bed);
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(bed.token);
  await ready;
  return {
    bed, client, guild,
    stop: async () => {
      await client.destroy();
      await bed.close();
    },
  };
}

export function nextEvent<T extends unknown[]>(client: Client, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${event} within ${timeoutMs} ms`)), timeoutMs);
    client.once(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as T);
    });
  });
}

export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('Condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
