// The dues line of the monthly update: for organizers only (posted in the organizers channel), never public.
import type { UpdateSectionProvider } from '../shared/update-section.js';
import type { DuesService } from './dues.service.js';

export function createDuesUpdateSection(dues: Pick<DuesService, 'goodStandingCount'>): UpdateSectionProvider {
  return {
    id: 'dues',
    order: 90,
    audience: 'organizers',
    build(period) {
      const counts = dues.goodStandingCount(period.guildId);
      if (!counts) return null;
      return {
        title: { key: 'dues.update.title' },
        lines: [{ key: counts.overdue ? 'dues.update.lineOverdue' : 'dues.update.line', values: { good: counts.good, total: counts.total, overdue: counts.overdue } }],
      };
    },
  };
}
