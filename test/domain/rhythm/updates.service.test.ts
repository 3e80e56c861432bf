// Monthly update use cases: organizers only, settings and note validated (nothing stored on bad input), sections
// ordered with empty ones left out, a quiet month, the Coworking Day countdown within 60 days, limits, isolation.
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/shared/errors.js';
import { LIMITS, messageChars } from '../../../src/rhythm/layout.rules.js';
import type { UpdateSectionProvider } from '../../../src/shared/update-section.js';
import { ANNOUNCEMENTS, OTHER_CHANNEL, actor, english, harness } from './harness.js';

const G = '300000000000000003';
const H = '300000000000000004';
const member = actor(G, '200000000000000005', false);

function section(id: string, order: number, lines: string[]): UpdateSectionProvider {
  return { id, order, build: () => ({ title: `${id} title`, lines }) };
}

async function fails(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (isDomainError(error)) return { kind: error.kind, fields: error.problems.map((p) => p.field), message: error.message };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('updates settings and note', () => {
  it('only organizers may change settings, write the note, preview, post or read history', async () => {
    const h = harness({ start: '2026-11-10T00:00:00Z' });
    h.setupAlliance(G, 'UTC');
    const updates = h.services.rhythm.updates;
    expect((await fails(updates.updateSettings(member, { day: 2 }))).kind).toBe('forbidden');
    expect((await fails(() => updates.setNote(member, 'hi'))).kind).toBe('forbidden');
    expect((await fails(() => updates.preview(member, {}, english))).kind).toBe('forbidden');
    expect((await fails(updates.postNow(member, h.discord.publish, english))).kind).toBe('forbidden');
    expect((await fails(() => updates.history(member))).kind).toBe('forbidden');
    expect(h.discord.posts).toHaveLength(0);
  });

  it('reports every bad field at once (day, hour, a channel the bot cannot post in) and stores nothing', async () => {
    const h = harness({ start: '2026-11-10T00:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    const updates = h.services.rhythm.updates;
    const canPost = async (_guild: string, channelId: string) => (channelId === OTHER_CHANNEL ? 'channel: I cannot send messages there' : null);
    const error = await fails(updates.updateSettings(organizer, { day: 29, hour: 24, channelId: OTHER_CHANNEL }, canPost));
    expect(error.kind).toBe('invalid');
    expect(error.fields).toEqual(['day', 'hour', 'channel']);
    const channelError = await fails(updates.updateSettings(organizer, { day: 5, channelId: OTHER_CHANNEL }, canPost));
    expect(channelError.fields).toEqual(['channel']);
    expect((await fails(updates.updateSettings(organizer, { day: 0 }))).fields).toEqual(['day']);
    expect(updates.settings(G)).toMatchObject({ day: 1, hour: 10, channelId: ANNOUNCEMENTS, channelIsDefault: true });
    const saved = await updates.updateSettings(organizer, { day: 28, hour: 0, channelId: '100000000000000009' }, canPost);
    expect(saved).toMatchObject({ day: 28, hour: 0, channelId: '100000000000000009', channelIsDefault: false, enabled: true });
  });

  it('keeps one note per alliance, refuses an empty or too long one, and can clear it', async () => {
    const h = harness({ start: '2026-11-10T00:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    const other = h.setupAlliance(H, 'UTC');
    const updates = h.services.rhythm.updates;
    expect((await fails(() => updates.setNote(organizer, 'x'.repeat(1501)))).fields).toEqual(['text']);
    expect((await fails(() => updates.setNote(organizer, '   '))).fields).toEqual(['text']);
    // Discord counts code points: 1500 emoji (3000 UTF-16 units) are within the limit.
    expect(updates.setNote(organizer, '🎉'.repeat(1500)).note).toHaveLength(3000);
    updates.setNote(organizer, '  Welcome to our two new spaces!  ');
    updates.setNote(other, 'Other alliance note');
    expect(updates.settings(G).note).toBe('Welcome to our two new spaces!');
    expect(updates.settings(H).note).toBe('Other alliance note');
    updates.clearNote(organizer);
    expect(updates.settings(G).note).toBeNull();
    expect(updates.settings(H).note).toBe('Other alliance note');
  });
});

describe('composing the update', () => {
  it('orders sections, leaves out empty ones and those whose provider failed', () => {
    const broken: UpdateSectionProvider = { id: 'broken', order: 1, build: () => { throw new Error('db locked'); } };
    const h = harness({
      start: '2026-11-10T00:00:00Z',
      sections: [section('proposals', 40, ['Decided: bike racks (12 for, 2 against)']), section('skills', 20, []), section('directory', 10, ['Welcome, Hive!']), broken],
    });
    const organizer = h.setupAlliance(G, 'UTC');
    const preview = h.services.rhythm.updates.preview(organizer, {}, english);
    expect(preview.sectionIds).toEqual(['directory', 'proposals']);
    expect(preview.failedSections).toEqual(['broken']);
    expect(preview.quiet).toBe(false);
    const titles = preview.messages.flatMap((message) => message.embeds.map((embed) => embed.title));
    expect(titles).toEqual(['Alliance update · November 2026', 'directory title', 'proposals title']);
  });

  it('posts a short quiet-month update when no section has anything and there is no note', () => {
    const h = harness({ start: '2026-11-10T00:00:00Z', sections: [section('directory', 10, [])] });
    const organizer = h.setupAlliance(G, 'UTC');
    const preview = h.services.rhythm.updates.preview(organizer, {}, english);
    expect(preview.quiet).toBe(true);
    expect(preview.messages).toHaveLength(1);
    expect(preview.messages[0]!.embeds).toHaveLength(1);
    expect(preview.messages[0]!.embeds[0]!.description).toContain('A quiet month');
    h.services.rhythm.updates.setNote(organizer, 'See you at the summer party');
    expect(h.services.rhythm.updates.preview(organizer, {}, english).quiet).toBe(false);
  });

  it('counts down to Coworking Day only within 60 days of August 9', () => {
    const h = harness({ start: '2026-06-09T12:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    expect(h.services.rhythm.updates.preview(organizer, {}, english).sectionIds).toEqual([]);
    h.clock.set('2026-06-10T12:00:00Z');
    const preview = h.services.rhythm.updates.preview(organizer, {}, english);
    expect(preview.sectionIds).toEqual(['coworking-day']);
    expect(JSON.stringify(preview.messages)).toContain('International Coworking Day is in **60 days**');
    h.clock.set('2026-08-10T12:00:00Z');
    expect(h.services.rhythm.updates.preview(organizer, {}, english).sectionIds).toEqual([]);
  });

  it('splits a long update into messages that each respect Discord limits, pinging no one', () => {
    const long = (prefix: string) => Array.from({ length: 120 }, (_, i) => `${prefix} line ${i}: ${'x'.repeat(90)} <@200000000000000005>`);
    const h = harness({ start: '2026-11-10T00:00:00Z', sections: [section('a', 1, long('a')), section('b', 2, long('b')), section('c', 3, long('c'))] });
    const organizer = h.setupAlliance(G, 'UTC');
    const { messages } = h.services.rhythm.updates.preview(organizer, {}, english);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
      expect(messageChars(message)).toBeLessThanOrEqual(LIMITS.charsPerMessage);
      for (const embed of message.embeds) {
        expect(embed.description.length).toBeLessThanOrEqual(LIMITS.description);
        expect(embed.title.length).toBeLessThanOrEqual(LIMITS.title);
      }
      // Embeds only: there is no content that could ping.
      expect(Object.keys(message)).toEqual(['embeds']);
    }
    const lines = messages.flatMap((m) => m.embeds.slice(0).flatMap((e) => e.description.split('\n'))).filter((l) => / line \d+:/.test(l));
    expect(lines).toHaveLength(360);
    expect(messages.at(-1)!.embeds.at(-1)!.footer?.text).toBe(`Part ${messages.length} of ${messages.length}`);
  });
});

describe('posting and history', () => {
  it('post-now equals the preview, clears the note, and history links to it; alliances do not see each other', async () => {
    const h = harness({ start: '2026-11-10T00:00:00Z', sections: [section('directory', 10, ['Welcome, Hive!'])] });
    const organizer = h.setupAlliance(G, 'UTC');
    const other = h.setupAlliance(H, 'UTC');
    h.services.rhythm.updates.setNote(organizer, 'Hello');
    const preview = h.services.rhythm.updates.preview(organizer, {}, english);
    const posted = await h.services.rhythm.updates.postNow(organizer, h.discord.publish, english);
    expect(h.discord.posts[0]!.messages).toEqual(preview.messages);
    expect(h.services.rhythm.updates.settings(G).note).toBeNull();
    const history = h.services.rhythm.updates.history(organizer);
    expect(history).toEqual([
      { period: '2026-11', trigger: 'manual', postedAt: Date.parse('2026-11-10T00:00:00Z'), postedBy: organizer.userId, url: posted.url, messageCount: 1 },
    ]);
    expect(posted.url).toBe(`https://discord.com/channels/${G}/${ANNOUNCEMENTS}/${h.discord.posts[0]!.ids[0]}`);
    expect(h.services.rhythm.updates.history(other)).toEqual([]);
  });

  it('a post Discord refuses is reported and recorded nowhere', async () => {
    const h = harness({ start: '2026-11-10T00:00:00Z' });
    const organizer = h.setupAlliance(G, 'UTC');
    h.services.rhythm.updates.setNote(organizer, 'Hello');
    h.discord.failing.add(ANNOUNCEMENTS);
    await expect(h.services.rhythm.updates.postNow(organizer, h.discord.publish, english)).rejects.toThrow('50013');
    expect(h.services.rhythm.updates.history(organizer)).toEqual([]);
    expect(h.services.rhythm.updates.settings(G).note).toBe('Hello');
  });
});

describe('shell samples', () => {
  it('seed a note for the next update and a coworking week for the demo alliance', async () => {
    const { seedRhythmSamples } = await import('../../../src/shell/demo/rhythm-samples.js');
    const h = harness({ start: '2026-11-10T00:00:00Z' });
    h.setupAlliance(G, 'UTC');
    seedRhythmSamples(h.services, { guildId: G, members: { olivia: '200000000000000001', marcus: '200000000000000002' } });
    expect(h.services.rhythm.updates.settings(G).note).toContain('Welcome');
    expect(h.services.rhythm.coworkingDay.settings(G).week?.name).toBe('Alliance Coworking Week');
  });
});
