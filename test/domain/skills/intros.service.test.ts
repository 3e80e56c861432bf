// Introductions with consent, their limits, "did it help?", thanks, /skills top and the month's summary.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/shared/clock.js';
import { SKILL_JOBS } from '../../../src/skills/skills.context.js';
import { englishOf } from '../../support/english.js';
import { actor, domainError, G1, G2, setup, U } from './support.js';


/** ana needs SEO; everyone else offers it, and ben also needs what ana offers. */
function world(options: Parameters<typeof setup>[0] = {}) {
  const env = setup(options);
  env.skills.need(actor(U.ana), { skill: 'seo' });
  env.skills.offer(actor(U.ana), { skill: 'photography' });
  for (const user of [U.ben, U.cat, U.dan, U.eve, U.fox, U.gus]) env.skills.offer(actor(user), { skill: 'seo' });
  env.skills.need(actor(U.ben), { skill: 'photos' });
  return env;
}

const ask = (env: ReturnType<typeof world>, from: string, to: string, isBot = false) =>
  env.skills.requestIntro(actor(from), { user: to, userIsBot: isBot, channelId: '300000000000000001' });

describe('requesting an introduction', () => {
  it('records a pending request with the skills that link both ways', () => {
    const env = world();
    const intro = ask(env, U.ana, U.ben);
    expect(intro).toMatchObject({ requesterId: U.ana, targetId: U.ben, status: 'pending', targetOffers: [{ offer: 'SEO', need: 'SEO', close: false }], requesterOffers: [{ offer: 'Photography', need: 'Photography', close: false }], channelId: '300000000000000001' });
  });

  it.each([
    ['oneself', U.ana, false, 'invalid', "You can't ask for an introduction to yourself."],
    ['a bot', U.ben, true, 'invalid', 'Bots do not trade skills: pick a member.'],
    ['someone with nothing in common', U.hal, false, 'conflict', `You and <@${U.hal}> have no matching skills right now, so there is nothing to introduce.`],
  ])('refuses an intro to %s and stores nothing', (_label, target, isBot, kind, message) => {
    const env = world();
    const error = domainError(() => ask(env, U.ana, target, isBot));
    expect(error.kind).toBe(kind);
    expect(englishOf(error)).toBe(message);
    expect(env.count('skill_intros')).toBe(0);
  });

  it('refuses a tampered user id', () => {
    const env = world();
    expect(domainError(() => ask(env, U.ana, 'not-a-user')).problems.map((p) => [p.field, englishOf(p)])).toEqual([['user', '**user** must be a member of this server.']]);
  });

  it('refuses members who closed intros or hid from matching', () => {
    const env = world();
    env.skills.setPrivacy(actor(U.ben), { intros: 'closed' });
    env.skills.setPrivacy(actor(U.cat), { matching: 'hidden' });
    expect(domainError(() => ask(env, U.ana, U.ben)).kind).toBe('forbidden');
    expect(englishOf(domainError(() => ask(env, U.ana, U.cat)))).toBe(`<@${U.cat}> is not taking introductions right now.`);
  });

  it('refuses a duplicate request either way while one is waiting', () => {
    const env = world();
    ask(env, U.ana, U.ben);
    expect(englishOf(domainError(() => ask(env, U.ana, U.ben)))).toBe(`You already asked for an introduction to <@${U.ben}>; it is waiting for their answer.`);
    expect(englishOf(domainError(() => ask(env, U.ben, U.ana)))).toBe(`<@${U.ana}> already asked to be introduced to you: answer their request in your DMs.`);
    expect(env.count('skill_intros')).toBe(1);
  });

  it('allows at most five pending requests per requester; lapsed ones free a slot', () => {
    const env = world();
    for (const user of [U.ben, U.cat, U.dan, U.eve, U.fox]) ask(env, U.ana, user);
    const error = domainError(() => ask(env, U.ana, U.gus));
    expect(error.kind).toBe('conflict');
    expect(englishOf(error)).toContain('5 introduction requests waiting');
    env.clock.advance(14 * DAY);
    expect(ask(env, U.ana, U.gus).status).toBe('pending');
  });

  it('allows one request per pair per 30 days, whatever the answer', () => {
    const env = world();
    const intro = ask(env, U.ana, U.ben);
    env.skills.respondIntro(actor(U.ben), intro.id, false);
    env.clock.advance(29 * DAY);
    expect(englishOf(domainError(() => ask(env, U.ben, U.ana)))).toContain('you can ask again from <t:');
    env.clock.advance(DAY);
    expect(ask(env, U.ben, U.ana).status).toBe('pending');
  });

  it('does not count a request that could not be delivered', () => {
    const env = world();
    const intro = ask(env, U.ana, U.ben);
    env.skills.cancelIntro(G1, intro.id);
    expect(ask(env, U.ana, U.ben).status).toBe('pending');
  });
});

