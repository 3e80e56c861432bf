// The idea machine: quota on parked ideas, three dots a month, ranking, promotion, and the priority list.
import { afterEach, describe, expect, it } from 'vitest';
import { englishOf } from '../../support/english.js';
import { actor, errorOf, GUILD, MARCUS, OTHER_GUILD, organizer, PRIYA, SAM, setup, type Setup } from './harness.js';

let t: Setup;
afterEach(() => t?.close());


describe('parking ideas', () => {
  it('each member parks at most the alliance quota of open ideas; dropping one frees a slot', () => {
    t = setup();
    const ideas = [1, 2, 3].map((n) => t.services.ideas.addIdea(actor(MARCUS), `Idea ${n}`));
    const refused = errorOf(() => t.services.ideas.addIdea(actor(MARCUS), 'Idea 4'));
    expect([refused.kind, englishOf(refused)]).toEqual(['conflict', expect.stringMatching(/already have 3 open ideas/)]);
    t.services.ideas.addIdea(actor(PRIYA), 'Someone else is not blocked');
    expect(errorOf(() => t.services.ideas.dropIdea(actor(PRIYA), ideas[0]!.id)).kind).toBe('forbidden');
    t.services.ideas.dropIdea(actor(MARCUS), ideas[0]!.id);
    t.services.ideas.addIdea(actor(MARCUS), 'Idea 4');
  });

  it('refuses empty and overlong ideas naming the field', () => {
    t = setup();
    expect(errorOf(() => t.services.ideas.addIdea(actor(MARCUS), '  ')).problems[0]?.field).toBe('text');
    expect(errorOf(() => t.services.ideas.addIdea(actor(MARCUS), 'x'.repeat(301))).problems[0]?.field).toBe('text');
  });
});

describe('dot voting', () => {
  it('three dots a month, spread over ideas; the list is ranked by dots', () => {
    t = setup();
    const a = t.services.ideas.addIdea(actor(MARCUS), 'Shared printer');
    const b = t.services.ideas.addIdea(actor(PRIYA), 'Joint newsletter');
    expect(t.services.ideas.vote(actor(SAM), b.id, 2).dotsLeft).toBe(1);
    expect(t.services.ideas.vote(actor(SAM), a.id, 1).dotsLeft).toBe(0);
    const refused = errorOf(() => t.services.ideas.vote(actor(SAM), a.id, 1));
    expect(englishOf(refused)).toMatch(/0 dots left this month/);
    t.services.ideas.vote(actor(MARCUS), b.id, 1);
    expect(t.services.ideas.listIdeas(actor(SAM)).ideas.map((i) => [i.text, i.dots])).toEqual([
      ['Joint newsletter', 3],
      ['Shared printer', 1],
    ]);
  });

  it('dots come back on the 1st of the month in the alliance zone', () => {
    t = setup({ start: '2026-11-30T22:30:00Z', timezone: 'Europe/Berlin' }); // 23:30 on 30 Nov in Berlin
    const idea = t.services.ideas.addIdea(actor(MARCUS), 'Shared printer');
    t.services.ideas.vote(actor(SAM), idea.id, 3);
    t.clock.set('2026-11-30T23:00:00Z'); // midnight in Berlin: December
    expect(t.services.ideas.listIdeas(actor(SAM)).dotsLeft).toBe(3);
    t.services.ideas.vote(actor(SAM), idea.id, 3);
    expect(t.services.ideas.listIdeas(actor(SAM)).ideas[0]!.dots).toBe(6);
  });

  it.each([0, 4, 1.5])('refuses %s dots', (dots) => {
    t = setup();
    const idea = t.services.ideas.addIdea(actor(MARCUS), 'Shared printer');
    expect(errorOf(() => t.services.ideas.vote(actor(SAM), idea.id, dots)).problems[0]?.field).toBe('dots');
  });

  it('ideas of one alliance are invisible to another', () => {
    t = setup();
    const idea = t.services.ideas.addIdea(actor(MARCUS), 'Shared printer');
    expect(t.services.ideas.listIdeas(actor(SAM, { guildId: OTHER_GUILD })).ideas).toEqual([]);
    expect(errorOf(() => t.services.ideas.vote(actor(SAM, { guildId: OTHER_GUILD }), idea.id, 1)).kind).toBe('not_found');
  });
});

