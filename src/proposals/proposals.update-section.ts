// The proposals part of the monthly update: what was decided last month (with results) and what is open now.
import { escapeMarkdown } from '../shared/markdown.js';
import type { UpdateSectionProvider } from '../shared/update-section.js';
import type { DecisionsService } from './decisions.service.js';
import type { ProposalsService } from './proposals.service.js';
import type { ProposalView } from './proposals.views.js';
import { OUTCOME_LABEL } from './tally.rules.js';

const unix = (ms: number) => Math.floor(ms / 1000);

export function resultLine(p: ProposalView): string {
  const counts = p.tally?.counts;
  const detail = counts
    ? `${counts.yes} yes, ${counts.no} no, ${counts.abstain} abstain${p.rule === 'consensus' || p.rule === 'consent' ? `, ${counts.block} block` : ''}; ${p.voted} of ${p.eligible} voted`
    : `${p.voted} of ${p.eligible} voted`;
  return `**#${p.number} ${escapeMarkdown(p.title)}**: ${p.outcome ? OUTCOME_LABEL[p.outcome] : p.status} (${detail})`;
}

export function createProposalsUpdateSection(deps: { proposals: ProposalsService; decisions: DecisionsService }): UpdateSectionProvider {
  return {
    id: 'proposals',
    order: 40,
    build(period) {
      const decided = deps.decisions.decidedBetween(period.guildId, period.from, period.to);
      const open = deps.proposals.list(period.guildId, 'open', 0, 25).items;
      const sections = [];
      if (decided.length) sections.push({ title: 'Decisions', lines: decided.map(resultLine) });
      if (open.length) {
        sections.push({
          title: 'Open proposals: have your say',
          lines: open.map((p) => `**#${p.number} ${escapeMarkdown(p.title)}**: voting closes <t:${unix(p.closesAt)}:F> (${p.voted} of ${p.eligible} voted)`),
        });
      }
      return sections.length ? sections : null;
    },
  };
}
