// Proposals end to end: a member opens one, members vote by reaction, the tally and the result show up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { closeEarly, field, openProposal, react, reactionsOf, settle, unreact, waitForEmbed } from './proposals-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('opening a proposal', () => {
  it('posts the embed with rule, quorum, deadline and voters, opens a thread and adds the voting reactions', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message } = await openProposal(h, a, 'marcus', { quorum: 50, closes: '3d' }, { need: 'Printing costs', measure: 'Pages per month' });
    const text = visibleText(message);
    expect(text).toContain('#1 · Shared printer');
    expect(text).toContain('Majority');
    expect(field(message, 'Quorum')).toContain('50%');
    expect(field(message, 'Who votes')).toBe('Every member (4)');
    expect(field(message, 'Deadline')).toMatch(/<t:\d+:F>/);
    expect(field(message, 'The need')).toBe('Printing costs');
    expect(message.threadId).not.toBeNull();
    expect(reactionsOf(h, message.id)).toEqual({ '✅': [h.bed.botUserId], '❌': [h.bed.botUserId], '➖': [h.bed.botUserId] });
    expect(message.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
  });
});

describe('voting by reaction', () => {
  it('counts a reaction, replaces it with another and withdraws it when removed', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message } = await openProposal(h, a, 'marcus');
    react(h, a, 'priya', message.id, '✅');
    await waitForEmbed(h, message.id, '✅ 1 yes');
    react(h, a, 'priya', message.id, '❌');
    await waitUntil(() => !(reactionsOf(h, message.id)['✅'] ?? []).includes(a.members.priya), 5000, 'the older reaction to be removed');
    await waitForEmbed(h, message.id, /✅ 0 yes · ❌ 1 no/);
    unreact(h, a, 'priya', message.id, '❌');
    await waitForEmbed(h, message.id, /✅ 0 yes · ❌ 0 no/);
    await settle();
    expect(h.bot.services.votes.tally(a.id, h.bot.services.proposals.byMessage(a.id, message.id)!.id).voted).toBe(0);
  });
});

describe('who may vote', () => {
  it('removes reactions from ineligible members, bots and with other emoji, and counts none of them', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const board = a.guild.addRole({ name: 'Board' });
    a.guild.setMemberRoles(a.members.priya, [board]);
    const helper = a.guild.addMember({ username: 'helperbot', bot: true });
    const { message, id } = await openProposal(h, a, 'priya', { voters: 'role', 'voter-role': board });
    expect(field(message, 'Who votes')).toBe(`Members with <@&${board}> (1)`);
    react(h, a, 'sam', message.id, '✅');
    react(h, a, 'helperbot', message.id, '✅');
    react(h, a, 'priya', message.id, '👍');
    react(h, a, 'priya', message.id, '❌');
    await waitUntil(() => {
      const r = reactionsOf(h, message.id);
      return !r['👍'] && (r['✅'] ?? []).length === 1 && (r['❌'] ?? []).includes(a.members.priya);
    }, 5000, 'stray reactions to be removed');
    expect(reactionsOf(h, message.id)['✅']).toEqual([h.bed.botUserId]);
    expect(h.bot.services.votes.tally(a.id, id).counts).toEqual({ yes: 0, no: 1, abstain: 0, block: 0 });
    expect(helper).toBeTruthy();
  });

  it('refuses /proposal vote from a member who is not eligible, naming why', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const board = a.guild.addRole({ name: 'Board' });
    a.guild.setMemberRoles(a.members.priya, [board]);
    const { id } = await openProposal(h, a, 'priya', { voters: 'role', 'voter-role': board });
    const reply = await a.reply('sam', 'proposal vote', { proposal: id, choice: 'yes' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/not among the eligible voters/);
    expect(h.bot.services.votes.tally(a.id, id).voted).toBe(0);
  });
});

describe('voting by command', () => {
  it('records the vote with a reason, replaces an earlier reaction and shows the reason in /proposal show', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus');
    react(h, a, 'sam', message.id, '✅');
    await waitForEmbed(h, message.id, '✅ 1 yes');
    const reply = await a.reply('sam', 'proposal vote', { proposal: id, choice: 'no', reason: 'We have one already' });
    expect(reply.content).toMatch(/Recorded: your vote on #1 is ❌ no/);
    await waitUntil(() => !(reactionsOf(h, message.id)['✅'] ?? []).includes(a.members.sam), 5000, 'the reaction vote to be replaced');
    const shown = await a.reply('priya', 'proposal show', { proposal: id });
    expect(visibleText(shown)).toContain(`❌ <@${a.members.sam}>: We have one already`);
  });
});

