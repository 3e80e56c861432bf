// Every decision rule end to end with pass, fail, tie and no-quorum: members react (a block comes by command, with
// its reason), an organizer closes, and the result, with why in words, appears in the thread and announcements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, waitUntil, type Harness } from '../support/bot.js';
import { closeEarly, openProposal, react } from './proposals-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

type Votes = Partial<Record<'olivia' | 'marcus' | 'priya' | 'sam', string>>;
const cases: [string, string, number | null, Votes, RegExp][] = [
  ['majority passes with more yes than no', 'majority', null, { marcus: '✅', priya: '✅', sam: '❌' }, /passed: 2 yes to 1 no, more yes than no.*✅ 2 yes · ❌ 1 no/s],
  ['majority fails with more no than yes', 'majority', null, { marcus: '✅', priya: '❌', sam: '❌' }, /failed.*✅ 1 yes · ❌ 2 no/s],
  ['majority fails on a tie', 'majority', null, { marcus: '✅', priya: '❌' }, /failed: 1 yes to 1 no is a tie, and a tie fails.*✅ 1 yes · ❌ 1 no/s],
  ['majority without quorum', 'majority', 75, { marcus: '✅', priya: '✅' }, /no quorum: 2 of 4 eligible voters voted, 3 needed.*quorum 75% \(3 votes\): not met/s],
  ['supermajority passes at two thirds', 'supermajority', null, { marcus: '✅', priya: '✅', sam: '❌' }, /passed: 2 of 3 yes is 67%, at least the 2\/3 needed/],
  ['supermajority fails under two thirds', 'supermajority', null, { marcus: '✅', priya: '❌', sam: '❌' }, /failed: 1 of 3 yes is 33%, short of the 2\/3 needed/],
  ['supermajority fails on a tie', 'supermajority', null, { olivia: '✅', marcus: '✅', priya: '❌', sam: '❌' }, /failed.*✅ 2 yes · ❌ 2 no/s],
  ['supermajority without quorum', 'supermajority', 100, { marcus: '✅', priya: '✅', sam: '✅' }, /no quorum/],
  ['consensus passes with quorum, a yes and no block', 'consensus', 50, { marcus: '✅', priya: '➖' }, /passed.*🛑 0 block/s],
  ['consensus fails on one block', 'consensus', 50, { marcus: '✅', priya: '✅', sam: '🛑' }, /failed: 1 block; one block stops a consensus.*🛑 1 block/s],
  ['consensus on a yes/no tie passes: a no is not a block', 'consensus', 50, { marcus: '✅', priya: '❌' }, /passed/],
  ['consensus without quorum', 'consensus', 75, { marcus: '✅', priya: '✅' }, /no quorum/],
  ['consent passes when no one objects, even with no votes', 'consent', null, {}, /passed: no one blocked.*0 of 4 eligible voted/s],
  ['consent fails on a block', 'consent', null, { marcus: '✅', sam: '🛑' }, /failed/],
  ['consent on a yes/no tie passes', 'consent', null, { marcus: '✅', priya: '❌' }, /passed/],
  ['consent with a quorum set and not met', 'consent', 50, { marcus: '✅' }, /no quorum/],
];

describe('decision rules end to end', () => {
  it.each(cases)('%s', async (_name, rule, quorum, votes, expected) => {
    const a = await h.newAlliance();
    await a.setup();
    const opened = await openProposal(h, a, 'marcus', { rule, ...(quorum === null ? {} : { quorum }) });
    for (const [member, emoji] of Object.entries(votes)) {
      if (emoji === '🛑') await a.reply(member, 'proposal vote', { proposal: opened.id, choice: 'block', reason: 'It costs too much.' });
      else react(h, a, member, opened.message.id, emoji);
    }
    const expectedVotes = Object.keys(votes).length;
    await waitUntil(() => h.bot.services.votes.tally(a.id, opened.id).voted === expectedVotes, 5000, 'the votes to be recorded');
    const closed = await closeEarly(h, a, 'olivia', opened.id);
    expect(closed.content).toContain(`Closed #${opened.number}`);
    const announcement = h.bed.messages(a.channel('announcements')).find((m) => visibleText(m).includes(`Proposal #${opened.number}`));
    expect(visibleText(announcement!).toLowerCase()).toMatch(new RegExp(expected.source.toLowerCase(), expected.flags));
    const inThread = h.bed.messages(opened.message.threadId!).find((m) => visibleText(m).includes(`Proposal #${opened.number}`));
    expect(inThread).toBeDefined();
  });
});
