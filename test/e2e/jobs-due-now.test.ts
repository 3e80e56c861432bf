// Jobs due now run now, end to end: a match notice goes out within seconds of the command that caused it, without
// waiting for the minute's tick, and once, also after a restart. (New-skill suggestions wait for the daily digest.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, waitUntil, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-03-02T09:00:00Z', wakeOnDueJobs: true });
});
afterAll(async () => {
  await h?.stop();
});

function dms(userId: string): MessageView[] {
  const channel = h.bed.dmChannel(userId);
  return channel ? h.bed.messages(channel.id) : [];
}

describe('a notice scheduled for now goes out at once', () => {
  it('DMs the match notice within seconds, once', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('sam', 'skills need', { skill: 'photography' });
    await a.reply('marcus', 'skills offer', { skill: 'photography', level: 'expert' });
    const notices = () => dms(a.members.sam).filter((m) => m.content.includes('now offers **Photography**'));
    await waitUntil(() => notices().length > 0, 3000, 'the match notice');

    await h.restart();
    await h.bot.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notices()).toHaveLength(1);
  });
});