describe('secret ballot', () => {
  it('votes by buttons only with a private confirmation, and never shows who voted what', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { anonymous: true });
    expect(reactionsOf(h, message.id)).toEqual({});
    const labels = message.components.flatMap((row) => row.components ?? []).map((c) => c.label);
    expect(labels).toEqual(['Yes', 'No', 'Abstain', 'Withdraw my vote', 'Vote with a reason']);
    const click = await h.bed.driver.click({ guildId: a.id, channelId: a.channel('proposals'), messageId: message.id, userId: a.members.priya, label: 'Yes' });
    const confirmation = await click.reply();
    expect(confirmation.ephemeral).toBe(true);
    expect(confirmation.visibleTo).toBe(a.members.priya);
    expect(confirmation.content).toMatch(/secret ballot.*✅ yes/s);
    const live = await waitForEmbed(h, message.id, '1 vote cast');
    expect(visibleText(live)).not.toMatch(/✅ 1 yes|1 of 4 eligible voted/);
    react(h, a, 'sam', message.id, '✅');
    await waitUntil(() => !reactionsOf(h, message.id)['✅'], 5000, 'the reaction on a secret ballot to be removed');
    const byCommand = await a.reply('sam', 'proposal vote', { proposal: id, choice: 'no' });
    expect(byCommand.content).toMatch(/secret ballot: vote with the buttons/);
    const shown = await a.reply('sam', 'proposal show', { proposal: id });
    expect(visibleText(shown)).not.toContain(a.members.priya);
    // The answer has no buttons: it points to those under the proposal message instead of "below".
    expect(shown.components).toEqual([]);
    expect(visibleText(shown)).toContain('vote with the buttons under the proposal message (link above)');
    expect(visibleText(shown)).not.toContain('buttons below');
    expect(h.bot.services.votes.tally(a.id, id).counts.yes).toBe(1);
    await closeEarly(h, a, 'olivia', id);
    expect(visibleText(h.bed.message(message.id)!)).toMatch(/✅ 1 yes/);
  });

  it('always hides the tally until the close, whatever hide-results says', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message } = await openProposal(h, a, 'marcus', { anonymous: true, 'hide-results': false });
    for (const member of ['priya', 'sam'] as const) {
      await (await h.bed.driver.click({ guildId: a.id, channelId: a.channel('proposals'), messageId: message.id, userId: a.members[member], label: 'No' })).reply();
    }
    const live = await waitForEmbed(h, message.id, '2 votes cast');
    expect(visibleText(live)).not.toMatch(/❌ 2 no|Live tally/);
  });

  it('refuses a tampered button id', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message } = await openProposal(h, a, 'marcus', { anonymous: true });
    const result = await h.bed.driver.rawComponent({ guildId: a.id, channelId: a.channel('proposals'), messageId: message.id, userId: a.members.priya, customId: 'v1:proposal:ballot:abc:y' });
    expect((await result.reply()).content).toMatch(/no longer valid/);
    const foreign = await h.bed.driver.rawComponent({ guildId: a.id, channelId: a.channel('proposals'), messageId: message.id, userId: a.members.priya, customId: 'v1:proposal:ballot:999999:y' });
    expect((await foreign.reply()).content).toMatch(/no proposal #999999/);
  });
});

describe('hide-results', () => {
  it('votes with named ballot buttons, shows only the votes cast while open, and reveals tally and names at the close', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { message, id } = await openProposal(h, a, 'marcus', { 'hide-results': true });
    // Reactions would show who chose what: no voting reactions, and one added by hand is taken off.
    expect(reactionsOf(h, message.id)).toEqual({});
    expect(message.components.flatMap((row) => row.components ?? []).map((c) => c.label)).toEqual(['Yes', 'No', 'Abstain', 'Withdraw my vote', 'Vote with a reason']);
    const click = await h.bed.driver.click({ guildId: a.id, channelId: a.channel('proposals'), messageId: message.id, userId: a.members.priya, label: 'Yes' });
    const confirmation = await click.reply();
    expect(confirmation.ephemeral).toBe(true);
    expect(confirmation.content).toMatch(/your vote on #1 is ✅ yes\. It is shown with your name after the close; until then only you can see it/);
    react(h, a, 'sam', message.id, '❌');
    await waitUntil(() => !reactionsOf(h, message.id)['❌'], 5000, 'the reaction on a hide-results proposal to be removed');
    const shown = await waitForEmbed(h, message.id, '1 vote cast');
    expect(visibleText(shown)).not.toMatch(/✅ 1 yes|❌/);
    const show = await a.reply('sam', 'proposal show', { proposal: id });
    expect(visibleText(show)).not.toContain(a.members.priya);
    expect(h.bot.services.votes.tally(a.id, id).voted).toBe(1);
    await closeEarly(h, a, 'olivia', id);
    expect(visibleText(h.bed.message(message.id)!)).toMatch(/✅ 1 yes/);
    const result = h.bed.messages(a.channel('announcements')).map(visibleText).join('\n');
    expect(result).toMatch(/✅ 1 yes/);
    expect(result).toContain(`✅ <@${a.members.priya}>`);
    expect(visibleText(await a.reply('sam', 'proposal show', { proposal: id }))).toContain(`✅ <@${a.members.priya}>`);
  });
});

