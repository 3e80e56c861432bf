// Rhythm renderers against Discord's limits: long updates split across messages (≤ 10 embeds and ≤ 6000 characters
// each), the preview carrying exactly the posted embeds, and every reply of /updates and /coworkingday within bounds.
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  publishWith,
  renderCoworkingSettings,
  renderHistory,
  renderNote,
  renderOverview,
  renderPreview,
  renderUpdateSettings,
} from '../../src/discord/rhythm/render.js';
import type { Poster } from '../../src/discord/poster.js';
import { rhythmWriter } from '../../src/discord/rhythm/posts.js';
import { rhythmFailureNotice } from '../../src/discord/rhythm/failure.js';
import type { Job } from '../../src/jobs/jobs.repo.js';
import { MONTHLY_KIND } from '../../src/rhythm/due.rules.js';
import { sayIn } from '../../src/i18n/translate.js';
import { LANGUAGES, type Language } from '../../src/shared/languages.js';
import type { ComposedUpdate, UpdateSettings } from '../../src/rhythm/updates.service.js';
import { NOTE_MAX } from '../../src/rhythm/content.rules.js';

const DAY = 86_400_000;
const JAN = Date.UTC(2027, 0, 1, 10);

function embedChars(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((n, f) => n + [...f.name].length + [...f.value].length, 0);
  return [...(embed.title ?? '')].length + [...(embed.description ?? '')].length + [...(embed.footer?.text ?? '')].length + fields;
}

function expectWithinLimits(message: { content?: string; embeds?: readonly APIEmbed[] }): void {
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  expect(embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
  expect([...(message.content ?? '')].length).toBeLessThanOrEqual(2000);
  for (const embed of embeds) {
    expect([...(embed.title ?? '')].length).toBeLessThanOrEqual(256);
    expect([...(embed.description ?? '')].length).toBeLessThanOrEqual(4096);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.value.length).toBeGreaterThan(0);
      expect([...field.value].length).toBeLessThanOrEqual(1024);
    }
  }
}

function longUpdate(language: Language = 'en'): ComposedUpdate {
  const sections = Array.from({ length: 8 }, (_, s) => ({
    title: `Section ${s}`,
    lines: Array.from({ length: 60 }, (_, i) => `• item ${i} of section ${s}: ${'a long description of what happened '.repeat(3)}`),
  }));
  const messages = rhythmWriter(language).update({ period: '2027-01', from: JAN - 31 * DAY, aheadTo: JAN + 31 * DAY, note: 'n'.repeat(NOTE_MAX), sections, timeZone: 'America/Chicago' });
  return { guildId: '1'.repeat(18), period: '2027-01', messages, quiet: false, sectionIds: [], failedSections: ['meetings'], noteAt: JAN, covers: { from: { year: 2026, month: 12, day: 1 }, through: { year: 2026, month: 12, day: 31 } } };
}

const settings: UpdateSettings = {
  enabled: true, day: 28, hour: 23, channelId: '2'.repeat(18), channelIsDefault: false, note: 'ü'.repeat(NOTE_MAX), noteBy: '3'.repeat(18), nextDueAt: JAN,
};

const say = sayIn('en');

