// Skill-share answers that say what really matched (issue #14): the intro request names the need that a close
// skill met, and organizer notices never show source paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-03-02T09:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const dms = (userId: string): MessageView[] => {
  const channel = h.bed.dmChannel(userId);
  return channel ? h.bed.messages(channel.id) : [];
};
const clickIn = (a: Alliance, member: string, message: MessageView, label: string) =>
  h.bed.driver.click({ guildId: a.id, channelId: message.channelId, userId: a.userId(member), messageId: message.id, label });

describe('the intro request', () => {
  it('names the skill the asked member needs when a close skill matched it, not the offer alone', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('sam', 'skills need', { skill: 'photography' });
    await a.reply('marcus', 'skills offer', { skill: 'graphic design', level: 'expert' });
    await a.reply('marcus', 'skills need', { skill: 'bookkeeping' });
    await a.reply('sam', 'skills offer', { skill: 'bookkeeping' });
    const matches = await a.reply('marcus', 'skills match');
    await (await clickIn(a, 'marcus', matches, 'Request intro #1')).reply();
    const request = dms(a.members.sam).at(-1)!;
    expect(request.content).toContain('They offer **Graphic design** (close to **Photography**), which you need.');
    expect(request.content).toContain('They need **Bookkeeping**, which you offer.');

    await (await h.bed.driver.click({ channelId: request.channelId, userId: a.members.sam, messageId: request.id, label: 'Accept' })).updated();
    const toMarcus = dms(a.members.marcus).at(-1)!;
    expect(toMarcus.content).toContain(`<@${a.members.marcus}> offers **Graphic design** (close to **Photography**), which <@${a.members.sam}> needs.`);
  });
});

describe('organizer notices', () => {
  it('a new skill notice names no source file', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('priya', 'skills offer', { skill: 'Urban Beekeeping' });
    // New skills reach organizers in the next daily digest (10:00 alliance time).
    const now = h.clock.now();
    h.clock.set(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 10));
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    const notice = await h.bed.waitForMessage((m) => m.channelId === a.channel('organizers') && m.content.includes('not in the skill list'));
    expect(notice.content).toContain('**Urban beekeeping**');
    expect(notice.content).not.toMatch(/src\/|\.ts\b/);
  });
});

describe('plurals in skill-share', () => {
  it('"1 member needs it", "2 members offer it", and "1 thank-you" among the top helpers', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('sam', 'skills need', { skill: 'bookkeeping' });
    expect((await a.reply('marcus', 'skills offer', { skill: 'bookkeeping' })).content).toContain('1 member needs it: see `/skills match`.');
    await a.reply('priya', 'skills offer', { skill: 'bookkeeping' });
    expect((await a.reply('olivia', 'skills need', { skill: 'bookkeeping' })).content).toContain('2 members offer it: see `/skills match`.');
    await a.reply('sam', 'skills thanks', { user: a.members.marcus, skill: 'bookkeeping' });
    const top = await a.reply('sam', 'skills top');
    expect(top.embeds[0]!.description).toContain(`<@${a.members.marcus}> · 1 thank-you`);
  });
});
