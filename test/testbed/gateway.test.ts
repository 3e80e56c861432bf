// The gateway as discord.js sees it: login, READY + GUILD_CREATE, intents, resume after a drop, reconnect.
import { ChannelType, type Guild } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBed } from '../../src/testbed/index.js';
import { newClient, startRig, until, type Rig } from './support.js';

describe('gateway', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it('logs discord.js in and delivers the guild with its channels, roles and members', async () => {
    rig = await startRig();
    const { client, bed, guild } = rig;
    expect(client.user?.id).toBe(bed.botUserId);
    expect(client.application?.id).toBe(bed.applicationId);
    const g = client.guilds.cache.get(guild.id) as Guild;
    expect(g.name).toBe('Alliance');
    expect(g.ownerId).toBe(guild.ownerId);
    expect(g.channels.cache.get(guild.channel('general'))?.type).toBe(ChannelType.GuildText);
    expect(g.channels.cache.get(guild.channel('announcements'))?.type).toBe(ChannelType.GuildAnnouncement);
    expect(g.roles.everyone.id).toBe(guild.id);
    expect(g.members.me?.permissions.has('ManageGuild')).toBe(false);
    expect(g.roles.everyone.permissions.has('ManageGuild')).toBe(false);
    expect(bed.requests.some((r) => r.route === '/gateway/bot')).toBe(true);
  });

  it('sends all members in GUILD_CREATE only with the members intent, and chunks on request', async () => {
    const bed = await startTestBed();
    const handle = bed.createGuild({ name: 'Big' });
    handle.addManyMembers(2500);
    const client = newClient(bed, { intents: ['Guilds'] });
    await client.login(bed.token);
    await bed.gateway.waitForSession();
    await new Promise((r) => setTimeout(r, 50));
    expect(client.guilds.cache.get(handle.id)?.members.cache.size).toBe(2);
    expect(client.guilds.cache.get(handle.id)?.memberCount).toBe(2502);
    await client.destroy();
    const full = newClient(bed, { intents: ['Guilds', 'GuildMembers'] });
    await full.login(bed.token);
    await bed.gateway.waitForSession();
    await new Promise((r) => setTimeout(r, 50));
    const members = await full.guilds.cache.get(handle.id)!.members.fetch();
    expect(members.size).toBe(2502);
    await full.destroy();
    await bed.close();
  });

  it('refuses a bad token (401 on /gateway/bot) and a privileged intent the app lacks (close 4014)', async () => {
    const bed = await startTestBed({ privilegedIntents: [] });
    const bad = newClient(bed, { intents: ['Guilds'] });
    await expect(bad.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await bad.destroy();
    const greedy = newClient(bed, { intents: ['Guilds', 'GuildMembers'] });
    await expect(greedy.login(bed.token)).rejects.toThrow('Used disallowed intents');
    await greedy.destroy();
    await bed.close();
  });

  it('resumes after a dropped connection and replays a reaction made while down', async () => {
    rig = await startRig();
    const { client, bed, guild } = rig;
    const channel = await client.channels.fetch(guild.channel('general'));
    if (!channel?.isSendable()) throw new Error('not sendable');
    const message = await channel.send('vote here');
    const before = bed.gateway.stats();
    const seen = new Promise<string>((resolve) => client.on('messageReactionAdd', (r, u) => resolve(`${r.emoji.name}:${u.id}`)));
    bed.gateway.drop();
    const voter = guild.addMember({ username: 'voter' });
    bed.driver.react({ channelId: channel.id, messageId: message.id, userId: voter, emoji: '👍' });
    expect(await seen).toBe(`👍:${voter}`);
    const after = bed.gateway.stats();
    expect(after.resumes).toBe(before.resumes + 1);
    expect(after.identifies).toBe(before.identifies);
  });

  it('resumes after op 7 reconnect', async () => {
    rig = await startRig();
    const before = rig.bed.gateway.stats();
    const resumed = new Promise<void>((resolve) => rig!.client.once('shardResume', () => resolve()));
    rig.bed.gateway.requestReconnect();
    await resumed;
    expect(rig.bed.gateway.stats().resumes).toBe(before.resumes + 1);
  });

  it('delivers a guild created after login, and blanks members\' messages without Message Content unless the bot is mentioned', async () => {
    rig = await startRig();
    const { client, bed } = rig;
    const arrived = new Promise<Guild>((resolve) => client.once('guildCreate', resolve));
    const late = bed.createGuild({ name: 'Late' });
    expect((await arrived).id).toBe(late.id);
    const member = late.addMember({ username: 'fay' });
    const seen: string[] = [];
    client.on('messageCreate', (m) => void seen.push(m.content));
    bed.driver.say({ guildId: late.id, channelId: late.channel('general'), userId: member, content: 'secret plans' });
    bed.driver.say({ guildId: late.id, channelId: late.channel('general'), userId: member, content: `<@${bed.botUserId}> hello` });
    await until(() => seen.length === 2);
    expect(seen).toEqual(['', `<@${bed.botUserId}> hello`]);
  });
});
