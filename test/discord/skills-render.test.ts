// Skill-share renderers against Discord's limits, and their custom ids against the /skills handlers' parsers.
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { skills } from '../../commands/skills.js';
import { decodeCustomId, parseCustomIdArgs } from '../../src/discord/custom-id.js';
import { renderFollowup, renderIntroRequest, renderReminder, renderSuggestionDigest } from '../../src/discord/skills/intro-render.js';
import { MATCHES_SHOWN, renderEntries, renderMatches, renderWho, type MatchMessage, type RenderedMessage } from '../../src/discord/skills/render.js';
import { sayIn } from '../../src/i18n/translate.js';
import { LANGUAGES } from '../../src/shared/languages.js';
import type { Intro } from '../../src/skills/intros.service.js';
import type { MatchEntry, MatchPair } from '../../src/skills/match.rules.js';
import type { MatchView } from '../../src/skills/skills.service.js';

const GUILD = '12345678901234567890';
const long = (n: number) => 'ü'.repeat(n);

function entry(i: number, kind: 'offer' | 'need'): MatchEntry {
  return {
    id: 1_000_000 + i, userId: `10000000000000${String(i).padStart(4, '0')}`, owner: i, skillRef: i, termRef: i, kind,
    skillKey: `custom:${long(60)}`, label: long(60), term: long(60), category: null, level: kind === 'offer' ? 'expert' : null,
    note: long(300), byDate: kind === 'need' ? '2026-12-31' : null, createdAt: 0, renewedAt: 0, expiresAt: kind === 'need' ? 1e12 : null,
  };
}

function match(i: number, introsOpen = true): MatchView {
  const pair: MatchPair = { mine: entry(i, 'need'), theirs: entry(i, 'offer'), closeness: 'synonym', score: 1 };
  return {
    userId: `20000000000000${String(i).padStart(4, '0')}`, theyOffer: [pair], theyNeed: [pair], mutual: true, locality: 'city',
    place: { spaceId: 1, spaceName: long(100), city: long(100), region: null, country: 'FR' }, score: 100 - i, introsOpen,
  };
}

/** A builder's JSON, or the plain API data a renderer returns as it is. */
const json = <T>(built: T | { toJSON(): T }): T => (typeof built === 'object' && built !== null && 'toJSON' in built ? built.toJSON() : built);
type Rendered = RenderedMessage | MatchMessage;
const rowsOf = (message: Rendered) => (message.components as unknown[]).map((row) => json(row as APIActionRowComponent<APIComponentInMessageActionRow>));

function checkLimits(message: Rendered): void {
  let total = 0;
  for (const built of message.embeds) {
    const e = json<APIEmbed>(built);
    expect([...(e.title ?? '')].length).toBeLessThanOrEqual(256);
    expect([...(e.description ?? '')].length).toBeLessThanOrEqual(4096);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of e.fields ?? []) {
      expect([...field.name].length).toBeLessThanOrEqual(256);
      expect([...field.value].length).toBeLessThanOrEqual(1024);
      total += [...field.name].length + [...field.value].length;
    }
    total += [...(e.title ?? '')].length + [...(e.description ?? '')].length + [...(e.footer?.text ?? '')].length;
  }
  expect(total).toBeLessThanOrEqual(6000);
  expect(message.components.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of rowsOf(message)) {
    const components = row.components;
    expect(components.length).toBeGreaterThan(0);
    expect(components.length).toBeLessThanOrEqual(5);
    for (const component of components) {
      const c = component as { custom_id?: string; label?: string; options?: { label: string; value: string; description?: string }[] };
      if (c.custom_id) {
        expect(c.custom_id.length).toBeLessThanOrEqual(100);
        expect(ids.has(c.custom_id)).toBe(false);
        ids.add(c.custom_id);
      }
      if (c.label) expect([...c.label].length).toBeLessThanOrEqual(80);
      if (c.options) {
        expect(c.options.length).toBeLessThanOrEqual(25);
        for (const o of c.options) {
          expect([...o.label].length).toBeLessThanOrEqual(100);
          expect([...(o.description ?? '')].length).toBeLessThanOrEqual(100);
          expect(o.value.length).toBeLessThanOrEqual(100);
        }
      }
    }
  }
}

/** Every custom id decodes and parses with the handler of /skills that will receive it. */
function checkHandled(message: Rendered): string[] {
  const actions: string[] = [];
  for (const row of rowsOf(message)) {
    for (const component of row.components) {
      const decoded = decodeCustomId((component as { custom_id: string }).custom_id)!;
      expect(decoded.command).toBe('skills');
      const handler = skills.components![decoded.action]!;
      expect(parseCustomIdArgs(handler.args, decoded.args)).not.toBeNull();
      actions.push(decoded.action);
    }
  }
  return actions;
}