describe('shell samples', () => {
  it('seed an open proposal with two votes that the bot posts on reconciliation', async () => {
    const { seedProposalsSamples } = await import('../../src/shell/demo/proposals-samples.js');
    const { reconcileAll } = await import('../../src/discord/proposals/wiring.js');
    const a = await h.newAlliance();
    await a.setup();
    const lee = a.guild.addMember({ username: 'lee' });
    seedProposalsSamples(h.bot.services, { guildId: a.id, members: { ...a.members, lee } });
    await reconcileAll(h.bot.ctx);
    const post = h.bed.messages(a.channel('proposals')).find((m) => m.embeds[0]?.title?.includes('Shared day pass'))!;
    expect(visibleText(post)).toMatch(/2 of 5 eligible voted/);
    expect(field(post, 'Quorum')).toContain('40%');
  });
});

describe('finding proposals', () => {
  it('autocompletes open proposals by title or number, and lists them', async () => {
    const a = await h.newAlliance();
    await a.setup();
    await openProposal(h, a, 'marcus', { title: 'Garden party' });
    const printer = await openProposal(h, a, 'marcus', { title: 'Shared printer' });
    const auto = (focused: string) =>
      h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.sam, name: 'proposal', subcommand: 'vote', focused: 'proposal', options: { proposal: focused, choice: 'yes' } });
    expect((await auto('print')).map((c) => c.name)).toEqual(['#2 Shared printer']);
    expect((await auto('#1')).map((c) => c.name)).toEqual(['#1 Garden party']);
    expect((await auto('print'))[0]!.value).toBe(printer.id);
    const list = await a.reply('sam', 'proposal list');
    expect(visibleText(list)).toMatch(/#1.*Garden party.*\n.*#2.*Shared printer/);
  });
});

describe('from a meeting agenda item', () => {
  it('opens a proposal from an item and writes the outcome back onto it', async () => {
    const a = await h.newAlliance();
    await a.setup();
    // Arrange a meeting with one item through the meetings service (its own commands are tested elsewhere).
    const olivia = { guildId: a.id, userId: a.members.olivia, isOrganizer: true, roleIds: [] };
    const preview = h.bot.services.meetings.previewSchedule(olivia, { title: 'Monthly meeting', when: 'in 3 days at 18:00' });
    const confirmed = h.bot.services.meetings.confirm(olivia, preview.draftId, 0);
    if (confirmed.kind !== 'scheduled') throw new Error('meeting not scheduled');
    const meetingId = confirmed.meetings[0]!.id;
    h.bot.services.meetings.addItem({ ...olivia, userId: a.members.priya, isOrganizer: false }, { meetingId, topic: 'Shared printer for all spaces', minutes: 15 });
    const choices = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.priya, name: 'proposal', subcommand: 'create', focused: 'from-item', options: { title: 'Printer', 'from-item': 'printer' } });
    expect(choices[0]!.name).toContain('Shared printer for all spaces');
    const opened = await openProposal(h, a, 'priya', { title: 'Printer', 'from-item': Number(choices[0]!.value) });
    react(h, a, 'sam', opened.message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, opened.id).voted === 1, 5000, 'the vote');
    await closeEarly(h, a, 'olivia', opened.id);
    const notes = await a.reply('olivia', 'meeting notes', { meeting: meetingId });
    // The meetings renderer escapes markdown, hence the optional backslashes.
    expect(visibleText(notes)).toMatch(/Decision: Passed \\?\(proposal \\?#1: 1 yes, 0 no, 0 abstain\\?\)/);
  });
});
