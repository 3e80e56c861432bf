// The alliance pass through the test bed: spaces say they take it, an organizer issues passes (to a member, or by
// name with a printable code), hosts check visits in at two spaces until it is used up, organizers see the
// month's visits and export them; every bad input is refused privately with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/clock.js';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { rowCounts } from '../reliability/support/scenario.js';
import { allianceWithSpaces, type SpacesWorld } from './economy-support.js';
import { csvText } from '../support/csv.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-10T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const CODE = /\b([A-HJKMNP-Z2-9]{4})-([A-HJKMNP-Z2-9]{4})\b/;

async function passWorld(): Promise<SpacesWorld> {
  const w = await allianceWithSpaces(h);
  await w.a.reply('marcus', 'space edit', { space: w.space.rainier, pass: 'yes', 'pass-terms': 'Weekdays, book a day ahead' });
  await w.a.reply('priya', 'space edit', { space: w.space.harbor, pass: 'yes' });
  return w;
}

async function issue(w: SpacesWorld, options: Record<string, string | number>): Promise<string> {
  const issued = await w.a.reply('olivia', 'pass issue', options);
  const match = CODE.exec(visibleText(issued));
  if (!match) throw new Error(`no code in: ${visibleText(issued)}`);
  return `${match[1]}${match[2]}`;
}

