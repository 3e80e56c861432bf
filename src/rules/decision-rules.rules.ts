// Pure parts of decision rules: the built-in default, which rule applies to a type, and parsing of thresholds
// and durations as organizers type them ("2/3", "75%", "7d", "48h").
import type { DecisionType, RuleKind, RuleScope, VoterKind } from '../db/schema/index.js';
import { msg, type MessageRef } from '../shared/errors.js';

export interface DecisionRule {
  scope: RuleScope;
  rule: RuleKind;
  thresholdNum: number;
  thresholdDen: number;
  quorum: number | null;
  periodMinutes: number;
  voters: VoterKind;
  voterRoleId: string | null;
  allowOverride: boolean;
  /** True for the built-in fallback (no rule set by the alliance). */
  builtIn: boolean;
}

export const MAX_PERIOD_MINUTES = 90 * 24 * 60;

/** Used until an alliance sets its own default: a simple majority over a week, everyone votes, authors may adjust. */
export const BUILT_IN_DEFAULT: DecisionRule = {
  scope: 'default',
  rule: 'majority',
  thresholdNum: 2,
  thresholdDen: 3,
  quorum: null,
  periodMinutes: 7 * 24 * 60,
  voters: 'everyone',
  voterRoleId: null,
  allowOverride: true,
  builtIn: true,
};

/** The type's own rule, else the alliance default, else the built-in default. */
export function ruleForType(type: DecisionType, rules: readonly DecisionRule[]): DecisionRule {
  return rules.find((r) => r.scope === type) ?? rules.find((r) => r.scope === 'default') ?? BUILT_IN_DEFAULT;
}

/** A refusal names what was wrong by message key (the Discord layer words it in the member's language). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: MessageRef };

/** "2/3", "3/4", "75%", "75" → an exact fraction strictly above one half and at most one. */
export function parseThreshold(text: string): Parsed<{ num: number; den: number }> {
  const trimmed = text.trim();
  const fraction = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(trimmed);
  const percent = /^(\d{1,3})\s*%?$/.exec(trimmed);
  let num: number;
  let den: number;
  if (fraction) {
    num = Number(fraction[1]);
    den = Number(fraction[2]);
  } else if (percent) {
    num = Number(percent[1]);
    den = 100;
  } else {
    return { ok: false, message: msg('rules.error.thresholdFormat') };
  }
  if (den === 0 || num * 2 <= den || num > den) {
    return { ok: false, message: msg('rules.error.thresholdRange') };
  }
  return { ok: true, value: { num, den } };
}

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };

/** "90m", "48h", "7d", "2w" → minutes. */
export function parseDuration(text: string): Parsed<number> {
  const match = /^(\d{1,4})\s*(m|h|d|w)$/i.exec(text.trim());
  if (!match) return { ok: false, message: msg('rules.error.durationFormat') };
  const minutes = Number(match[1]) * UNIT_MINUTES[match[2]!.toLowerCase()]!;
  if (minutes < 1) return { ok: false, message: msg('rules.error.durationZero') };
  return { ok: true, value: minutes };
}
