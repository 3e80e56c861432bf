// The dues line of the monthly update: for organizers only (posted in the organizers channel), never public.
import type { UpdateSectionProvider } from '../shared/update-section.js';
import type { DuesService } from './dues.service.js';
import { text } from './dues.text.js';

export function createDuesUpdateSection(dues: Pick<DuesService, 'goodStandingCount'>): UpdateSectionProvider {
  return {
    id: 'dues',
    order: 90,
    audience: 'organizers',
    build(period) {
      const counts = dues.goodStandingCount(period.guildId);
      if (!counts) return null;
      return { title: text.updateTitle, lines: [text.updateLine(counts.good, counts.total, counts.overdue)] };
    },
  };
}
