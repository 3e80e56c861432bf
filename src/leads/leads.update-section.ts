// Leads' part of the monthly update: how many leads spaces shared with each other.
import type { UpdateSectionProvider } from '../shared/update-section.js';
import type { LeadsService } from './leads.service.js';

export function leadsUpdateSection(leads: Pick<LeadsService, 'monthCount'>): UpdateSectionProvider {
  return {
    id: 'leads',
    order: 36,
    build(period) {
      const shared = leads.monthCount(period.guildId, period.from, period.to);
      if (shared === 0) return null;
      return { title: { key: 'leads.update.title' }, lines: [{ key: 'leads.update.shared', values: { count: shared } }, { key: 'leads.update.hint' }] };
    },
  };
}
