// Pass, lead and perk renderers at their longest against Discord's limits, and the lead buttons' custom ids
// against the /lead handler's parser.
import type { EmbedBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { lead as leadCommand } from '../../commands/lead.js';
import { decodeCustomId, parseCustomIdArgs } from '../../src/discord/custom-id.js';
import { renderLeadOffer, renderStats } from '../../src/discord/leads/render.js';
import { sayIn } from '../../src/i18n/translate.js';
import { LANGUAGES } from '../../src/shared/languages.js';
import { passField, renderCheckin, renderIssued, renderMine, renderVisits } from '../../src/discord/pass/render.js';
import { renderPerks } from '../../src/discord/perks/render.js';
import type { LeadRow } from '../../src/leads/leads.repo.js';
import { LEAD_LIMITS } from '../../src/leads/leads.rules.js';
import type { PassView } from '../../src/pass/pass.service.js';
import type { PerkRow } from '../../src/perks/perks.repo.js';
import { PERK_LIMITS } from '../../src/perks/perks.rules.js';

const long = (n: number) => '*'.repeat(n);
const length = (text: string | undefined) => [...(text ?? '')].length;

function checkEmbeds(embeds: readonly EmbedBuilder[]): void {
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const built of embeds) {
    const e = built.toJSON();
    expect(length(e.title)).toBeLessThanOrEqual(256);
    expect(length(e.description)).toBeLessThanOrEqual(4096);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of e.fields ?? []) {
      expect(length(field.name)).toBeLessThanOrEqual(256);
      expect(length(field.value)).toBeLessThanOrEqual(1024);
      total += length(field.name) + length(field.value);
    }
    total += length(e.title) + length(e.description) + length(e.footer?.text);
  }
  expect(total).toBeLessThanOrEqual(6000);
}

const pass = (i: number): PassView => ({
  id: i, code: 'ABCDEFGH', holderUserId: null, holderName: long(100), visits: 100, used: 3, left: 97, validUntil: '2028-12-31', state: 'usable', note: long(200),
});

const leadRow: LeadRow = {
  id: 123456, guildId: '12345678901234567890', fromSpaceId: 1, fromSpaceName: long(120), toSpaceId: 2, toSpaceName: long(120), need: long(LEAD_LIMITS.need),
  size: 10_000, byDate: '2028-02-29', consent: true, contact: long(LEAD_LIMITS.contact), sentBy: '98765432109876543210', status: 'open', answeredBy: null,
  answeredAt: null, outcome: null, outcomeAt: null, createdAt: 0,
};

describe('pass renderers', () => {
  it.each(LANGUAGES)('fit Discord’s limits at their longest in %s: a printable card, 40 passes, a month with 300 spaces', (language) => {
    const speech = { say: sayIn(language), language };
    checkEmbeds(renderIssued(speech, pass(1)).embeds);
    checkEmbeds(renderMine(speech, Array.from({ length: 40 }, (_, i) => pass(i))).embeds ?? []);
    const report = renderVisits(speech, {
      month: '2026-11', total: 300_000,
      bySpace: Array.from({ length: 300 }, (_, i) => ({ spaceId: i, spaceName: long(120), visits: 1000 })),
      byPass: Array.from({ length: 50 }, (_, i) => ({ passId: i, code: 'ABCDEFGH', holderUserId: null, holderName: long(100), visits: 6000 })),
    });
    checkEmbeds(report.embeds ?? []);
    expect(report.embeds!.at(-1)!.toJSON().description).toContain(speech.say('pass.visits.moreHint'));
    expect(length(renderCheckin(speech, { pass: pass(1), spaceName: long(120), already: false }))).toBeLessThanOrEqual(2000);
  });

  it('says the pass field in the reader’s language', () => {
    expect(passField(sayIn('en'), { accepts: false, terms: 'x' })).toEqual({ name: 'Alliance pass', value: 'Not accepted' });
    expect(passField(sayIn('fr'), { accepts: true, terms: null })).toEqual({ name: 'Passe de l’alliance', value: '🎫 Accepté' });
  });
});

describe.each(LANGUAGES)('lead renderers in %s', (language) => {
  it('fit at their longest, and the Accept / Pass ids parse back to the alliance, the lead and the answer', () => {
    const offer = renderLeadOffer(leadRow, language);
    checkEmbeds(offer.embeds);
    expect(length(offer.content)).toBeLessThanOrEqual(2000);
    const ids = offer.components[0]!.toJSON().components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    const handler = leadCommand.components!['answer']!;
    expect(ids.map((id) => parseCustomIdArgs(handler.args, decodeCustomId(id)!.args))).toEqual([
      [leadRow.guildId, leadRow.id, '1'],
      [leadRow.guildId, leadRow.id, '0'],
    ]);
    expect(JSON.stringify(renderLeadOffer({ ...leadRow, consent: false, contact: null }, language).embeds[0]!.toJSON())).not.toContain(long(LEAD_LIMITS.contact));
    checkEmbeds(renderStats({ months: 24, rows: Array.from({ length: 400 }, (_, i) => ({ spaceId: i, spaceName: long(120), sent: 99, received: 99, won: 99 })) }, language).embeds ?? []);
  });
});

describe('perk renderers', () => {
  it('fit 100 perks at their longest into one private answer', () => {
    const perk = (i: number): PerkRow => ({
      id: i, guildId: '1', title: long(PERK_LIMITS.title), partner: long(PERK_LIMITS.partner), details: long(PERK_LIMITS.details), code: long(PERK_LIMITS.code),
      until: '2030-01-01', link: `https://${long(280)}.example`, createdBy: null, createdAt: 0,
    });
    for (const language of LANGUAGES) checkEmbeds(renderPerks(Array.from({ length: 100 }, (_, i) => perk(i)), language).embeds ?? []);
  });
});
