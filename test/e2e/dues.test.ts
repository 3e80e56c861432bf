// Dues end to end through the test bed with the real bot: a plan, payments, a space falling out of good standing
// after the grace days (injected clock), corrections, the export, reminders sent exactly once (DM, or a private
// thread for a host who closed DMs), a vote by spaces in good standing, the organizers' line of the monthly
// update, and bad input refused with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAlliance, seedDemoData } from '../../src/shell/demo/demo-alliance.js';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, waitUntil, type Alliance, type Harness } from '../support/bot.js';
import { closeEarly, openProposal, react } from './proposals-support.js';
import { csvText } from '../support/csv.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2027-01-05T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

/** Approved member spaces hosted by the given members, registered through the directory's own service. */
function spacesOf(a: Alliance, hosts: Record<string, string>): Record<string, number> {
  const dir = h.bot.services.directory;
  const organizer = { guildId: a.id, userId: a.members.olivia, isOrganizer: true, roleIds: [] };
  const ids: Record<string, number> = {};
  for (const [name, host] of Object.entries(hosts)) {
    const { space } = dir.register({ guildId: a.id, userId: a.userId(host), isOrganizer: false, roleIds: [] }, { name, city: 'Seattle', country: 'US', desks: 10 });
    if (space.status === 'pending') dir.approve(organizer, space.id);
    ids[name] = space.id;
  }
  return ids;
}

const plan = { amount: '50', currency: 'USD', period: 'monthly', 'grace-days': 10, starts: '2027-01-01' };
const ledgerSize = () => (h.bot.database.sqlite.prepare('SELECT COUNT(*) AS n FROM dues_entries').get() as { n: number }).n;
const dms = (userId: string): MessageView[] => {
  const channel = h.bed.dmChannel(userId);
  return channel ? h.bed.messages(channel.id) : [];
};

