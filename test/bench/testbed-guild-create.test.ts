// GUILD_CREATE carries the member list as Discord does: only with the presences intent and for small guilds;
// a bot with just the members intent gets itself and fetches the rest (what the bench's 10,000-member guild needs).
import { afterEach, describe, expect, it } from 'vitest';
import { Client, GatewayIntentBits } from 'discord.js';
import { startTestBed, type TestBed } from '../../src/testbed/index.js';

let bed: TestBed | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await bed?.close();
  client = bed = undefined;
});

async function connect(intents: GatewayIntentBits[], members: number, presences: boolean) {
  bed = await startTestBed({ privilegedIntents: presences ? ['GuildMembers', 'GuildPresences'] : ['GuildMembers'] });
  const guild = bed.createGuild({ name: 'Big' });
  guild.addManyMembers(members);
  client = new Client({ intents, rest: { api: bed.apiUrl } });
  const ready = new Promise<void>((resolve) => client!.once('clientReady', () => resolve()));
  await client.login(bed.token);
  await ready;
  return client.guilds.cache.get(guild.id)!;
}

describe('GUILD_CREATE member list', () => {
  it('holds little more than the bot without the presences intent, and op 8 fetches everyone', async () => {
    const guild = await connect([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers], 2_000, false);
    expect(guild.memberCount).toBe(2_002);
    expect(guild.large).toBe(true);
    expect(guild.members.cache.size).toBeLessThanOrEqual(2);
    const fetched = await guild.members.fetch();
    expect(fetched.size).toBe(2_002);
  });

  it('lists every member of a small guild with the presences intent', async () => {
    const guild = await connect([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildPresences], 10, true);
    expect(guild.members.cache.size).toBe(12);
  });

  it('lists only the bot and the owner of a large guild even with the presences intent (no one is online)', async () => {
    const guild = await connect([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildPresences], 100, true);
    expect(guild.members.cache.size).toBeLessThanOrEqual(2);
  });
});
