// Proposals in the bench: 500 proposals with 20,000 votes. The history (closed proposals, voted by the "Voting
// members" role, one a week) is written in bulk as the proposals repo writes it; the few open ones, voted by
// everyone, are opened through the proposals service (electorate fixed, close and reminder jobs scheduled) and
// their votes written in bulk; the bot posts them itself at its first start (start-up reconciliation posts
// proposals never posted).
// Measured: /proposal show of the open proposal with the most votes, and a reaction vote until it is stored.
import type Database from 'better-sqlite3';
import type { Choice, VoteSource } from '../../src/db/schema/index.js';
import type { GuildPeople } from '../../src/proposals/ports.js';
import { CHOICE_EMOJI, countChoices, decide } from '../../src/proposals/tally.rules.js';
import { DAY } from '../../src/shared/clock.js';
import { expectMessage, hasEmbeds, slash, untilStored } from '../interact.js';
import type { BenchContext, BenchFeature, SeedContext } from './types.js';

/** One proposal in 100 is open (at least 2); the first open one takes a quarter of all votes. */
const openCount = (proposals: number) => Math.max(2, Math.round(proposals / 100));
/** One member in 20 holds the "Voting members" role that voted on the history. */
const DELEGATE_EVERY = 20;
const CHOICE_CYCLE: Choice[] = ['yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'no', 'yes'];
const TOPICS = ['shared insurance', 'a joint day pass', 'the spring open house', 'pooling a bookkeeper', 'a community fund', 'the directory listing rules', 'a hosts\' meetup', 'shared printers'];

interface ProposalsState {
  /** The open proposal with the most votes: what /proposal show shows. */
  showId: number;
  openIds: number[];
}

/** How many votes each of `n` proposals gets so that they add up to `total` (spread evenly). */
const spread = (total: number, n: number) => Array.from({ length: n }, (_, k) => Math.floor((total * (k + 1)) / n) - Math.floor((total * k) / n));

/** Bulk writes as the proposals repo makes them (statements prepared once per seeding). */
function writer(sqlite: Database.Database, guildId: string) {
  const insert = (table: string, columns: string[]) => sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const proposal = insert('proposals', ['guild_id', 'number', 'type', 'title', 'summary', 'author_id', 'rule', 'threshold_num', 'threshold_den', 'quorum', 'voters',
    'voter_role_id', 'eligible_count', 'opened_at', 'closes_at', 'status', 'outcome', 'closed_at', 'yes_count', 'no_count', 'abstain_count', 'block_count']);
  const voter = insert('proposal_voters', ['proposal_id', 'guild_id', 'voter_key']);
  const elector = insert('proposal_electors', ['proposal_id', 'guild_id', 'user_id', 'voter_key']);
  const event = insert('proposal_votes', ['guild_id', 'proposal_id', 'voter_key', 'user_id', 'choice', 'source', 'reason', 'at']);
  const ballot = insert('proposal_ballots', ['proposal_id', 'guild_id', 'voter_key', 'user_id', 'choice', 'source', 'reason', 'at', 'event_id']);
  return {
    proposal: (...values: unknown[]) => Number(proposal.run(guildId, ...values).lastInsertRowid),
    electorate(proposalId: number, userIds: readonly string[]): void {
      for (const userId of userIds) {
        voter.run(proposalId, guildId, userId);
        elector.run(proposalId, guildId, userId, userId);
      }
    },
    /** One vote per member, `step` ms apart (the event and the current-vote projection); every tenth with a reason. */
    votes(proposalId: number, userIds: readonly string[], choices: readonly Choice[], source: VoteSource, from: number, step: number): void {
      userIds.forEach((userId, v) => {
        const at = from + (v + 1) * step;
        const reason = v % 10 === 0 ? `I vote ${choices[v]} after the meeting (${v})` : null;
        const appended = event.run(guildId, proposalId, userId, userId, choices[v], source, reason, at);
        ballot.run(proposalId, guildId, userId, userId, choices[v], source, reason, at, appended.lastInsertRowid);
      });
    },
  };
}

const choicesFrom = (offset: number, n: number) => Array.from({ length: n }, (_, v) => CHOICE_CYCLE[(offset + v) % CHOICE_CYCLE.length]!);

/** Closed proposals 1..votes.length, a week apart and ended before now, each with its votes[k] reaction votes from the delegates. */
function writeHistory(ctx: SeedContext, write: ReturnType<typeof writer>, delegates: readonly string[], roleId: string, votes: readonly number[]): void {
  const rule = ctx.services.rules.forType(ctx.organizer.guildId, 'general');
  const now = ctx.clock.now().getTime();
  votes.forEach((count, k) => {
    const closesAt = now - (votes.length - k) * 7 * DAY;
    const openedAt = closesAt - rule.periodMinutes * 60_000;
    const voters = Array.from({ length: Math.min(count, delegates.length) }, (_, v) => delegates[(k * 7 + v) % delegates.length]!);
    const choices = choicesFrom(k, voters.length);
    const counts = countChoices(choices);
    const topic = TOPICS[k % TOPICS.length]!;
    const id = write.proposal(k + 1, 'general', `Proposal ${k + 1}: ${topic}`, `Should the alliance agree on ${topic}? (${k + 1})`, delegates[k % delegates.length],
      rule.rule, rule.thresholdNum, rule.thresholdDen, rule.quorum, 'role', roleId, delegates.length, openedAt, closesAt,
      'closed', decide(rule, counts, delegates.length).outcome, closesAt, counts.yes, counts.no, counts.abstain, counts.block);
    write.electorate(id, delegates);
    write.votes(id, voters, choices, 'reaction', openedAt, 60_000);
  });
}

export const proposals: BenchFeature = {
  name: 'proposals',

  seed(ctx) {
    const { services, sqlite, organizer, members, guild, scale, state } = ctx;
    const roleId = guild.addRole({ name: 'Voting members' });
    const delegates = members.filter((_, k) => k % DELEGATE_EVERY === 0);
    for (const userId of delegates) guild.setMemberRoles(userId, [roleId]);
    const open = openCount(scale.proposals);
    const big = Math.floor(scale.votes / 4);
    const votes = spread(scale.votes - big, scale.proposals - 1);
    const write = writer(sqlite, organizer.guildId);
    const openIds: number[] = [];
    sqlite.transaction(() => {
      writeHistory(ctx, write, delegates, roleId, votes.slice(0, scale.proposals - open));
      // The open ones opened as the bot opens them (everyone votes: the electorate is every human member), their
      // votes cast by command, in bulk.
      const delegateSet = new Set(delegates);
      const people: GuildPeople = { humans: [guild.ownerId, ...members].map((id) => ({ id, roleIds: delegateSet.has(id) ? [roleId] : [] })) };
      [big, ...votes.slice(scale.proposals - open)].forEach((count, k) => {
        const topic = TOPICS[(scale.proposals + k) % TOPICS.length]!;
        const view = services.proposals.create(organizer, { title: `Open: ${topic} (${k + 1})`, summary: `Should the alliance agree on ${topic}? Everyone votes.` }, people);
        if (view.voters !== 'everyone') throw new Error(`open proposals should be voted by everyone, not ${view.voters}`);
        openIds.push(view.id);
        const voters = Array.from({ length: Math.min(count, members.length) }, (_, v) => members[(k * 97 + v) % members.length]!);
        // Opened just now: its votes a millisecond apart.
        write.votes(view.id, voters, choicesFrom(k, voters.length), 'command', view.openedAt, 1);
      });
    })();

    // The bulk rows must be what the services read: the stored counts follow from the event log.
    const oldest = sqlite.prepare("SELECT id FROM proposals WHERE guild_id = ? AND status = 'closed' ORDER BY id LIMIT 1").pluck().get(organizer.guildId) as number | undefined;
    // A small alliance (the scale probe's) has open proposals only.
    for (const id of oldest === undefined ? [openIds[0]!] : [oldest, openIds[0]!]) {
      if (!services.votes.verify(organizer.guildId, id).consistent) throw new Error(`seeded proposal ${id} does not verify`);
    }
    const total = sqlite.prepare('SELECT count(*) FROM proposal_votes WHERE guild_id = ?').pluck().get(organizer.guildId) as number;
    if (total !== scale.votes) throw new Error(`seeded ${total} votes, not ${scale.votes}`);
    const proposalsState: ProposalsState = { showId: openIds[0]!, openIds };
    state.proposals = proposalsState;
  },

  interactions: [
    {
      name: '/proposal show',
      // In the throughput mix: a show reads only the votes one embed lists (≤ 257 rows over an index) and the
      // maintained counts, however many votes the proposal has.
      async send(ctx, i) {
        const { showId } = ctx.state.proposals as ProposalsState;
        expectMessage(await slash(ctx, ctx.member(i), 'proposal show', { proposal: showId }), '/proposal show', hasEmbeds);
      },
    },
    {
      name: 'reaction vote → stored',
      kind: 'effect',
      // The bot posted the open proposals at its first start; wait until their message ids are stored.
      prepare: async (ctx) => {
        const { openIds } = ctx.state.proposals as ProposalsState;
        await untilStored(() => posted(ctx).length === openIds.length, 10_000);
      },
      async send(ctx, i) {
        const targets = posted(ctx);
        const target = targets[i % targets.length]!;
        const userId = ctx.member(i);
        const reads = readers(ctx.readDb());
        // A real change every run: the other choice than the member's current vote.
        const choice: Choice = reads.current.get(target.id, userId) === 'yes' ? 'no' : 'yes';
        const after = reads.lastEvent.get() as number;
        const t0 = process.hrtime.bigint();
        ctx.driver.react({ channelId: target.channelId, messageId: target.messageId, userId, emoji: CHOICE_EMOJI[choice] });
        await untilStored(() => reads.stored.get(target.id, userId, after, choice));
        return Number(process.hrtime.bigint() - t0) / 1e6;
      },
    },
  ],

  growth: [
    {
      rows: 'votes on a proposal',
      start({ sqlite, services, clock }) {
        const write = writer(sqlite, GROWTH_GUILD);
        const now = clock.now().getTime();
        const id = write.proposal(1, 'general', 'Growth', 'The tally as votes grow', null, 'majority', 2, 3, null, 'everyone', null, 0, now, now + 7 * DAY,
          'open', null, null, null, null, null, null);
        let rows = 0;
        return {
          fillTo(n) {
            const users = Array.from({ length: n - rows }, (_, v) => String(GROWTH_MEMBER + BigInt(rows + v)));
            sqlite.transaction(() => {
              write.electorate(id, users);
              write.votes(id, users, choicesFrom(rows, users.length), 'reaction', now, 1);
              sqlite.prepare('UPDATE proposals SET eligible_count = ? WHERE id = ?').run(n, id);
            })();
            rows = n;
          },
          queries: [{ name: 'proposal tally', target: 'report', run: () => services.votes.tally(GROWTH_GUILD, id) }],
        };
      },
    },
  ],
};

const GROWTH_GUILD = '900000000000000003';
const GROWTH_MEMBER = 100_000_000_000_000_000n;

interface PostedProposal {
  id: number;
  channelId: string;
  messageId: string;
}

/** Reads on the bot's database file, prepared once per connection. */
function prepareReads(db: Database.Database) {
  return {
    posted: db.prepare(`SELECT id, channel_id AS channelId, message_id AS messageId FROM proposals WHERE status = 'open' AND message_id IS NOT NULL ORDER BY id`),
    current: db.prepare('SELECT choice FROM proposal_ballots WHERE proposal_id = ? AND voter_key = ?').pluck(),
    lastEvent: db.prepare('SELECT coalesce(max(id), 0) FROM proposal_votes').pluck(),
    stored: db.prepare('SELECT 1 FROM proposal_votes WHERE proposal_id = ? AND voter_key = ? AND id > ? AND choice = ?').pluck(),
  };
}
const prepared = new WeakMap<Database.Database, ReturnType<typeof prepareReads>>();
function readers(db: Database.Database): ReturnType<typeof prepareReads> {
  let reads = prepared.get(db);
  if (!reads) prepared.set(db, (reads = prepareReads(db)));
  return reads;
}

const posted = (ctx: BenchContext) => readers(ctx.readDb()).posted.all() as PostedProposal[];
