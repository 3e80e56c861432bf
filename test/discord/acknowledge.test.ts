import { describe, expect, it } from 'vitest';
import type { RepliableInteraction } from 'discord.js';
import { AnsweredTooLateError, guardAcknowledgement } from '../../src/discord/acknowledge.js';

/** A stand-in with discord.js's timing: `deferred` turns true only when Discord has answered the defer. */
function fakeInteraction(kind: 'command' | 'component', deferMs = 50) {
  const sent: string[] = [];
  const state = { deferred: false, replied: false };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const initial = async (what: string, ms = 0) => {
    if (state.deferred || state.replied) throw Object.assign(new Error('Interaction has already been acknowledged.'), { code: 40060 });
    await wait(ms);
    sent.push(what);
  };
  const interaction = {
    id: '1',
    get deferred() { return state.deferred; },
    get replied() { return state.replied; },
    isMessageComponent: () => kind === 'component',
    async deferReply() { await initial('deferReply', deferMs); state.deferred = true; },
    async deferUpdate() { await initial('deferUpdate', deferMs); state.deferred = true; },
    async reply(options: { content: string }) { await initial(`reply ${options.content}`); state.replied = true; },
    async update(options: { content: string }) { await initial(`update ${options.content}`); state.replied = true; },
    async showModal() { await initial('showModal'); state.replied = true; },
    async editReply(options: { content: string; flags?: number }) { sent.push(`editReply ${options.content}${options.flags ? ' +flags' : ''}`); },
    async followUp(options: { content: string }) { sent.push(`followUp ${options.content}`); },
  };
  return { interaction: interaction as unknown as RepliableInteraction, sent };
}

describe('one first answer per interaction', () => {
  it('a command answered while the safety defer is in flight fills the deferred answer instead of failing', async () => {
    const { interaction, sent } = fakeInteraction('command');
    const guard = guardAcknowledgement(interaction);
    guard.safetyDefer(() => undefined);
    await interaction.reply({ content: 'Registered', flags: 64 });
    expect(sent).toEqual(['deferReply', 'editReply Registered']);
  });

  it('a handler that defers itself while the safety defer is in flight does not defer twice', async () => {
    const { interaction, sent } = fakeInteraction('command');
    const guard = guardAcknowledgement(interaction);
    guard.safetyDefer(() => undefined);
    await interaction.deferReply({ flags: 64 });
    await interaction.editReply({ content: 'Done' });
    expect(sent).toEqual(['deferReply', 'editReply Done']);
  });

  it('a button answered while the safety defer is in flight edits its message (update) or follows up (reply)', async () => {
    const first = fakeInteraction('component');
    const guard = guardAcknowledgement(first.interaction);
    guard.safetyDefer(() => undefined);
    await (first.interaction as unknown as { update(o: { content: string }): Promise<void> }).update({ content: 'Approved' });
    expect(first.sent).toEqual(['deferUpdate', 'editReply Approved']);

    const second = fakeInteraction('component');
    guardAcknowledgement(second.interaction).safetyDefer(() => undefined);
    await second.interaction.reply({ content: 'Thanks' });
    expect(second.sent).toEqual(['deferUpdate', 'followUp Thanks']);
  });

  it('a form asked for after the safety defer is a clear error, not a second initial response', async () => {
    const { interaction } = fakeInteraction('command');
    guardAcknowledgement(interaction).safetyDefer(() => undefined);
    await expect((interaction as unknown as { showModal(): Promise<void> }).showModal()).rejects.toBeInstanceOf(AnsweredTooLateError);
  });

  it('the safety defer stands down once the handler has begun to answer', async () => {
    const { interaction, sent } = fakeInteraction('command');
    const guard = guardAcknowledgement(interaction);
    const answering = interaction.reply({ content: 'Hi' });
    guard.safetyDefer(() => undefined);
    await answering;
    expect(sent).toEqual(['reply Hi']);
  });
});
