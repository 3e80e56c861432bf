// The real bot against the test bed: login, registration, /help, /alliance, refusals, a dropped gateway, a 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const putCommands = () => h.bed.requests.filter((r) => r.method === 'PUT' && r.route.includes('/commands'));

describe('the bot in a Discord-compatible server', () => {
  it('logs in and registers its commands as guild-only', () => {
    const names = h.bed.commands().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['help', 'alliance']));
    expect(h.bed.commands().every((c) => JSON.stringify(c.contexts) === '[0]')).toBe(true);
    expect(putCommands()).toHaveLength(1);
  });

  it('/help lists every command privately', async () => {
    const a = await h.newAlliance();
    const reply = await a.reply('marcus', 'help');
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain('/alliance setup');
    expect(visibleText(reply)).toContain('/help');
  });

  it('/help is one message: Next turns it to the rest of the commands in place, Previous back, and nothing follows up', async () => {
    const a = await h.newAlliance();
    const sent = await h.bed.driver.command({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, name: 'help' });
    const first = await sent.reply();
    const labels = (m: typeof first) => m.components.flatMap((row) => row.components ?? []).map((b) => [b.label, b.disabled ?? false]);
    expect(labels(first)).toEqual([['Previous', true], ['Next', false]]);
    expect(first.embeds).toHaveLength(1);
    expect(first.embeds[0]!.footer!.text).toMatch(/^Page 1 of \d$/);
    expect(visibleText(first)).not.toContain('/privacy delete');

    const turn = (label: string) => h.bed.driver.click({ guildId: a.id, channelId: first.channelId, userId: a.members.marcus, messageId: first.id, label });
    const clicked = await turn('Next');
    expect(clicked.type).toBe(7);
    const second = await clicked.updated();
    expect(second.id).toBe(first.id);
    expect(second.ephemeral).toBe(true);
    expect(second.embeds[0]!.title).toBe('Alliance bot: what I can do (continued)');
    expect(visibleText(second)).toContain('`/privacy delete`');
    expect(visibleText(second)).not.toContain('/alliance setup');
    const back = await (await turn('Previous')).updated();
    expect(visibleText(back)).toContain('/alliance setup');
    expect(sent.followups()).toEqual([]);
    expect(h.bed.messages(a.channel('general')).filter((m) => m.fromBot && m.visibleTo === a.members.marcus)).toHaveLength(1);
  });

  it('an organizer sets the alliance up and sees the settings', async () => {
    const a = await h.newAlliance();
    const saved = await a.setup({ timezone: 'America/Chicago' });
    expect(saved.ephemeral).toBe(true);
    expect(visibleText(saved)).toContain('Saved');
    const shown = await a.reply('olivia', 'alliance show');
    expect(visibleText(shown)).toContain('America/Chicago');
    expect(visibleText(shown)).toContain(`<#${a.channel('announcements')}>`);
    expect(shown.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
  });

  it('the time zone option autocompletes from real zone names', async () => {
    const a = await h.newAlliance();
    const choices = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: 'alliance', subcommand: 'setup', focused: 'timezone', options: { timezone: 'chica' } });
    expect(choices.map((c) => c.value)).toContain('America/Chicago');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('a plain member cannot see /alliance, and is refused when a stale client sends it anyway', async () => {
    const a = await h.newAlliance();
    await expect(a.run('marcus', 'alliance setup', { timezone: 'Europe/Berlin' })).rejects.toThrow();
    const forced = await a.reply('marcus', 'alliance setup', { timezone: 'Europe/Berlin' }, { force: true });
    expect(forced.ephemeral).toBe(true);
    expect(forced.content).toMatch(/Only organizers/);
    expect(h.bot.services.alliances.settings(a.id).configured).toBe(false);
  });

  it('a member with the organizer role counts as an organizer on the server side', async () => {
    const a = await h.newAlliance();
    await a.setup();
    a.guild.setMemberRoles(a.members.priya, [a.guild.role('Organizers')]);
    const reply = await a.reply('priya', 'alliance setup', { timezone: 'Asia/Kolkata' }, { force: true });
    expect(reply.content).toContain('Saved');
    expect(h.bot.services.alliances.settings(a.id).timezone).toBe('Asia/Kolkata');
  });

  it('a bad time zone gets a clear private answer and stores nothing', async () => {
    const a = await h.newAlliance();
    const reply = await a.reply('olivia', 'alliance setup', { timezone: 'Mars/Olympus', announcements: a.channel('announcements') });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/timezone/);
    expect(reply.content).not.toMatch(/Error|at .*\.ts/);
    expect(h.bot.services.alliances.settings(a.id).configured).toBe(false);
  });

  it('a channel the bot cannot post in is refused at setup time', async () => {
    const a = await h.newAlliance();
    a.guild.denyBot(a.channel('announcements'), ['SendMessages']);
    const reply = await a.reply('olivia', 'alliance setup', { announcements: a.channel('announcements') });
    expect(reply.content).toMatch(/announcements.*can't post/);
    expect(h.bot.services.alliances.settings(a.id).configured).toBe(false);
  });

  it('a guild-only command sent from a DM gets a clear answer', async () => {
    const a = await h.newAlliance();
    const result = await h.bed.driver.command({ channelId: a.channel('general'), userId: a.members.marcus, name: 'help', dm: true, force: true });
    expect((await result.reply()).content).toMatch(/inside an alliance's Discord server/);
  });

  it('survives a dropped gateway: it resumes and keeps answering', async () => {
    const a = await h.newAlliance();
    const before = h.bed.gateway.stats().resumes;
    h.bed.gateway.drop();
    await h.bed.gateway.waitForSession(10_000);
    expect(h.bed.gateway.stats().resumes).toBeGreaterThan(before);
    expect(visibleText(await a.reply('olivia', 'help'))).toContain('/alliance');
  });

  it('survives a 429 on its reply: discord.js waits and the member still gets the answer', async () => {
    const a = await h.newAlliance();
    h.bed.fault({ route: '/interactions/:id/:token/callback', status: 429, retryAfter: 0.3 });
    const reply = await a.reply('olivia', 'help');
    expect(visibleText(reply)).toContain('/alliance');
    expect(h.bed.requests.some((r) => r.status === 429)).toBe(true);
  });

  it('does not register commands again after a restart when nothing changed', async () => {
    await h.restart();
    expect(putCommands()).toHaveLength(1);
    const a = await h.newAlliance();
    expect(visibleText(await a.reply('olivia', 'help'))).toContain('/help');
  });
});
