// The test bed's HTTP front keeps connections alive as Discord's (Cloudflare) does, so discord.js's REST client
// (undici) reuses them: a bed that closed them after each request made every REST call of the bot (and of the
// bench's floor) open a new TCP connection.
import { Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './support.js';

describe('HTTP keep-alive', () => {
  let rig: Rig;
  let channels: string[];
  beforeEach(async () => {
    rig = await startRig();
    // Five channels, so 200 reads stay under the bed's 50 a second per route and channel (no 429 waits).
    const guild = rig.bed.createGuild({ name: 'Reads', channels: ['a', 'b', 'c', 'd'].map((name) => ({ name })) });
    channels = ['general', 'a', 'b', 'c', 'd'].map((name) => guild.channel(name));
    await rig.client.rest.get(Routes.channel(channels[0]!));
  });
  afterEach(() => rig.stop());

  it('200 REST calls one after another reuse one connection', async () => {
    const before = rig.bed.connectionsOpened();
    for (let i = 0; i < 200; i++) await rig.client.rest.get(Routes.channel(channels[i % channels.length]!));
    expect(rig.bed.connectionsOpened() - before).toBeLessThanOrEqual(1);
  });

  it('200 REST calls 20 at a time open at most 20 connections', async () => {
    const before = rig.bed.connectionsOpened();
    for (let round = 0; round < 10; round++) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => rig.client.rest.get(Routes.channel(channels[i % channels.length]!))));
    }
    expect(rig.bed.connectionsOpened() - before).toBeLessThanOrEqual(20);
  });
});
