// Proposal renderers stay within Discord's limits with the longest allowed texts, and custom ids fit in 100.
import { describe, expect, it } from 'vitest';
import { EmbedBuilder } from 'discord.js';
import { detailFilled, DETAIL_LINES_FIRST, DETAIL_LINES_MAX, joinWithin, quorumText, renderBallotButtons, renderProposal, renderProposalDetail, renderProposalList, renderResult, renderRules } from '../../src/discord/proposals/render.js';
import type { ProposalView } from '../../src/proposals/proposals.views.js';
import { decide } from '../../src/proposals/tally.rules.js';
import { BUILT_IN_DEFAULT } from '../../src/rules/decision-rules.rules.js';
import { customId } from '../../src/discord/custom-id.js';
import { sayIn } from '../../src/i18n/translate.js';

const en = sayIn('en');

function embedSize(embed: EmbedBuilder): number {
  const e = embed.toJSON();
  return [e.title, e.description, e.footer?.text, e.author?.name, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].reduce((n, t) => n + [...(t ?? '')].length, 0);
}

function checkLimits(embed: EmbedBuilder): void {
  const e = embed.toJSON();
  expect([...(e.title ?? '')].length).toBeLessThanOrEqual(256);
  expect([...(e.description ?? '')].length).toBeLessThanOrEqual(4096);
  expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
  for (const f of e.fields ?? []) {
    expect(f.name.length).toBeGreaterThan(0);
    expect([...f.value].length).toBeGreaterThan(0);
    expect([...f.value].length).toBeLessThanOrEqual(1024);
  }
  expect(embedSize(embed)).toBeLessThanOrEqual(6000);
}

const longest: ProposalView = {
  id: 99_999_999, guildId: '1'.repeat(19), number: 99_999, type: 'spending', title: 'T'.repeat(150), summary: 'S'.repeat(1000),
  need: 'N'.repeat(1000), audience: 'A'.repeat(1000), measure: 'M'.repeat(1000), authorId: '2'.repeat(19), rule: 'consensus',
  thresholdNum: 2, thresholdDen: 3, quorum: 67, voters: 'role', voterRoleId: '3'.repeat(19), eligible: 5000, anonymous: true,
  hideResults: false, openedAt: 0, closesAt: 1_800_000_000_000, status: 'open', outcome: null, closedAt: null, closedBy: null,
  channelId: null, messageId: null, threadId: null, agendaItemId: null, voted: 4000,
  ruleChange: { kind: 'set', scope: 'statement', rule: 'supermajority', thresholdNum: 3, thresholdDen: 4, quorum: 50, periodMinutes: 10080, voters: 'role', voterRoleId: '4'.repeat(19), allowOverride: false },
  tally: decide({ rule: 'consensus', thresholdNum: 2, thresholdDen: 3, quorum: 67 }, { yes: 3000, no: 500, abstain: 400, block: 100 }, 5000),
};

