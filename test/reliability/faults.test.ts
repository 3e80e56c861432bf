// Faults from Discord: for every REST route a representative session uses, a 429 (with retry_after) and a 5xx on the
// next request. The action completes or the member is told to try again with nothing stored, and no promise is left
// rejected. Also a dropped gateway mid-vote, and a channel deleted or a permission taken away under the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { rowCounts, steps, type ScenarioState } from './support/scenario.js';

let h: Harness;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  h = await startHarness();
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await h?.stop();
});

const IGNORED = new Set(['GET /gateway/bot', 'PUT /applications/:id/guilds/:id/commands', 'PUT /applications/:id/commands']);
const key = (r: { method: string; route: string }) => `${r.method} ${r.route}`;

/** Runs the scenario on a fresh alliance; `before(i)` is called before step i. Returns the routes each step used. */
async function session(before: (index: number) => void = () => {}) {
  const a = await h.newAlliance();
  const state: ScenarioState = {};
  const used: string[][] = [];
  const outcomes: { step: string; text: string; done: boolean; counts: [Record<string, number>, Record<string, number>] }[] = [];
  for (const [index, step] of steps.entries()) {
    const start = h.bed.requests.length;
    const countsBefore = rowCounts(h);
    before(index);
    const text = await step.run(h, a, state).catch((error: unknown) => `(no answer: ${String(error)})`);
    const done = await step.done(h, a, state);
    await new Promise((resolve) => setTimeout(resolve, 50));
    used.push([...new Set(h.bed.requests.slice(start).map(key))].filter((k) => !IGNORED.has(k)));
    outcomes.push({ step: step.name, text, done, counts: [countsBefore, rowCounts(h)] });
  }
  return { used, outcomes };
}

describe('faults from Discord', () => {
  it('every REST route: a 429 and a 5xx on the next request; the action completes or the member is told to try again', async () => {
    const clean = await session();
    expect(clean.outcomes.filter((o) => !o.done).map((o) => o.step)).toEqual([]);
    const routes = new Map<string, number>();
    clean.used.forEach((list, index) => list.forEach((route) => routes.has(route) || routes.set(route, index)));

    const report: string[] = [];
    const failures: string[] = [];
    let injected = 0;
    for (const [route, stepIndex] of routes) {
      const [method, path] = route.split(' ') as [string, string];
      for (const status of [429, stepIndex % 2 === 0 ? 500 : 502] as const) {
        const before = h.bed.requests.length;
        const run = await session((index) => {
          if (index === stepIndex) h.bed.fault({ method, route: path, status, retryAfter: status === 429 ? 0.4 : undefined });
        });
        const hit = h.bed.requests.slice(before).some((r) => key(r) === route && r.status === status);
        if (hit) injected += 1;
        const outcome = run.outcomes[stepIndex]!;
        const triedAgain = /try again/i.test(outcome.text) && JSON.stringify(outcome.counts[0]) === JSON.stringify(outcome.counts[1]);
        report.push(`${route} ${status}: ${hit ? 'injected' : 'not reached'} → ${outcome.done ? 'completed' : triedAgain ? 'member told to try again' : 'FAILED'}`);
        if (!outcome.done && !triedAgain) failures.push(`${route} ${status} in "${outcome.step}": ${outcome.text.slice(0, 200)}`);
        const later = run.outcomes.slice(stepIndex + 1).filter((o) => !o.done);
        if (outcome.done && later.length > 0) failures.push(`${route} ${status}: later steps failed: ${later.map((o) => o.step).join(', ')}`);
      }
    }
    console.log(`faults: ${routes.size} routes, ${injected} faults injected\n${report.join('\n')}`);
    expect(failures).toEqual([]);
    expect(rejections).toEqual([]);
    expect(injected).toBe(routes.size * 2);
  }, 240_000);
});