describe.each(LANGUAGES)('skills renderers in %s', (language) => {
  it('fits twenty long entries with a remove button each', () => {
    const entries = [...Array.from({ length: 10 }, (_, i) => entry(i, 'offer')), ...Array.from({ length: 10 }, (_, i) => entry(i + 10, 'need'))];
    const message = renderEntries(entries, language);
    checkLimits(message);
    expect(checkHandled(message)).toEqual(Array(20).fill('rm'));
  });

  it('offers intro buttons for up to five matches', () => {
    const message = renderMatches(Array.from({ length: 5 }, (_, i) => match(i)), true, language);
    checkLimits(message);
    expect(checkHandled(message)).toEqual(Array(5).fill('intro'));
  });

  it('switches to one select menu past five, shows ten, and leaves out closed intros', () => {
    const message = renderMatches(Array.from({ length: 25 }, (_, i) => match(i, i !== 2)), true, language);
    checkLimits(message);
    expect(message.embeds[0]!.fields).toHaveLength(10);
    expect(checkHandled(message)).toEqual(['intro-pick']);
    const options = (message.components[0]!.components[0] as { options: { value: string }[] }).options;
    expect(options).toHaveLength(9);
    expect(options.map((o) => o.value)).not.toContain(match(2).userId);
  });

  it('says the same given only the people shown and how many were ranked (the service’s matchesShown)', () => {
    const all = Array.from({ length: 25 }, (_, i) => match(i, i !== 2));
    expect(renderMatches(all.slice(0, MATCHES_SHOWN), true, language, all.length)).toEqual(renderMatches(all, true, language));
    expect(renderMatches(all.slice(0, 7), true, language, 7)).toEqual(renderMatches(all.slice(0, 7), true, language));
    expect(renderMatches(all.slice(0, MATCHES_SHOWN), true, language, all.length).embeds[0]!.footer?.text).toBe(sayIn(language)('skills.match.showing', { shown: 10, count: 25 }));
  });

  it('keeps a long who-offers list within the description limit', () => {
    const offers = Array.from({ length: 60 }, (_, i) => ({ userId: match(i).userId, entry: entry(i, 'offer'), place: match(i).place, locality: 'city' as const }));
    checkLimits(renderWho({ skill: { key: `custom:${long(60)}` }, offers }, language));
  });

  it('sends DM buttons whose ids carry the alliance and parse for their handlers', () => {
    const intro: Intro = {
      id: 987654321, guildId: GUILD, requesterId: '30000000000000000001', targetId: '30000000000000000002', targetOffers: [long(60)], requesterOffers: [long(60)],
      channelId: null, status: 'accepted', createdAt: 0, respondedAt: 0, requesterHelped: null, targetHelped: null, requesterAnsweredAt: null, targetAnsweredAt: null,
    };
    for (const message of [renderIntroRequest(intro, long(100), language), renderFollowup(intro, intro.requesterId, language), renderReminder(entry(1, 'need'), GUILD, 'America/Chicago', language)]) {
      checkLimits(message);
      expect([...(message.content ?? '')].length).toBeLessThanOrEqual(2000);
      checkHandled(message);
    }
    const ids = renderIntroRequest(intro, 'x', language).components[0]!.toJSON().components.map((c) => (c as { custom_id: string }).custom_id);
    expect(ids).toEqual([`v1:skills:accept:${GUILD}:987654321`, `v1:skills:decline:${GUILD}:987654321`]);
    expect(skills.components!.accept!.dmGuild!(parseCustomIdArgs(skills.components!.accept!.args, decodeCustomId(ids[0]!)!.args))).toBe(GUILD);
  });
});

describe('new-skill digest', () => {
  it('says one skill in the singular, many in one post within 2000 characters, and never a source path', () => {
    const one = renderSuggestionDigest([{ label: 'Urban beekeeping', firstUserId: '300000000000000001' }], 'en');
    expect(one).toContain('A new skill members added in the last day is not in the skill list');
    expect(one).toContain('If it deserves a place');
    const many = renderSuggestionDigest(Array.from({ length: 40 }, (_, i) => ({ label: `${'*_'.repeat(30)} ${i}`, firstUserId: '300000000000000001' })), 'en');
    expect([...many].length).toBeLessThanOrEqual(2000);
    expect(many).toContain('40 new skills members added in the last day');
    expect(many).toContain('…and 28 more.');
    expect(`${one}${many}`).not.toMatch(/src\/|\.ts\b/);
  });
});

describe('sentences of /skills match, remembered', () => {
  it('are said in the language asked, whatever language asked before', () => {
    const matches = [match(1), match(2, false)];
    const turns = [...LANGUAGES, ...LANGUAGES].map((language) => ({ language, message: renderMatches(matches, true, language) }));
    for (const { language, message } of turns) {
      expect(message.embeds[0]!.fields![0]!.name).toBe(sayIn(language)('skills.match.heading', { n: 1, mutual: 'true' }));
      expect(message).toEqual(turns.find((turn) => turn.language === language)!.message);
    }
    expect(new Set(turns.map(({ message }) => JSON.stringify(message))).size).toBe(LANGUAGES.length);
  });
});