describe('rhythm renderers', () => {
  it('splits a long update into several messages, each within Discord limits, and the preview shows the same embeds', () => {
    const composed = longUpdate();
    expect(composed.messages.length).toBeGreaterThan(1);
    const preview = renderPreview(say, 'en', composed, settings);
    expect(preview).toHaveLength(composed.messages.length);
    for (const payload of preview) {
      expect(payload.ephemeral).toBe(true);
      expectWithinLimits(payload as { content?: string; embeds?: APIEmbed[] });
    }
    expect(preview.flatMap((p) => p.embeds)).toEqual(composed.messages.flatMap((m) => m.embeds));
    expect(preview[0]!.content).toContain(`goes out as ${composed.messages.length} messages`);
    expect(preview[0]!.content).toContain('Left out because they could not be built: meetings');
    expect(preview.slice(1).every((p) => p.content === undefined)).toBe(true);
  });

  it('posts each message of an update in order with its own idempotency key', async () => {
    const sent: { channelId: string; key?: string; titles: string[] }[] = [];
    const poster: Poster = {
      async post(channelId, payload, options) {
        sent.push({ channelId, key: options?.idempotencyKey, titles: (payload.embeds as APIEmbed[]).map((e) => e.title ?? '') });
        return { channelId, messageId: String(sent.length) };
      },
      edit: async () => undefined,
      dm: async () => null,
    };
    const composed = longUpdate();
    const posted = await publishWith(poster)({ guildId: composed.guildId, channelId: 'c', key: 'monthly:g:2027-01' }, composed.messages);
    expect(posted.map((p) => p.messageId)).toEqual(composed.messages.map((_, i) => String(i + 1)));
    expect(sent.map((s) => s.key)).toEqual(composed.messages.map((_, i) => `monthly:g:2027-01#${i}`));
    expect(sent.flatMap((s) => s.titles)).toEqual(composed.messages.flatMap((m) => m.embeds.map((e) => e.title)));
  });

  it('lists hundreds of hosted events across messages within limits, none lost', () => {
    const events = Array.from({ length: 300 }, (_, i) => ({
      spaceName: `Space number ${i} with a rather long name`, title: `Event ${i}: ${'open doors, coffee and talks '.repeat(3)}`,
      hostUserId: '4'.repeat(18), startsAt: JAN + i * 60_000, endsAt: JAN + i * 60_000 + 7_200_000, link: `https://example.org/${i}`,
    }));
    const messages = renderOverview(say, 'en', { year: 2027, daysUntil: 12, coworkingDayAt: JAN, week: { name: 'KC Coworking Week', startsAt: JAN, endsAt: JAN + 7 * DAY }, events, timeZone: 'America/Chicago' });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expectWithinLimits(message);
    const text = messages.flatMap((m) => m.embeds.map((e) => e.description)).join('\n');
    for (const i of [0, 150, 299]) expect(text).toContain(`Event ${i}:`);
    expect(messages[0]!.embeds[0]!.description).toContain('is in **12 days**');
  });

  it('keeps history, settings, note and Coworking Day settings replies within limits', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({
      period: `2025-${String((i % 12) + 1).padStart(2, '0')}`, trigger: i % 2 ? ('manual' as const) : ('scheduled' as const), postedAt: JAN + i * DAY,
      postedBy: '5'.repeat(18), url: `https://discord.com/channels/${'1'.repeat(18)}/${'2'.repeat(18)}/${String(i).padStart(18, '9')}`, messageCount: 3,
    }));
    const history = renderHistory(say, 'en', entries);
    expectWithinLimits({ embeds: history });
    const text = history.map((embed) => embed.description).join('\n');
    for (const entry of entries) expect(text).toContain(entry.url);
    expect(renderHistory(say, 'en', [])[0]!.description).toBe('No monthly update has been posted yet.');
    expectWithinLimits({ embeds: [renderUpdateSettings(say, settings, 'America/Argentina/ComodRivadavia')] });
    expectWithinLimits({ embeds: [renderUpdateSettings(say, { ...settings, channelId: null, note: null, nextDueAt: null }, 'UTC')] });
    const note = renderNote(say, settings, NOTE_MAX);
    expectWithinLimits(note as { content?: string; embeds?: APIEmbed[] });
    expect(note.ephemeral).toBe(true);
    expectWithinLimits({ embeds: [renderCoworkingSettings(say, 'en', { remindersEnabled: true, reminders: [30, 7, 1, 0], week: { name: 'W'.repeat(60), start: '2027-08-03', end: '2027-08-09' } }, 'UTC')] });
    expect(renderCoworkingSettings(say, 'en', { remindersEnabled: false, reminders: [], week: null }, 'UTC').fields?.map((f) => f.value)).toEqual(['Off', '*none*', '*none*: events must be on August 9']);
  });
});

describe('rhythm renderers in every language', () => {
  it.each(LANGUAGES)('a long update, its preview and every settings reply stay within Discord limits in %s', (language) => {
    const speak = sayIn(language);
    const composed = longUpdate(language);
    expect(composed.messages.length).toBeGreaterThan(1);
    for (const message of composed.messages) expectWithinLimits(message);
    for (const payload of renderPreview(speak, language, composed, settings)) expectWithinLimits(payload as { content?: string; embeds?: APIEmbed[] });
    expectWithinLimits({ embeds: [renderUpdateSettings(speak, settings, 'America/Argentina/ComodRivadavia')] });
    expectWithinLimits(renderNote(speak, settings, NOTE_MAX) as { content?: string; embeds?: APIEmbed[] });
    expectWithinLimits({ embeds: [renderCoworkingSettings(speak, language, { remindersEnabled: true, reminders: [30, 7, 1, 0], week: { name: 'W'.repeat(60), start: '2027-08-03', end: '2027-08-09' } }, 'UTC')] });
  });

  it('writes the month and the layout words in the alliance language', () => {
    const spanish = rhythmWriter('es').update({ period: '2027-01', from: JAN - 31 * DAY, aheadTo: JAN, note: null, sections: [], timeZone: 'UTC' });
    expect(spanish[0]!.embeds[0]!.title).toBe('Novedades de la alianza · enero de 2027 · un mes tranquilo');
    const french = longUpdate('fr');
    expect(french.messages[0]!.embeds[0]!.title).toBe('Nouvelles de l’alliance · janvier 2027');
    expect(french.messages[0]!.embeds.at(-1)!.footer?.text).toBe(`Partie 1 sur ${french.messages.length}`);
  });
});

describe('the failure notice organizers read', () => {
  it('names the month and the attempts in the alliance language, and says nothing of other features’ jobs', () => {
    const job = { kind: MONTHLY_KIND, payload: { period: '2027-01' }, attempts: 5 } as unknown as Job;
    expect(rhythmFailureNotice(sayIn('fr'), 'fr', job, '50013')).toMatch(/^Les nouvelles de janvier 2027 n’ont pas pu être publiées après 5 tentatives \(50013\)/);
    expect(rhythmFailureNotice(sayIn('en'), 'en', job, '50013')).toMatch(/^The monthly update for January 2027 could not be posted after 5 attempts/);
    expect(rhythmFailureNotice(sayIn('es'), 'es', { ...job, kind: 'proposal-close' } as Job, 'x')).toBeNull();
  });
});