describe('answering an introduction', () => {
  it('on accept plans one "did it help?" for 10:00 alliance time a week later', () => {
    const env = world({ timezone: 'Europe/Paris', start: '2026-03-10T09:00:00Z' });
    const intro = ask(env, U.ana, U.ben);
    expect(env.skills.respondIntro(actor(U.ben), intro.id, true)).toMatchObject({ status: 'accepted' });
    const jobs = env.jobs.list(G1, [SKILL_JOBS.introFollowup]);
    expect(jobs.map((job) => new Date(job.dueAt).toISOString())).toEqual(['2026-03-17T09:00:00.000Z']);
    expect(env.skills.introFollowup(G1, intro.id)?.id).toBe(intro.id);
  });

  it('on decline plans nothing and the follow-up has nothing to ask', () => {
    const env = world();
    const intro = ask(env, U.ana, U.ben);
    expect(env.skills.respondIntro(actor(U.ben), intro.id, false).status).toBe('declined');
    expect(env.jobs.list(G1, [SKILL_JOBS.introFollowup])).toEqual([]);
    expect(env.skills.introFollowup(G1, intro.id)).toBeNull();
  });

  it('lets only the target answer, once, within 14 days, in its own alliance', () => {
    const env = world();
    const intro = ask(env, U.ana, U.ben);
    expect(domainError(() => env.skills.respondIntro(actor(U.ana), intro.id, true)).kind).toBe('forbidden');
    expect(domainError(() => env.skills.respondIntro(actor(U.ben, G2), intro.id, true)).kind).toBe('not_found');
    expect(domainError(() => env.skills.respondIntro(actor(U.ben), intro.id + 99, true)).kind).toBe('not_found');
    env.skills.respondIntro(actor(U.ben), intro.id, true);
    expect(englishOf(domainError(() => env.skills.respondIntro(actor(U.ben), intro.id, false)))).toBe('You already answered this introduction request.');
    const late = ask(env, U.ana, U.cat);
    env.clock.advance(14 * DAY);
    expect(englishOf(domainError(() => env.skills.respondIntro(actor(U.cat), late.id, true)))).toContain('lapsed');
  });

  it('records "did it help?" once per side, only from the two members', () => {
    const env = world();
    const intro = ask(env, U.ana, U.ben);
    env.skills.respondIntro(actor(U.ben), intro.id, true);
    expect(env.skills.answerHelped(actor(U.ana), intro.id, true)).toMatchObject({ requesterHelped: true, targetHelped: null });
    expect(domainError(() => env.skills.answerHelped(actor(U.ana), intro.id, false)).kind).toBe('conflict');
    expect(domainError(() => env.skills.answerHelped(actor(U.cat), intro.id, true)).kind).toBe('forbidden');
    expect(env.skills.answerHelped(actor(U.ben), intro.id, false)).toMatchObject({ requesterHelped: true, targetHelped: false });
  });
});

