// The directory renderers stay inside Discord's limits at the largest sizes the domain allows (with text that
// markdown escaping doubles), and their custom ids fit and decode back.
import type { ActionRowBuilder, APIActionRowComponent, APIButtonComponent, APIComponentInActionRow, APIEmbed, ButtonBuilder, EmbedBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { ResultPage, SpaceHit } from '../../src/directory/directory-search.service.js';
import type { SpaceProfile } from '../../src/directory/directory.service.js';
import { LIMITS } from '../../src/directory/directory.rules.js';
import { decodeCustomId } from '../../src/discord/custom-id.js';
import {
  renderApprovalNotice,
  renderEmpty,
  renderImportProblems,
  renderJoinRequest,
  renderPending,
  renderProfile,
  renderResults,
  renderStats,
} from '../../src/discord/directory/render.js';
import { MODAL_FIELDS } from '../../src/discord/directory/space-form.js';
import { sayIn } from '../../src/i18n/translate.js';
import { msg } from '../../src/shared/errors.js';
import { LANGUAGES } from '../../src/shared/languages.js';

const en = sayIn('en');

const USER = '200000000000000000001';
const GUILD = '100000000000000000001';
/** Every character markdown escaping doubles. */
const nasty = (n: number) => '*_-#'.repeat(Math.ceil(n / 4)).slice(0, n);

const profile: SpaceProfile = {
  id: 987654, guildId: GUILD, name: nasty(LIMITS.name), city: nasty(LIMITS.city), region: nasty(LIMITS.region), country: 'US', countryName: 'United States',
  latitude: 47.6, longitude: -122.3, desks: 5000, website: `https://${'w'.repeat(180)}.example.org`, dayPass: nasty(LIMITS.dayPass),
  tags: Array.from({ length: 10 }, (_, i) => `${'t'.repeat(28)}-${i}`), description: nasty(LIMITS.description), hours: nasty(LIMITS.hours),
  contact: nasty(LIMITS.contact), accessibility: nasty(LIMITS.accessibility), status: 'pending', createdBy: USER, createdAt: 0, approvedAt: null,
  hosts: Array.from({ length: 60 }, () => USER), members: Array.from({ length: 200 }, () => USER),
};

const length = (text: string | undefined) => [...(text ?? '')].length;

/** A builder's JSON, or the plain API data a renderer returns as it is. */
const json = <T>(built: T | { toJSON(): T }): T => (typeof built === 'object' && built !== null && 'toJSON' in built ? built.toJSON() : built);

function expectEmbedsWithinLimits(embeds: (EmbedBuilder | APIEmbed)[]): void {
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds.map((e) => json<APIEmbed>(e))) {
    expect(length(embed.title)).toBeLessThanOrEqual(256);
    expect(length(embed.description)).toBeLessThanOrEqual(4096);
    expect(length(embed.footer?.text)).toBeLessThanOrEqual(2048);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(length(field.name)).toBeGreaterThan(0);
      expect(length(field.name)).toBeLessThanOrEqual(256);
      expect(length(field.value)).toBeGreaterThan(0);
      expect(length(field.value)).toBeLessThanOrEqual(1024);
      total += length(field.name) + length(field.value);
    }
    total += length(embed.title) + length(embed.description) + length(embed.footer?.text);
  }
  expect(total).toBeLessThanOrEqual(6000);
}

function expectComponentsWithinLimits(rows: (ActionRowBuilder<ButtonBuilder> | APIActionRowComponent<APIButtonComponent>)[]): string[] {
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids: string[] = [];
  for (const row of rows.map((r) => json<APIActionRowComponent<APIComponentInActionRow>>(r))) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of row.components as { custom_id: string; label: string }[]) {
      expect(length(button.label)).toBeLessThanOrEqual(80);
      expect(button.custom_id.length).toBeLessThanOrEqual(100);
      ids.push(button.custom_id);
    }
  }
  expect(new Set(ids).size).toBe(ids.length);
  return ids;
}

