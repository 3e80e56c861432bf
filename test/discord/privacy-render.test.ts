// The privacy export file as a member reads it: rows as stored, with an agenda item's decision said in their language.
import { describe, expect, it } from 'vitest';
import { exportFile } from '../../src/discord/privacy/render.js';
import { sayIn } from '../../src/i18n/translate.js';
import { storedDecision } from '../../src/meetings/agenda-decision.rules.js';
import { msg } from '../../src/shared/errors.js';
import type { MemberExport } from '../../src/privacy/privacy.service.js';

function read(file: ReturnType<typeof exportFile>): MemberExport {
  return JSON.parse((file.attachment as Buffer).toString('utf8')) as MemberExport;
}

const exported: MemberExport = {
  alliance: 'g1',
  member: 'u1',
  exportedAt: '2026-12-06T20:00:00.000Z',
  data: {
    agenda_items: [
      { id: 1, topic: 'Shared printer', decision: storedDecision(msg('proposals.agendaDecision.withdrawn', { number: 7 })) },
      { id: 2, topic: 'Older item', decision: 'Passed (written before decisions were data)' },
      { id: 3, topic: 'Open item', decision: null },
    ],
    skill_entries: [{ id: 4, skill: 'bookkeeping' }],
  },
};

describe('privacy export file', () => {
  it('says a stored decision in the member’s language, keeps older text and empty decisions as they are', () => {
    const file = read(exportFile(sayIn('fr'), exported));
    expect(file.data['agenda_items']!.map((row) => row['decision'])).toEqual(['Proposition nº 7 retirée', 'Passed (written before decisions were data)', null]);
    expect(read(exportFile(sayIn('en'), exported)).data['agenda_items']![0]!['decision']).toBe('Proposal #7 withdrawn');
  });

  it('leaves every other row as stored and does not change the export it was given', () => {
    const file = read(exportFile(sayIn('en'), exported));
    expect(file.data['skill_entries']).toEqual([{ id: 4, skill: 'bookkeeping' }]);
    expect(exported.data['agenda_items']![0]!['decision']).toMatch(/^\{/);
  });
});