describe('thanks and top helpers', () => {
  const thank = (env: ReturnType<typeof world>, from: string, to: string, skill = 'seo', extra: { userIsBot?: boolean; note?: string } = {}) =>
    env.skills.thank(actor(from), { user: to, userIsBot: extra.userIsBot ?? false, skill, note: extra.note });

  it('records kudos with the skill and note', () => {
    const env = world();
    expect(thank(env, U.ana, U.ben, 'search engine optimization', { note: 'Fixed our ranking' })).toMatchObject({
      fromUserId: U.ana,
      toUserId: U.ben,
      skillKey: 'seo',
      skillLabel: 'SEO',
      note: 'Fixed our ranking',
    });
  });

  it.each([
    ['oneself', U.ana, {}, 'user', "You can't thank yourself (but well done)."],
    ['a bot', U.ben, { userIsBot: true }, 'user', 'Bots do not collect thanks: pick a member.'],
    ['an over-long note', U.ben, { note: 'x'.repeat(301) }, 'note', '**note** must be at most 300 characters.'],
  ])('refuses thanking %s and stores nothing', (_label, to, extra, field, message) => {
    const env = world();
    expect(domainError(() => thank(env, U.ana, to, 'seo', extra)).problems.map((p) => ({ field: p.field, message: englishOf(p) }))).toEqual([{ field, message }]);
    expect(env.count('skill_thanks')).toBe(0);
  });

  it('refuses the same thanks twice in a day', () => {
    const env = world();
    thank(env, U.ana, U.ben);
    expect(domainError(() => thank(env, U.ana, U.ben)).kind).toBe('conflict');
    env.clock.advance(DAY);
    expect(thank(env, U.ana, U.ben).toUserId).toBe(U.ben);
  });

  it('ranks this month\'s helpers by thanks plus intros the other side said helped', () => {
    const env = world({ start: '2026-03-02T09:00:00Z' });
    thank(env, U.ana, U.cat);
    thank(env, U.ben, U.cat);
    const intro = ask(env, U.ana, U.ben);
    env.skills.respondIntro(actor(U.ben), intro.id, true);
    env.clock.advance(7 * DAY);
    env.skills.answerHelped(actor(U.ana), intro.id, true); // ben helped ana
    env.skills.answerHelped(actor(U.ben), intro.id, true); // and ana helped ben
    thank(env, U.dan, U.ben);
    expect(env.skills.top(G1).helpers).toEqual([
      { userId: U.cat, thanks: 2, helpful: 0, score: 2 }, // a tie goes to more thanks
      { userId: U.ben, thanks: 1, helpful: 1, score: 2 },
      { userId: U.ana, thanks: 0, helpful: 1, score: 1 },
    ]);
    env.clock.set('2026-04-01T00:30:00Z');
    expect(env.skills.top(G1).helpers).toEqual([]);
    expect(env.skills.top(G2).helpers).toEqual([]);
  });

  it('summarizes a month for the monthly update', () => {
    const env = world({ start: '2026-03-02T09:00:00Z' });
    const intro = ask(env, U.ana, U.ben);
    env.skills.respondIntro(actor(U.ben), intro.id, true);
    ask(env, U.ana, U.cat);
    env.skills.answerHelped(actor(U.ana), intro.id, true);
    thank(env, U.ana, U.dan);
    const summary = env.skills.monthSummary(G1, Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-04-01T00:00:00Z'));
    expect(summary).toEqual({
      offers: 7,
      needs: 2,
      topSkills: [
        { label: 'SEO', count: 7 },
        { label: 'Photography', count: 2 },
      ],
      introsRequested: 2,
      introsAccepted: 1,
      helpful: 1,
      thanks: 1,
      helpers: [
        { userId: U.dan, thanks: 1, helpful: 0, score: 1 },
        { userId: U.ben, thanks: 0, helpful: 1, score: 1 },
      ],
    });
    expect(env.skills.monthSummary(G1, Date.parse('2026-04-01T00:00:00Z'), Date.parse('2026-05-01T00:00:00Z')).offers).toBe(0);
  });
});
