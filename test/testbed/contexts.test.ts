// Interactions the bot gets from odd places: a guild it is not in (the app added for commands only) and members
// whose interaction carries a cut-down member object. What discord.js sees must match what Discord sends.
import { MessageFlags, type Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRig, until, type Rig } from './support.js';

describe('odd interaction contexts', () => {
  let rig: Rig;
  let seen: Interaction[];
  beforeEach(async () => {
    rig = await startRig();
    await rig.client.application!.commands.set([{ name: 'ping', description: 'Ping' }]);
    seen = [];
    rig.client.on('interactionCreate', (i) => {
      seen.push(i);
      if (i.isRepliable()) void i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
  });
  afterEach(() => rig.stop());

  it('a guild without the bot: no GUILD_CREATE or other events about it, but its members’ interactions arrive', async () => {
    const events: string[] = [];
    rig.client.on('raw', (packet: { t?: string; d?: unknown }) => {
      if (packet.t) events.push(`${packet.t} ${JSON.stringify(packet.d)}`);
    });
    const other = rig.bed.createGuild({ name: 'Commands only', owner: 'nina', withoutBot: true });
    const member = other.addMember({ username: 'omar' });
    other.addChannel({ name: 'news' });
    const result = await rig.bed.driver.command({ guildId: other.id, channelId: other.channel('general'), userId: member, name: 'ping' });
    expect((await result.reply()).content).toBe('ok');
    const interaction = seen[0]!;
    expect(interaction.guildId).toBe(other.id);
    expect(interaction.inGuild()).toBe(true);
    expect(interaction.inCachedGuild()).toBe(false);
    expect(rig.client.guilds.cache.has(other.id)).toBe(false);
    expect(events.filter((e) => e.includes(other.id)).map((e) => e.split(' ')[0])).toEqual(['INTERACTION_CREATE']);
    // REST about the guild answers as Discord does for a bot that is not a member.
    await expect(rig.client.guilds.fetch(other.id)).rejects.toMatchObject({ code: 10004 });
  });

  it("a minimal member object: only Discord's always-present fields; 'stripped' also lacks roles and permissions", async () => {
    const userId = rig.guild.addMember({ username: 'mia', roles: ['Coordinator'] });
    const base = { guildId: rig.guild.id, channelId: rig.guild.channel('general'), userId, name: 'ping' };
    await (await rig.bed.driver.command({ ...base, member: 'minimal' })).reply();
    await (await rig.bed.driver.command({ ...base, member: 'stripped' })).reply();
    await until(() => seen.length === 2);
    const [minimal, stripped] = seen as [Interaction, Interaction];
    expect(minimal.user.id).toBe(userId);
    expect(minimal.memberPermissions).not.toBeNull();
    expect(minimal.inCachedGuild() && minimal.member.joinedTimestamp).toBeNull();
    expect(stripped.memberPermissions).toBeNull();
    expect(stripped.user.username).toBe('mia');
  });
});