describe('/dues', () => {
  it('a plan, payments, and a space falling out of good standing after the grace days', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const ids = spacesOf(a, { 'Rainier Commons': 'marcus', 'Chai and Code': 'priya', 'Hilltop Hub': 'sam' });

    const currencies = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: 'dues', subcommand: 'plan', focused: 'currency', options: { currency: 'us' } });
    expect(currencies.map((c) => c.value)).toContain('USD');
    const spaceChoices = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: 'dues', subcommand: 'record', focused: 'space', options: { space: 'Chai' } });
    expect(spaceChoices.map((c) => c.value)).toEqual([ids['Chai and Code']]);
    const saved = await a.reply('olivia', 'dues plan', plan);
    expect(saved.ephemeral).toBe(true);
    expect(saved.content).toContain('$50.00 per month from Friday 1 January 2027, with 10 grace days');
    expect((await a.reply('olivia', 'dues record', { space: ids['Rainier Commons']!, amount: '150' })).content).toContain('Entry #1: $150.00 from **Rainier Commons**, paid Tuesday 5 January 2027, covering until Wednesday 31 March 2027');
    expect((await a.reply('olivia', 'dues record', { space: ids['Chai and Code']!, amount: '50.00', note: 'cheque' })).content).toContain('covering until Sunday 31 January 2027');

    const own = visibleText(await a.reply('marcus', 'dues status'));
    expect(own).toContain('Dues: your spaces');
    expect(own).toContain('paid through Wednesday 31 March 2027');
    expect(own).not.toContain('Chai and Code');

    h.clock.set('2027-02-10T12:00:00Z');
    expect(visibleText(await a.reply('priya', 'dues status'))).toContain('due, in the grace days');
    h.clock.set('2027-02-11T12:00:00Z');
    const late = await a.reply('priya', 'dues status');
    expect(visibleText(late)).toMatch(/Chai and Code\*\* · 🔴 overdue · paid through Sunday 31 January 2027 · \$50\.00 owed/);
    expect(visibleText(late)).toContain('#2 · $50.00 paid Tuesday 5 January 2027');

    const all = await a.reply('olivia', 'dues status');
    expect(all.embeds[0]!.title).toBe('Dues: every member space');
    const order = ['Chai and Code', 'Hilltop Hub', 'Rainier Commons'].map((name) => all.embeds[0]!.description!.indexOf(`**${name}**`));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(all.embeds[0]!.description).toContain('1 space of 3 in good standing today.');
    expect(visibleText(await a.reply('marcus', 'dues status', { space: ids['Chai and Code']! }))).toContain('Only organizers and the hosts of a space');

    expect((await a.reply('olivia', 'dues correct', { entry: 1, note: 'bounced' })).content).toContain('Entry #3 reverses entry #1');
    expect(visibleText(await a.reply('marcus', 'dues status'))).toContain('🔴 overdue');

    const exported = await a.reply('olivia', 'dues export');
    expect(exported.ephemeral).toBe(true);
    const csv = csvText(exported.attachments[0]!);
    expect(csv.trim().split('\r\n')).toHaveLength(4);
    expect(csv).toContain("3,reversal,");
    expect(csv).toContain("'-150.00,-15000,USD");
  });

  it('refuses bad input with a short private answer naming the option, and stores nothing', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const ids = spacesOf(a, { 'Rainier Commons': 'marcus' });
    const refusals: [string, Record<string, string | number>, RegExp][] = [
      ['dues record', { space: ids['Rainier Commons']!, amount: '50' }, /no dues plan yet/],
      ['dues plan', { ...plan, amount: '-50' }, /amount must be more than zero/],
      ['dues plan', { ...plan, amount: '1000000.01' }, /at most \$1,000,000\.00/],
      ['dues plan', { ...plan, amount: '12.345' }, /at most 2 decimals/],
      ['dues plan', { ...plan, currency: 'XQZ' }, /ISO 4217/],
      ['dues plan', { ...plan, starts: '1926-01-01' }, /starts is too far in the past/],
      ['dues plan', { ...plan, starts: '2027-02-31' }, /starts "2027-02-31" is not a calendar date/],
    ];
    for (const [path, options, message] of refusals) {
      const answer = await a.reply('olivia', path, options);
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).toMatch(message);
      expect(answer.content).not.toMatch(/at .*\.ts|Error:/);
    }
    expect(h.bot.services.dues.plan(a.id)).toBeNull();
    await a.reply('olivia', 'dues plan', plan);
    const before = ledgerSize();
    for (const [options, message] of [
      [{ amount: '0' }, /more than zero/],
      [{ amount: '2000000' }, /at most/],
      [{ amount: '75' }, /covers-until/],
      [{ amount: '50', 'paid-on': '2030-01-01' }, /paid-on is too far in the future/],
      [{ amount: '50', 'covers-until': '2099-12-31' }, /covers-until: Thursday 31 December 2099 is too far ahead/],
      [{ amount: '@SUM(A1)' }, /amount must be a number/],
    ] as [Record<string, string>, RegExp][]) {
      const answer = await a.reply('olivia', 'dues record', { space: ids['Rainier Commons']!, ...options });
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).toMatch(message);
    }
    expect((await a.reply('olivia', 'dues correct', { entry: 42 })).content).toContain('no dues entry #42');
    // A plain member past the hidden command (a modified client): refused server-side.
    const forced = await (await a.run('marcus', 'dues record', { space: ids['Rainier Commons']!, amount: '50' }, { force: true })).reply();
    expect(forced.content).toMatch(/Only organizers/);
    expect(ledgerSize()).toBe(before);
  });

  it('reads days typed in words ("last friday", "yesterday", "1 january") in the alliance zone and restates them', async () => {
    h.clock.set('2027-01-05T15:00:00Z'); // Tuesday 5 January, 10:00 in New York
    const a = await h.newAlliance();
    await a.setup({ timezone: 'America/New_York' });
    const ids = spacesOf(a, { 'Rainier Commons': 'marcus' });
    const space = ids['Rainier Commons']!;
    // Four days ago is nearer than next year's: the plan starts this month.
    expect((await a.reply('olivia', 'dues plan', { ...plan, starts: '1 january' })).content).toContain('from Friday 1 January 2027');
    const paid = await a.reply('olivia', 'dues record', { space, amount: '100', 'paid-on': 'last friday', 'covers-until': '28 february' });
    expect(paid.content).toContain('paid Friday 1 January 2027, covering until Sunday 28 February 2027');
    const more = await a.reply('olivia', 'dues record', { space, amount: '50', 'paid-on': 'yesterday' });
    expect(more.content).toContain('paid Monday 4 January 2027, covering until Wednesday 31 March 2027');
    // 22:00 on Tuesday in New York is already Wednesday in UTC: "today" is the alliance's day.
    h.clock.set('2027-01-06T03:00:00Z');
    expect((await a.reply('olivia', 'dues record', { space, amount: '50', 'paid-on': 'today' })).content).toContain('paid Tuesday 5 January 2027');

    const before = ledgerSize();
    for (const [options, message] of [
      [{ 'paid-on': 'whenever' }, /I could not read paid-on "whenever" as a day: try "2026-12-29", "last friday" or "yesterday"/],
      [{ 'covers-until': '11/12/2027' }, /covers-until "11\/12\/2027" can be read two ways/],
    ] as [Record<string, string>, RegExp][]) {
      const answer = await a.reply('olivia', 'dues record', { space, amount: '50', ...options });
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).toMatch(message);
    }
    expect(ledgerSize()).toBe(before);
    const refusedPlan = await a.reply('olivia', 'dues plan', { ...plan, amount: '70', starts: 'someday' });
    expect(refusedPlan.content).toMatch(/I could not read starts "someday" as a day/);
    expect(h.bot.services.dues.plan(a.id)?.amountMinor).toBe(5000);
  });

  it('reminders: one DM 7 days before the due day and one when overdue, exactly once across restarts; a thread when DMs are closed', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'America/New_York', announcements: a.channel('general') });
    const lee = a.guild.addMember({ username: 'lee', dmsOpen: false });
    const ids = spacesOf(a, { 'Rainier Commons': 'marcus', 'Lee Loft': 'lee' });
    await a.reply('olivia', 'dues plan', plan);
    await a.reply('olivia', 'dues record', { space: ids['Rainier Commons']!, amount: '50' });
    await a.reply('olivia', 'dues record', { space: ids['Lee Loft']!, amount: '50' });
    await a.reply('priya', 'dues reminders off');

    // 09:59 New York time on January 25: not yet.
    h.clock.set('2027-01-25T14:59:00Z');
    await h.bot.scheduler.tick();
    expect(dms(a.members.marcus)).toHaveLength(0);
    h.clock.set('2027-01-25T15:00:00Z');
    await h.bot.scheduler.tick();
    await waitUntil(() => dms(a.members.marcus).length === 1, 5000, 'the due-soon DM');
    expect(dms(a.members.marcus)[0]!.content).toContain('Dues for **Rainier Commons**: $50.00 is due on Monday 1 February 2027');
    const inThread = await h.bed.waitForMessage((m) => m.content.includes('Dues for **Lee Loft**'));
    expect(h.bed.channel(inThread.channelId)).toMatchObject({ type: 12, memberIds: expect.arrayContaining([lee]) });
    expect(inThread.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });

    await h.bot.scheduler.tick();
    await h.restart();
    await h.bot.scheduler.tick();
    expect(dms(a.members.marcus)).toHaveLength(1);

    // Within the grace days nothing more; the day after them, one overdue reminder.
    h.clock.set('2027-02-05T15:00:00Z');
    await h.bot.scheduler.tick();
    expect(dms(a.members.marcus)).toHaveLength(1);
    h.clock.set('2027-02-11T15:00:00Z');
    await h.bot.scheduler.tick();
    await waitUntil(() => dms(a.members.marcus).length === 2, 5000, 'the overdue DM');
    expect(dms(a.members.marcus)[1]!.content).toContain('Dues for **Rainier Commons** are overdue: $50.00 was due on Monday 1 February 2027');
    await h.restart();
    await h.bot.scheduler.tick();
    h.clock.set('2027-02-12T15:00:00Z');
    await h.bot.scheduler.tick();
    expect(dms(a.members.marcus)).toHaveLength(2);
  });

  it('a bot that was down sends a reminder late within its grace, and never one whose moment is long gone', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const ids = spacesOf(a, { 'Late Loft': 'priya' });
    await a.reply('olivia', 'dues plan', plan);
    await a.reply('olivia', 'dues record', { space: ids['Late Loft']!, amount: '50' });
    // Down from before January 25 10:00 until the next afternoon: the due-soon reminder goes out late, once.
    h.clock.set('2027-01-26T16:00:00Z');
    await h.restart();
    await h.bot.scheduler.tick();
    await waitUntil(() => dms(a.members.priya).length === 1, 5000, 'the late due-soon DM');
    // Down again over the overdue day and a week beyond: that reminder is skipped, not sent weeks late.
    h.clock.set('2027-02-25T16:00:00Z');
    await h.restart();
    await h.bot.scheduler.tick();
    expect(dms(a.members.priya)).toHaveLength(1);
    // (The January reminders planned with the plan were cancelled by the payment; February's overdue one missed its grace.)
    expect(h.bot.services.jobs.list(a.id, ['dues-overdue']).map((j) => [j.payload['dueOn'], j.status])).toEqual([['2027-01-01', 'cancelled'], ['2027-02-01', 'skipped']]);
  });

  it('a host who turned reminders off gets none', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const ids = spacesOf(a, { 'Quiet Desk': 'sam' });
    await a.reply('olivia', 'dues plan', plan);
    await a.reply('olivia', 'dues record', { space: ids['Quiet Desk']!, amount: '50' });
    expect((await a.reply('sam', 'dues reminders off')).content).toContain('Dues reminders are off');
    h.clock.set('2027-01-25T10:00:00Z');
    await h.bot.scheduler.tick();
    expect(dms(a.members.sam)).toHaveLength(0);
  });
});

