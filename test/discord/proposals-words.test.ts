// The words of proposals in English, Spanish and French: forms and buttons fit Discord's limits in every
// language, and results read right (plurals, supermajority shares and fractions in each language's conventions).
import { describe, expect, it } from 'vitest';
import { closeButtons, proposalFormWords, reasonModal } from '../../src/discord/proposals/forms.js';
import { renderBallotButtons, renderBlockPrompt, renderResult } from '../../src/discord/proposals/render.js';
import { sayIn } from '../../src/i18n/translate.js';
import type { ProposalView } from '../../src/proposals/proposals.views.js';
import { decide, type Counts } from '../../src/proposals/tally.rules.js';
import { LANGUAGES } from '../../src/shared/languages.js';

const view: ProposalView = {
  id: 99_999_999, guildId: '1'.repeat(19), number: 99_999, type: 'spending', title: 'Printer', summary: 'Buy one.', need: null, audience: null,
  measure: null, authorId: '2'.repeat(19), rule: 'consensus', thresholdNum: 2, thresholdDen: 3, quorum: null, voters: 'everyone', voterRoleId: null,
  eligible: 5, anonymous: true, hideResults: false, openedAt: 0, closesAt: 1_800_000_000_000, status: 'open', outcome: null, closedAt: null,
  closedBy: null, channelId: null, messageId: null, threadId: null, agendaItemId: null, voted: 0, ruleChange: null, tally: null,
};

describe.each(LANGUAGES)('in %s', (language) => {
  const say = sayIn(language);

  it('form titles and labels fit in 45 characters, placeholders in 100', () => {
    for (const modal of [reasonModal(say, 1, false, 'abstain'), reasonModal(say, 1, true, null)].map((m) => m.toJSON())) {
      expect([...modal.title].length).toBeLessThanOrEqual(45);
      for (const row of modal.components) {
        for (const input of (row as { components: { label: string; placeholder?: string }[] }).components) {
          expect([...input.label].length, input.label).toBeLessThanOrEqual(45);
          expect([...(input.placeholder ?? '')].length).toBeLessThanOrEqual(100);
        }
      }
    }
    const words = proposalFormWords(say, 'Wed 30 Dec 2026, 17:00');
    expect([...words.title].length, words.title).toBeLessThanOrEqual(45);
    for (const label of Object.values(words.labels)) expect([...label].length, label).toBeLessThanOrEqual(45);
  });

  it('button labels fit in 80 characters', () => {
    const rows = [...renderBallotButtons(say, view), closeButtons(say, 1), ...renderBlockPrompt(say, view, '3'.repeat(19)).components].map((r) => r.toJSON());
    const labels = rows.flatMap((r) => r.components.map((c) => ('label' in c ? (c.label ?? '') : '')));
    // Four choices, withdraw, a reason; close now, keep open; give my reason.
    expect(labels).toHaveLength(9);
    for (const label of labels) expect([...label].length, label).toBeGreaterThan(0);
    for (const label of labels) expect([...label].length, label).toBeLessThanOrEqual(80);
  });
});

const resultLine = (language: 'en' | 'es' | 'fr', rule: ProposalView['rule'], counts: Counts, threshold: [number, number] = [2, 3]) => {
  const frozen = { rule, thresholdNum: threshold[0], thresholdDen: threshold[1], quorum: null };
  const tally = decide(frozen, counts, 9);
  const embed = renderResult(sayIn(language), { ...view, ...frozen, anonymous: false, eligible: 9, voted: tally.voted, status: 'closed', outcome: tally.outcome, closedAt: 1, tally }).toJSON();
  return [embed.title, ...embed.description!.split('\n').slice(0, 3)];
};

describe('results in every language', () => {
  it('a supermajority names its share and the threshold as each language writes them', () => {
    expect(resultLine('fr', 'supermajority', { yes: 3, no: 1, abstain: 0, block: 0 }, [75, 100])[1]).toBe('Adoptée : 3 pour sur 4 (pour et contre), soit 75\u00a0%, au moins les 75\u00a0% requis.');
    expect(resultLine('es', 'supermajority', { yes: 1, no: 2, abstain: 0, block: 0 })[1]).toBe('Rechazada: 1 de 3 votos (a favor y en contra) fueron a favor, el 33\u00a0%; no alcanza el 2/3 necesario.');
    expect(resultLine('en', 'supermajority', { yes: 3, no: 1, abstain: 0, block: 0 }, [75, 100])[1]).toBe('Passed: 3 of 4 yes is 75%, at least the 75% needed.');
  });

  it('blocks, abstentions and voters take the plural of their number', () => {
    expect(resultLine('es', 'consent', { yes: 2, no: 0, abstain: 1, block: 1 })).toEqual([
      'Propuesta #99999 rechazada: Printer',
      'Rechazada: 1 bloqueo; el consentimiento solo se aprueba si nadie bloquea.',
      '✅ 2 a favor · ❌ 0 en contra · ➖ 1 abstención · 🛑 1 bloqueo',
      'Votaron 4 de 9 personas habilitadas; no se requería quórum.',
    ]);
    expect(resultLine('fr', 'consensus', { yes: 0, no: 0, abstain: 0, block: 2 }).slice(1)).toEqual([
      'Rejetée : 2 blocages ; un seul blocage empêche le consensus.',
      '✅ 0 pour · ❌ 0 contre · ➖ 0 abstention · 🛑 2 blocages',
      '2 votants sur 9 ont voté ; aucun quorum requis.',
    ]);
    expect(resultLine('en', 'majority', { yes: 1, no: 0, abstain: 0, block: 0 })[0]).toBe('Proposal #99999 passed: Printer');
  });
});
