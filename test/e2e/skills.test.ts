// Skill-share through the test bed with the real bot: complementary members (a synonym and a typo) see each
// other as mutual matches, ask for and accept an introduction by DM, decline, limits, privacy, thanks, the
// scheduled notices, and every bad input refused with a private answer and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/clock.js';
import type { MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-03-02T09:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

const tick = () => h.bot.scheduler.tick();
const NO_PINGS = { everyone: false, here: false, users: [], roles: [] };

function dms(userId: string): MessageView[] {
  const channel = h.bed.dmChannel(userId);
  return channel ? h.bed.messages(channel.id) : [];
}

async function clickIn(a: Alliance, member: string, message: MessageView, label: string) {
  return h.bed.driver.click({ guildId: a.id, channelId: message.channelId, userId: a.userId(member), messageId: message.id, label });
}

async function clickInDm(userId: string, message: MessageView, label: string) {
  return h.bed.driver.click({ channelId: message.channelId, userId, messageId: message.id, label });
}

/** marcus offers web dev and needs grant writing (typo); priya the other way round (synonym). */
async function complementary(): Promise<Alliance> {
  const a = await h.newAlliance();
  await a.setup({ timezone: 'Europe/Paris' });
  await a.reply('marcus', 'skills offer', { skill: 'web dev', level: 'expert' });
  await a.reply('marcus', 'skills need', { skill: 'grant writting' });
  await a.reply('priya', 'skills offer', { skill: 'Grant Writing', level: 'practiced' });
  await a.reply('priya', 'skills need', { skill: 'website development' });
  return a;
}

describe('skill-share on Discord', () => {
  it('shows complementary members to each other as mutual matches, with the reasons', async () => {
    const a = await h.newAlliance();
    const added = await a.reply('marcus', 'skills offer', { skill: 'web dev', level: 'expert' });
    expect(added.ephemeral).toBe(true);
    expect(added.content).toContain('Added your offer: **Web development** (expert)');
    expect(added.content).toContain('I read “web dev” as **Web development**');
    const typo = await a.reply('marcus', 'skills need', { skill: 'grant writting' });
    expect(typo.content).toContain('I read “grant writting” as **Grant writing**');
    await a.reply('priya', 'skills offer', { skill: 'Grant Writing', level: 'practiced' });
    await a.reply('priya', 'skills need', { skill: 'website development' });

    const forMarcus = await a.reply('marcus', 'skills match');
    expect(forMarcus.ephemeral).toBe(true);
    const text = visibleText(forMarcus);
    expect(text).toContain('1. Mutual match');
    expect(text).toContain(`<@${a.members.priya}>`);
    expect(text).toContain('they offer **Grant writing** (practiced), which you need');
    expect(text).toContain('they need **Web development**, which you offer (you wrote “web dev”, they wrote “website development”)');
    expect(forMarcus.pings).toEqual(NO_PINGS);
    const forPriya = visibleText(await a.reply('priya', 'skills match'));
    expect(forPriya).toContain('1. Mutual match');
    expect(forPriya).toContain(`<@${a.members.marcus}>`);
  });

  it('suggests skills as members type, synonyms and typos included', async () => {
    const a = await h.newAlliance();
    const choices = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.sam, name: 'skills', subcommand: 'offer', focused: 'skill', options: { skill: 'fundrasing' } });
    expect(choices[0]).toEqual({ name: 'Fundraising', value: 'fundraising' });
    const fresh = await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.members.sam, name: 'skills', subcommand: 'offer', focused: 'skill', options: { skill: 'Urban beekeeping' } });
    expect(fresh).toContainEqual({ name: 'Urban beekeeping (new skill)', value: 'Urban beekeeping' });
  });

  it('introduces two members after a DM request is accepted, and asks a week later whether it helped', async () => {
    const a = await complementary();
    const matches = await a.reply('marcus', 'skills match');
    const asked = await (await clickIn(a, 'marcus', matches, 'Request intro #1')).reply();
    expect(asked.content).toContain(`I asked <@${a.members.priya}> by DM`);

    const request = dms(a.members.priya).at(-1)!;
    expect(request.content).toContain(`<@${a.members.marcus}> from **Test Alliance`);
    expect(request.content).toContain('They need **Grant writing**, which you offer.');
    expect(request.content).toContain('They offer **Web development**, which you need.');
    const accepted = await (await clickInDm(a.members.priya, request, 'Accept')).updated();
    expect(accepted.content).toContain('You accepted: I introduced you to each other.');
    expect(accepted.components).toEqual([]);

    const toMarcus = dms(a.members.marcus).at(-1)!;
    expect(toMarcus.content).toContain(`<@${a.members.priya}> accepted your introduction request`);
    expect(toMarcus.content).toContain(`<@${a.members.priya}> offers **Grant writing**, which <@${a.members.marcus}> needs.`);
    expect(dms(a.members.priya).at(-1)!.content).toContain(`Meet <@${a.members.marcus}>`);
    expect(toMarcus.pings).toEqual(NO_PINGS);

    // A week later, 10:00 Paris time: both are asked once.
    h.clock.set('2026-03-09T08:59:00Z');
    await tick();
    expect(dms(a.members.marcus).at(-1)!.content).not.toContain('Did it help?');
    h.clock.set('2026-03-09T09:00:00Z');
    await tick();
    await tick();
    const followup = dms(a.members.marcus).at(-1)!;
    expect(followup.content).toContain(`A week ago I introduced you to <@${a.members.priya}>. Did it help?`);
    expect(dms(a.members.priya).filter((m) => m.content.includes('Did it help?'))).toHaveLength(1);
    const answered = await (await clickInDm(a.members.marcus, followup, 'Yes, it helped')).updated();
    expect(answered.content).toContain('Glad it helped');
    expect(visibleText(await a.reply('sam', 'skills top'))).toContain(`1. <@${a.members.priya}> · 1 helpful intro`);
    h.clock.set('2026-03-02T09:00:00Z');
  });

  it('tells the requester politely, without details, when the intro is declined', async () => {
    const a = await complementary();
    const matches = await a.reply('priya', 'skills match');
    await (await clickIn(a, 'priya', matches, 'Request intro #1')).reply();
    const request = dms(a.members.marcus).at(-1)!;
    const declined = await (await clickInDm(a.members.marcus, request, 'Decline')).updated();
    expect(declined.content).toContain('You declined');
    const told = dms(a.members.priya).at(-1)!;
    expect(told.content).toContain(`<@${a.members.marcus}> can’t take this introduction right now`);
  });

  it('falls back to a private thread where the intro was asked when DMs are closed', async () => {
    const a = await h.newAlliance();
    const lee = a.guild.addMember({ username: 'lee', dmsOpen: false });
    await a.reply('lee', 'skills offer', { skill: 'bookkeeping' });
    await a.reply('sam', 'skills need', { skill: 'book keeping' });
    const matches = await a.reply('sam', 'skills match');
    const asked = await (await clickIn(a, 'sam', matches, 'Request intro #1')).reply();
    expect(asked.content).toContain('in a private thread');
    const request = await h.bed.waitForMessage((m) => m.content.includes('would like an introduction') && h.bed.channel(m.channelId)?.type === 12);
    expect(h.bed.channel(request.channelId)!.memberIds).toContain(lee);
    await (await clickIn(a, 'lee', request, 'Accept')).updated();
    const intro = await h.bed.waitForMessage((m) => m.content.includes('accepted your introduction request') || m.content.includes(`Meet <@${a.members.sam}>`));
    expect(intro.content).toContain('offers **Bookkeeping**');
  });

  it('limits pending requests to five and refuses a duplicate', async () => {
    const a = await h.newAlliance();
    await a.reply('sam', 'skills need', { skill: 'seo' });
    const helpers = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((username) => a.guild.addMember({ username }));
    for (const username of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) await a.reply(username, 'skills offer', { skill: 'seo' });
    const matches = await a.reply('sam', 'skills match');
    expect(matches.components[0]!.components![0]!.type).toBe(3); // six matches: a select menu
    const pick = (userId: string) => h.bed.driver.select({ guildId: a.id, channelId: matches.channelId, userId: a.members.sam, messageId: matches.id, values: [userId] });
    for (const userId of helpers.slice(0, 5)) expect((await (await pick(userId)).reply()).content).toContain('I asked');
    expect((await (await pick(helpers[0]!)).reply()).content).toContain('You already asked for an introduction');
    expect((await (await pick(helpers[5]!)).reply()).content).toContain('5 introduction requests waiting');
  });

  it('hides a member who opts out of matching, and refuses intros to one who closed them', async () => {
    const a = await complementary();
    const privacy = await a.reply('priya', 'skills privacy', { matching: 'hidden' });
    expect(privacy.content).toContain('Matching: **hidden**');
    expect(visibleText(await a.reply('marcus', 'skills match'))).toContain('No matches yet');
    expect(visibleText(await a.reply('marcus', 'skills who', { skill: 'grant writing' }))).toContain('Nobody offers **Grant writing** yet');
    await a.reply('priya', 'skills privacy', { matching: 'visible', intros: 'closed' });
    const matches = await a.reply('marcus', 'skills match');
    expect(visibleText(matches)).toContain('not taking intros');
    expect(matches.components).toEqual([]);
  });

  it('records thanks publicly and counts them in /skills top', async () => {
    const a = await h.newAlliance();
    const thanks = await a.run('marcus', 'skills thanks', { user: a.members.priya, skill: 'seo', note: 'Our site is on page one now' });
    const posted = await thanks.reply();
    expect(posted.ephemeral).toBe(false);
    expect(posted.content).toContain(`<@${a.members.marcus}> thanked <@${a.members.priya}> for **SEO**`);
    expect(posted.pings).toEqual(NO_PINGS);
    expect(visibleText(await a.reply('sam', 'skills top'))).toContain(`1. <@${a.members.priya}> · 1 thank-you`);
  });

  it('tells the owner of an older matching entry once by DM, and suggests new skills to organizers', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    await a.reply('sam', 'skills need', { skill: 'photography' });
    await a.reply('marcus', 'skills offer', { skill: 'photographer' });
    await a.reply('marcus', 'skills offer', { skill: 'photography', level: 'expert' });
    await tick();
    const notices = dms(a.members.sam).filter((m) => m.content.includes('now offers **Photography**'));
    expect(notices).toHaveLength(1);
    await a.reply('priya', 'skills offer', { skill: 'Urban Beekeeping' });
    await a.reply('sam', 'skills need', { skill: 'Kombucha brewing' });
    await tick();
    const posts = () => h.bed.messages(a.channel('organizers')).filter((m) => m.fromBot && m.content.includes('not in the skill list'));
    expect(posts()).toHaveLength(0);
    // One digest a day, at 10:00 alliance time, with every new skill of the day in one post.
    const tomorrow = new Date(h.clock.now().getTime() + DAY);
    h.clock.set(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 10));
    await tick();
    await tick();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.content).toContain('2 new skills members added in the last day are not in the skill list');
    expect(posts()[0]!.content).toContain('**Urban beekeeping**');
    expect(posts()[0]!.content).toContain('**Kombucha brewing**');
  });

  it('reminds a week before a need lapses, at 10:00 alliance time, and renews from the DM', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    h.clock.set('2026-03-02T09:00:00Z');
    await a.reply('sam', 'skills need', { skill: 'interior design' });
    h.clock.set(Date.parse('2026-03-02T09:00:00Z') + 83 * DAY + 3600_000); // 2026-05-24 10:00 UTC
    await tick();
    const reminder = dms(a.members.sam).find((m) => m.content.includes('Your need **Interior design** lapses'))!;
    expect(reminder).toBeDefined();
    const renewed = await (await clickInDm(a.members.sam, reminder, 'Keep it 90 more days')).updated();
    expect(renewed.content).toContain('Kept your need **Interior design**');
    h.clock.set(Date.parse('2026-03-02T09:00:00Z') + 91 * DAY);
    await tick();
    expect(visibleText(await a.reply('sam', 'skills mine'))).toContain('Interior design');
    h.clock.set('2026-03-02T09:00:00Z');
  });

  it('refuses every bad input with a private answer and stores nothing', async () => {
    const a = await h.newAlliance();
    const bot = a.guild.addMember({ username: 'otherbot', bot: true });
    const refused = async (member: string, path: string, options: Record<string, string>, expected: string) => {
      const answer = await a.reply(member, path, options);
      expect(answer.ephemeral, path).toBe(true);
      expect(answer.content).toContain(expected);
    };
    await refused('sam', 'skills offer', { skill: '   ' }, '**skill** cannot be empty.');
    await refused('sam', 'skills offer', { skill: 'x'.repeat(61) }, '**skill** must be at most 60 characters.');
    await refused('sam', 'skills need', { skill: 'seo', note: 'n'.repeat(301) }, '**note** must be at most 300 characters.');
    await refused('sam', 'skills need', { skill: 'seo', by: 'whenever' }, 'I could not read by "whenever" as a day');
    await refused('sam', 'skills thanks', { user: a.members.sam, skill: 'seo' }, "You can't thank yourself");
    await refused('sam', 'skills thanks', { user: bot, skill: 'seo' }, 'Bots do not collect thanks');
    await refused('sam', 'skills remove', { entry: 'abc' }, 'pick one of your offers or needs');
    expect(visibleText(await a.reply('sam', 'skills mine'))).toContain('You have no offers or needs yet');

    const skills = ['bookkeeping', 'accounting', 'payroll', 'budgeting', 'invoicing', 'seo', 'sales', 'branding', 'copywriting', 'marketing', 'photography', 'illustration', 'animation', 'podcasting', 'yoga', 'cooking', 'gardening', 'sewing', 'music', 'french'];
    for (const skill of skills) await a.reply('sam', 'skills offer', { skill });
    await refused('sam', 'skills need', { skill: 'german' }, 'You already have 20 offers and needs');

    // Buttons: an intro to oneself or to a bot through a tampered id, and an id that does not parse.
    await a.reply('marcus', 'skills need', { skill: 'seo' });
    const matches = await a.reply('marcus', 'skills match');
    const raw = (customId: string) =>
      h.bed.driver.rawComponent({ guildId: a.id, channelId: matches.channelId, userId: a.members.marcus, messageId: matches.id, customId }).then((r) => r.reply());
    expect((await raw(`v1:skills:intro:${a.members.marcus}`)).content).toContain("You can't ask for an introduction to yourself.");
    expect((await raw(`v1:skills:intro:${bot}`)).content).toContain('Bots do not trade skills');
    expect((await raw('v1:skills:intro:not-a-user')).content).toContain('no longer valid');
    expect((await raw('v1:skills:accept:123:456')).content).toContain('no longer valid');
    expect(visibleText(await a.reply('sam', 'skills mine'))).toContain('20 of 20 entries');
  });
});
