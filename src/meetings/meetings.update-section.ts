// The meetings feature's part of the monthly update: meetings held and coming up, open action items,
// and the idea machine (priorities, most-wanted parked ideas).
import type { IdeasService } from '../ideas/ideas.service.js';
import { escapeMarkdown } from '../shared/markdown.js';
import type { SectionLine, UpdatePeriod, UpdateSectionContent, UpdateSectionProvider } from '../shared/update-section.js';
import { zonedParts } from '../shared/zoned-time.js';
import type { MeetingsService } from './meetings.service.js';
import type { createOutcomesService } from './outcomes.service.js';

/** What the section reads of meetings (a port, so the feature file and this section do not import each other). */
type MeetingsRead = Pick<MeetingsService, 'between'> & Pick<ReturnType<typeof createOutcomesService>, 'openActions'>;
import { localDateKey } from '../shared/when.rules.js';

const stamp = (instant: number): string => `<t:${Math.floor(instant / 1000)}:F>`;
/** The most-dotted parked ideas shown in the update; the full list is /ideas list. */
const TOP_IDEAS = 3;

export function createMeetingsUpdateSection(deps: { meetings: MeetingsRead; ideas: IdeasService }): UpdateSectionProvider {
  const { meetings, ideas } = deps;

  function meetingsSection(period: UpdatePeriod): UpdateSectionContent {
    const lines: SectionLine[] = [];
    const held = meetings.between(period.guildId, period.from, Math.min(period.to, period.now));
    if (held.length) {
      const present = held.reduce((sum, m) => sum + m.attendance, 0);
      lines.push({ key: 'meetings.update.held', values: { meetings: held.length, present } });
    }
    const ahead = meetings.between(period.guildId, period.now, period.aheadTo);
    for (const meeting of ahead) {
      lines.push({ key: 'meetings.update.ahead', values: { title: escapeMarkdown(meeting.title), when: stamp(meeting.startsAt), items: meeting.agendaLength } });
    }
    const open = meetings.openActions(period.guildId);
    if (open.length) {
      const today = localDateKey(zonedParts(period.now, period.timezone));
      const overdue = open.filter((action) => action.dueDate < today).length;
      lines.push(overdue ? { key: 'meetings.update.actionsOverdue', values: { count: open.length, overdue } } : { key: 'meetings.update.actions', values: { count: open.length } });
    }
    return { title: { key: 'meetings.update.title' }, lines };
  }

  function ideasSection(period: UpdatePeriod): UpdateSectionContent {
    const lines: SectionLine[] = [];
    const { priorities, refreshSuggested } = ideas.priorities(period.guildId);
    for (const priority of priorities) {
      const values = { rank: priority.rank, text: escapeMarkdown(priority.text) };
      lines.push(priority.targetDate ? { key: 'meetings.update.priorityTarget', values, days: { target: priority.targetDate } } : `${priority.rank}. ${values.text}`);
    }
    if (refreshSuggested) lines.push({ key: 'meetings.update.refresh' });
    const top = ideas
      .ideaChoices(period.guildId, '')
      .slice(0, TOP_IDEAS)
      .map((idea) => `• ${escapeMarkdown(idea.label)}`);
    if (top.length) lines.push({ key: 'meetings.update.topIdeas' }, ...top);
    return { title: { key: 'meetings.update.ideasTitle' }, lines };
  }

  return {
    id: 'meetings',
    order: 30,
    build(period) {
      const sections = [meetingsSection(period), ideasSection(period)].filter((section) => section.lines.length > 0);
      return sections.length ? sections : null;
    },
  };
}
