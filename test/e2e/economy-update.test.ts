// The monthly update's pass and leads lines: how many pass visits the month had, which spaces welcomed the most,
// and how many leads the spaces shared, in the post members receive on the 1st.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/clock.js';
import { startHarness, visibleText, type Harness } from '../support/bot.js';
import { allianceWithSpaces } from './economy-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-10T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

describe('the monthly update', () => {
  it('says how many pass visits there were, which spaces welcomed the most, and how many leads were shared', async () => {
    const { a, space } = await allianceWithSpaces(h);
    await a.reply('marcus', 'space edit', { space: space.rainier, pass: 'yes' });
    await a.reply('priya', 'space edit', { space: space.harbor, pass: 'yes' });
    await a.reply('olivia', 'pass issue', { member: a.members.sam, visits: 10 });
    await a.reply('olivia', 'pass issue', { member: a.members.olivia, visits: 10 });
    for (const holder of [a.members.sam, a.members.olivia]) await a.reply('marcus', 'pass checkin', { 'pass-code-or-member': `<@${holder}>`, space: space.rainier });
    await a.reply('priya', 'pass checkin', { 'pass-code-or-member': `<@${a.members.sam}>`, space: space.harbor });
    h.clock.advance(DAY);
    await a.reply('marcus', 'pass checkin', { 'pass-code-or-member': `<@${a.members.sam}>`, space: space.rainier });
    await a.reply('marcus', 'lead send', { 'to-space': space.harbor, need: 'Team of 4 for a month' });
    await a.reply('priya', 'lead send', { 'to-space': space.prairie, need: 'A podcast studio' });

    await h.bot.scheduler.tick();
    h.clock.set('2026-12-01T10:00:00Z');
    await h.bot.scheduler.tick();

    const posts = h.bed.messages(a.channel('announcements')).filter((m) => m.fromBot && visibleText(m).includes('Alliance update'));
    const text = posts.map(visibleText).join('\n');
    expect(text).toContain('Alliance pass');
    expect(text).toContain('4 pass visits across the alliance. Most welcoming: **Rainier Commons** (3) and **Harbor Desk** (1).');
    expect(text).toContain('Referrals');
    expect(text).toContain('2 leads shared between member spaces');
  });
});
