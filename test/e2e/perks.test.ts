// Member perks through the test bed: an organizer adds a partner's perk, every member lists it (the code only in
// their private answer), it disappears on its own after its last day, organizers remove one; bad input refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/clock.js';
import { startHarness, visibleText, type Harness } from '../support/bot.js';
import { rowCounts } from '../reliability/support/scenario.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-10T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

describe('member perks', () => {
  it('is added, listed privately with its code, and gone after its last day', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const added = await a.reply('olivia', 'perks add', { title: '20% off bookkeeping', partner: 'Ledger & Co', details: 'First year of bookkeeping for member spaces', code: 'ALLY20', until: '2026-11-11', link: 'https://ledger.example/ally' });
    expect(added.ephemeral).toBe(true);
    expect(added.content).toContain('Perk added: **20% off bookkeeping** from Ledger & Co, until Wednesday 11 November 2026');
    await a.reply('olivia', 'perks add', { title: 'Free ergonomic check', partner: 'ChairFix', details: 'One visit per space' });

    const listed = await a.reply('sam', 'perks list');
    expect(listed.ephemeral).toBe(true);
    const text = visibleText(listed);
    expect(text).toContain('2 member perks');
    expect(text).toContain('**20% off bookkeeping** · Ledger & Co');
    expect(text).toContain('Code: `ALLY20`');
    expect(text).toContain('https://ledger.example/ally');
    expect(text).toContain('Until Wednesday 11 November 2026');
    // No public message anywhere carries the code.
    for (const name of ['general', 'announcements']) expect(h.bed.messages(a.channel(name)).filter((m) => !m.ephemeral).map(visibleText).join('\n')).not.toContain('ALLY20');

    h.clock.advance(2 * DAY);
    const later = visibleText(await a.reply('sam', 'perks list'));
    expect(later).toContain('Member perk');
    expect(later).toContain('Free ergonomic check');
    expect(later).not.toContain('bookkeeping');
    h.clock.advance(-2 * DAY);
  });

  it('reads its last day typed in words in the alliance zone and restates it', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Pacific/Auckland' });
    // Tuesday 10 November 15:00 UTC is already Wednesday 11 November in Auckland.
    const added = await a.reply('olivia', 'perks add', { title: 'Coffee for a week', partner: 'Bean Co', details: 'Free filter coffee', until: 'friday' });
    expect(added.content).toContain('until Friday 13 November 2026');
    const tomorrow = await a.reply('olivia', 'perks add', { title: 'Cake day', partner: 'Bakery', details: 'One slice', until: 'tomorrow' });
    expect(tomorrow.content).toContain('until Thursday 12 November 2026');
    const monthEnd = await a.reply('olivia', 'perks add', { title: 'Print credits', partner: 'PrintHub', details: '100 pages', until: 'end of month' });
    expect(monthEnd.content).toContain('until Monday 30 November 2026');
  });

  it('is removed by an organizer, and bad input is refused with nothing stored', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('olivia', 'perks add', { title: 'Insurance review', partner: 'SafeDesk', details: 'A free policy review' });
    const choices = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: 'perks', subcommand: 'remove', focused: 'perk', options: { perk: 'insur' } });
    expect(choices).toHaveLength(1);
    const cases: [string, string, Record<string, string | number>, RegExp][] = [
      ['olivia', 'perks add', { title: 'Old', partner: 'P', details: 'D', until: '2026-11-09' }, /until is in the past/],
      ['olivia', 'perks add', { title: 'Bad', partner: 'P', details: 'D', until: '11/12/2026' }, /until "11\/12\/2026" can be read two ways/],
      ['olivia', 'perks add', { title: 'Vague', partner: 'P', details: 'D', until: 'until it runs out' }, /I could not read until "until it runs out" as a day/],
      ['olivia', 'perks add', { title: 'Far', partner: 'P', details: 'D', until: '2040-01-01' }, /until: Sunday 1 January 2040 is too far ahead/],
      ['olivia', 'perks add', { title: 'Farish', partner: 'P', details: 'D', until: '2031-12-01' }, /more than 5 years/],
      ['olivia', 'perks add', { title: 'Link', partner: 'P', details: 'D', link: 'javascript:alert(1)' }, /link.*http/],
      ['olivia', 'perks add', { title: '  ', partner: 'P', details: 'D' }, /title.*empty/],
      ['marcus', 'perks add', { title: 'Mine', partner: 'P', details: 'D' }, /Only organizers/],
      ['marcus', 'perks remove', { perk: Number(choices[0]!.value) }, /Only organizers/],
      ['olivia', 'perks remove', { perk: 999_999 }, /No such perk/],
    ];
    for (const [member, path, options, expected] of cases) {
      const before = rowCounts(h);
      const answer = await a.reply(member, path, options, { force: true });
      expect(answer.ephemeral).toBe(true);
      expect(visibleText(answer)).toMatch(expected);
      expect(rowCounts(h)).toEqual(before);
    }
    const removed = await a.reply('olivia', 'perks remove', { perk: Number(choices[0]!.value) });
    expect(removed.content).toContain('Removed the perk **Insurance review**');
    expect(visibleText(await a.reply('sam', 'perks list'))).toContain('No member perks right now');
  });
});
