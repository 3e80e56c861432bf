// The /dues renderers as pure functions: Discord's embed limits hold for 500 spaces, standing words and plurals,
// dates in words, and the reminder texts.
import { describe, expect, it } from 'vitest';
import { reminderText, renderStatus } from '../../src/discord/dues/render.js';
import type { SpaceStatus, StatusReport } from '../../src/dues/dues.service.js';
import { sayIn } from '../../src/i18n/translate.js';
import { sectionLine } from '../../src/discord/rhythm/posts.js';
import { createDuesUpdateSection } from '../../src/dues/dues.update-section.js';

const english = { say: sayIn('en'), language: 'en' as const };
const updateLine = (good: number, total: number, overdue: number) => {
  const section = createDuesUpdateSection({ goodStandingCount: () => ({ good, total, overdue }) }).build({ guildId: 'g', from: 0, to: 0, aheadTo: 0, now: 0, timezone: 'UTC' });
  const line = (Array.isArray(section) ? section[0] : section)!.lines[0]!;
  return sectionLine(english.say, 'en', line);
};

const plan = { amountMinor: 5000, currency: 'USD', period: 'monthly' as const, graceDays: 1, startsOn: '2027-01-01', createdAt: 0 };
const space = (i: number, standing: SpaceStatus['standing']): SpaceStatus => ({
  spaceId: i, spaceName: `A rather long coworking space name number ${i}`, standing, inGoodStanding: standing !== 'overdue',
  paidThrough: '2027-01-31', nextDueOn: '2027-02-01', owedMinor: standing === 'overdue' ? 10_000 : 0, overdueFrom: '2027-02-03', entries: [],
});

describe('dues renderers', () => {
  it('500 spaces fit one embed, with the rest counted', () => {
    const report: StatusReport = { plan, today: '2027-03-01', everySpace: true, spaces: Array.from({ length: 500 }, (_, i) => space(i, i % 3 ? 'paid' : 'overdue')) };
    const { embeds } = renderStatus(english, report);
    const description = embeds[0]!.description!;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).toMatch(/…and \d+ more spaces: ask for one/);
    expect(description).toContain('333 spaces of 500 in good standing today.');
    expect(description).toContain('$100.00 owed');
  });

  it('one space, one grace day: singular words and dates in words', () => {
    const { embeds } = renderStatus(english, { plan, today: '2027-02-02', everySpace: false, spaces: [space(1, 'grace')] });
    expect(embeds[0]!.description).toContain('$50.00 per month from Friday 1 January 2027, with 1 grace day before');
    expect(embeds[0]!.description).toContain('1 space of 1 in good standing today.');
    expect(embeds[0]!.description).toContain('out of good standing from Wednesday 3 February 2027 if unpaid');
  });

  it('a host without spaces is told so; the update line says it in plurals', () => {
    expect(renderStatus(english, { plan, today: '2027-02-02', everySpace: false, spaces: [] }).content).toContain('You do not host a member space');
    expect(updateLine(1, 5, 0)).toBe('1 member space is in good standing out of 5.');
    expect(updateLine(4, 5, 1)).toBe('4 member spaces are in good standing out of 5; 1 space is overdue (see `/dues status`).');
  });

  it('reminders name the space (markdown escaped), the amount and the due day', () => {
    const base = { spaceName: '*Hive*', hostUserIds: ['1'], plan, dueOn: '2027-02-01', owedMinor: 5000, paidThrough: '2027-01-31' };
    expect(reminderText(english, { ...base, kind: 'dues-due-soon' })).toContain('Dues for **\\*Hive\\***: $50.00 is due on Monday 1 February 2027');
    expect(reminderText(english, { ...base, kind: 'dues-overdue' })).toContain('are overdue: $50.00 was due on Monday 1 February 2027');
  });
});
