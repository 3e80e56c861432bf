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
      const text = shared === 1 ? '1 lead shared between member spaces' : `${shared} leads shared between member spaces`;
      return { title: 'Referrals', lines: [`${text}: instead of competing, we sent each other prospects.`, 'Send one with `/lead send`; see who sends and wins with `/lead stats`.'] };
    },
  };
}
