// The test bed's benchmark options: bed-side timing of the initial response, and requests counted but not kept.
import { afterEach, describe, expect, it } from 'vitest';
import { Client, GatewayIntentBits, type ChatInputCommandInteraction } from 'discord.js';
import { startTestBed, type InitialResponseTiming, type RecordedRequest, type TestBed } from '../../src/testbed/index.js';

let bed: TestBed | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await bed?.close();
  client = bed = undefined;
});

async function pingBot(options: Parameters<typeof startTestBed>[0], delayMs = 0) {
  bed = await startTestBed(options);
  const guild = bed.createGuild({ name: 'Bench' });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: bed.apiUrl } });
  const pong = async (interaction: ChatInputCommandInteraction) => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await interaction.reply('Pong!');
  };
  client.on('interactionCreate', (interaction) => {
    // A failed reply is an unhandled rejection, which fails the run; the timing itself is read by the driver.
    if (interaction.isChatInputCommand()) void pong(interaction);
  });
  const ready = new Promise<void>((resolve) => client!.once('clientReady', () => resolve()));
  await client.login(bed.token);
  await ready;
  await client.rest.put(`/applications/${bed.applicationId}/guilds/${guild.id}/commands`, { body: [{ name: 'ping', description: 'Replies with Pong!' }] });
  const ping = () => bed!.driver.command({ guildId: guild.id, channelId: guild.channel('general'), userId: guild.ownerId, name: 'ping' });
  return { guild, ping };
}

describe('test bed benchmark options', () => {
  it('reports dispatch → initial response per interaction, at least as long as the bot took', async () => {
    const timings: InitialResponseTiming[] = [];
    const { ping } = await pingBot({ onInitialResponse: (t) => timings.push(t) }, 30);
    const result = await ping();
    expect(timings).toHaveLength(1);
    expect(timings[0]).toMatchObject({ interactionId: result.interactionId, interactionType: 2, callbackType: 4, data: { content: 'Pong!' } });
    expect(timings[0]!.ms).toBeGreaterThanOrEqual(29);
    expect(timings[0]!.ms).toBeLessThan(2000);
  });

  it('keeps no requests when recording is off, yet shows each one to onRequest with its status', async () => {
    const seen: RecordedRequest[] = [];
    const { ping } = await pingBot({ recordRequests: false, onRequest: (r) => seen.push(r) });
    await ping();
    expect(bed!.requests).toHaveLength(0);
    expect(seen.find((r) => r.route === '/interactions/:id/:token/callback')).toMatchObject({ method: 'POST', status: 204 });
  });

  it('records requests by default', async () => {
    const { ping } = await pingBot({});
    await ping();
    expect(bed!.requests.some((r) => r.route === '/interactions/:id/:token/callback')).toBe(true);
  });
});
