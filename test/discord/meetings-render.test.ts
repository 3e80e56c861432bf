// The meetings renderers stay inside Discord's limits at the largest sizes the domain allows.
import type { EmbedBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { AgendaEntry, AgendaView } from '../../src/meetings/agenda.service.js';
import type { Meeting } from '../../src/meetings/meetings.service.js';
import type { NotesView } from '../../src/meetings/outcomes.service.js';
import { renderAgenda } from '../../src/discord/meetings/agenda-render.js';
import { fitEmbeds } from '../../src/discord/fit.js';
import { renderIdeas } from '../../src/discord/ideas/render.js';
import { sayIn } from '../../src/i18n/translate.js';
import { renderNotes, renderPreview, renderStartPost } from '../../src/discord/meetings/render.js';
import { LANGUAGES } from '../../src/shared/languages.js';

const START = Date.parse('2026-12-03T17:00:00Z');
const USER = '200000000000000001';
const meeting: Meeting = {
  id: 1, guildId: '100000000000000001', title: 'T'.repeat(100), startsAt: START, durationMinutes: 120, structuredMinutes: 60,
  location: 'L'.repeat(100), voiceChannelId: null, channelId: null, createdBy: USER, status: 'scheduled', seriesId: null, occurrence: 0,
  discordEventId: null, agendaMessageId: null, startMessageId: null, createdAt: 0, endsAt: START + 120 * 60_000, recurrence: 'none', repeats: 'once', repeatDay: null, public: false,
};

function item(n: number): AgendaEntry {
  return {
    id: n, guildId: meeting.guildId, meetingId: 1, position: n, topic: `${n} ${'*_'.repeat(99)}`, minutes: 120, presenterId: USER, priorityId: 1,
    proposedBy: USER, outcome: 'action', decision: 'D'.repeat(1000), carriedFromId: 9, carriedToId: null, ideaId: null, createdAt: 0,
    plannedStart: START + n * 60_000, plannedEnd: START, overTime: true, priority: { id: 1, rank: 5, text: 'P' },
  };
}

function totalChars(embeds: EmbedBuilder[]): number {
  return embeds
    .map((e) => e.toJSON())
    .reduce((sum, e) => sum + [e.title, e.description, e.footer?.text].map((t) => [...(t ?? '')].length).reduce((a, b) => a + b, 0), 0);
}

function expectWithinLimits(embeds: EmbedBuilder[]): void {
  expect(embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(10);
  for (const embed of embeds.map((e) => e.toJSON())) {
    expect([...(embed.description ?? '')].length).toBeLessThanOrEqual(4096);
    expect([...(embed.title ?? '')].length).toBeLessThanOrEqual(256);
  }
  expect(totalChars(embeds)).toBeLessThanOrEqual(6000);
}

describe('meetings renderers', () => {
  it.each(LANGUAGES)('a full agenda of 25 long items fits one message (%s)', (language) => {
    const view: AgendaView = {
      meeting, items: Array.from({ length: 25 }, (_, i) => item(i + 1)), overByMinutes: 2940, social: null, hasPriorities: true, frozen: true, freezesAt: 0, channelId: null,
    };
    const embeds = renderAgenda(view, sayIn(language));
    expectWithinLimits(embeds);
    expect(embeds.map((e) => e.toJSON().description).join('\n')).toContain('25. 25');
  });

  it('notes with long decisions and many actions are cut with a note, never over the limits', () => {
    const actions = Array.from({ length: 3 }, (_, i) => ({
      id: i, guildId: meeting.guildId, meetingId: 1, agendaItemId: 1, text: 'A'.repeat(300), ownerId: USER, dueDate: '2026-12-10',
      status: 'open' as const, createdBy: USER, createdAt: 0, doneAt: null,
    }));
    const notes: NotesView = { meeting, attendees: Array.from({ length: 40 }, () => USER), items: Array.from({ length: 25 }, (_, i) => ({ ...item(i + 1), actions })) };
    const embeds = renderNotes(notes, sayIn('en'), 'en');
    expectWithinLimits(embeds);
    expect(embeds.at(-1)!.toJSON().description).toMatch(/more lines? not shown/);
  });

  it('notes speak the reader’s language: a decision stored by key and the action items with their days', () => {
    const action = { id: 4, guildId: meeting.guildId, meetingId: 1, agendaItemId: 1, text: 'Devis', ownerId: USER, dueDate: '2026-12-10', status: 'open' as const, createdBy: USER, createdAt: 0, doneAt: null };
    const decision = { key: 'proposals.agendaDecision.withdrawn', values: { number: 2 } };
    const notes: NotesView = { meeting: { ...meeting, title: 'Réunion' }, attendees: [], items: [{ ...item(1), topic: 'Imprimante', decision, actions: [action] }] };
    const text = renderNotes(notes, sayIn('fr'), 'fr').map((e) => e.toJSON().description).join('\n');
    expect(text).toContain('Proposition nº 2 retirée');
    expect(text).toContain(`📌 #4 Devis · <@${USER}> · échéance : jeudi 10 décembre 2026`);
  });

  it('fitEmbeds packs many short lines into several embeds under the message budget', () => {
    const embeds = fitEmbeds(Array.from({ length: 500 }, (_, i) => `line ${i}`), { title: 'x', color: 0 });
    expectWithinLimits(embeds);
    expect(embeds.length).toBeGreaterThan(1);
  });

  it('fitEmbeds starts a new embed only where the next line would pass 4,000 characters, counting an emoji as one', () => {
    const lines = Array.from({ length: 150 }, (_, i) => `${'😀'.repeat(30)} ${i}`);
    const descriptions = fitEmbeds(lines, { title: 'x', color: 0 }).map((e) => e.toJSON().description!);
    const chars = (text: string) => [...text].length;
    expect(descriptions.length).toBeGreaterThan(1);
    for (const description of descriptions) expect(chars(description)).toBeLessThanOrEqual(4000);
    const shown = descriptions.join('\n').split('\n');
    expect(shown.filter((line) => !line.startsWith('…'))).toEqual(lines.slice(0, shown.filter((line) => !line.startsWith('…')).length));
    const firstLines = descriptions[0]!.split('\n').length;
    expect(chars(descriptions[0]!) + 1 + chars(lines[firstLines]!)).toBeGreaterThan(4000);
  });

  it.each(LANGUAGES)('the time preview has valid buttons for one or two choices (%s)', (language) => {
    const fallback = (order: 1 | 2, offset: string) => ({ order, time: '01:30', offset });
    const twice = [
      { instant: START, label: 'First 01:30 (UTC-05:00)', fallback: fallback(1, 'UTC-05:00') },
      { instant: START + 3_600_000, label: 'Second 01:30 (UTC-06:00)', fallback: fallback(2, 'UTC-06:00') },
    ];
    const dayOrMonth = [{ instant: START, label: 'a' }, { instant: START + 86_400_000 * 30, label: 'b' }];
    for (const choices of [[{ instant: START, label: 'Confirm' }], twice, dayOrMonth]) {
      const question = { key: 'when.choose.dayMonth', values: { text: '11/12/2027' } };
      const rendered = renderPreview({ draftId: 123456789, choices, question, title: 'x'.repeat(100), timeZone: 'America/Chicago', clashes: [] }, sayIn(language), language);
      const buttons = rendered.components[0]!.toJSON().components;
      expect(buttons).toHaveLength(choices.length + 1);
      for (const button of buttons) {
        expect((button as { custom_id: string }).custom_id.length).toBeLessThanOrEqual(100);
        expect(((button as { label?: string }).label ?? '').length).toBeLessThanOrEqual(80);
      }
      expectWithinLimits(rendered.embeds);
    }
  });

  it('the "starting now" post carries the attendance button for its meeting', () => {
    const post = renderStartPost(meeting, sayIn('en'));
    expect(post.content.length).toBeLessThanOrEqual(2000);
    expect(post.components[0]!.toJSON().components[0]).toMatchObject({ custom_id: 'v1:meeting:present:1', label: "I'm here" });
  });

  it('the idea list shows at most what fits and the dots left', () => {
    const ideas = Array.from({ length: 200 }, (_, i) => ({ id: i, guildId: '1', text: 'I'.repeat(300), authorId: USER, status: 'parked' as const, promotedTo: null, createdAt: 0, dots: 3 }));
    const embeds = renderIdeas(sayIn('en'), { ideas, dotsLeft: 1 });
    expectWithinLimits(embeds);
    expect(embeds.at(-1)!.toJSON().footer?.text).toContain('1 dot left');
  });
});

describe('what does not fit', () => {
  it('is counted in the reader\'s language', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i} ${'x'.repeat(40)}`);
    const last = (language: 'en' | 'es' | 'fr') => {
      const embeds = fitEmbeds(lines, { title: 'T', color: 0, moreHint: '/agenda show', say: sayIn(language) });
      return embeds.at(-1)!.toJSON().description!.split('\n').at(-1);
    };
    expect(last('en')).toMatch(/^…and \d+ more lines not shown: \/agenda show\.$/);
    expect(last('es')).toMatch(/^…y \d+ líneas más que no se muestran: \/agenda show\.$/);
    expect(last('fr')).toMatch(/^…et \d+ lignes de plus non affichées : \/agenda show\.$/);
  });
});
