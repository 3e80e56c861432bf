// Decision rules use cases: show them, set them (organizers; a proposal of type general once rules are locked),
// lock them, and apply a rule change a passed proposal carried.
import { z } from 'zod';
import {
  DECISION_TYPES,
  RULE_KINDS,
  RULE_SCOPES,
  VOTER_KINDS,
  type DecisionType,
  type RuleChange,
  type RuleScope,
} from '../db/schema/index.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { forbidden, invalidFields, msg, problem, type FieldProblem } from '../shared/errors.js';
import { between, issueProblem } from '../shared/validate.js';
import {
  BUILT_IN_DEFAULT,
  MAX_PERIOD_MINUTES,
  parseDuration,
  parseThreshold,
  ruleForType,
  type DecisionRule,
} from './decision-rules.rules.js';
import type { DecisionRuleRow, RulesRepo } from './rules.repo.js';

const snowflake = z.string().regex(/^\d{15,21}$/, 'validation.discordId');

/** What `/rules set` takes; anything left out keeps the value the type has now. */
export const setRuleInputSchema = z.object({
  type: z.enum(RULE_SCOPES),
  rule: z.enum(RULE_KINDS).optional(),
  threshold: z.string().max(10).optional(),
  quorum: z.number().int('validation.between').refine(...between(0, 100)).nullable().optional(),
  period: z.string().max(10).optional(),
  voters: z.enum(VOTER_KINDS).optional(),
  voterRoleId: snowflake.optional(),
  allowOverride: z.boolean().optional(),
});
export type SetRuleInput = z.input<typeof setRuleInputSchema>;

const OPTION_NAMES: Record<string, string> = { voterRoleId: 'voter-role', allowOverride: 'allow-override' };

export interface RulesOverview {
  locked: boolean;
  /** One entry per type plus `default`; `inherited` says the type falls back to the default. */
  rules: (DecisionRule & { inherited: boolean })[];
}

export type SetRuleResult =
  | { status: 'applied'; rule: DecisionRule }
  | { status: 'needs-proposal'; change: Extract<RuleChange, { kind: 'set' }> };

function toRule(row: DecisionRuleRow): DecisionRule {
  return {
    scope: row.scope,
    rule: row.rule,
    thresholdNum: row.thresholdNum,
    thresholdDen: row.thresholdDen,
    quorum: row.quorum,
    periodMinutes: row.periodMinutes,
    voters: row.voters,
    voterRoleId: row.voterRoleId,
    allowOverride: row.allowOverride,
    builtIn: false,
  };
}

export function createRulesService(deps: { repo: RulesRepo; clock: Clock }) {
  const { repo, clock } = deps;

  function all(guildId: string): DecisionRule[] {
    return repo.list(guildId).map(toRule);
  }

  function effective(guildId: string, scope: RuleScope): DecisionRule {
    const rules = all(guildId);
    return scope === 'default'
      ? (rules.find((r) => r.scope === 'default') ?? BUILT_IN_DEFAULT)
      : ruleForType(scope, rules);
  }

  function applyChange(guildId: string, change: RuleChange, by: string | null): void {
    if (change.kind === 'unlock') {
      repo.setLocked(guildId, false, clock.now().getTime());
      return;
    }
    const { kind: _kind, scope, ...values } = change;
    repo.upsert(guildId, scope as RuleScope, values as Parameters<RulesRepo['upsert']>[2], by, clock.now().getTime());
  }

  return {
    forType(guildId: string, type: DecisionType): DecisionRule {
      return effective(guildId, type);
    },

    isLocked(guildId: string): boolean {
      return repo.locked(guildId);
    },

    show(guildId: string): RulesOverview {
      const rules = all(guildId);
      const fallback = rules.find((r) => r.scope === 'default') ?? BUILT_IN_DEFAULT;
      return {
        locked: repo.locked(guildId),
        rules: [
          { ...fallback, inherited: false },
          ...DECISION_TYPES.map((type) => {
            const own = rules.find((r) => r.scope === type);
            return own ? { ...own, inherited: false } : { ...fallback, scope: type, inherited: true };
          }),
        ],
      };
    },

    /** Applies at once, or (rules locked) returns the change for the caller to open as a general proposal. */
    set(actor: Actor, input: SetRuleInput): SetRuleResult {
      if (!actor.isOrganizer) throw forbidden(msg('rules.error.setOrganizersOnly'));
      const parsed = setRuleInputSchema.safeParse(input);
      if (!parsed.success) {
        throw invalidFields(
          parsed.error.issues.map((issue) => {
            const key = String(issue.path[0] ?? 'type');
            return issueProblem(issue, OPTION_NAMES[key] ?? key);
          }),
        );
      }
      const data = parsed.data;
      const current = effective(actor.guildId, data.type);
      const problems: FieldProblem[] = [];
      let threshold = { num: current.thresholdNum, den: current.thresholdDen };
      if (data.threshold !== undefined) {
        const result = parseThreshold(data.threshold);
        if (result.ok) threshold = result.value;
        else problems.push(problem('threshold', result.message));
      }
      let periodMinutes = current.periodMinutes;
      if (data.period !== undefined) {
        const result = parseDuration(data.period);
        if (!result.ok) problems.push(problem('period', result.message));
        else if (result.value > MAX_PERIOD_MINUTES) problems.push(problem('period', msg('rules.error.periodTooLong', { days: MAX_PERIOD_MINUTES / (24 * 60) })));
        else periodMinutes = result.value;
      }
      const voters = data.voters ?? current.voters;
      const voterRoleId = voters === 'role' ? (data.voterRoleId ?? current.voterRoleId) : null;
      if (voters === 'role' && !voterRoleId) problems.push(problem('voter-role', msg('proposals.error.voterRoleNeeded')));
      if (problems.length) throw invalidFields(problems);

      const change: Extract<RuleChange, { kind: 'set' }> = {
        kind: 'set',
        scope: data.type,
        rule: data.rule ?? current.rule,
        thresholdNum: threshold.num,
        thresholdDen: threshold.den,
        quorum: data.quorum === undefined ? current.quorum : data.quorum === 0 ? null : data.quorum,
        periodMinutes,
        voters,
        voterRoleId,
        allowOverride: data.allowOverride ?? current.allowOverride,
      };
      if (repo.locked(actor.guildId)) return { status: 'needs-proposal', change };
      applyChange(actor.guildId, change, actor.userId);
      return { status: 'applied', rule: effective(actor.guildId, data.type) };
    },

    /** Turns rules-locked on; turning it off again takes a passed proposal (see proposals `rule_change`). */
    lock(actor: Actor): RulesOverview['locked'] {
      if (!actor.isOrganizer) throw forbidden(msg('rules.error.lockOrganizersOnly'));
      repo.setLocked(actor.guildId, true, clock.now().getTime());
      return true;
    },

    applyChange,
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
