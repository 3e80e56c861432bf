// Proposals, the voters fixed when each opened, and votes as an append-only event log.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DECISION_TYPES, RULE_KINDS, VOTER_KINDS } from './decision-rules.js';

export const PROPOSAL_STATUSES = ['open', 'closed', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const OUTCOMES = ['passed', 'failed', 'no_quorum'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const CHOICES = ['yes', 'no', 'abstain', 'block'] as const;
export type Choice = (typeof CHOICES)[number];
export const VOTE_SOURCES = ['reaction', 'command', 'button'] as const;
export type VoteSource = (typeof VOTE_SOURCES)[number];

/** A rule change carried by a proposal (when rules are locked); applied when the proposal passes. */
export type RuleChange =
  | {
      kind: 'set';
      scope: string;
      rule: string;
      thresholdNum: number;
      thresholdDen: number;
      quorum: number | null;
      periodMinutes: number;
      voters: string;
      voterRoleId: string | null;
      allowOverride: boolean;
    }
  | { kind: 'unlock' };

export const proposals = sqliteTable(
  'proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** Per-alliance number members see (#1, #2, …). */
    number: integer('number').notNull(),
    type: text('type', { enum: DECISION_TYPES }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    need: text('need'),
    audience: text('audience'),
    measure: text('measure'),
    authorId: text('author_id'),
    // Frozen at open: later rule changes never reach an open proposal.
    rule: text('rule', { enum: RULE_KINDS }).notNull(),
    thresholdNum: integer('threshold_num').notNull(),
    thresholdDen: integer('threshold_den').notNull(),
    quorum: integer('quorum'),
    voters: text('voters', { enum: VOTER_KINDS }).notNull(),
    voterRoleId: text('voter_role_id'),
    eligibleCount: integer('eligible_count').notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    hideResults: integer('hide_results', { mode: 'boolean' }).notNull().default(false),
    openedAt: integer('opened_at').notNull(),
    closesAt: integer('closes_at').notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('open'),
    outcome: text('outcome', { enum: OUTCOMES }),
    closedAt: integer('closed_at'),
    closedBy: text('closed_by'),
    /** Final counts, frozen at close: the record stays right even after voter identities are erased. */
    yesCount: integer('yes_count'),
    noCount: integer('no_count'),
    abstainCount: integer('abstain_count'),
    blockCount: integer('block_count'),
    channelId: text('channel_id'),
    messageId: text('message_id'),
    threadId: text('thread_id'),
    agendaItemId: integer('agenda_item_id'),
    ruleChange: text('rule_change', { mode: 'json' }).$type<RuleChange>(),
    reminderSentAt: integer('reminder_sent_at'),
  },
  (table) => [
    uniqueIndex('proposals_guild_number_uq').on(table.guildId, table.number),
    index('proposals_guild_status_idx').on(table.guildId, table.status, table.closesAt),
    index('proposals_guild_closed_idx').on(table.guildId, table.closedAt),
    index('proposals_message_idx').on(table.messageId),
  ],
);

/** The voting units fixed at open: a member (key = user id) or a member space (key = `space:<id>`). */
export const proposalVoters = sqliteTable(
  'proposal_voters',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    voterKey: text('voter_key').notNull(),
    /** Space name for spaces; null for members (shown as a mention). */
    label: text('label'),
  },
  (table) => [primaryKey({ columns: [table.proposalId, table.voterKey] })],
);

/** Who may cast each unit's vote: the member themself, or any host of the space. */
export const proposalElectors = sqliteTable(
  'proposal_electors',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    voterKey: text('voter_key').notNull(),
    /** Set when the member left the server before the close: their votes stop counting. */
    leftAt: integer('left_at'),
  },
  (table) => [
    primaryKey({ columns: [table.proposalId, table.userId, table.voterKey] }),
    index('proposal_electors_user_idx').on(table.guildId, table.userId),
  ],
);

/** Append-only: every vote, change and withdrawal (choice null). The current vote is the last event per voter. */
export const proposalVotes = sqliteTable(
  'proposal_votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    /** Nullable so a closed proposal's votes can be kept as anonymous counts once identities are erased. */
    voterKey: text('voter_key'),
    userId: text('user_id'),
    choice: text('choice', { enum: CHOICES }),
    source: text('source', { enum: VOTE_SOURCES }).notNull(),
    reason: text('reason'),
    at: integer('at').notNull(),
  },
  (table) => [index('proposal_votes_current_idx').on(table.proposalId, table.voterKey, table.id)],
);

/**
 * The current vote of each voter, maintained from the event log in the same transaction as each append: a
 * projection for fast tallies, checkable against a replay of the log at any time (votes.service verify()).
 */
export const proposalBallots = sqliteTable(
  'proposal_ballots',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    voterKey: text('voter_key').notNull(),
    userId: text('user_id'),
    choice: text('choice', { enum: CHOICES }).notNull(),
    source: text('source', { enum: VOTE_SOURCES }).notNull(),
    reason: text('reason'),
    at: integer('at').notNull(),
    eventId: integer('event_id').notNull(),
    /** The member who cast it left the server: it stops counting. */
    casterLeft: integer('caster_left', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.proposalId, table.voterKey] }),
    index('proposal_ballots_tally_idx').on(table.guildId, table.proposalId, table.casterLeft, table.choice),
    index('proposal_ballots_user_idx').on(table.guildId, table.userId),
    // `/proposal show` lists the first votes in the order they were cast: read in index order, stopping early.
    index('proposal_ballots_order_idx').on(table.proposalId, table.at, table.eventId),
  ],
);

/**
 * How many current votes that count each choice has on a proposal: kept by triggers on proposal_ballots (see
 * drizzle/*_proposal_tallies.sql), so a tally reads four rows however many votes there are. verify() checks it
 * against a replay of the event log.
 */
export const proposalTallies = sqliteTable(
  'proposal_tallies',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    choice: text('choice', { enum: CHOICES }).notNull(),
    n: integer('n').notNull(),
  },
  (table) => [primaryKey({ columns: [table.proposalId, table.choice] })],
);

export const proposalReminderPrefs = sqliteTable(
  'proposal_reminder_prefs',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.userId] })],
);

/**
 * The options of a `/proposal create` waiting for its form: the modal's custom id carries only this row's id, so
 * no option is packed into it. Taken (deleted) when the form is sent; left-overs expire.
 */
export const proposalDrafts = sqliteTable(
  'proposal_drafts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    options: text('options', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('proposal_drafts_guild_idx').on(table.guildId, table.expiresAt)],
);
