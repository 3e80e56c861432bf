// The alliance's decision register: every closed or withdrawn proposal with its frozen rule and result,
// listed page by page or exported as CSV.
import { columnId, writeCsv, type ColumnName } from '../shared/csv.js';
import type { ProposalsRepo } from './proposals.repo.js';
import { toView, type ProposalView } from './proposals.views.js';
import { formatFraction } from './tally.rules.js';

export const DECISIONS_CSV_HEADER = [
  'number', 'title', 'type', 'status', 'outcome', 'rule', 'threshold', 'quorum_percent', 'eligible', 'voted',
  'yes', 'no', 'abstain', 'block', 'opened_at', 'closes_at', 'closed_at', 'author_id', 'secret_ballot', 'summary',
] as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

export function createDecisionsService(deps: { repo: ProposalsRepo }) {
  const { repo } = deps;
  return {
    list(guildId: string, page = 0, pageSize = 10): { items: ProposalView[]; total: number } {
      return {
        items: repo.list(guildId, 'decided', pageSize, page * pageSize).map((r) => toView(repo, r)),
        total: repo.count(guildId, 'decided'),
      };
    },

    /** Proposals closed with a result in [from, to), oldest first (the monthly update). */
    decidedBetween(guildId: string, from: number, to: number): ProposalView[] {
      return repo.decidedBetween(guildId, from, to).map((r) => toView(repo, r));
    },

    /**
     * The whole register, oldest first, as CSV (times in UTC ISO 8601 so any spreadsheet reads them); the header names
     * columns with `columnName` (the reader's language).
     */
    exportCsv(guildId: string, columnName: ColumnName = columnId): { filename: string; csv: string; count: number } {
      const total = repo.count(guildId, 'decided');
      const rows = repo.list(guildId, 'decided', Math.max(total, 1), 0).map((r) => toView(repo, r)).reverse();
      const csv = writeCsv(
        DECISIONS_CSV_HEADER.map(columnName),
        rows.map((p) => {
          const counts = p.status === 'closed' ? p.tally?.counts : undefined;
          return [
          p.number, p.title, p.type, p.status, p.outcome ?? '', p.rule,
          p.rule === 'supermajority' ? formatFraction(p.thresholdNum, p.thresholdDen) : '',
          p.quorum ?? '', p.eligible, counts ? p.voted : '',
          counts?.yes ?? '', counts?.no ?? '', counts?.abstain ?? '', counts?.block ?? '',
          iso(p.openedAt), iso(p.closesAt), iso(p.closedAt), p.authorId ?? '', p.anonymous, p.summary,
          ];
        }),
      );
      return { filename: `decisions-${guildId}.csv`, csv, count: rows.length };
    },
  };
}

export type DecisionsService = ReturnType<typeof createDecisionsService>;
