// The alliance's constitution as data: one decision rule per kind of decision (plus the alliance-wide default),
// and whether changing a rule needs a proposal of its own.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const DECISION_TYPES = ['admission', 'dues', 'spending', 'policy', 'statement', 'general'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];
/** `default` is the alliance-wide rule for types without their own. */
export const RULE_SCOPES = [...DECISION_TYPES, 'default'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

export const RULE_KINDS = ['majority', 'supermajority', 'consensus', 'consent'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const VOTER_KINDS = ['everyone', 'role', 'spaces', 'spaces-in-good-standing'] as const;
export type VoterKind = (typeof VOTER_KINDS)[number];

export const decisionRules = sqliteTable(
  'decision_rules',
  {
    guildId: text('guild_id').notNull(),
    scope: text('scope', { enum: RULE_SCOPES }).notNull(),
    rule: text('rule', { enum: RULE_KINDS }).notNull(),
    /** Supermajority share as an exact fraction (2/3 is not a finite decimal). */
    thresholdNum: integer('threshold_num').notNull().default(2),
    thresholdDen: integer('threshold_den').notNull().default(3),
    /** Percent of eligible voters who must vote (abstain counts); null: no quorum. */
    quorum: integer('quorum'),
    periodMinutes: integer('period_minutes').notNull(),
    voters: text('voters', { enum: VOTER_KINDS }).notNull().default('everyone'),
    voterRoleId: text('voter_role_id'),
    /** Whether a proposal author may override rule, quorum, voters or shorten the period. */
    allowOverride: integer('allow_override', { mode: 'boolean' }).notNull().default(false),
    updatedBy: text('updated_by'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.scope] })],
);

export const decisionSettings = sqliteTable('decision_settings', {
  guildId: text('guild_id').primaryKey(),
  /** When on, rules change only through a passed proposal of type general. */
  rulesLocked: integer('rules_locked', { mode: 'boolean' }).notNull().default(false),
  updatedAt: integer('updated_at').notNull(),
});
