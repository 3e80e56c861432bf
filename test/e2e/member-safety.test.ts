// What one member can do to others through the bot, end to end: no masked links in public posts, no posting (by the
// bot) where the member may not post, no flood of interactions, no DM button acting after the member has left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
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
});
