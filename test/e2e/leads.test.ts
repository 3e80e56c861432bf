// Referrals between spaces through the test bed: a host sends a lead, the receiving hosts get it by DM (or in a
// private thread when DMs are closed) with Accept / Pass, contact details travel only with consent, the sender
// records the outcome and /lead stats counts it; limits and bad input are refused with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { rowCounts } from '../reliability/support/scenario.js';
import { allianceWithSpaces } from './economy-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-10T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

async function lastDm(userId: string, pattern: RegExp): Promise<MessageView> {
  const find = () => {
    const channel = h.bed.dmChannel(userId);
    return channel ? h.bed.messages(channel.id).filter((m) => pattern.test(visibleText(m))).at(-1) : undefined;
  };
  await waitUntil(() => find() !== undefined, 5000, `a DM matching ${pattern}`);
  return find()!;
}

describe('leads between spaces', () => {
  it('is sent by DM, accepted, won, and counted in the stats', async () => {
    const { a, space } = await allianceWithSpaces(h);
    const sent = await a.reply('marcus', 'lead send', { 'to-space': space.harbor, need: 'A private office for 6 from March', size: 6, 'by-date': '2027-03-01', 'contact-consent': true, contact: 'dana@example.org' });
    expect(sent.ephemeral).toBe(true);
    expect(sent.content).toMatch(/Lead #\d+, needed by Monday 1 March 2027, sent to the hosts of \*\*Harbor Desk\*\* by direct message/);
    const offer = await lastDm(a.members.priya, /sent \*\*Harbor Desk\*\* a lead/);
    const text = visibleText(offer);
    expect(text).toContain('A private office for 6 from March');
    expect(text).toContain('6 people');
    expect(text).toContain('Monday 1 March 2027');
    expect(text).toContain('dana@example.org');
    expect(offer.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });

    const accepted = await (await h.bed.driver.click({ channelId: offer.channelId, userId: a.members.priya, messageId: offer.id, label: 'Accept' })).updated();
    expect(accepted.content).toContain('You accepted the lead from **Rainier Commons**');
    expect(accepted.components).toEqual([]);
    expect(visibleText(await lastDm(a.members.marcus, /accepted your lead/))).toContain('**Harbor Desk** accepted your lead');

    const leadId = Number(/#(\d+)/.exec(sent.content)![1]);
    const choices = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, name: 'lead', subcommand: 'outcome', focused: 'lead', options: { lead: '' } });
    expect(choices[0]).toMatchObject({ value: leadId });
    expect(choices[0]!.name).toContain('Harbor Desk');
    const won = await a.reply('marcus', 'lead outcome', { lead: leadId, result: 'won' });
    expect(won.content).toContain('recorded as **won 🎉**');

    const stats = visibleText(await a.reply('sam', 'lead stats'));
    expect(stats).toContain('Leads per space · last 12 months');
    expect(stats).toContain('**Rainier Commons**: sent 1 · received 0 · won 0');
    expect(stats).toContain('**Harbor Desk**: sent 0 · received 1 · won 1');
  });

  it('keeps contact details back without consent, and reaches hosts with closed DMs in a private thread', async () => {
    const { a, space } = await allianceWithSpaces(h);
    const lee = a.guild.addMember({ username: 'lee', dmsOpen: false });
    h.bot.services.directory.addHost({ guildId: a.id, userId: a.members.olivia, isOrganizer: true, roleIds: [] }, space.prairie, lee);
    const sent = await a.reply('marcus', 'lead send', { 'to-space': space.prairie, need: 'Recording studio, half a day' });
    expect(sent.content).toContain('private thread');
    const posted = await h.bed.waitForMessage((m) => m.content.includes('sent **Prairie Hub** a lead') && h.bed.channel(m.channelId)?.type === 12);
    expect(h.bed.channel(posted.channelId)!.memberIds).toContain(lee);
    expect(h.bed.channel(posted.channelId)!.memberIds).not.toContain(a.members.marcus);
    expect(visibleText(posted)).toContain('Not shared: ask the sending space');
    const passed = await (await h.bed.driver.click({ guildId: a.id, channelId: posted.channelId, userId: lee, messageId: posted.id, label: 'Pass' })).updated();
    expect(passed.content).toContain('You passed on the lead');
    expect(visibleText(await lastDm(a.members.marcus, /passed on your lead/))).toContain('**Prairie Hub** passed on your lead');
  });

  it('reads the by-date typed in words in the alliance zone and restates it', async () => {
    const { a, space } = await allianceWithSpaces(h);
    // Tuesday 10 November 2026, 15:00 UTC.
    const sent = await a.reply('marcus', 'lead send', { 'to-space': space.harbor, need: 'Two desks for a week', 'by-date': 'friday' });
    expect(sent.content).toContain('needed by Friday 13 November 2026, sent to the hosts of **Harbor Desk**');
    const later = await a.reply('marcus', 'lead send', { 'to-space': space.prairie, need: 'A meeting room', 'by-date': 'in 3 weeks' });
    expect(later.content).toContain('needed by Tuesday 1 December 2026');
    expect(visibleText(await lastDm(a.members.priya, /Two desks for a week/))).toContain('Friday 13 November 2026');
  });

  it('allows at most 10 open leads per sending space, and refuses bad input with nothing stored', async () => {
    const { a, space } = await allianceWithSpaces(h);
    for (let i = 1; i <= 10; i++) await a.reply('marcus', 'lead send', { 'to-space': space.harbor, need: `Desk number ${i}` });
    const cases: [string, Record<string, string | number | boolean>, RegExp][] = [
      ['marcus', { 'to-space': space.prairie, need: 'Eleventh' }, /already has 10 open leads/],
      ['priya', { 'to-space': space.harbor, need: 'My own' }, /your own space/],
      ['olivia', { 'to-space': space.harbor, need: 'Not a host' }, /Only hosts of a listed member space/],
      ['priya', { 'to-space': space.rainier, need: 'x', contact: '555-0100' }, /only travel when the prospect agreed/],
      ['priya', { 'to-space': space.rainier, need: 'x', 'by-date': '2020-01-01' }, /by-date is in the past/],
      ['priya', { 'to-space': space.rainier, need: 'x', 'by-date': '2026-02-30' }, /by-date "2026-02-30" is not a calendar date/],
      ['priya', { 'to-space': space.rainier, need: 'x', 'by-date': 'soonish' }, /I could not read by-date "soonish" as a day/],
      ['priya', { 'to-space': space.rainier, need: 'x', 'by-date': 'last friday' }, /by-date is in the past/],
      ['priya', { 'to-space': 999_999, need: 'x' }, /to-space is not a listed space/],
      ['priya', { 'to-space': space.rainier, need: '   ' }, /need.*empty/],
    ];
    for (const [member, options, expected] of cases) {
      const before = rowCounts(h);
      const answer = await a.reply(member, 'lead send', options, { force: true });
      expect(answer.ephemeral).toBe(true);
      expect(visibleText(answer)).toMatch(expected);
      expect(rowCounts(h)).toEqual(before);
    }
    const leadId = h.bot.services.leads.sentByMySpaces({ guildId: a.id, userId: a.members.marcus, isOrganizer: false, roleIds: [] })[0]!.id;
    expect(visibleText(await a.reply('sam', 'lead outcome', { lead: leadId, result: 'won' }))).toMatch(/Only the hosts of Rainier Commons/);
    expect(visibleText(await a.reply('sam', 'lead stats', { months: 30 }, { force: true }))).toMatch(/months/);
    // Recording an outcome closes a lead, so the space may send again.
    await a.reply('marcus', 'lead outcome', { lead: leadId, result: 'no-reply' });
    expect((await a.reply('marcus', 'lead send', { 'to-space': space.prairie, need: 'Eleventh, now fine' })).content).toContain('sent to the hosts of **Prairie Hub**');
  });
});
