// Meeting answers that say what matters (issue #14): notices when a meeting moves or is cancelled, a warning for
// a meeting at the time of another, "looks like #12" with Add anyway for ideas and agenda items, one "over time"
// mark per agenda, "serves no current priority" only when priorities exist, and plurals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/shared/clock.js';
import { zonedParts } from '../../src/shared/zoned-time.js';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, waitUntil, type Alliance, type Harness } from '../support/bot.js';

// The test bed checks event times against the real clock, so the bot's clock starts at the real "now".
const NOW = Math.floor(Date.now() / HOUR) * HOUR;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: new Date(NOW).toISOString() });
});
afterAll(async () => {
  await h?.stop();
});

function day(days: number): string {
  const p = zonedParts(h.clock.now().getTime() + days * DAY, 'UTC');
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** What a member reads: Discord hides the backslashes that escape markdown. */
const seen = (text: string) => text.replace(/\\([\\*_`~|>[\]()#-])/g, '$1');
const click = (a: Alliance, member: string, message: MessageView, label: string) =>
  h.bed.driver.click({ guildId: a.id, channelId: message.channelId, userId: a.userId(member), messageId: message.id, label });
const meetingPosts = (a: Alliance) => h.bed.messages(a.channel('meetings')).filter((m) => m.fromBot);

async function schedule(a: Alliance, member: string, title: string, when: string): Promise<number> {
  const preview = await a.reply(member, 'meeting schedule', { title, when });
  await (await click(a, member, preview, 'Confirm')).updated();
  return h.bot.services.meetings.list(a.id).find((m) => m.title === title)!.id;
}

describe('meeting changes', () => {
  it('rescheduling posts a short notice in the meeting channel, and so does cancelling', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const id = await schedule(a, 'sam', 'Board call', `${day(5)} 17:00`);
    const preview = await a.reply('sam', 'meeting reschedule', { meeting: id, when: `${day(6)} 18:00` });
    await (await click(a, 'sam', preview, 'Confirm')).updated();
    const moved = await h.bed.waitForMessage((m) => m.channelId === a.channel('meetings') && m.content.includes('has moved'));
    const from = Date.parse(`${day(5)}T17:00:00Z`) / 1000;
    const to = Date.parse(`${day(6)}T18:00:00Z`) / 1000;
    expect(moved.content).toContain(`**Board call** has moved from <t:${from}:F> to <t:${to}:F>`);
    expect(moved.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });

    await a.reply('sam', 'meeting cancel', { meeting: id });
    const cancelled = await h.bed.waitForMessage((m) => m.channelId === a.channel('meetings') && m.content.includes('is cancelled'));
    expect(cancelled.content).toBe(`🚫 **Board call** on <t:${to}:F> is cancelled.`);
  });

  it('a meeting scheduled at the time of another gets a warning naming it, and can still be confirmed', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await schedule(a, 'olivia', 'Monthly meetup', `${day(4)} 18:00`);
    const clash = await a.reply('marcus', 'meeting schedule', { title: 'Insurance talk', when: `${day(4)} 18:30` });
    expect(visibleText(clash)).toMatch(/⚠️ \*\*Monthly meetup\*\* \(<t:\d+:F>\) is already at that time/);
    const apart = await a.reply('marcus', 'meeting schedule', { title: 'Insurance talk', when: `${day(4)} 21:00` });
    expect(visibleText(apart)).not.toContain('already at that time');
    await (await click(a, 'marcus', clash, 'Confirm')).updated();
    expect(h.bot.services.meetings.list(a.id).map((m) => m.title)).toEqual(['Monthly meetup', 'Insurance talk']);
  });
});

describe('near duplicates', () => {
  it('an idea like a parked one gets "looks like #N" and parks only with Add anyway', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const first = await a.reply('marcus', 'ideas add', { text: 'Alliance-wide member discount card' });
    const id = Number(/\(#(\d+)\)/.exec(first.content)![1]);
    const again = await a.reply('priya', 'ideas add', { text: 'alliance wide  membre discount card!' });
    expect(again.ephemeral).toBe(true);
    expect(seen(again.content)).toContain(`This looks like #${id}, already parked: **Alliance-wide member discount card**`);
    expect(h.bot.services.ideas.listIdeas({ guildId: a.id, userId: a.members.priya, isOrganizer: false, roleIds: [] }).ideas).toHaveLength(1);
    const added = await (await click(a, 'priya', again, 'Add anyway')).updated();
    expect(added.content).toBe('✅ Added anyway.');
    expect(added.components).toEqual([]);
    const announced = await h.bed.waitForMessage((m) => m.channelId === a.channel('general') && !m.ephemeral && seen(m.content).includes('Parked: **alliance wide  membre discount card!**'));
    expect(announced.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
    const ideas = h.bot.services.ideas.listIdeas({ guildId: a.id, userId: a.members.priya, isOrganizer: false, roleIds: [] }).ideas;
    expect(ideas.map((i) => i.text)).toEqual(['Alliance-wide member discount card', 'alliance wide  membre discount card!']);
    const unrelated = await a.reply('sam', 'ideas add', { text: 'Alliance-wide member discount map' });
    expect(unrelated.content).toContain('💡 Parked');
  });

  it('an agenda item like one on the same agenda gets "looks like #N" with Add anyway', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const meeting = await schedule(a, 'olivia', 'Planning', `${day(8)} 18:00`);
    await a.reply('marcus', 'agenda add', { meeting, topic: 'Shared insurance quotes', minutes: 20 });
    const item = h.bot.services.meetings.agenda(a.id, meeting).items[0]!;
    const again = await a.reply('priya', 'agenda add', { meeting, topic: 'shared Insurance-quotes.', minutes: 10 });
    expect(seen(again.content)).toContain(`This looks like #${item.id}, item 1 on that agenda: **Shared insurance quotes**`);
    expect(h.bot.services.meetings.agenda(a.id, meeting).items).toHaveLength(1);
    const added = await (await click(a, 'priya', again, 'Add anyway')).updated();
    expect(seen(added.content)).toContain('✅ Added **shared Insurance-quotes.** (10 min) as item 2');
    expect(h.bot.services.meetings.agenda(a.id, meeting).items).toHaveLength(2);
    // The button is used up: a second press adds nothing.
    const twice = await h.bed.driver.rawComponent({ guildId: a.id, channelId: again.channelId, userId: a.members.priya, messageId: again.id, customId: again.components[0]!.components![0]!.custom_id! });
    expect((await twice.reply()).content).toMatch(/already used/);
    expect(h.bot.services.meetings.agenda(a.id, meeting).items).toHaveLength(2);
  });
});