describe('voters: spaces-in-good-standing', () => {
  it('a proposal counts one vote per space in good standing, cast by any host, the last one counting', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const ids = spacesOf(a, { 'Rainier Commons': 'marcus', 'Chai and Code': 'priya', 'Hilltop Hub': 'sam' });
    h.bot.services.directory.addHost({ guildId: a.id, userId: a.members.marcus, isOrganizer: false, roleIds: [] }, ids['Rainier Commons']!, a.members.olivia);
    await a.reply('olivia', 'dues plan', plan);
    await a.reply('olivia', 'dues record', { space: ids['Rainier Commons']!, amount: '50' });
    await a.reply('olivia', 'dues record', { space: ids['Chai and Code']!, amount: '50' });
    h.clock.set('2027-01-20T15:00:00Z');

    const opened = await openProposal(h, a, 'marcus', { voters: 'spaces-in-good-standing' });
    expect(visibleText(opened.message)).toContain('One vote per member space in good standing (2 spaces)');
    react(h, a, 'marcus', opened.message.id, '✅');
    react(h, a, 'priya', opened.message.id, '❌');
    react(h, a, 'sam', opened.message.id, '✅');
    await waitUntil(() => h.bot.services.votes.tally(a.id, opened.id).voted === 2, 5000, 'two space votes');
    react(h, a, 'olivia', opened.message.id, '❌');
    await waitUntil(() => h.bot.services.votes.tally(a.id, opened.id).counts?.no === 2, 5000, 'the co-host’s vote to replace the first');
    const closed = await closeEarly(h, a, 'olivia', opened.id);
    expect(closed.content).toContain(`Closed #${opened.number}`);
    const result = h.bed.messages(a.channel('announcements')).find((m) => visibleText(m).includes(`Proposal #${opened.number}`))!;
    expect(visibleText(result)).toMatch(/failed/i);
    expect(visibleText(result)).toMatch(/2 of 2 eligible voted/);
  });
});

