// Skill-share's part of the monthly update: new offers and needs, introductions made, and who helped most.
import type { UpdatePeriod, UpdateSectionContent, UpdateSectionProvider } from '../shared/update-section.js';
import type { SkillsService } from './skills.service.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function skillsUpdateSection(skills: Pick<SkillsService, 'monthSummary'>): UpdateSectionProvider {
  return {
    id: 'skills',
    order: 30,
    build(period: UpdatePeriod): UpdateSectionContent | null {
      const s = skills.monthSummary(period.guildId, period.from, period.to);
      const lines: string[] = [];
      if (s.offers + s.needs > 0) {
        const top = s.topSkills.map((skill) => `${skill.label} (${skill.count})`).join(', ');
        lines.push(`${plural(s.offers, 'new offer')} and ${plural(s.needs, 'new need')}${top ? `; most active: ${top}` : ''}.`);
      }
      if (s.introsRequested + s.introsAccepted > 0) {
        const helped = s.helpful > 0 ? `, ${plural(s.helpful, 'member')} said it helped` : '';
        lines.push(`${plural(s.introsAccepted, 'introduction')} made (${s.introsRequested} requested)${helped}.`);
      }
      if (s.thanks > 0 || s.helpers.length > 0) {
        const helpers = s.helpers.map((helper) => `<@${helper.userId}>`).join(', ');
        lines.push(`${plural(s.thanks, 'thank-you', 'thanks')} recorded.${helpers ? ` Top helpers: ${helpers}.` : ''}`);
      }
      if (lines.length === 0) return null;
      lines.push('Offer or ask with `/skills offer` and `/skills need`; see who fits with `/skills match`.');
      return { title: 'Skill-share', lines };
    },
  };
}
