// The pass's part of the monthly update: how many pass visits there were and which spaces welcomed the most.
import { dayIn } from '../shared/calendar-day.js';
import type { UpdateSectionProvider } from '../shared/update-section.js';
import type { PassService } from './pass.service.js';

export function passUpdateSection(pass: Pick<PassService, 'monthSummary'>): UpdateSectionProvider {
  return {
    id: 'pass',
    order: 35,
    build(period) {
      // The period starts at local midnight on the 1st: its day names the month just ended.
      const summary = pass.monthSummary(period.guildId, dayIn(period.from, period.timezone).slice(0, 7));
      if (summary.total === 0) return null;
      return {
        title: { key: 'pass.update.title' },
        lines: [
          { key: 'pass.update.visits', values: { total: summary.total }, lists: { top: summary.top.map((s) => `**${s.spaceName}** (${s.visits})`) } },
          { key: 'pass.update.mine' },
        ],
      };
    },
  };
}
