// Skill-share's part of the monthly update: new offers and needs, introductions made, and who helped most.
import type { SectionText, UpdatePeriod, UpdateSectionContent, UpdateSectionProvider } from '../shared/update-section.js';
import type { SkillsService } from './skills.service.js';

export function skillsUpdateSection(skills: Pick<SkillsService, 'monthSummary'>): UpdateSectionProvider {
  return {
    id: 'skills',
    order: 30,
    build(period: UpdatePeriod): UpdateSectionContent | null {
      const s = skills.monthSummary(period.guildId, period.from, period.to);
      const lines: SectionText[] = [];
      if (s.offers + s.needs > 0) {
        const top = s.topSkills.map((skill) => `${skill.label} (${skill.count})`);
        lines.push(top.length ? { key: 'skills.update.activityTop', values: { offers: s.offers, needs: s.needs }, lists: { top } } : { key: 'skills.update.activity', values: { offers: s.offers, needs: s.needs } });
      }
      if (s.introsRequested + s.introsAccepted > 0) {
        const values = { accepted: s.introsAccepted, requested: s.introsRequested, helpful: s.helpful };
        lines.push({ key: s.helpful > 0 ? 'skills.update.introsHelped' : 'skills.update.intros', values });
      }
      if (s.thanks > 0 || s.helpers.length > 0) {
        const helpers = s.helpers.map((helper) => `<@${helper.userId}>`);
        lines.push(helpers.length ? { key: 'skills.update.thanksHelpers', values: { thanks: s.thanks }, lists: { helpers } } : { key: 'skills.update.thanks', values: { thanks: s.thanks } });
      }
      if (lines.length === 0) return null;
      lines.push({ key: 'skills.update.hint' });
      return { title: { key: 'skills.update.title' }, lines };
    },
  };
}