describe('the monthly update', () => {
  it('tells organizers in their channel how many spaces are in good standing, never in the public update', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const ids = spacesOf(a, { 'Rainier Commons': 'marcus', 'Chai and Code': 'priya' });
    await a.reply('olivia', 'dues plan', plan);
    await a.reply('olivia', 'dues record', { space: ids['Rainier Commons']!, amount: '100' });
    h.clock.set('2027-01-20T15:00:00Z');
    const preview = await a.run('olivia', 'updates preview');
    await preview.reply();
    await waitUntil(() => preview.followups().some((m) => visibleText(m).includes('good standing')), 5000, 'the organizers part of the preview');
    await a.reply('olivia', 'updates post-now');
    const organizers = h.bed.messages(a.channel('organizers')).filter((m) => m.fromBot).map(visibleText).join('\n');
    expect(organizers).toContain('1 member space is in good standing out of 2; 1 space is overdue');
    const announcements = h.bed.messages(a.channel('announcements')).filter((m) => m.fromBot).map(visibleText).join('\n');
    expect(announcements).toContain('Alliance update');
    expect(announcements).not.toMatch(/good standing|Dues/);
  });
});

describe('privacy', () => {
  it('the export holds the ledger entries a member recorded; after deletion they stay as the spaces’ records without the member', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const ids = spacesOf(a, { 'Rainier Commons': 'marcus' });
    await a.reply('olivia', 'dues plan', plan);
    await a.reply('olivia', 'dues record', { space: ids['Rainier Commons']!, amount: '50', note: 'wire' });
    const exported = await a.reply('olivia', 'privacy export');
    const file = JSON.parse(exported.attachments[0]!.data.toString('utf8')) as { data: Record<string, Record<string, unknown>[]> };
    expect(file.data['dues_entries']).toEqual([expect.objectContaining({ spaceName: 'Rainier Commons', amountMinor: 5000, note: 'wire', recordedBy: a.members.olivia })]);

    const confirm = await a.reply('olivia', 'privacy delete');
    expect(visibleText(confirm)).toContain('dues payments you recorded');
    await (await h.bed.driver.click({ guildId: a.id, channelId: confirm.channelId, userId: a.members.olivia, messageId: confirm.id, label: 'Delete my data' })).updated();
    const after = JSON.parse((await a.reply('olivia', 'privacy export')).attachments[0]!.data.toString('utf8')) as { data: Record<string, unknown[]> };
    expect(after.data['dues_entries']).toBeUndefined();
    const row = h.bot.database.sqlite.prepare('SELECT recorded_by AS recordedBy, amount_minor AS amount FROM dues_entries WHERE guild_id = ?').get(a.id);
    expect(row).toEqual({ recordedBy: null, amount: 5000 });
    expect(visibleText(await a.reply('marcus', 'dues status'))).toContain('paid through Sunday 31 January 2027');
  });
});

