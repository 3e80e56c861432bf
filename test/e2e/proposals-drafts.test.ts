// /proposal create's options wait in a stored draft while the member fills in the form: the form's custom id
// carries only the draft's id, the proposal opens with every option, a refused form can be sent again, and a form
// sent again after its proposal opened opens nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('the proposal form', () => {
  it('carries only a short draft id, and the proposal opens with every option given', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const options = { title: 'Shared printer', type: 'spending', rule: 'consensus', closes: '3d', quorum: 40, voters: 'everyone', anonymous: true, 'hide-results': true };
    const result = await a.run('marcus', 'proposal create', options);
    expect(result.modal?.customId).toMatch(/^v1:proposal:create:\d+$/);
    const submitted = await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: result.modal!, values: { title: 'Shared printer', summary: 'Buy a shared printer.' } });
    expect((await submitted.reply(10_000)).content).toMatch(/Proposal #1 is open/);
    const post = h.bed.messages(a.channel('proposals')).find((m) => m.embeds[0]?.title?.startsWith('#1 ·'))!;
    // A secret ballot votes by buttons; its embed states the rule and quorum the options asked for.
    expect(post.components.length).toBeGreaterThan(0);
    expect(visibleText(post)).toMatch(/Consensus/);
    expect(visibleText(post)).toMatch(/40%/);
  });

  it('sent a second time opens nothing more and says the form has expired', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const result = await a.run('marcus', 'proposal create', { title: 'Shared printer' });
    const send = () => h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: result.modal!, values: { title: 'Shared printer', summary: 'Buy a shared printer.' } });
    expect((await (await send()).reply(10_000)).content).toMatch(/Proposal #1 is open/);
    const again = await (await send()).reply(10_000);
    expect(again.ephemeral).toBe(true);
    expect(again.content).toMatch(/form has expired: run \/proposal create again/);
    expect(h.bed.messages(a.channel('proposals')).filter((m) => m.embeds[0]?.title?.startsWith('#'))).toHaveLength(1);
  });

  it('refused for a bad text, can be sent again and opens the proposal with its options', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const result = await a.run('marcus', 'proposal create', { title: 'Shared printer', quorum: 40 });
    const send = (summary: string) => h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: { ...result.modal!, fields: result.modal!.fields.map((f) => ({ ...f, maxLength: undefined })) }, values: { title: 'Shared printer', summary } });
    expect((await (await send('x'.repeat(1001))).reply(10_000)).content).toMatch(/\*\*summary\*\* must be at most 1,000 characters/);
    expect((await (await send('Buy a shared printer.')).reply(10_000)).content).toMatch(/Proposal #1 is open/);
    expect(visibleText(h.bed.messages(a.channel('proposals')).find((m) => m.embeds[0]?.title?.startsWith('#1 ·'))!)).toMatch(/40%/);
  });
});
