// Interactions from where the bot cannot act, or with less data than usual: every command path sent from a DM
// (forced past the guild-only context) or from a server the bot is not in gets a plain private answer, and members
// whose interaction carries a cut-down member object get the same answers as anyone, with nothing stored half.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.js';
import type { Actor, CommandInput } from '../../src/testbed/types.js';
import { startHarness, type Alliance, type Harness } from '../support/bot.js';
import { createChecker } from './support/checks.js';
import { benignOptions, commandPaths, organizerOnlyPaths, type CommandPath } from './support/definitions.js';
import { rowCounts } from './support/scenario.js';

let h: Harness;
let a: Alliance;
beforeAll(async () => {
  h = await startHarness();
  a = await h.newAlliance();
});
afterAll(async () => {
  await h?.stop();
});

const paths = (): CommandPath[] => commandPaths(h.bed.commands(a.id).length ? h.bed.commands(a.id) : h.bed.commands());
const input = (path: CommandPath, actor: Actor & { dm?: boolean }, ids: { userId: string; channelId: string; roleId: string }): CommandInput => ({
  ...actor, force: true, name: path.name,
  // A required file too (benignOptions leaves files out): Discord never sends a command without one.
  options: { ...benignOptions(path, ids), ...Object.fromEntries(path.options.filter((o) => o.required && o.type === 11).map((o) => [o.name, { filename: 'probe.csv', content: 'name,city\n' }])) },
  ...(path.group ? { group: path.group } : {}), ...(path.subcommand ? { subcommand: path.subcommand } : {}),
});

