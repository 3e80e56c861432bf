// The plain data the proposal use cases hand out: what renderers show, with hidden results already hidden.
import type { DecisionType, Outcome, ProposalStatus, RuleChange, RuleKind, VoterKind } from '../db/schema/index.js';
import type { ProposalRow, ProposalsRepo } from './proposals.repo.js';
import { decide, type Tally } from './tally.rules.js';

export interface ProposalView {
  id: number;
  guildId: string;
  number: number;
  type: DecisionType;
  title: string;
  summary: string;
  need: string | null;
  audience: string | null;
  measure: string | null;
  authorId: string | null;
  rule: RuleKind;
  thresholdNum: number;
  thresholdDen: number;
  quorum: number | null;
  voters: VoterKind;
  voterRoleId: string | null;
  eligible: number;
  anonymous: boolean;
  hideResults: boolean;
  openedAt: number;
  closesAt: number;
  status: ProposalStatus;
  outcome: Outcome | null;
  closedAt: number | null;
  closedBy: string | null;
  channelId: string | null;
  messageId: string | null;
  threadId: string | null;
  agendaItemId: number | null;
  ruleChange: RuleChange | null;
  /** Votes cast so far: shown even when the tally is hidden. */
  voted: number;
  /** The counts and result-so-far; null while a secret ballot or hide-results keeps them secret. */
  tally: Tally | null;
}

/** Counts from the frozen columns of a closed proposal, or derived from the event log of an open one. */
export function tallyOf(repo: ProposalsRepo, row: ProposalRow): Tally {
  const counts =
    row.status === 'closed' && row.yesCount !== null
      ? { yes: row.yesCount, no: row.noCount ?? 0, abstain: row.abstainCount ?? 0, block: row.blockCount ?? 0 }
      : repo.tallyCounts(row.guildId, row.id);
  return decide(row, counts, row.eligibleCount);
}

export function toView(repo: ProposalsRepo, row: ProposalRow): ProposalView {
  const tally = tallyOf(repo, row);
  // A secret ballot's live tally would tell whoever watches it change what each voter chose.
  const hidden = (row.hideResults || row.anonymous) && row.status === 'open';
  return {
    id: row.id,
    guildId: row.guildId,
    number: row.number,
    type: row.type,
    title: row.title,
    summary: row.summary,
    need: row.need,
    audience: row.audience,
    measure: row.measure,
    authorId: row.authorId,
    rule: row.rule,
    thresholdNum: row.thresholdNum,
    thresholdDen: row.thresholdDen,
    quorum: row.quorum,
    voters: row.voters,
    voterRoleId: row.voterRoleId,
    eligible: row.eligibleCount,
    anonymous: row.anonymous,
    hideResults: row.hideResults,
    openedAt: row.openedAt,
    closesAt: row.closesAt,
    status: row.status,
    outcome: row.outcome,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
    channelId: row.channelId,
    messageId: row.messageId,
    threadId: row.threadId,
    agendaItemId: row.agendaItemId,
    ruleChange: row.ruleChange ?? null,
    voted: tally.voted,
    tally: hidden ? null : tally,
  };
}