describe('the shell demo', () => {
  it('has a dues plan with payments and one overdue space, and starting it sends no reminder', async () => {
    h.clock.set('2027-01-05T15:00:00Z');
    const guild = createDemoAlliance(h.bed);
    await waitUntil(() => h.bot.ctx.client.guilds.cache.has(guild.id), 5000, 'the demo guild');
    const warnings: string[] = [];
    const requestsBefore = h.bed.requests.length;
    await seedDemoData(h.bot, guild, (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    const organizer = { guildId: guild.id, userId: guild.ownerId, isOrganizer: true, roleIds: [] };
    const report = h.bot.services.dues.status(organizer);
    expect(report.plan).toMatchObject({ amountMinor: 4500, currency: 'USD', period: 'monthly', startsOn: '2026-10-01' });
    expect(report.spaces.filter((s) => s.standing === 'overdue')).toHaveLength(1);
    expect(report.spaces.filter((s) => s.standing === 'paid').length).toBeGreaterThan(5);
    await h.bot.scheduler.tick();
    h.clock.set('2027-01-05T16:30:00Z');
    await h.bot.scheduler.tick();
    // Neither a DM nor a thread message about dues: nothing the bot sent mentions them.
    const duesPosts = h.bed.requests.slice(requestsBefore).filter((r) => r.method === 'POST' && JSON.stringify(r.body ?? '').includes('Dues for'));
    expect(duesPosts).toEqual([]);
  });
});