const hit = (n: number): SpaceHit => ({
  id: n, name: nasty(LIMITS.name), city: nasty(LIMITS.city), region: nasty(LIMITS.region), country: 'US', countryName: 'United States', desks: 5000,
  dayPass: nasty(LIMITS.dayPass), website: null, tags: profile.tags, latitude: 0, longitude: 0, distanceKm: 999.94,
});

function page(items: SpaceHit[], at: number, total: number, totalCapped = false): ResultPage<unknown> {
  return { searchId: 123456789, query: {}, items, total, totalCapped, page: at, pageCount: Math.ceil(total / 10), suggestions: [] };
}

describe('directory renderers', () => {
  it('a maximal profile (escaped text, 60 hosts, 200 people) fits one embed, description shortened to fit', () => {
    const embed = renderProfile('en', profile);
    expectEmbedsWithinLimits([embed]);
    const json = embed.toJSON();
    expect(json.fields!.map((f) => f.name)).toEqual(['Where', 'Desks', 'Day pass', 'Tags', 'Website', 'Opening hours', 'Book a day pass / who answers', 'Accessibility', 'Hosts', 'People', 'Registered']);
    expect(json.fields!.find((f) => f.name === 'People')!.value).toMatch(/and 170 more$/);
    expect(json.description!.length).toBeGreaterThan(100);
    expect(json.footer!.text).toContain('Waiting for an organizer');
  });

  it('shows the country by name and the joined date as a Discord timestamp', () => {
    const json = renderProfile('en', { ...profile, name: 'Rainier', city: 'Seattle', region: null, status: 'approved', approvedAt: Date.UTC(2026, 2, 1) }).toJSON();
    expect(json.fields!.find((f) => f.name === 'Where')!.value).toBe('Seattle, United States');
    expect(json.fields!.find((f) => f.name === 'Joined')!.value).toBe(`<t:${Date.UTC(2026, 2, 1) / 1000}:D>`);
  });

  it('a page of 10 maximal results fits, with every entry shown and distances', () => {
    const rendered = renderResults('en', 'near', page(Array.from({ length: 10 }, (_, i) => hit(i)), 4, 200), 'H'.repeat(300));
    expectEmbedsWithinLimits(rendered.embeds);
    const description = rendered.embeds[0]!.description!;
    expect(description.split('\n').filter((l) => /^\*\*\d+\. /.test(l))).toHaveLength(10);
    expect(description).toContain('**50. ');
    expect(description).toContain('999.9 km');
    const ids = expectComponentsWithinLimits(rendered.components);
    expect(ids.map((id) => decodeCustomId(id)!.args)).toEqual([['near', '123456789', '3', 'p'], ['near', '123456789', '5', 'n']]);
  });

  it('disables Previous on the first page and Next on the last; one page has no buttons; a capped total says "+"', () => {
    const first = renderResults('en', 'search', page([hit(1)], 0, 25), 'x').components[0]!.components;
    expect(first.map((b) => b.disabled)).toEqual([true, false]);
    const last = renderResults('en', 'search', page([hit(1)], 2, 25), 'x').components[0]!.components;
    expect(last.map((b) => b.disabled)).toEqual([false, true]);
    expect(renderResults('en', 'search', page([hit(1)], 0, 1), 'x').components).toEqual([]);
    const capped = renderResults('en', 'search', { ...page([hit(1)], 0, 100, true), pageCount: 10 }, 'x').embeds[0]!;
    expect(capped.footer!.text).toMatch(/^Page 1 of 10\+ · 100\+ spaces · add a filter/);
  });

  it('a page shown again (the same hits) reads as the first time, with the pass mark, language and numbers of now', () => {
    const plain = (n: number): SpaceHit => ({ ...hit(n), name: `Space ${n}`, city: 'Lyon', region: null, country: 'FR', countryName: 'France', dayPass: null, tags: [] });
    const items = [plain(1), plain(2)];
    const lines = (language: 'en' | 'fr', at: number, marked: number | null) =>
      renderResults(language, 'search', page(items, at, 30), 'x', (id) => (id === marked ? 'PASS' : null)).embeds[0]!.description!.split('\n');
    const fresh = lines('en', 0, null);
    expect(fresh).toEqual(['**1. Space 1** · 999.9 km · Lyon, France · 5,000 desks', '**2. Space 2** · 999.9 km · Lyon, France · 5,000 desks']);
    expect(lines('en', 0, null)).toEqual(fresh);
    expect(lines('en', 0, 2)[1]).toBe('**2. Space 2** · 999.9 km · Lyon, France · 5,000 desks · PASS');
    expect(lines('en', 0, null)).toEqual(fresh);
    expect(lines('en', 1, null)[0]).toMatch(/^\*\*11\. Space 1\*\* · /);
    expect(lines('fr', 0, null)[0]).toMatch(/^\*\*1\. Space 1\*\* · à 999,9\s?km · Lyon, France · 5\s?000 postes$/);
  });

  it('the approval notice, pending list (60 spaces) and join request stay within limits', () => {
    const notice = renderApprovalNotice('en', profile);
    expect(length(notice.content)).toBeLessThanOrEqual(2000);
    expectEmbedsWithinLimits(notice.embeds);
    expect(expectComponentsWithinLimits(notice.components).map((id) => decodeCustomId(id)!.action)).toEqual(['approve', 'reject']);

    const pending = renderPending('en', Array.from({ length: 60 }, (_, i) => ({ ...profile, id: i + 1 })));
    expectEmbedsWithinLimits(pending.embeds);
    expect(expectComponentsWithinLimits(pending.components)).toHaveLength(10);

    const join = renderJoinRequest(en, GUILD, profile, USER, true);
    expect(length(join.content)).toBeLessThanOrEqual(2000);
    const [approve] = expectComponentsWithinLimits(join.components);
    expect(decodeCustomId(approve!)).toEqual({ command: 'space', action: 'join', args: [GUILD, '987654', USER, '1'] });
  });

  it('stats, the empty answer and an import report of 31 long problems stay within limits', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ country: 'US', name: nasty(100), city: nasty(100), tag: nasty(30), count: 10_000 + i }));
    expectEmbedsWithinLimits([renderStats('en', { total: 10_000, byCountry: rows, byCity: rows, byTag: rows })]);
    expect(length(renderEmpty(en, 'H'.repeat(300), Array.from({ length: 6 }, () => msg('directory.suggest.remove', { filter: nasty(400), count: 3 }))))).toBeLessThanOrEqual(2000);
    const report = renderImportProblems(en, 'Nothing was imported: 31 problems in the file.', Array.from({ length: 31 }, (_, i) => ({ field: 'x', message: `row ${i} ${nasty(300)}` })));
    expectEmbedsWithinLimits(report.embeds);
    expect(report.embeds.map((e) => e.toJSON().description).join('\n')).toContain('row 0');
  });

  it.each(LANGUAGES)('in %s, a maximal profile, a page of results, the approval notice and the welcome stay within limits', (language) => {
    const say = sayIn(language);
    expectEmbedsWithinLimits([renderProfile(language, profile)]);
    const rendered = renderResults(language, 'near', page(Array.from({ length: 10 }, (_, i) => hit(i)), 4, 200), 'H'.repeat(300));
    expectEmbedsWithinLimits(rendered.embeds);
    expectComponentsWithinLimits(rendered.components);
    const notice = renderApprovalNotice(language, profile);
    expect(length(notice.content)).toBeLessThanOrEqual(2000);
    expectComponentsWithinLimits(notice.components);
    expect(length(renderJoinRequest(say, GUILD, profile, USER, true).content)).toBeLessThanOrEqual(2000);
  });

  it.each(LANGUAGES)('in %s, every label of the space form fits Discord\'s 45 characters', (language) => {
    const say = sayIn(language);
    for (const field of MODAL_FIELDS) expect(length(say(field.label)), field.label).toBeLessThanOrEqual(45);
  });
});
