// /privacy through the test bed with the real bot: the member gets a private JSON file of their data, deletion
// asks first and lists what goes, only the asker can confirm, and afterwards nothing personal is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-03-02T09:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const click = (a: Alliance, member: string, message: MessageView, label: string) =>
  h.bed.driver.click({ guildId: a.id, channelId: message.channelId, userId: a.userId(member), messageId: message.id, label });

async function exported(a: Alliance, member: string): Promise<{ member: string; data: Record<string, unknown[]> }> {
  const message = await a.reply(member, 'privacy export');
  expect(message.ephemeral).toBe(true);
  expect(message.attachments).toHaveLength(1);
  return JSON.parse(message.attachments[0]!.data.toString('utf8'));
}

describe('/privacy', () => {
  it('export: a private JSON file with the member’s skills and nobody else’s', async () => {
    const a = await h.newAlliance();
    await a.reply('marcus', 'skills offer', { skill: 'web dev', level: 'expert' });
    await a.reply('priya', 'skills offer', { skill: 'bookkeeping', level: 'expert' });
    const file = await exported(a, 'marcus');
    expect(file.member).toBe(a.members.marcus);
    expect(file.data['skill_entries']).toHaveLength(1);
    expect(JSON.stringify(file)).not.toContain(a.members.priya);
  });

  it('delete: lists what goes, only the asker can confirm, and then the export is empty', async () => {
    const a = await h.newAlliance();
    await a.reply('marcus', 'skills offer', { skill: 'web dev', level: 'expert' });
    await a.reply('marcus', 'skills need', { skill: 'bookkeeping' });
    const confirm = await a.reply('marcus', 'privacy delete');
    expect(confirm.ephemeral).toBe(true);
    expect(visibleText(confirm)).toContain('2 × skill offers and needs');

    const foreign = await h.bed.driver.rawComponent({ guildId: a.id, channelId: confirm.channelId, userId: a.members.priya, messageId: confirm.id, customId: `v1:privacy:delete:${a.members.marcus}` });
    expect((await foreign.reply()).content).toMatch(/another member/);
    expect((await exported(a, 'marcus')).data['skill_entries']).toHaveLength(2);

    const done = await (await click(a, 'marcus', confirm, 'Delete my data')).updated();
    expect(done.content).toContain('deleted');
    expect(done.components).toEqual([]);
    expect((await exported(a, 'marcus')).data).toEqual({});
    expect(visibleText(await a.reply('marcus', 'skills mine'))).not.toContain('Web development');
  });

  it('keep: nothing is deleted', async () => {
    const a = await h.newAlliance();
    await a.reply('marcus', 'skills offer', { skill: 'web dev' });
    const confirm = await a.reply('marcus', 'privacy delete');
    const kept = await (await click(a, 'marcus', confirm, 'Keep it')).updated();
    expect(kept.content).toBe('Nothing was deleted.');
    expect((await exported(a, 'marcus')).data['skill_entries']).toHaveLength(1);
  });
});
