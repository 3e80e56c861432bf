// What one member can do to others through the bot, end to end: no masked links in public posts, no posting (by the
// bot) where the member may not post, no flood of interactions, no DM button acting after the member has left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  // The production limit: 20 interactions per member per 10 s (the other tests here stay well under it).
  h = await startHarness({ rateLimit: 20 });
});
afterAll(async () => {
  await h?.stop();
});

/** A masked link Discord would render: brackets and parenthesis not escaped by a backslash. */
const maskedLinks = (text: string) => [...text.matchAll(/(?<!\\)\[([^\]\\]|\\.)*(?<!\\)\]\(\s*<?[a-z]+:/gi)].map((m) => m[0]);

describe('member text in public posts', () => {
  it('a thanks note with a Markdown link is posted as text, not as a link', async () => {
    const a = await h.newAlliance();
    const posted = await a.reply('marcus', 'skills thanks', { user: a.members.priya, skill: 'seo', note: 'Read [my review](https://evil.example/steal) **now**' });
    expect(posted.ephemeral).toBe(false);
    expect(maskedLinks(posted.content)).toEqual([]);
    expect(posted.content).toContain('\\[my review\\]\\(https://evil.example/steal\\)');
  });
});

describe('posting where the member cannot', () => {
  it('/meeting schedule channel: refuses a channel the member may not send messages in, naming it, and stores nothing', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const board = a.guild.addChannel({ name: 'board' });
    a.guild.setOverwrite(board, a.guild.everyoneRoleId, { deny: ['SendMessages'] });
    a.guild.setOverwrite(board, a.guild.role('Organizers'), { allow: ['SendMessages'] });
    a.guild.setOverwrite(board, h.bed.botUserId, { allow: ['SendMessages'] });
    const hidden = a.guild.addChannel({ name: 'hidden' });
    a.guild.setOverwrite(hidden, a.members.marcus, { deny: ['ViewChannel'] });

    const options = { title: 'Board meeting', when: '2026-12-10 18:00' };
    for (const channel of [board, hidden]) {
      const refused = await a.reply('marcus', 'meeting schedule', { ...options, channel });
      expect(refused.ephemeral).toBe(true);
      expect(refused.content).toContain(`**channel**: you can't send messages in <#${channel}>`);
      expect(refused.components).toEqual([]);
    }
    expect(visibleText(await a.reply('marcus', 'meeting list'))).not.toContain('Board meeting');

    // The bot itself may post there, and members who may post there are not refused.
    a.guild.setMemberRoles(a.members.priya, [a.guild.role('Organizers')]);
    const preview = await a.reply('priya', 'meeting schedule', { ...options, channel: board });
    expect(preview.content).toBe('');
    expect(preview.components.length).toBeGreaterThan(0);
    const allowed = await a.reply('marcus', 'meeting schedule', { ...options, channel: a.channel('meetings') });
    expect(allowed.components.length).toBeGreaterThan(0);
  });

  it('/updates settings channel: refuses an organizer a channel they may not send in, naming it', async () => {
    const a = await h.newAlliance();
    await a.setup();
    // An organizer who manages the server (what /updates asks of whoever sees it), but may not write in #staff-only.
    const managers = a.guild.addRole({ name: 'Managers', permissions: String(PermissionFlagsBits.ManageGuild) });
    a.guild.setMemberRoles(a.members.priya, [a.guild.role('Organizers'), managers]);
    const staff = a.guild.addChannel({ name: 'staff-only' });
    a.guild.setOverwrite(staff, managers, { deny: ['SendMessages'] });
    const refused = await a.reply('priya', 'updates settings', { channel: staff });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain(`**channel**: you can't send messages in <#${staff}>`);
    expect(visibleText(await a.reply('priya', 'updates settings'))).not.toContain(`<#${staff}>`);
    expect((await a.reply('priya', 'updates settings', { channel: a.channel('general') })).content).toContain('Saved');
  });
});

describe('public answers where the member cannot post', () => {
  it('a command run in a read-only channel answers privately instead of posting there for the member', async () => {
    const a = await h.newAlliance();
    const readOnly = a.guild.addChannel({ name: 'read-only' });
    a.guild.setOverwrite(readOnly, a.guild.everyoneRoleId, { deny: ['SendMessages'] });
    const thanks = await a.reply('marcus', 'skills thanks', { user: a.members.priya, skill: 'seo' }, { channelId: readOnly });
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.content).toContain('thanked');
    expect(h.bed.messages(readOnly).filter((m) => !m.ephemeral)).toEqual([]);
    // Where the member may write, the same command posts publicly.
    expect((await a.reply('sam', 'skills thanks', { user: a.members.priya, skill: 'seo' })).ephemeral).toBe(false);
  });
});

