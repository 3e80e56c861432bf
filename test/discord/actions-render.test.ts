// /actions and /participation in the reader's language: action lines with their day in words, plurals of
// meetings, open and overdue actions, and autocomplete names within Discord's 100 characters.
import { describe, expect, it } from 'vitest';
import { actionChoiceName, renderActionList, renderParticipation } from '../../src/discord/actions/render.js';
import { sayIn } from '../../src/i18n/translate.js';
import type { ActionItemRow } from '../../src/meetings/actions.repo.js';
import type { Language } from '../../src/shared/languages.js';

const reader = (language: Language) => ({ say: sayIn(language), language });
const action: ActionItemRow = {
  id: 7, guildId: '1'.repeat(19), meetingId: 1, agendaItemId: 1, text: 'Call the landlord', ownerId: '2'.repeat(19), dueDate: '2026-12-11',
  status: 'open', createdBy: '2'.repeat(19), createdAt: 0, doneAt: null,
};
const report = { from: 0, fromDay: '2026-10-06', to: 1, months: 1, meetingsHeld: 1, members: [{ userId: '3'.repeat(19), attended: 1, openActions: 1, overdueActions: 1 }, { userId: '4'.repeat(19), attended: 0, openActions: 0, overdueActions: 0 }] };

describe('action items and participation', () => {
  it('list open action items with the day in the reader’s words', () => {
    expect(renderActionList(reader('en'), [action], 'mine')[0]!.toJSON()).toMatchObject({ title: 'Your open action items', description: `#7 Call the landlord · <@${'2'.repeat(19)}> · due Friday 11 December 2026` });
    expect(renderActionList(reader('es'), [action], 'all')[0]!.toJSON().description).toMatch(/^#7 Call the landlord · <@\d+> · vence el viernes, 11 de diciembre de 2026$/);
    expect(renderActionList(reader('fr'), [], 'all')[0]!.toJSON()).toMatchObject({ title: 'Actions en cours', description: 'Aucune action en cours.' });
    expect(actionChoiceName(reader('fr'), { ...action, text: 'x'.repeat(200) })).toHaveLength(100);
  });

  it('count meetings and actions with the plural of each language', () => {
    expect(renderParticipation(reader('en'), report)[0]!.toJSON()).toMatchObject({
      title: 'Participation, last 1 month',
      description: `1 meeting since Tuesday 6 October 2026\n\n<@${'3'.repeat(19)}> · attended 1/1 · 1 open action (1 overdue)\n<@${'4'.repeat(19)}> · attended 0/1`,
    });
    const french = renderParticipation(reader('fr'), { ...report, months: 3, meetingsHeld: 2 })[0]!.toJSON();
    expect(french.title).toBe('Participation, 3 derniers mois');
    expect(french.description).toMatch(/^2 réunions depuis le mardi 6 octobre 2026\n\n<@\d+> · présence : 1\/2 · 1 action en cours \(1 en retard\)/);
    expect(renderParticipation(reader('es'), { ...report, members: [] })[0]!.toJSON().description).toBe('1 reunión desde el martes, 6 de octubre de 2026\n\nNadie asistió ni tiene tareas en este periodo.');
  });
});