describe('proposal renderers', () => {
  it('keep the longest proposal within embed limits, open and closed', () => {
    checkLimits(renderProposal(en, longest));
    checkLimits(renderProposal(en, { ...longest, status: 'closed', outcome: 'failed', closedAt: 1 }));
    checkLimits(renderResult(en, { ...longest, status: 'closed', outcome: 'failed', closedAt: 1 }));
  });

  it('show many voters and reasons without breaking the field limit', () => {
    const voters = Array.from({ length: 500 }, (_, i) => ({ voterKey: String(10n ** 18n + BigInt(i)), userId: String(10n ** 18n + BigInt(i)), choice: 'yes' as const, source: 'reaction' as const, reason: 'R'.repeat(500), at: 0 }));
    checkLimits(renderProposalDetail(en, { ...longest, anonymous: false }, { voters, reasons: [] }, {}));
    checkLimits(renderProposalDetail(en, longest, { voters: null, reasons: voters.map((v) => v.reason!) }, {}));
    // The close of a hide-results proposal reveals the names in its result.
    checkLimits(renderResult(en, { ...longest, anonymous: false, hideResults: true, status: 'closed', outcome: 'failed', closedAt: 1 }, { votes: voters, labels: {} }));
  });

  it('a show of the first votes reads more only when they neither fill the field nor are all there are', () => {
    const vote = (key: string) => ({ voterKey: key, userId: key, choice: 'yes' as const, source: 'reaction' as const, reason: null, at: 0 });
    const members = Array.from({ length: DETAIL_LINES_FIRST }, (_, i) => vote(String(10n ** 18n + BigInt(i))));
    expect(detailFilled({ voters: members, reasons: [] }, {}, DETAIL_LINES_FIRST)).toBe(true);
    const spaces = Array.from({ length: DETAIL_LINES_FIRST }, (_, i) => vote(`space:${i}`));
    const short = Object.fromEntries(spaces.map((v, i) => [v.voterKey, `S${i}`]));
    const few = spaces.map((v) => ({ ...v, userId: null }));
    expect(detailFilled({ voters: few, reasons: [] }, short, DETAIL_LINES_FIRST)).toBe(false);
    expect(detailFilled({ voters: few.slice(0, 3), reasons: [] }, short, DETAIL_LINES_FIRST)).toBe(true);
    // However short the lines, the most that can be read always overflows the field.
    const tiny = Array.from({ length: DETAIL_LINES_MAX }, (_, i) => ({ ...vote(`space:${i}`), userId: null }));
    const one = Object.fromEntries(tiny.map((v) => [v.voterKey, 'x']));
    expect(detailFilled({ voters: tiny, reasons: [] }, one, DETAIL_LINES_MAX)).toBe(true);
    expect(renderProposalDetail(en, { ...longest, anonymous: false, voted: 5000 }, { voters: tiny, reasons: [] }, one).toJSON().fields!.at(-1)!.value).toMatch(/\n… and \d+ more$/);
  });

  it('ballot buttons (choices and withdraw, then "Vote with a reason") keep ids under 100 characters, and vanish once closed', () => {
    const rows = renderBallotButtons(en, longest).map((r) => r.toJSON());
    expect(rows).toHaveLength(2);
    expect(rows[0]!.components).toHaveLength(5);
    expect(rows[1]!.components).toHaveLength(1);
    for (const c of rows.flatMap((r) => r.components)) expect(('custom_id' in c ? c.custom_id : '').length).toBeLessThanOrEqual(100);
    expect(renderBallotButtons(en, { ...longest, status: 'closed' })).toEqual([]);
    expect(renderBallotButtons(en, { ...longest, anonymous: false })).toEqual([]);
    expect(renderBallotButtons(en, { ...longest, anonymous: false, hideResults: true })).toHaveLength(2);
  });

  it('/proposal show of a button ballot points to the buttons under the proposal message, not "below"', () => {
    const detail = JSON.stringify(renderProposalDetail(en, { ...longest, tally: null }, { voters: null, reasons: [] }, {}).toJSON());
    expect(detail).toContain('vote with the buttons under the proposal message (link above)');
    expect(detail).not.toContain('buttons below');
    expect(JSON.stringify(renderProposal(en, { ...longest, tally: null }).toJSON())).toContain('vote with the buttons below');
  });

  it('says why a result is what it is, in words', () => {
    const closed = (rule: ProposalView['rule'], counts: { yes: number; no: number; abstain: number; block: number }, quorum: number | null, eligible: number, threshold = [3, 4]) => {
      const frozen = { rule, thresholdNum: threshold[0]!, thresholdDen: threshold[1]!, quorum };
      const tally = decide(frozen, counts, eligible);
      return renderResult(en, { ...longest, ...frozen, anonymous: false, eligible, status: 'closed', outcome: tally.outcome, closedAt: 1, tally }).toJSON().description!.split('\n')[0];
    };
    expect(closed('supermajority', { yes: 2, no: 1, abstain: 0, block: 0 }, null, 5)).toBe('Failed: 2 of 3 yes is 67%, short of the 3/4 needed.');
    expect(closed('supermajority', { yes: 3, no: 1, abstain: 0, block: 0 }, null, 5)).toBe('Passed: 3 of 4 yes is 75%, at least the 3/4 needed.');
    expect(closed('majority', { yes: 2, no: 0, abstain: 0, block: 0 }, 50, 7)).toBe('No quorum: 2 of 7 eligible voters voted, 4 needed.');
    expect(closed('majority', { yes: 2, no: 2, abstain: 0, block: 0 }, null, 7)).toBe('Failed: 2 yes to 2 no is a tie, and a tie fails.');
    expect(closed('consensus', { yes: 3, no: 0, abstain: 0, block: 2 }, null, 7)).toBe('Failed: 2 blocks; one block stops a consensus.');
    expect(closed('consensus', { yes: 0, no: 1, abstain: 1, block: 0 }, null, 7)).toBe('Failed: no one voted yes, and consensus needs at least one.');
    expect(closed('consent', { yes: 0, no: 0, abstain: 0, block: 1 }, null, 7)).toBe('Failed: 1 block; consent passes only when no one blocks.');
    expect(closed('consent', { yes: 0, no: 0, abstain: 0, block: 0 }, null, 7)).toBe('Passed: no one blocked.');
  });

  it('the create form id fits in 100 characters with every option at its longest', () => {
    expect(customId('proposal', 'create', '5', '3', '2026-12-10 17:00xxxx', 100, '2', '9'.repeat(21), '1', '1', 99_999_999).length).toBeLessThanOrEqual(100);
  });

  it('lists and rules stay within limits', () => {
    checkLimits(renderProposalList(en, 'Open', Array.from({ length: 10 }, () => longest), 1000, 3, 10));
    checkLimits(renderProposalList(en, 'Closed', Array.from({ length: 10 }, () => ({ ...longest, status: 'closed' as const, outcome: 'passed' as const, closedAt: 5 })), 10, 0, 10));
    checkLimits(renderRules(en, { locked: true, rules: [BUILT_IN_DEFAULT, ...['admission', 'dues', 'spending', 'policy', 'statement', 'general'].map((scope) => ({ ...BUILT_IN_DEFAULT, scope: scope as 'dues', voters: 'role' as const, voterRoleId: '5'.repeat(19), inherited: false }))].map((r) => ({ ...r, inherited: false })) }));
  });

  it('hides the tally while hide-results keeps it secret', () => {
    const text = JSON.stringify(renderProposal(en, { ...longest, anonymous: false, hideResults: true, tally: null }).toJSON());
    expect(text).toContain('4,000 votes cast. The tally is revealed at the close.');
    expect(text).not.toContain('3000 yes');
  });

  it('joinWithin ends with a count of what did not fit instead of cutting a line', () => {
    expect(joinWithin(en, ['a', 'b'], 100)).toBe('a\nb');
    const joined = joinWithin(en, Array.from({ length: 100 }, () => 'x'.repeat(50)), 1024);
    expect(joined.length).toBeLessThanOrEqual(1024);
    expect(joined).toMatch(/… and \d+ more$/);
    expect(joinWithin(en, [], 10)).toBe('—');
    // Only the first lines given: the rest are counted from the total.
    expect(joinWithin(en, ['a', 'b'], 100, 5)).toBe('a\nb\n… and 3 more');
    expect(joinWithin(en, Array.from({ length: 100 }, () => 'x'.repeat(50)), 1024, 5000)).toMatch(/\n… and 4981 more$/);
  });
});

describe('the quorum line', () => {
  it.each([
    [{ quorum: 40, eligible: 5, voted: 1 }, '40% of eligible voters (2 of 5): 1 voted, 1 more vote needed'],
    [{ quorum: 50, eligible: 10, voted: 2 }, '50% of eligible voters (5 of 10): 2 voted, 3 more votes needed'],
    [{ quorum: 40, eligible: 5, voted: 3 }, '40% of eligible voters (2 of 5): 3 voted, reached'],
    [{ quorum: null, eligible: 5, voted: 3 }, 'No quorum'],
  ])('%o reads "%s"', (proposal, text) => {
    expect(quorumText(en, proposal, null)).toBe(text);
  });
});
