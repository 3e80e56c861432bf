// What a member does most (the interactions the bench drives) prepares no statement anew once it has run: its
// queries are prepared once in their repos, or once per shape where filters change the SQL text. Each interaction
// runs once to warm up, then twice more with other members and values of the same shape, watched on the bot's
// connection; a query built on the spot in any of them shows up here by its SQL text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSpaces } from '../../bench/seed/directory.js';
import { writeEntries } from '../../bench/seed/skills.js';
import type { CommandInput, MessageView } from '../../src/testbed/types.js';
import { startHarness, waitUntil, type Alliance, type Harness } from '../support/bot.js';
import { watchPrepares } from '../support/prepares.js';
import { openProposal, react, settle, type Opened } from './proposals-support.js';

let h: Harness;
let a: Alliance;
let proposal: Opened;
let meetingId: number;
let places: string[];
const voters = Array.from({ length: 6 }, (_, i) => `voter${i}`);

beforeAll(async () => {
  h = await startHarness();
  a = await h.newAlliance();
  await a.setup({ timezone: 'America/Chicago' });
  for (const voter of voters) a.guild.addMember({ username: voter });
  const { sqlite } = h.bot.database;
  const people = [a.members.olivia, a.members.marcus, a.members.priya, a.members.sam, ...voters.map((v) => a.userId(v))];
  writeSpaces(sqlite, a.id, 0, 300, people.slice(0, 2));
  h.bot.services.directory.warmUp();
  places = (sqlite.prepare(`SELECT place_id AS placeId FROM spaces WHERE guild_id = ? AND status = 'approved'
    GROUP BY place_id ORDER BY count(*) DESC, place_id LIMIT 3`).all(a.id) as { placeId: number }[]).map((row) => String(row.placeId));
  writeEntries(sqlite, a.id, people, 0, people.length * 10);
  const organizer = { guildId: a.id, userId: a.members.olivia, isOrganizer: true, roleIds: [] };
  const preview = h.bot.services.meetings.previewSchedule(organizer, { title: 'Alliance meeting', when: 'in 3 days at 18:00', location: 'The Loft' });
  const confirmed = h.bot.services.meetings.confirm(organizer, preview.draftId, 0);
  if (confirmed.kind !== 'scheduled') throw new Error(`meeting not scheduled: ${confirmed.kind}`);
  meetingId = confirmed.meetings[0]!.id;
  h.bot.services.meetings.addItem({ ...organizer, isOrganizer: false, userId: a.members.priya }, { meetingId, topic: 'Shared insurance', minutes: 10 });
  proposal = await openProposal(h, a, 'olivia');
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const member = (round: number) => ['marcus', 'priya', 'sam'][round]!;
const base = (round: number) => ({ guildId: a.id, channelId: a.channel('general'), userId: a.userId(member(round)) });
async function answered(result: Promise<{ reply(): Promise<MessageView> }>): Promise<void> {
  await (await result).reply();
  await h.bot.interactionsIdle();
}
type Typed = Omit<CommandInput, 'guildId' | 'channelId' | 'userId'> & { focused: string };
const autocompleteAs = async (who: string, input: Typed) => {
  expect(await h.bed.driver.autocomplete({ guildId: a.id, channelId: a.channel('general'), userId: a.userId(who), ...input })).not.toEqual([]);
  await h.bot.interactionsIdle();
};
const autocomplete = (input: Typed, round: number) => autocompleteAs(member(round), input);
let pager: MessageView | null = null;

/** Each runs one interaction as members meet it; `round` picks the member and the values (0 warms up). */
const hotPaths: Record<string, (round: number) => Promise<void>> = {
  '/help': (round) => answered(a.run(member(round), 'help')),
  '/alliance show': () => answered(a.run('olivia', 'alliance show')),
  'autocomplete: time zone': (round) => autocompleteAs('olivia', { name: 'alliance', subcommand: 'setup', focused: 'timezone', options: { timezone: ['america', 'europe/b', 'asia/t'][round]! } }),
  '/directory search (text + filters)': (round) =>
    answered(a.run(member(round), 'directory search', { text: ['garden', 'quiet', 'coffee'][round]!, tag: ['women-owned', 'coworking', 'quiet'][round]!, country: 'US', 'min-desks': 2 + round })),
  // Words of one shape: the seed writes each only in descriptions, so the same relevance tiers run (a tier whose
  // words never occur in its columns is skipped, and a skipped tier prepares nothing: another shape).
  '/directory search (text)': (round) => answered(a.run(member(round), 'directory search', { text: ['kitchen', 'coffee', 'terrace'][round]! })),
  '/directory near (50 km)': (round) => answered(a.run(member(round), 'directory near', { place: places[round % places.length]!, 'radius-km': 50 })),
  'autocomplete: space name': (round) => autocomplete({ name: 'space', subcommand: 'show', focused: 'space', options: { space: ['ra', 'ha', 'uni'][round]! } }, round),
  'button: next page of a search': async (round) => {
    if (round === 0) pager = await a.reply('marcus', 'directory search', { text: 'desks' });
    const next = pager!.components.flatMap((row) => row.components ?? []).find((button) => button.label === 'Next');
    if (!next?.custom_id || next.disabled) throw new Error('the search has no Next button');
    const clicked = await h.bed.driver.click({ ...base(round), messageId: pager!.id, customId: next.custom_id });
    pager = await clicked.updated();
    await h.bot.interactionsIdle();
  },
  '/agenda show': (round) => answered(a.run(member(round), 'agenda show', { meeting: meetingId })),
  '/proposal show': (round) => answered(a.run(member(round), 'proposal show', { proposal: proposal.id })),
  'reaction vote → stored, the post edited': async (round) => {
    const userId = a.userId(voters[round]!);
    react(h, a, voters[round]!, proposal.message.id, round % 2 ? '❌' : '✅');
    await waitUntil(() => h.bot.database.sqlite.prepare('SELECT 1 FROM proposal_votes WHERE proposal_id = ? AND user_id = ?').get(proposal.id, userId) !== undefined);
    // The post's tally is edited at most every 2 s: wait for that edit too.
    await settle(2300);
  },
  '/skills match': (round) => answered(a.run(member(round), 'skills match')),
  // Every minute: the planners of every alliance (meetings, rhythm, dues, backups) and the due jobs' read.
  'the scheduler’s minute tick': () => h.bot.scheduler.tick(),
};

describe('hot paths', () => {
  for (const [name, run] of Object.entries(hotPaths)) {
    it(`${name} prepares no statement anew once it has run`, async () => {
      await run(0);
      const prepares = watchPrepares(h.bot.database.sqlite);
      try {
        for (const round of [1, 2]) {
          await run(round);
          // The test's own reads (the vote waited for above) are not the bot's.
          const fresh = prepares.take().filter((source) => !source.startsWith('SELECT 1 FROM proposal_votes WHERE proposal_id = ? AND user_id = ?'));
          expect(fresh, `round ${round}`).toEqual([]);
        }
      } finally {
        prepares.stop();
      }
    }, 30_000);
  }
});
