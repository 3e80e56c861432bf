// Issue #19 for messages sent outside an interaction: Discord gives a member's locale only with an interaction, so a
// DM sent later (a proposal's 24-hour reminder) speaks the language of the member's last answered command; a refused
// command leaves it as it was, and /privacy neither keeps it after a deletion nor adds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/shared/clock.js';
import { startHarness, visibleText, waitUntil, type Alliance, type Harness } from '../support/bot.js';
import { openProposal, react } from './proposals-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const languageRow = (a: Alliance, member: string) =>
  h.bot.database.sqlite.prepare('SELECT language FROM member_languages WHERE guild_id = ? AND user_id = ?').get(a.id, a.userId(member)) as { language: string } | undefined;
/** The row is written once the handler returns, just after the member sees the answer. */
const languageBecomes = (a: Alliance, member: string, language: string) =>
  waitUntil(() => languageRow(a, member)?.language === language, 3000, `${member}'s language ${language}`);
const dms = (a: Alliance, member: string) => {
  const channel = h.bed.dmChannel(a.userId(member));
  return channel ? h.bed.messages(channel.id).map((m) => m.content) : [];
};

describe('a DM sent later, outside an interaction', () => {
  it('speaks the language of the member’s last answered command, not of a refused one', async () => {
    const a = await h.newAlliance();
    await a.setup();
    await a.reply('sam', 'proposal reminders on');
    await languageBecomes(a, 'sam', 'en');
    const help = await a.reply('sam', 'help', {}, { locale: 'fr' });
    expect(visibleText(help)).not.toBe('');
    await languageBecomes(a, 'sam', 'fr');

    const refused = await a.reply('sam', 'proposal show', { proposal: 999 }, { locale: 'es-ES' });
    expect(refused.ephemeral).toBe(true);
    await h.bot.interactionsIdle();
    expect(languageRow(a, 'sam')?.language).toBe('fr');

    const { message } = await openProposal(h, a, 'marcus', { closes: '3d' });
    react(h, a, 'priya', message.id, '✅');
    h.clock.advance(2 * DAY + HOUR);
    await h.bot.scheduler.tick();
    const reminder = dms(a, 'sam').join('\n');
    expect(reminder).toContain('⏰ Vous n’avez pas encore voté sur **#1 Shared printer**');
    expect(reminder).toContain('(Désactivez ces rappels avec /proposal reminders off.)');
  });

  it('a member who never had an answer here gets the alliance’s language', async () => {
    const a = await h.newAlliance(undefined, { locale: 'es-ES' });
    await a.setup();
    expect(languageRow(a, 'priya')).toBeUndefined();
    const { message } = await openProposal(h, a, 'marcus', { closes: '3d' });
    await a.reply('priya', 'proposal reminders on', {}, { locale: 'es-ES' });
    react(h, a, 'sam', message.id, '✅');
    h.clock.advance(2 * DAY + HOUR);
    await h.bot.scheduler.tick();
    expect(dms(a, 'priya').join('\n')).toContain('⏰ Aún no has votado en **#1 Shared printer**');
  });

  it('/privacy delete leaves no language behind, and /privacy export does not store one', async () => {
    const a = await h.newAlliance();
    await a.reply('marcus', 'privacy export', {}, { locale: 'fr' });
    await h.bot.interactionsIdle();
    expect(languageRow(a, 'marcus')).toBeUndefined();
    await a.reply('marcus', 'help', {}, { locale: 'es-419' });
    await languageBecomes(a, 'marcus', 'es');
    const confirm = await a.reply('marcus', 'privacy delete', {}, { locale: 'es-419' });
    const clicked = await h.bed.driver.click({ guildId: a.id, channelId: confirm.channelId, userId: a.members.marcus, messageId: confirm.id, label: 'Borrar mis datos', locale: 'es-419' });
    expect((await clicked.updated()).content).toMatch(/borr/i);
    await h.bot.interactionsIdle();
    expect(languageRow(a, 'marcus')).toBeUndefined();
  });
});
