// The alliance's rhythm through the test bed with the real bot: the monthly update posted once on time (also across
// a restart at the due minute), without pings, a channel the bot cannot post in reported to organizers once, and
// /updates as organizers use it. Tests share one clock that only moves forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/shared/clock.js';
import { startHarness, visibleText, waitUntil, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-24T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const tick = () => h.bot.scheduler.tick();

describe('rhythm on Discord', () => {
  it('posts the monthly update at 10:00 local on the 1st, once, across a restart at that minute', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Asia/Kolkata' });
    await tick();
    h.clock.set('2026-12-01T04:30:00Z');
    await tick();
    const announcements = a.channel('announcements');
    const posted = h.bed.messages(announcements);
    expect(posted).toHaveLength(1);
    expect(visibleText(posted[0]!)).toContain('Alliance update · December 2026');
    expect(posted[0]!.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
    await h.restart();
    await tick();
    h.clock.advance(30 * MINUTE);
    await tick();
    expect(h.bed.messages(announcements)).toHaveLength(1);
  });

  it('retries a channel it cannot post in and tells the organizers once', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    h.bed.guild(a.id).denyBot(a.channel('announcements'), ['SendMessages']);
    await tick();
    h.clock.set('2027-01-01T10:00:00Z');
    for (let minute = 0; minute <= 90; minute++) {
      await tick();
      h.clock.advance(MINUTE);
    }
    expect(h.bed.messages(a.channel('announcements'))).toHaveLength(0);
    const notices = h.bed.messages(a.channel('organizers'));
    expect(notices).toHaveLength(1);
    expect(visibleText(notices[0]!)).toContain('The monthly update for January 2027 could not be posted after 5 attempts');
  });

  it('/updates preview shows exactly what /updates post-now posts, and /updates history links to it', async () => {
    h.clock.set('2027-01-20T12:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('olivia', 'updates note', { text: 'Spring meetup at Hive on the 20th.' });
    const preview = await a.reply('olivia', 'updates preview');
    expect(preview.ephemeral).toBe(true);
    expect(preview.content).toContain('Preview');
    expect(h.bed.messages(a.channel('announcements'))).toHaveLength(0);

    const answer = await a.reply('olivia', 'updates post-now');
    const posted = h.bed.messages(a.channel('announcements'));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.embeds).toEqual(preview.embeds);
    expect(visibleText(posted[0]!)).toContain('Spring meetup at Hive on the 20th.');
    const link = `https://discord.com/channels/${a.id}/${a.channel('announcements')}/${posted[0]!.id}`;
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain(link);

    const history = await a.reply('olivia', 'updates history');
    expect(history.ephemeral).toBe(true);
    expect(visibleText(history)).toContain('January 2027');
    expect(visibleText(history)).toContain(link);
  });

  it('moves the due time when settings change, and a month posted with post-now is not posted again', async () => {
    h.clock.set('2027-01-20T12:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await tick();
    const at = (iso: string) => `<t:${Date.parse(iso) / 1000}:F>`;
    expect(visibleText(await a.reply('olivia', 'updates settings'))).toContain(at('2027-02-01T10:00:00Z'));
    const saved = await a.reply('olivia', 'updates settings', { day: 25, hour: 9 });
    expect(visibleText(saved)).toContain(at('2027-01-25T09:00:00Z'));

    await a.reply('olivia', 'updates post-now');
    // January is done: the next one shown is February's.
    expect(visibleText(await a.reply('olivia', 'updates settings'))).toContain(at('2027-02-25T09:00:00Z'));
    const announcements = a.channel('announcements');
    for (const moment of ['2027-01-25T09:00:00Z', '2027-01-25T10:00:00Z', '2027-02-01T10:00:00Z']) {
      h.clock.set(moment);
      await tick();
    }
    expect(h.bed.messages(announcements)).toHaveLength(1);
    h.clock.set('2027-02-25T08:59:00Z');
    await tick();
    expect(h.bed.messages(announcements)).toHaveLength(1);
    h.clock.set('2027-02-25T09:00:00Z');
    await tick();
    const posted = h.bed.messages(announcements);
    expect(posted).toHaveLength(2);
    expect(visibleText(posted[1]!)).toContain('Alliance update · February 2027');
  });

  it("puts the organizers' note in the next scheduled update, once", async () => {
    h.clock.set('2027-02-26T12:00:00Z');
    const a = await h.newAlliance();
    await a.setup({ timezone: 'Pacific/Auckland' });
    const saved = await a.reply('olivia', 'updates note', { text: 'Thank you all for a great summer!' });
    expect(saved.ephemeral).toBe(true);
    expect(visibleText(saved)).toContain('Thank you all for a great summer!');
    await tick();
    // 10:00 on March 1 in Auckland (NZDT, UTC+13) is 21:00 UTC the day before.
    h.clock.set('2027-02-28T21:00:00Z');
    await tick();
    const announcements = a.channel('announcements');
    expect(h.bed.messages(announcements)).toHaveLength(1);
    const march = visibleText(h.bed.messages(announcements)[0]!);
    expect(march).toContain('Alliance update · March 2027');
    expect(march).toContain('A note from the organizers');
    expect(march).toContain('Thank you all for a great summer!');
    expect(visibleText(await a.reply('olivia', 'updates note'))).toContain('No note for the next update');
    // April 1 10:00 NZDT is still UTC+13 (DST ends on April 4, 2027).
    h.clock.set('2027-03-31T21:00:00Z');
    await tick();
    const april = visibleText(h.bed.messages(announcements)[1]!);
    expect(april).toContain('Alliance update · April 2027 · a quiet month');
    expect(april).not.toContain('Thank you all for a great summer!');
  });

  it('answers bad input privately, naming the field, and stores nothing', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const refusedByClient = /would not send/;
    await expect(a.run('olivia', 'updates settings', { day: 29 })).rejects.toThrow(refusedByClient);
    await expect(a.run('olivia', 'updates settings', { hour: 24 })).rejects.toThrow(refusedByClient);

    const expectRefusal = async (path: string, options: Record<string, string | number | boolean>, text: string) => {
      const answer = await a.reply('olivia', path, options, { force: true });
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).toContain(text);
    };
    await expectRefusal('updates settings', { day: 29 }, '**day** must be between 1 and 28.');
    await expectRefusal('updates settings', { hour: 24 }, '**hour** must be between 0 and 23.');
    await expectRefusal('updates note', { text: 'x'.repeat(1501) }, '**text** must be at most 1,500 characters (it has 1,501).');
    const closed = a.guild.addChannel({ name: 'read-only-news' });
    a.guild.denyBot(closed, ['SendMessages']);
    await waitForBotToSeeDenied(a, closed);
    await expectRefusal('updates settings', { channel: closed, day: 5 }, `**channel**: I can't post in <#${closed}>`);

    const shown = visibleText(await a.reply('olivia', 'updates settings'));
    expect(shown).toContain('Day 1 of each month at 10:00');
    expect(shown).toContain(`<#${a.channel('announcements')}> (the announcements channel)`);
    expect(visibleText(await a.reply('olivia', 'updates note'))).toContain('No note for the next update');
  });

  it('refuses a member who is not an organizer even when their client sends the command', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await expect(a.run('marcus', 'updates post-now')).rejects.toThrow(/would not send/);
    for (const path of ['updates post-now', 'updates preview', 'updates history']) {
      const answer = await a.reply('marcus', path, {}, { force: true });
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).toContain('Only organizers can do that');
    }
    const note = await a.reply('marcus', 'updates note', { text: 'hello' }, { force: true });
    expect(note.content).toContain('Only organizers can do that');
    expect(h.bed.messages(a.channel('announcements'))).toHaveLength(0);
    expect(visibleText(await a.reply('olivia', 'updates note'))).toContain('No note for the next update');
  });
});

/** denyBot reaches the bot as a CHANNEL_UPDATE; wait until its cache has the overwrite. */
async function waitForBotToSeeDenied(a: Alliance, channelId: string): Promise<void> {
  await waitUntil(() => {
    const guild = h.bot.ctx.client.guilds.cache.get(a.id);
    const channel = guild?.channels.cache.get(channelId);
    const me = guild?.members.me;
    return Boolean(channel && me && !channel.permissionsFor(me)?.has('SendMessages'));
  }, 5000, 'the bot to see the denied permission');
}
