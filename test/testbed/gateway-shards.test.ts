// Sharding as discord.js meets it: each IDENTIFY names [id, count], a guild lives on shard (id >> 22) % count.
import type { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/testbed/gateway.js';
import { startTestBed, type GuildHandle, type TestBed } from '../../src/testbed/index.js';
import { newClient, until } from './support.js';

describe('gateway shards', () => {
  let bed: TestBed | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.destroy();
    await bed?.close();
    bed = undefined;
  });

  async function login(options: Parameters<typeof newClient>[1]): Promise<Client> {
    const client = newClient(bed!, options);
    clients.push(client);
    const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
    await client.login(bed!.token);
    await ready;
    return client;
  }

  function guilds(count: number): GuildHandle[] {
    const made: GuildHandle[] = [];
    // Snowflakes made in the same millisecond share a shard; keep making guilds until both shards hold some.
    while (made.length < count || new Set(made.map((g) => shardOf(g.id, 2))).size < 2) made.push(bed!.createGuild({ name: `Alliance ${made.length}` }));
    return made;
  }

  it('gives each of two shard processes only its own guilds and their events', async () => {
    bed = await startTestBed({ shards: 2 });
    const all = guilds(6);
    const zero = await login({ shards: [0], shardCount: 2 });
    const one = await login({ shards: [1], shardCount: 2 });
    const onShard = (n: number) => all.filter((g) => shardOf(g.id, 2) === n).map((g) => g.id).sort();
    expect([...zero.guilds.cache.keys()].sort()).toEqual(onShard(0));
    expect([...one.guilds.cache.keys()].sort()).toEqual(onShard(1));

    const seen: Record<number, string[]> = { 0: [], 1: [] };
    zero.on('messageCreate', (m) => seen[0]!.push(m.guildId ?? ''));
    one.on('messageCreate', (m) => seen[1]!.push(m.guildId ?? ''));
    for (const g of all) bed.driver.say({ guildId: g.id, channelId: g.channel('general'), userId: g.ownerId, content: 'hello' });
    await until(() => seen[0]!.length + seen[1]!.length === all.length);
    expect(seen[0]!.sort()).toEqual(onShard(0));
    expect(seen[1]!.sort()).toEqual(onShard(1));
  });

  it("lets discord.js with shards: 'auto' open every recommended shard and see every guild", async () => {
    bed = await startTestBed({ shards: 2 });
    const all = guilds(4);
    const client = await login({ shards: 'auto' });
    expect(client.ws.shards.size).toBe(2);
    expect(client.guilds.cache.size).toBe(all.length);
  });

  it('closes an IDENTIFY with fewer shards than required (4011) or a shard id out of range (4010)', async () => {
    bed = await startTestBed({ shards: 2 });
    guilds(2);
    const closes: number[] = [];
    for (const [shard, count] of [[0, 1], [2, 2]] as const) {
      const { WebSocket } = await import('ws');
      const url = bed.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, '/gateway?v=10&encoding=json');
      const ws = new WebSocket(url);
      closes.push(await new Promise<number>((resolve) => {
        ws.on('message', () => ws.send(JSON.stringify({ op: 2, d: { token: bed!.token, intents: 1, properties: {}, shard: [shard, count] } })));
        ws.on('close', (code) => resolve(code));
      }));
    }
    expect(closes).toEqual([4011, 4010]);
  });
});