describe('the alliance pass', () => {
  it('shows a space’s pass terms on its profile and marks it in the directory', async () => {
    const w = await passWorld();
    const shown = visibleText(await w.a.reply('sam', 'space show', { space: w.space.rainier }));
    expect(shown).toContain('Alliance pass');
    expect(shown).toContain('Accepted: Weekdays, book a day ahead');
    const found = visibleText(await w.a.reply('sam', 'directory search', { city: 'Seattle' }));
    expect(found).toMatch(/Rainier Commons.*🎫 alliance pass/s);
    const off = await w.a.reply('marcus', 'space edit', { space: w.space.rainier, pass: 'no' });
    expect(visibleText(off)).toContain('Not accepted');
  });

  it('is issued to a member, checked in at two spaces, once a day each, and refused when used up', async () => {
    const w = await passWorld();
    const issued = await w.a.reply('olivia', 'pass issue', { member: w.a.members.sam, visits: 2, 'valid-days': 30 });
    expect(issued.ephemeral).toBe(true);
    expect(visibleText(issued)).toContain('Valid until Wednesday 9 December 2026');
    await waitUntil(() => h.bed.dmChannel(w.a.members.sam) !== undefined && h.bed.messages(h.bed.dmChannel(w.a.members.sam)!.id).length > 0, 5000, 'the pass DM');
    const dm = h.bed.messages(h.bed.dmChannel(w.a.members.sam)!.id).at(-1)!;
    expect(dm.content).toMatch(/You have an alliance pass: 2 visits/);
    const mine = visibleText(await w.a.reply('sam', 'pass mine'));
    expect(mine).toMatch(/2 visits left of 2 · valid until Wednesday 9 December 2026/);

    const first = await w.a.reply('marcus', 'pass checkin', { 'pass-code-or-member': `<@${w.a.members.sam}>`, space: w.space.rainier });
    expect(first.content).toMatch(/Visit recorded .* at \*\*Rainier Commons\*\*.*1 visit left/);
    const twice = await w.a.reply('marcus', 'pass checkin', { 'pass-code-or-member': `<@${w.a.members.sam}>`, space: w.space.rainier });
    expect(twice.content).toMatch(/already checked in at \*\*Rainier Commons\*\* today.*1 visit left/);
    const second = await w.a.reply('priya', 'pass checkin', { 'pass-code-or-member': w.a.members.sam, space: w.space.harbor });
    expect(second.content).toMatch(/Harbor Desk.*0 visits left/);

    h.clock.advance(DAY);
    const before = rowCounts(h);
    const usedUp = await w.a.reply('marcus', 'pass checkin', { 'pass-code-or-member': `<@${w.a.members.sam}>`, space: w.space.rainier });
    expect(usedUp.ephemeral).toBe(true);
    expect(usedUp.content).toContain('no visits left');
    expect(rowCounts(h)).toEqual(before);
    expect(visibleText(await w.a.reply('sam', 'pass mine'))).toContain('used up');
  });

  it('gives someone outside Discord a printable code that works at the front desk, until it expires', async () => {
    const w = await passWorld();
    const issued = await w.a.reply('olivia', 'pass issue', { 'holder-name': 'Dana from the library', 'valid-days': 1, note: '=paid cash' });
    expect(visibleText(issued)).toContain('Print or forward the card');
    expect(visibleText(issued)).toContain('For Dana from the library');
    const code = CODE.exec(visibleText(issued))!;
    const typed = `${code[1]!.toLowerCase()} ${code[2]}`;
    const done = await w.a.reply('priya', 'pass checkin', { 'pass-code-or-member': typed, space: w.space.harbor });
    expect(done.content).toContain('Visit recorded for Dana from the library');
    h.clock.advance(DAY);
    const expired = await w.a.reply('marcus', 'pass checkin', { 'pass-code-or-member': typed, space: w.space.rainier });
    expect(expired.content).toContain('expired');
    h.clock.advance(-DAY);
  });

  it('shows organizers the month’s visits per space and per pass, and exports them as safe CSV', async () => {
    const w = await passWorld();
    const sam = await issue(w, { member: w.a.members.sam, visits: 5 });
    const dana = await issue(w, { 'holder-name': '=HYPERLINK("x")', visits: 5 });
    for (const [member, space] of [['marcus', w.space.rainier], ['priya', w.space.harbor]] as const) {
      await w.a.reply(member, 'pass checkin', { 'pass-code-or-member': sam, space });
    }
    await w.a.reply('marcus', 'pass checkin', { 'pass-code-or-member': dana, space: w.space.rainier });
    const report = await w.a.reply('olivia', 'pass visits', { month: '2026-11' });
    const text = visibleText(report);
    expect(report.ephemeral).toBe(true);
    expect(text).toContain('Pass visits · November 2026 · 3 visits');
    expect(text).toContain('Rainier Commons: 2 visits (66.7%)');
    expect(text).toContain('Harbor Desk: 1 visit (33.3%)');
    expect(text).toContain(`<@${w.a.members.sam}>: 2 visits`);
    expect(visibleText(await w.a.reply('olivia', 'pass visits', { month: '2026-10' }))).toContain('No pass visits in October 2026');

    const exported = await w.a.reply('olivia', 'pass export');
    const csv = csvText(exported.attachments[0]!);
    expect(csv.split('\r\n')[0]).toBe('day,space,pass,holder_id,holder_name');
    expect(csv).toMatch(new RegExp(`2026-11-\\d\\d,Rainier Commons,${sam},${w.a.members.sam},`));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('is in the holder’s /privacy export; after /privacy delete the visits still count, without their name', async () => {
    const w = await passWorld();
    const code = await issue(w, { member: w.a.members.sam, visits: 3 });
    await w.a.reply('marcus', 'pass checkin', { 'pass-code-or-member': code, space: w.space.rainier });
    const exported = JSON.parse((await w.a.reply('sam', 'privacy export')).attachments[0]!.data.toString('utf8')) as { data: Record<string, { code?: string }[]> };
    expect(exported.data['passes']!.map((p) => p.code)).toEqual([code]);
    const confirm = await w.a.reply('sam', 'privacy delete');
    expect(visibleText(confirm)).toContain('alliance passes (the spaces keep the visits, without your name)');
    await (await h.bed.driver.click({ guildId: w.a.id, channelId: confirm.channelId, userId: w.a.members.sam, messageId: confirm.id, label: 'Delete my data' })).updated();
    const report = visibleText(await w.a.reply('olivia', 'pass visits'));
    expect(report).toContain('Rainier Commons: 1 visit');
    expect(report).toContain('a former member: 1 visit');
    expect(report).not.toContain(w.a.members.sam);
    expect(visibleText(await w.a.reply('sam', 'pass mine'))).toContain('You hold no alliance pass');
  });

  it('refuses bad input privately and stores nothing', async () => {
    const w = await passWorld();
    const bot = w.a.guild.addMember({ username: 'helper-bot', bot: true });
    const outsider = (await h.newAlliance()).members.sam;
    const cases: [string, string, Record<string, string | number>, RegExp][] = [
      ['olivia', 'pass issue', { member: bot }, /bots cannot hold one/],
      ['olivia', 'pass issue', {}, /Say who the pass is for/],
      ['olivia', 'pass issue', { member: outsider }, /not a member of this server/],
      ['olivia', 'pass issue', { member: w.a.members.sam, 'holder-name': 'Dana' }, /either a member or a holder-name/],
      ['olivia', 'pass issue', { member: w.a.members.sam, visits: 0 }, /visits/],
      ['olivia', 'pass issue', { member: w.a.members.sam, 'valid-days': 731 }, /valid-days/],
      ['olivia', 'pass visits', { month: 'November' }, /month like 2026-11/],
      ['marcus', 'pass checkin', { 'pass-code-or-member': 'not a code!', space: w.space.rainier }, /neither a pass code/],
      ['marcus', 'pass checkin', { 'pass-code-or-member': 'ABCD-EFGH', space: w.space.rainier }, /No pass with that code/],
      ['marcus', 'pass checkin', { 'pass-code-or-member': `<@${w.a.members.priya}>`, space: w.space.harbor }, /Only a host of Harbor Desk/],
      ['sam', 'pass checkin', { 'pass-code-or-member': `<@${w.a.members.priya}>`, space: w.space.prairie }, /does not accept the alliance pass/],
      ['sam', 'space edit', { space: w.space.rainier, pass: 'no' }, /Only the space’s hosts or an organizer/],
      ['marcus', 'space edit', { space: w.space.rainier, 'pass-terms': 'x'.repeat(301) }, /pass-terms/],
      ['marcus', 'pass issue', { member: w.a.members.sam }, /Only organizers/],
    ];
    for (const [member, path, options, expected] of cases) {
      const before = rowCounts(h);
      const answer = await w.a.reply(member, path, options, { force: true });
      expect(answer.ephemeral, path).toBe(true);
      expect(visibleText(answer), path).toMatch(expected);
      expect(visibleText(answer)).not.toMatch(/at \w+ \(|\.ts:|Error:/);
      expect(rowCounts(h), path).toEqual(before);
    }
  });
});