describe('a member flooding the bot', () => {
  const offers = async (a: Alliance, member: string) => visibleText(await a.reply(member, 'skills mine'));

  it('past 20 interactions in 10 s gets one polite private answer saying when to try again, and nothing is stored', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const burst = await Promise.all(Array.from({ length: 19 }, () => a.run('marcus', 'help')));
    expect(burst.every((r) => r.type === 4)).toBe(true);
    // The 20th: still answered.
    expect(await offers(a, 'marcus')).toContain('no offers or needs yet');
    const refused = await a.run('marcus', 'skills offer', { skill: 'web dev' });
    const answer = await refused.reply();
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toMatch(/^⏳ That was a lot in a few seconds, so I did not do it\. Please try again <t:\d+:R>\.$/);
    const retryAt = Number(/<t:(\d+):R>/.exec(answer.content)![1]) * 1000;
    expect(retryAt).toBeGreaterThan(Date.now() - 1000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 11_000);
    // Told once: a further click in the same burst is not answered again, and does nothing either.
    await expect(a.run('marcus', 'skills offer', { skill: 'grant writing' })).rejects.toThrow(/no initial response/);
    // Other members are not affected.
    expect(await offers(a, 'priya')).toContain('no offers or needs yet');
    // The answer's time is rounded up to the second: from then on the member is heard again.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, retryAt - Date.now()) + 100));
    expect(await offers(a, 'marcus')).toContain('no offers or needs yet');
  }, 30_000);

  it('organizers are not exempt when they write', async () => {
    const a = await h.newAlliance();
    await a.setup();
    await Promise.all(Array.from({ length: 19 }, () => a.run('olivia', 'alliance show')));
    const refused = await (await a.run('olivia', 'skills offer', { skill: 'web dev' })).reply();
    expect(refused.content).toMatch(/^⏳ /);
    expect(visibleText(await a.reply('priya', 'skills who', { skill: 'web development' }))).toContain('Nobody offers');
  });
});

describe('buttons in DMs after leaving', () => {
  const dms = (userId: string): MessageView[] => {
    const channel = h.bed.dmChannel(userId);
    return channel ? h.bed.messages(channel.id) : [];
  };
  const acceptId = (m: MessageView) => m.components.flatMap((row) => row.components ?? []).find((c) => c.label === 'Accept')!.custom_id!;

  async function introRequest(a: Alliance): Promise<MessageView> {
    await a.reply('marcus', 'skills need', { skill: 'grant writing' });
    await a.reply('priya', 'skills offer', { skill: 'grant writing', level: 'expert' });
    const matches = await a.reply('marcus', 'skills match');
    await (await h.bed.driver.click({ guildId: a.id, channelId: matches.channelId, userId: a.members.marcus, messageId: matches.id, label: 'Request intro #1' })).reply();
    return dms(a.members.priya).at(-1)!;
  }

  it('an intro accepted after the member left the alliance changes nothing there', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const request = await introRequest(a);
    const before = dms(a.members.marcus).length;
    a.guild.removeMember(a.members.priya);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const clicked = await h.bed.driver.click({ channelId: request.channelId, userId: a.members.priya, messageId: request.id, label: 'Accept' });
    const answer = await clicked.reply();
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain('no longer a member of that alliance');
    expect(dms(a.members.marcus)).toHaveLength(before);
  });

  it('a crafted custom id naming another alliance changes nothing there', async () => {
    const a = await h.newAlliance();
    const b = await h.newAlliance();
    await a.setup();
    const request = await introRequest(a);
    const before = dms(a.members.marcus).length;
    // sam of alliance B sends alliance A's Accept (a modified client can put any custom id on any message).
    const crafted = await h.bed.driver.rawComponent({ channelId: request.channelId, userId: b.members.sam, messageId: request.id, customId: acceptId(request), force: true } as never);
    expect((await crafted.reply()).content).toContain('no longer a member of that alliance');
    expect(dms(a.members.marcus)).toHaveLength(before);
    // priya, still a member, can accept it.
    const accepted = await (await h.bed.driver.click({ channelId: request.channelId, userId: a.members.priya, messageId: request.id, label: 'Accept' })).updated();
    expect(accepted.content).toContain('You accepted');
  });
});
