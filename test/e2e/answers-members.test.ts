// Clear answers for members (issue #14): /rules show for everyone, /privacy delete with nothing stored, organizers
// told which listed spaces a deletion removed, and /alliance setup that shows settings instead of a false "Saved".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-03-02T09:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const click = (a: Alliance, member: string, message: MessageView, label: string) =>
  h.bed.driver.click({ guildId: a.id, channelId: message.channelId, userId: a.userId(member), messageId: message.id, label });
const asMember = (a: Alliance, member: string, isOrganizer = false) => ({ guildId: a.id, userId: a.userId(member), isOrganizer, roleIds: [] });

describe('/rules', () => {
  it('a plain member sees every decision rule with /rules show, without being an organizer', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('olivia', 'rules set', { type: 'spending', rule: 'supermajority', threshold: '3/4' });
    const shown = await a.reply('marcus', 'rules show');
    const text = visibleText(shown);
    expect(text).toContain('Decision rules');
    expect(text).toMatch(/spending[\s\S]*3\/4/);
    for (const type of ['admission', 'dues', 'policy', 'statement', 'general']) expect(text).toContain(type);
  });

  it('set and lock stay organizer-only, checked on the server', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const set = await a.reply('marcus', 'rules set', { type: 'spending', rule: 'consensus' }, { force: true });
    expect(set.content).toMatch(/Only organizers/);
    const lock = await a.reply('marcus', 'rules lock', {}, { force: true });
    expect(lock.content).toMatch(/Only organizers/);
    expect(visibleText(await a.reply('marcus', 'rules show'))).not.toContain('Rules are locked');
  });
});

describe('/privacy delete', () => {
  it('with nothing stored says so and asks nothing', async () => {
    const a = await h.newAlliance();
    const answer = await a.reply('sam', 'privacy delete');
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toBe('I store nothing personal about you in this alliance, so there is nothing to delete.');
    expect(answer.components).toEqual([]);
    expect(answer.embeds).toEqual([]);
  });

  it('that removes approved spaces tells organizers which ones', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const dir = h.bot.services.directory;
    const listed = dir.register(asMember(a, 'priya'), { name: 'Priya Loft', city: 'Seattle', country: 'US', desks: 10 }).space;
    dir.register(asMember(a, 'priya'), { name: 'Priya Annex', city: 'Seattle', country: 'US', desks: 4 });
    dir.approve(asMember(a, 'olivia', true), listed.id);
    const confirm = await a.reply('priya', 'privacy delete');
    await (await click(a, 'priya', confirm, 'Delete my data')).updated();
    const notice = await h.bed.waitForMessage((m) => m.channelId === a.channel('organizers') && visibleText(m).includes('left the directory'));
    const text = visibleText(notice);
    expect(text).toContain('Priya Loft');
    expect(text).not.toContain('Priya Annex');
    expect(text).toContain('this listed space');
    expect(notice.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
  });
});

describe('/alliance setup', () => {
  it('with no options shows the current settings and what each option does, and saves nothing', async () => {
    const a = await h.newAlliance();
    const answer = await a.reply('olivia', 'alliance setup');
    const text = visibleText(answer);
    expect(answer.content).not.toContain('Saved');
    expect(answer.content).toContain('Nothing changed');
    expect(text).toContain('Alliance settings');
    expect(text).toContain('What /alliance setup changes');
    for (const option of ['announcements', 'timezone', 'organizer-role', 'organizers-channel', 'proposals-channel', 'meetings-channel', 'directory-approval', 'idea-quota', 'agenda-quota']) {
      expect(text).toContain(`**${option}**`);
    }
    expect(h.bot.services.alliances.settings(a.id).configured).toBe(false);
  });

  it('with the values already set says nothing changed; a real change names what was saved', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'America/Chicago' });
    const same = await a.reply('olivia', 'alliance setup', { timezone: 'America/Chicago', 'idea-quota': 3 });
    expect(same.content).toBe('Nothing changed: the settings were already like that.');
    const changed = await a.reply('olivia', 'alliance setup', { timezone: 'America/Chicago', 'idea-quota': 5 });
    expect(changed.content).toBe('✅ Saved: idea-quota.');
    expect(h.bot.services.alliances.settings(a.id).ideaQuota).toBe(5);
  });
});