describe('promoting ideas', () => {
  it('organizers turn an idea into an agenda item, which leaves the parking lot', () => {
    t = setup();
    const meeting = t.schedule(organizer(), { title: 'December meetup', when: '2026-12-03 18:00' });
    const idea = t.services.ideas.addIdea(actor(MARCUS), 'Shared printer');
    expect(errorOf(() => t.services.ideas.promote(actor(MARCUS), { ideaId: idea.id, to: 'agenda', meetingId: meeting.id })).kind).toBe('forbidden');
    const promoted = t.services.ideas.promote(organizer(), { ideaId: idea.id, to: 'agenda', meetingId: meeting.id, minutes: 15 });
    expect(promoted.agendaItem?.item).toMatchObject({ topic: 'Shared printer', minutes: 15, ideaId: idea.id });
    expect(promoted.idea.status).toBe('promoted');
    expect(t.services.ideas.listIdeas(actor(MARCUS)).ideas).toEqual([]);
    expect(errorOf(() => t.services.ideas.promote(organizer(), { ideaId: idea.id, to: 'agenda', meetingId: meeting.id })).kind).toBe('conflict');
  });

  it('a failed promotion leaves the idea parked', () => {
    t = setup();
    const idea = t.services.ideas.addIdea(actor(MARCUS), 'Shared printer');
    expect(errorOf(() => t.services.ideas.promote(organizer(), { ideaId: idea.id, to: 'agenda', meetingId: 999 })).kind).toBe('not_found');
    expect(t.services.ideas.listIdeas(actor(MARCUS)).ideas.map((i) => i.status)).toEqual(['parked']);
  });

  it('organizers turn an idea into a priority', () => {
    t = setup();
    const idea = t.services.ideas.addIdea(actor(MARCUS), 'Shared insurance scheme');
    const promoted = t.services.ideas.promote(organizer(), { ideaId: idea.id, to: 'priority', rank: 2, targetDate: '2027-06-30' });
    expect(promoted.priority).toMatchObject({ rank: 2, text: 'Shared insurance scheme', targetDate: '2027-06-30', ideaId: idea.id });
  });
});

describe('priorities', () => {
  it('up to five ranked priorities; setting a rank again replaces it', () => {
    t = setup();
    t.services.ideas.setPriority(organizer(), { rank: 1, text: 'Insurance', targetDate: 'next friday' });
    t.services.ideas.setPriority(organizer(), { rank: 3, text: 'Newsletter' });
    t.services.ideas.setPriority(organizer(), { rank: 1, text: 'Group insurance' });
    expect(t.services.ideas.priorities(GUILD).priorities.map((p) => [p.rank, p.text, p.targetDate])).toEqual([
      [1, 'Group insurance', null],
      [3, 'Newsletter', null],
    ]);
  });

  it('refuses members, bad ranks and past target dates', () => {
    t = setup();
    expect(errorOf(() => t.services.ideas.setPriority(actor(MARCUS), { rank: 1, text: 'x' })).kind).toBe('forbidden');
    expect(errorOf(() => t.services.ideas.setPriority(organizer(), { rank: 6, text: 'x' })).problems[0]?.field).toBe('rank');
    expect(errorOf(() => t.services.ideas.setPriority(organizer(), { rank: 1, text: 'x', targetDate: '2026-01-01' })).problems[0]?.field).toBe('target-date');
    expect(errorOf(() => t.services.ideas.clearPriority(organizer(), 2)).kind).toBe('not_found');
    expect(t.services.ideas.priorities(GUILD).priorities).toEqual([]);
  });

  it('reads a target date in the organizer’s language and refuses it there, by key', () => {
    t = setup({ start: '2026-11-24T15:00:00Z', timezone: 'Europe/Paris' }); // Tuesday 24 November 2026
    expect(t.services.ideas.setPriority(organizer(), { rank: 1, text: 'Assurance', targetDate: 'dans 3 mois', language: 'fr' }).targetDate).toBe('2027-02-24');
    expect(t.services.ideas.setPriority(organizer(), { rank: 2, text: 'Boletín', targetDate: 'viernes', language: 'es' }).targetDate).toBe('2026-11-27');
    const past = errorOf(() => t.services.ideas.setPriority(organizer(), { rank: 3, text: 'x', targetDate: 'hier', language: 'fr' })).problems[0]!;
    expect(past.text).toEqual({ key: 'when.day.past', values: { field: 'target-date', day: 'lundi 23 novembre 2026' } });
  });

  it('suggests a priority refresh once all priorities are achieved, not when they were cleared', () => {
    t = setup();
    t.services.ideas.setPriority(organizer(), { rank: 1, text: 'Insurance' });
    t.services.ideas.setPriority(organizer(), { rank: 2, text: 'Newsletter' });
    expect(t.services.ideas.achievePriority(organizer(), 1).refreshSuggested).toBe(false);
    expect(t.services.ideas.achievePriority(organizer(), 2).refreshSuggested).toBe(true);
    expect(t.services.ideas.priorities(GUILD).refreshSuggested).toBe(true);
    t.services.ideas.setPriority(organizer(), { rank: 1, text: 'Coworking passport' });
    t.services.ideas.clearPriority(organizer(), 1);
    expect(t.services.ideas.priorities(GUILD).refreshSuggested).toBe(false);
    expect(t.services.ideas.priorities(OTHER_GUILD).priorities).toEqual([]);
  });
});
