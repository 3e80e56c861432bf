// The proposals part of the monthly update: what was decided last month (with results) and what is open now.
import { escapeMarkdown } from '../shared/markdown.js';
import type { SectionText, UpdateSectionContent, UpdateSectionProvider } from '../shared/update-section.js';
import type { DecisionsService } from './decisions.service.js';
import type { ProposalsService } from './proposals.service.js';
import type { ProposalView } from './proposals.views.js';

const unix = (ms: number) => Math.floor(ms / 1000);

/** A decided proposal's line: its result and counts (blocks only where the rule has them). */
export function resultLine(p: ProposalView): SectionText {
  const counts = p.tally?.counts;
  const base = { number: p.number, title: escapeMarkdown(p.title), outcome: p.outcome ?? p.status, voted: p.voted, eligible: p.eligible };
  if (!counts) return { key: 'proposals.update.result', values: base };
  const withBlock = p.rule === 'consensus' || p.rule === 'consent';
  return { key: withBlock ? 'proposals.update.resultCountsBlock' : 'proposals.update.resultCounts', values: { ...base, ...counts } };
}

export function createProposalsUpdateSection(deps: { proposals: ProposalsService; decisions: DecisionsService }): UpdateSectionProvider {
  return {
    id: 'proposals',
    order: 40,
    build(period) {
      const decided = deps.decisions.decidedBetween(period.guildId, period.from, period.to);
      const open = deps.proposals.list(period.guildId, 'open', 0, 25).items;
      const sections: UpdateSectionContent[] = [];
      if (decided.length) sections.push({ title: { key: 'proposals.update.decided' }, lines: decided.map(resultLine) });
      if (open.length) {
        sections.push({
          title: { key: 'proposals.update.open' },
          lines: open.map((p) => ({
            key: 'proposals.update.openLine',
            values: { number: p.number, title: escapeMarkdown(p.title), closes: `<t:${unix(p.closesAt)}:F>`, voted: p.voted, eligible: p.eligible },
          })),
        });
      }
      return sections.length ? sections : null;
    },
  };
}
