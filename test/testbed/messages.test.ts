// Channel messages through discord.js: Discord's limits, pings, nonces, files, reactions and access errors.
import { AttachmentBuilder, DiscordAPIError, PermissionFlagsBits, type TextChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRig, until, type Rig } from './support.js';

describe('messages', () => {
  let rig: Rig;
  let general: TextChannel;
  beforeEach(async () => {
    rig = await startRig();
    general = (await rig.client.channels.fetch(rig.guild.channel('general'))) as TextChannel;
  });
  afterEach(() => rig.stop());
  const apiError = async (p: Promise<unknown>): Promise<DiscordAPIError> => {
    const e = await p.then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(DiscordAPIError);
    return e as DiscordAPIError;
  };

  it('answers 50035 with the field tree for content, embed and component limits, and 50006 for nothing', async () => {
    const long = await apiError(general.send('x'.repeat(2001)));
    expect(long.code).toBe(50035);
    expect(long.rawError).toMatchObject({ message: 'Invalid Form Body', errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } });
    const embeds = await apiError(general.send({ embeds: [{ description: 'ok' }, { title: 't'.repeat(257), fields: [{ name: '', value: 'v' }], color: 0x1000000 }] }));
    expect(embeds.rawError).toMatchObject({ errors: { embeds: { '1': { title: { _errors: [{}] }, fields: { '0': { name: { _errors: [{}] } } }, color: { _errors: [{}] } } } } });
    const big = await apiError(general.send({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }));
    expect(big.rawError).toMatchObject({ errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } });
    const rows = await apiError(general.send({ components: [{ type: 1, components: [
      { type: 2, style: 1, custom_id: 'a', label: 'A' }, { type: 2, style: 1, custom_id: 'a', label: 'B' }, { type: 2, style: 5, label: 'L', custom_id: 'c' } as never,
    ] }] }));
    expect(rows.rawError).toMatchObject({ errors: { components: { '0': { components: { '1': { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } } } } } } });
    const empty = await apiError(rig.client.rest.post(`/channels/${general.id}/messages`, { body: { content: '' } }));
    expect(empty.code).toBe(50006);
    const am = await apiError(general.send({ content: 'hi', allowedMentions: { parse: ['users'], users: ['123456789012345678'] } }));
    expect(am.rawError).toMatchObject({ errors: { allowed_mentions: { _errors: [{ code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE' }] } } });
  });

  it('records whom a message pings: everything by default, nothing with parse []', async () => {
    const member = rig.guild.addMember({ username: 'bea' });
    const role = rig.guild.role('Coordinator');
    const loud = await general.send(`@everyone <@${member}> <@&${role}>`);
    expect(rig.bed.message(loud.id)?.pings).toEqual({ everyone: true, here: false, users: [member], roles: [role] });
    const quiet = await general.send({ content: `@everyone <@${member}>`, allowedMentions: { parse: [] } });
    expect(rig.bed.message(quiet.id)?.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
    const chosen = await general.send({ content: `<@${member}> and embeds`, embeds: [{ description: `<@${member}> @here` }], allowedMentions: { users: [member] } });
    expect(rig.bed.message(chosen.id)?.pings).toEqual({ everyone: false, here: false, users: [member], roles: [] });
  });

  it('dedupes by nonce with enforce_nonce, stores files from multipart bodies and serves them', async () => {
    const body = { content: 'once', nonce: 'abc', enforce_nonce: true };
    const first = (await rig.client.rest.post(`/channels/${general.id}/messages`, { body })) as { id: string };
    const second = (await rig.client.rest.post(`/channels/${general.id}/messages`, { body })) as { id: string };
    expect(second.id).toBe(first.id);
    expect(rig.bed.messages(general.id).filter((m) => m.content === 'once')).toHaveLength(1);
    const sent = await general.send({ content: 'report', files: [new AttachmentBuilder(Buffer.from('a,b\n1,2\n'), { name: 'report.csv' })] });
    const stored = rig.bed.message(sent.id)!;
    expect(stored.attachments[0]).toMatchObject({ filename: 'report.csv', size: 8 });
    expect(stored.attachments[0]!.data.toString()).toBe('a,b\n1,2\n');
    expect(await (await fetch(sent.attachments.first()!.url)).text()).toBe('a,b\n1,2\n');
  });

  it('edits own messages only, with an honest 5-per-5s bucket on edits', async () => {
    const msg = await general.send('v0');
    const member = rig.guild.addMember({ username: 'cy' });
    const theirs = rig.bed.driver.say({ guildId: rig.guild.id, channelId: general.id, userId: member, content: 'mine' });
    expect((await apiError(rig.client.rest.patch(`/channels/${general.id}/messages/${theirs.id}`, { body: { content: 'x' } }))).code).toBe(50005);
    for (let i = 1; i <= 6; i++) await msg.edit(`v${i}`);
    expect(rig.bed.message(msg.id)?.content).toBe('v6');
    const edits = rig.bed.requests.filter((r) => r.method === 'PATCH' && r.route === '/channels/:id/messages/:id' && r.path.includes(msg.id));
    expect(edits.every((r) => r.status === 200)).toBe(true);
    expect(edits.at(-1)!.at - edits[0]!.at).toBeGreaterThan(3000);
  }, 15_000);

  it('adds and removes reactions with events, pages who reacted, and refuses unknown emoji and a 21st emoji', async () => {
    const msg = await general.send('react!');
    const added: string[] = [];
    const removed: string[] = [];
    rig.client.on('messageReactionAdd', (r, u) => void added.push(`${r.emoji.name}:${u.id}`));
    rig.client.on('messageReactionRemove', (r, u) => void removed.push(`${r.emoji.name}:${u.id}`));
    const ids = Array.from({ length: 130 }, (_, i) => rig.guild.addMember({ username: `r${i}` }));
    for (const id of ids) rig.bed.driver.react({ channelId: general.id, messageId: msg.id, userId: id, emoji: '✅' });
    rig.bed.driver.unreact({ channelId: general.id, messageId: msg.id, userId: ids[0]!, emoji: '✅' });
    await until(() => added.length === 130 && removed.length === 1);
    const users = await msg.reactions.resolve('✅')!.users.fetch({ limit: 100 });
    expect(users.size).toBe(100);
    const rest = await msg.reactions.resolve('✅')!.users.fetch({ limit: 100, after: users.lastKey()! });
    expect(rest.size).toBe(29);
    expect((await apiError(msg.react('not-an-emoji'))).code).toBe(10014);
    const emoji = ['😀', '😁', '😂', '🤣', '😃', '😄', '😅', '😆', '😉', '😊', '😋', '😎', '😍', '😘', '🥰', '😗', '😙', '🥲', '😚'];
    for (const e of emoji) await msg.react(e);
    expect((await apiError(msg.react('🙂'))).code).toBe(30010);
    await msg.reactions.removeAll();
    expect(rig.bed.message(msg.id)?.reactions).toEqual([]);
  });

  it('answers 50013 in a denied channel, 10003 for a deleted one, 50007 for a closed DM, 404 code 0 for unknown routes', async () => {
    rig.guild.denyBot(general.id, ['SendMessages']);
    expect((await apiError(rig.client.rest.post(`/channels/${general.id}/messages`, { body: { content: 'x' } }))).code).toBe(50013);
    const doomed = rig.guild.addChannel({ name: 'doomed' });
    rig.guild.deleteChannel(doomed);
    expect((await apiError(rig.client.rest.post(`/channels/${doomed}/messages`, { body: { content: 'x' } }))).code).toBe(10003);
    const shy = rig.guild.addMember({ username: 'shy', dmsOpen: false });
    const user = await rig.client.users.fetch(shy);
    expect((await apiError(user.send('hello'))).code).toBe(50007);
    expect(rig.bed.dmChannel(shy)?.type).toBe(1);
    const unknown = await apiError(rig.client.rest.get('/nothing/here' as `/${string}`));
    expect([unknown.status, unknown.code]).toEqual([404, 0]);
  });

  it('computes permission overwrites as Discord does (@everyone, roles, member) and sends them to discord.js', async () => {
    const board = rig.guild.addChannel({ name: 'board' });
    const member = rig.guild.addMember({ username: 'mo' });
    const coordinator = rig.guild.role('Coordinator');
    rig.guild.setOverwrite(board, rig.guild.everyoneRoleId, { deny: ['SendMessages'] });
    rig.guild.setOverwrite(board, coordinator, { allow: ['SendMessages'] });
    // The bot is under @everyone too: a denied channel answers 50013 to it.
    expect((await apiError(rig.client.rest.post(`/channels/${board}/messages`, { body: { content: 'x' } }))).code).toBe(50013);
    rig.guild.setOverwrite(board, rig.bed.botUserId, { allow: ['SendMessages'] });
    await rig.client.rest.post(`/channels/${board}/messages`, { body: { content: 'x' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const channel = rig.client.channels.cache.get(board) as TextChannel;
    const guildMember = await channel.guild.members.fetch(member);
    expect(channel.permissionsFor(guildMember)!.has(PermissionFlagsBits.SendMessages)).toBe(false);
    rig.guild.setMemberRoles(member, [coordinator]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(channel.permissionsFor(await channel.guild.members.fetch(member))!.has(PermissionFlagsBits.SendMessages)).toBe(true);
    // A member overwrite comes last and wins over the role's allow.
    rig.guild.setOverwrite(board, member, { deny: ['ViewChannel'] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(channel.permissionsFor(await channel.guild.members.fetch(member))!.has(PermissionFlagsBits.ViewChannel)).toBe(false);
  });

  it('retries through an injected 429 and 500 and completes', async () => {
    rig.bed.fault({ method: 'POST', route: '/channels/:id/messages', status: 429, retryAfter: 0.2 });
    rig.bed.fault({ method: 'POST', route: '/channels/:id/messages', status: 500 });
    const msg = await general.send('survived');
    expect(rig.bed.message(msg.id)?.content).toBe('survived');
    const statuses = rig.bed.requests.filter((r) => r.route === '/channels/:id/messages' && r.method === 'POST').map((r) => r.status);
    expect(statuses).toEqual([429, 500, 200]);
  });
});