describe('guild-only commands from a DM', () => {
  it('every command path answers privately that it works in the server', async () => {
    const wrong: string[] = [];
    for (const path of paths()) {
      const ids = { userId: a.members.priya, channelId: a.channel('general'), roleId: a.guild.role('Organizers') };
      const result = await h.bed.driver.command(input(path, { channelId: a.channel('general'), userId: a.members.marcus, dm: true }, ids));
      const reply = await result.reply();
      if (reply.content !== t('en', 'router.dm') || !reply.ephemeral) wrong.push(`${path.label}: ${reply.content.slice(0, 100)}`);
    }
    console.log(`contexts: ${paths().length} command paths from a DM answered with the guild-only text`);
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe('a command missing a required option (a modified client)', () => {
  it('is told which option is missing, privately, and nothing is stored', async () => {
    await a.setup();
    const before = rowCounts(h);
    const result = await h.bed.driver.command({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: 'directory', subcommand: 'import', options: {}, force: true });
    const reply = await result.reply();
    expect(reply.content).toBe('⚠️ **file** is required.');
    expect(reply.ephemeral).toBe(true);
    expect(rowCounts(h)).toEqual(before);
  });
});

describe('a server the bot is not in (the app added for commands only)', () => {
  it('every command path, autocomplete, a button and a form answer privately that the bot is not set up there; nothing is stored', async () => {
    const guild = h.bed.createGuild({ name: 'Not invited', owner: 'nina', roles: [{ name: 'Organizers' }], withoutBot: true });
    const member = guild.addMember({ username: 'omar' });
    const general = guild.channel('general');
    // The bot never hears of the guild; the alliance it does know is there for comparison.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.bot.ctx.client.guilds.cache.has(guild.id)).toBe(false);
    expect(h.bot.ctx.client.guilds.cache.has(a.id)).toBe(true);
    const before = rowCounts(h);
    const requestsBefore = h.bed.requests.length;
    const wrong: string[] = [];
    const ids = { userId: member, channelId: general, roleId: guild.role('Organizers') };
    for (const path of paths()) {
      for (const userId of [guild.ownerId, member]) {
        const result = await h.bed.driver.command(input(path, { guildId: guild.id, channelId: general, userId }, ids));
        const reply = await result.reply();
        if (reply.content !== t('en', 'router.unknownGuild') || !reply.ephemeral) wrong.push(`${path.label}: ${reply.content.slice(0, 100)}`);
      }
    }
    const choices = await h.bed.driver.autocomplete({ guildId: guild.id, channelId: general, userId: member, name: 'space', subcommand: 'show', options: { space: 'a' }, focused: 'space', force: true });
    expect(choices).toEqual([]);
    const posted = h.bed.driver.say({ guildId: guild.id, channelId: general, userId: member, content: 'hello' });
    const clicked = await h.bed.driver.rawComponent({ guildId: guild.id, channelId: general, userId: member, messageId: posted.id, customId: 'v1:space:remove:1' });
    const modal = { customId: 'v1:space:register:1', title: 'Register', fields: ['description', 'hours', 'contact', 'accessibility'].map((customId) => ({ customId, label: customId, style: 2, required: false, maxLength: 4000 })) };
    const submitted = await h.bed.driver.submitModal({ guildId: guild.id, channelId: general, userId: member, modal, values: { description: 'Sneaky', hours: '24/7' } });
    for (const [what, result] of [['button', clicked], ['form', submitted]] as const) {
      const reply = await result.reply();
      if (reply.content !== t('en', 'router.unknownGuild') || !reply.ephemeral) wrong.push(`${what}: ${reply.content.slice(0, 100)}`);
    }
    const refusedRequests = h.bed.requests.slice(requestsBefore).filter((r) => r.status >= 400).map((r) => `${r.status} ${r.method} ${r.route}`);
    console.log(`contexts: ${paths().length * 2} command interactions, 1 autocomplete, 1 button and 1 form from a server without the bot answered "${t('en', 'router.unknownGuild').slice(0, 40)}…"`);
    expect(wrong).toEqual([]);
    expect(refusedRequests).toEqual([]);
    expect(rowCounts(h)).toEqual(before);
  }, 90_000);
});

describe('members whose interaction carries a partial member object', () => {
  it('only the fields Discord always sends: every command path answers as usual, refusals are private and change nothing', async () => {
    const b = await h.newAlliance();
    await b.setup();
    const checker = createChecker(h);
    const ids = { userId: b.members.priya, channelId: b.channel('general'), roleId: b.guild.role('Organizers') };
    for (const path of paths()) {
      for (const member of ['olivia', 'marcus'] as const) {
        const requests = h.bed.requests.length;
        const counts = rowCounts(h);
        const result = await h.bed.driver.command(input(path, { guildId: b.id, channelId: b.channel('general'), userId: b.members[member], member: 'minimal' }, ids)).catch((error: unknown) => {
          checker.problems.push(`${path.label} as ${member}: ${String(error).slice(0, 200)}`);
          return null;
        });
        await checker.check(`${path.label} as ${member}`, result, requests, counts);
      }
    }
    // What a member does with such an interaction is stored like any other.
    const offers = () => (h.bot.database.sqlite.prepare('SELECT COUNT(*) AS n FROM skill_entries WHERE guild_id = ? AND user_id = ?').get(b.id, b.members.marcus) as { n: number }).n;
    const before = offers();
    const offered = await b.reply('marcus', 'skills offer', { skill: 'zorblat quenching' }, { member: 'minimal' });
    expect(offered.content).toMatch(/^✅ Added your offer/);
    expect(offers()).toBe(before + 1);
    console.log(`contexts: ${checker.cases} interactions with a minimal member object ${JSON.stringify(checker.outcomes)}, ${checker.problems.length} problems`);
    expect(checker.problems.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('without roles and permissions: organizer-only paths are refused even to the owner (fail closed), others still work', async () => {
    const c = await h.newAlliance();
    await c.setup();
    const labels = organizerOnlyPaths();
    const organizerOnly = paths().filter((p) => labels.includes(p.label));
    expect(organizerOnly.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    const ids = { userId: c.members.priya, channelId: c.channel('general'), roleId: c.guild.role('Organizers') };
    for (const path of organizerOnly) {
      const counts = rowCounts(h);
      const result = await h.bed.driver.command(input(path, { guildId: c.id, channelId: c.channel('general'), userId: c.members.olivia, member: 'stripped' }, ids));
      const reply = result.type === 9 ? null : await result.reply();
      if (reply?.content !== t('en', 'router.organizersOnly') || !reply.ephemeral) wrong.push(`${path.label}: ${result.type === 9 ? 'opened a form' : reply?.content.slice(0, 100)}`);
      if (JSON.stringify(rowCounts(h)) !== JSON.stringify(counts)) wrong.push(`${path.label}: the database changed`);
    }
    const offered = await c.reply('sam', 'skills offer', { skill: 'stripped bookkeeping' }, { member: 'stripped' });
    expect(offered.content).toMatch(/^✅ Added your offer/);
    console.log(`contexts: ${organizerOnly.length} organizer-only paths with a member object lacking roles and permissions refused`);
    expect(wrong).toEqual([]);
  }, 60_000);
});