describe('agenda posts', () => {
  it('mark "over time" once for the block, and "serves no current priority" only once priorities exist', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const meeting = await schedule(a, 'olivia', 'Long night', `${day(8)} 18:00`);
    for (const [member, topic] of [['marcus', 'Budget'], ['priya', 'Events'], ['sam', 'Website'], ['olivia', 'Insurance']] as const) {
      await a.reply(member, 'agenda add', { meeting, topic, minutes: 25 });
    }
    const shown = visibleText(await a.reply('sam', 'agenda show', { meeting }));
    expect(shown.match(/over time/gi)).toHaveLength(1);
    expect(shown).toMatch(/Over time\*\* from here: the items run 40 minutes past the structured block\n[^\n]*3\. Website/);
    expect(shown).not.toContain('serves no current priority');

    await a.reply('olivia', 'priorities set', { rank: 1, text: 'Grow the directory' });
    const withPriorities = visibleText(await a.reply('sam', 'agenda show', { meeting }));
    expect(withPriorities.match(/serves no current priority/g)).toHaveLength(4);
  });
});

describe('plurals', () => {
  it('one dot reads "1 dot"', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('marcus', 'ideas add', { text: 'Shared printer' });
    const idea = h.bot.services.ideas.ideaChoices(a.id, 'printer')[0]!.id;
    const voted = await a.reply('priya', 'ideas vote', { idea, dots: 1 });
    expect(voted.content).toMatch(/now has 1 dot\. You have \d+ dots left/);
  });
});

describe('organizer notices', () => {
  it('a failed meeting post is named in words, not by its internal job name', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const id = await schedule(a, 'olivia', 'Quarterly review', `${day(10)} 18:00`);
    const meeting = h.bot.services.meetings.get(a.id, id);
    a.guild.deleteChannel(a.channel('meetings'));
    const notices = () => h.bed.messages(a.channel('organizers')).filter((m) => m.fromBot && visibleText(m).includes('failed'));
    h.clock.set(new Date(meeting.startsAt - DAY + 1000));
    for (const minutes of [0, 1, 5, 15, 60, 60, 60]) {
      h.clock.advance(minutes * 60_000 + 1000);
      await h.bot.scheduler.tick();
    }
    await waitUntil(() => notices().length > 0, 5000, 'a notice to organizers');
    const text = visibleText(notices()[0]!);
    expect(text).toContain('The agenda post of a meeting could not be sent');
    expect(text).not.toContain('meeting-agenda');
  });
});
