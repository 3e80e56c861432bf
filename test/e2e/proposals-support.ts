// Helpers for the proposals end-to-end tests: open a proposal through the command and its form, find its post,
// react as members, and wait for what members see.
import type { Alliance, Harness } from '../support/bot.js';
import { visibleText, waitUntil } from '../support/bot.js';
import type { CommandInput, MessageView } from '../../src/testbed/types.js';

export interface Opened {
  message: MessageView;
  number: number;
  id: number;
}

export async function openProposal(
  h: Harness,
  a: Alliance,
  member: string,
  options: CommandInput['options'] = {},
  texts: Record<string, string> = {},
): Promise<Opened> {
  const result = await a.run(member, 'proposal create', { title: 'Shared printer', ...options });
  if (!result.modal) throw new Error(`no modal: ${visibleText(await result.reply())}`);
  const submitted = await h.bed.driver.submitModal({
    guildId: a.id,
    channelId: a.channel('general'),
    userId: a.userId(member),
    modal: result.modal,
    values: { title: result.modal.fields.find((f) => f.customId === 'title')?.value ?? 'Shared printer', summary: 'Buy a shared printer.', ...texts },
  });
  const reply = await submitted.reply(10_000);
  const match = /Proposal #(\d+) is open/.exec(reply.content);
  if (!match) throw new Error(`proposal not opened: ${visibleText(reply)}`);
  const number = Number(match[1]);
  const message = h.bed.messages(a.channel('proposals')).find((m) => m.embeds[0]?.title?.startsWith(`#${number} ·`));
  if (!message) throw new Error('proposal message not found');
  const id = h.bot.services.proposals.byMessage(a.id, message.id)!.id;
  return { message, number, id };
}

export function current(h: Harness, messageId: string): MessageView {
  return h.bed.message(messageId)!;
}

export function reactionsOf(h: Harness, messageId: string): Record<string, string[]> {
  return Object.fromEntries(current(h, messageId).reactions.map((r) => [r.emoji, r.userIds]));
}

export function field(message: MessageView, name: string): string {
  return message.embeds[0]?.fields?.find((f) => f.name === name)?.value ?? '';
}

/** Waits until the proposal message's embed shows `text` (the live tally is debounced). */
export async function waitForEmbed(h: Harness, messageId: string, text: string | RegExp, timeoutMs = 8000): Promise<MessageView> {
  const matches = () => {
    const seen = visibleText(current(h, messageId));
    return typeof text === 'string' ? seen.includes(text) : text.test(seen);
  };
  await waitUntil(matches, timeoutMs, `the proposal to show ${String(text)}`);
  return current(h, messageId);
}

export function react(h: Harness, a: Alliance, member: string, messageId: string, emoji: string): void {
  h.bed.driver.react({ channelId: a.channel('proposals'), messageId, userId: a.userId(member), emoji });
}

export function unreact(h: Harness, a: Alliance, member: string, messageId: string, emoji: string): void {
  h.bed.driver.unreact({ channelId: a.channel('proposals'), messageId, userId: a.userId(member), emoji });
}

/** Lets the bot handle gateway events already sent. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** `/proposal close` as an organizer: before the deadline it asks first, and this confirms with "Close now". */
export async function closeEarly(h: Harness, a: Alliance, member: string, proposalId: number): Promise<MessageView> {
  const asked = await a.reply(member, 'proposal close', { proposal: proposalId });
  if (!asked.components.length) return asked;
  const click = await h.bed.driver.click({ guildId: a.id, channelId: a.channel('general'), userId: a.userId(member), messageId: asked.id, label: 'Close now' });
  return click.updated(10_000);
}