describe('when Discord keeps failing or things change under the bot', () => {
  it('the vote reactions cannot be added (Discord failing beyond the retries): the proposal still opens, once', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    h.bed.fault({ method: 'PUT', route: '/channels/:id/messages/:id/reactions/:emoji/@me', status: 502, times: 4 });
    const result = await a.run('marcus', 'proposal create', { title: 'Shared printer' });
    const submitted = await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: result.modal!, values: { title: 'Shared printer', summary: 'Buy one.' } });
    const text = visibleText(await submitted.reply(15_000));
    expect(text).toMatch(/Proposal #1 is open/);
    const posts = h.bed.messages(a.channel('proposals')).filter((m) => m.fromBot && m.embeds[0]?.title?.includes('Shared printer'));
    expect(posts).toHaveLength(1);
    // Members can still vote by adding the reaction themselves.
    h.bed.driver.react({ channelId: a.channel('proposals'), messageId: posts[0]!.id, userId: a.members.priya, emoji: '✅' });
    const id = h.bot.services.proposals.byMessage(a.id, posts[0]!.id)!.id;
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === 1, 5000, 'the vote');
    expect(rejections).toEqual([]);
  }, 60_000);

  it('the gateway dropped in the middle of a stream of reaction votes: the bot resumes and every vote counts', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const extra = Array.from({ length: 8 }, (_, i) => a.guild.addMember({ username: `voter${i}` }));
    const opened = await steps[4]!.run(h, a, {}).then(() => h.bed.messages(a.channel('proposals')).find((m) => m.fromBot && m.embeds[0]?.title?.includes('Shared printer'))!);
    const id = h.bot.services.proposals.byMessage(a.id, opened.id)!.id;
    const voters = [a.members.priya, a.members.sam, a.members.olivia, ...extra];
    const resumesBefore = h.bed.gateway.stats().resumes;
    for (const [i, userId] of voters.entries()) {
      if (i % 3 === 1) h.bed.gateway.drop();
      h.bed.driver.react({ channelId: a.channel('proposals'), messageId: opened.id, userId, emoji: i % 2 === 0 ? '✅' : '❌' });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await h.bed.gateway.waitForSession(10_000);
    await waitUntil(() => h.bot.services.votes.tally(a.id, id).voted === voters.length, 10_000, 'every vote to be counted');
    expect(h.bed.gateway.stats().resumes).toBeGreaterThan(resumesBefore);
    expect(h.bot.services.votes.tally(a.id, id).counts).toMatchObject({ yes: 6, no: 5 });
  }, 60_000);

  it('the meetings channel deleted: organizers get one clear notice, the job stops retrying, the bot keeps answering', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const state: ScenarioState = {};
    await steps[2]!.run(h, a, state);
    const meeting = h.bot.services.meetings.get(a.id, state.meetingId!);
    a.guild.deleteChannel(a.channel('meetings'));
    const notices = () => h.bed.messages(a.channel('organizers')).filter((m) => m.fromBot && visibleText(m).includes('failed'));
    h.clock.set(new Date(meeting.startsAt - 24 * 3600_000 + 1000));
    for (const minutes of [0, 1, 5, 15, 60, 60, 60]) {
      h.clock.advance(minutes * 60_000 + 1000);
      await h.bot.scheduler.tick();
    }
    await waitUntil(() => notices().length > 0, 5000, 'a notice to organizers');
    await h.bot.scheduler.tick();
    expect(notices()).toHaveLength(1);
    console.log(`channel deleted → organizers read: ${visibleText(notices()[0]!).replace(/\n/g, ' | ')}`);
    expect(visibleText(notices()[0]!)).toMatch(/channel|permission/i);
    expect((await a.reply('marcus', 'help')).ephemeral).toBe(true);
  }, 60_000);

  it('a permission taken away: the member is told which one is missing, nothing crashes', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const state: ScenarioState = {};
    await steps[2]!.run(h, a, state);
    a.guild.denyBot(a.channel('meetings'), ['SendMessages']);
    const reply = await a.reply('olivia', 'agenda post', { meeting: state.meetingId! });
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toMatch(/missing a permission|can't see|cannot/i);
    expect(rejections).toEqual([]);
  });
});
