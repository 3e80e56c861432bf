// Offers and needs through the service: normalization, limits, bad input, scheduled jobs, match notices,
// matching, privacy, alliance isolation, cache coherence and deleting a member's data.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/shared/clock.js';
import { SKILL_JOBS } from '../../../src/skills/skills.context.js';
import { matchReasons } from '../../../src/discord/skills/render.js';
import { englishOf } from '../../support/english.js';
import { actor, domainError, G1, G2, setup, U } from './support.js';


describe('adding offers and needs', () => {
  it('stores a synonym as the taxonomy skill and lists it in the member\'s entries', () => {
    const { skills } = setup();
    const result = skills.offer(actor(U.ana), { skill: 'web dev', level: 'expert', note: 'React, Astro' });
    expect(result).toMatchObject({ created: true, via: 'synonym', suggested: false });
    expect(result.entry).toMatchObject({ kind: 'offer', skillKey: 'web-development', label: 'Web development', level: 'expert', note: 'React, Astro' });
    expect(skills.mine(actor(U.ana)).map((e) => e.label)).toEqual(['Web development']);
  });

  it('corrects a typo to the taxonomy skill', () => {
    const { skills } = setup();
    expect(skills.need(actor(U.ana), { skill: 'grant writting' })).toMatchObject({ via: 'typo', entry: { skillKey: 'grant-writing' } });
  });

  it('keeps free text as a new skill and suggests it to organizers once per alliance', () => {
    const { skills, jobs } = setup();
    const first = skills.offer(actor(U.ana), { skill: '  Urban   Beekeeping ' });
    expect(first).toMatchObject({ via: 'new', suggested: true, entry: { skillKey: 'custom:urban beekeeping', label: 'Urban beekeeping' } });
    const second = skills.need(actor(U.ben), { skill: 'urban beekeping' });
    expect(second).toMatchObject({ via: 'typo', suggested: false, entry: { skillKey: 'custom:urban beekeeping' } });
    expect(skills.offer(actor(U.ana, G2), { skill: 'Urban beekeeping' }).suggested).toBe(true);
    expect(skills.jobs.suggestion(G1, 'custom:urban beekeeping')).toMatchObject({ label: 'Urban beekeeping', firstUserId: U.ana });
  });

  it('gathers the day’s new skills into one daily digest for organizers, at 10:00 alliance time', () => {
    // 2026-03-10 09:00 UTC = 10:00 in Paris: a suggestion now is past today's digest, so it goes into tomorrow's.
    const { skills, jobs, clock } = setup({ timezone: 'Europe/Paris', start: '2026-03-10T09:30:00Z' });
    skills.offer(actor(U.ana), { skill: 'Urban beekeeping' });
    clock.advance(3 * 3600_000);
    skills.need(actor(U.ben), { skill: 'Kombucha brewing' });
    skills.offer(actor(U.cat), { skill: 'Sourdough baking' });
    expect(jobs.list(G1, [SKILL_JOBS.suggestion])).toHaveLength(0);
    const digests = jobs.list(G1, [SKILL_JOBS.suggestionDigest]);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.dueAt).toBe(Date.parse('2026-03-11T09:00:00Z'));
    const window = digests[0]!.payload as { from: number; to: number };
    expect(window).toEqual({ from: Date.parse('2026-03-10T09:00:00Z'), to: Date.parse('2026-03-11T09:00:00Z') });
    expect(skills.jobs.suggestionDigest(G1, window).map((s) => s.label)).toEqual(['Urban beekeeping', 'Kombucha brewing', 'Sourdough baking']);
    // The next day's suggestions make the next digest, not this one.
    clock.set('2026-03-11T09:00:00Z');
    skills.offer(actor(U.dan), { skill: 'Letterpress printing' });
    const next = jobs.list(G1, [SKILL_JOBS.suggestionDigest]).map((job) => job.payload as { from: number; to: number });
    expect(next).toContainEqual({ from: Date.parse('2026-03-11T09:00:00Z'), to: Date.parse('2026-03-12T09:00:00Z') });
    expect(skills.jobs.suggestionDigest(G1, window)).toHaveLength(3);
  });

  it('updates an entry offered again instead of adding a second one', () => {
    const { skills, count } = setup();
    skills.offer(actor(U.ana), { skill: 'SEO', level: 'learning', note: 'basics' });
    const again = skills.offer(actor(U.ana), { skill: 'search engine optimization', level: 'expert' });
    expect(again).toMatchObject({ created: false, entry: { level: 'expert', note: 'basics' } });
    expect(count('skill_entries')).toBe(1);
  });

  it('counts offers and needs together against the 20-entry limit and stores nothing past it', () => {
    const { skills, count } = setup();
    const names = ['bookkeeping', 'accounting', 'payroll', 'budgeting', 'invoicing', 'seo', 'sales', 'branding', 'copywriting', 'marketing'];
    const more = ['photography', 'illustration', 'animation', 'podcasting', 'yoga', 'cooking', 'gardening', 'sewing', 'music', 'french'];
    for (const skill of names) skills.offer(actor(U.ana), { skill });
    for (const skill of more) skills.need(actor(U.ana), { skill });
    const error = domainError(() => skills.need(actor(U.ana), { skill: 'german' }));
    expect(error.kind).toBe('conflict');
    expect(englishOf(error)).toContain('20 offers and needs');
    expect(count('skill_entries')).toBe(20);
    expect(skills.offer(actor(U.ana), { skill: 'seo', level: 'expert' }).created).toBe(false);
  });

  it.each([
    ['an empty skill', { skill: '' }, 'skill', '**skill** cannot be empty.'],
    ['a blank skill', { skill: '    ' }, 'skill', '**skill** cannot be empty.'],
    ['a one-letter skill', { skill: 'x' }, 'skill', '**skill** must be at least 2 characters.'],
    ['an over-long skill', { skill: 'a'.repeat(61) }, 'skill', '**skill** must be at most 60 characters.'],
    ['punctuation only', { skill: '!?!?' }, 'skill', 'skill must contain letters or digits'],
    ['an over-long note', { skill: 'seo', note: 'n'.repeat(301) }, 'note', '**note** must be at most 300 characters.'],
    ['an unknown level', { skill: 'seo', level: 'guru' }, 'level', '**level** must be one of learning, practiced, expert.'],
  ])('refuses %s for an offer, naming the field, and stores nothing', (_label, input, field, message) => {
    const { skills, count } = setup();
    const error = domainError(() => skills.offer(actor(U.ana), input as never));
    expect(error.kind).toBe('invalid');
    expect(error.problems.map((p) => ({ field: p.field, message: englishOf(p) }))).toEqual([{ field, message }]);
    expect(count('skill_entries')).toBe(0);
    expect(count('scheduled_jobs')).toBe(0);
    expect(count('skill_suggestions')).toBe(0);
  });

  it.each([
    ['a past date', '2026-03-09', 'by: Monday 9 March 2026 has already passed.'],
    ['a date beyond a year', 'in 2 years', 'by must be within a year (at most Thursday 11 March 2027)'],
    ['text that is no date', 'whenever', 'I could not read by "whenever" as a day: try "2026-03-17", "next friday" or "in 3 days".'],
  ])('refuses a need with %s for by', (_label, by, message) => {
    const { skills, count } = setup();
    expect(domainError(() => skills.need(actor(U.ana), { skill: 'seo', by })).problems.map((p) => ({ field: p.field, message: englishOf(p) }))).toEqual([{ field: 'by', message }]);
    expect(count('skill_entries')).toBe(0);
  });

  it('reads by in the member’s language and refuses it there, by key', () => {
    const { skills } = setup();
    const past = domainError(() => skills.need(actor(U.ana), { skill: 'seo', by: 'ayer' }, 'es')).problems[0]!;
    expect(past.text).toEqual({ key: 'when.day.past', values: { field: 'by', day: 'lunes, 9 de marzo de 2026' } });
    const far = domainError(() => skills.need(actor(U.ana), { skill: 'seo', by: 'dans 2 ans' }, 'fr')).problems[0]!;
    expect(far.text).toEqual({ key: 'skills.by.tooFar', values: { latest: 'jeudi 11 mars 2027' } });
    expect(skills.need(actor(U.ana), { skill: 'seo', by: 'viernes' }, 'es').entry.byDate).toBe('2026-03-13');
  });
});

describe('needs over time', () => {
  it('schedules the reminder at 10:00 alliance time a week before expiry, and the expiry itself', () => {
    const { skills, jobs } = setup({ timezone: 'Europe/Berlin', start: '2026-01-01T09:00:00Z' });
    const { entry } = skills.need(actor(U.ana), { skill: 'seo', by: '2026-02-01' });
    expect(entry.expiresAt).toBe(Date.parse('2026-04-01T09:00:00Z'));
    const planned = jobs.list(G1).map((job) => [job.kind, new Date(job.dueAt).toISOString()]);
    expect(planned).toEqual([
      [SKILL_JOBS.needReminder, '2026-03-25T09:00:00.000Z'],
      [SKILL_JOBS.needExpiry, '2026-04-01T09:00:00.000Z'],
    ]);
  });

  it('moves reminder and expiry when a need is renewed, even after the reminder went out', () => {
    const { skills, jobs, clock } = setup();
    const { entry } = skills.need(actor(U.ana), { skill: 'seo' });
    const [reminder] = jobs.list(G1, [SKILL_JOBS.needReminder]);
    jobs.finish(reminder!.id, 'done', clock.now().getTime());
    clock.advance(84 * DAY);
    const renewed = skills.renew(actor(U.ana), entry.id);
    expect(renewed.expiresAt).toBe(clock.now().getTime() + 90 * DAY);
    const pending = jobs.list(G1).filter((job) => job.status === 'pending');
    expect(pending.map((job) => job.kind).sort()).toEqual([SKILL_JOBS.needExpiry, SKILL_JOBS.needReminder]);
    expect(pending.every((job) => (job.payload as { expiresAt: number }).expiresAt === renewed.expiresAt)).toBe(true);
  });

  it('expires a need when its time comes, but not one renewed since the job was planned', () => {
    const { skills, clock, count } = setup();
    const first = skills.need(actor(U.ana), { skill: 'seo' }).entry;
    const second = skills.need(actor(U.ana), { skill: 'sales' }).entry;
    clock.advance(60 * DAY);
    skills.renew(actor(U.ana), second.id);
    clock.advance(30 * DAY);
    expect(skills.jobs.expireNeed(G1, first.id, first.expiresAt!)?.label).toBe('SEO');
    expect(skills.jobs.expireNeed(G1, second.id, second.expiresAt!)).toBeNull();
    expect(count('skill_entries')).toBe(1);
    expect(skills.mine(actor(U.ana)).map((e) => e.label)).toEqual(['Sales']);
  });

  it('skips the reminder for a member who opted out', () => {
    const { skills } = setup();
    const { entry } = skills.need(actor(U.ana), { skill: 'seo' });
    expect(skills.jobs.needReminder(G1, entry.id, entry.expiresAt!)).toMatchObject({ userId: U.ana });
    skills.setPrivacy(actor(U.ana), { reminders: 'off' });
    expect(skills.jobs.needReminder(G1, entry.id, entry.expiresAt!)).toBeNull();
  });

  it('removes only the member\'s own entry and cancels its jobs', () => {
    const { skills, jobs, count } = setup();
    const { entry } = skills.need(actor(U.ana), { skill: 'seo' });
    expect(domainError(() => skills.remove(actor(U.ben), entry.id)).kind).toBe('not_found');
    expect(domainError(() => skills.remove(actor(U.ana, G2), entry.id)).kind).toBe('not_found');
    expect(count('skill_entries')).toBe(1);
    skills.remove(actor(U.ana), entry.id);
    expect(count('skill_entries')).toBe(0);
    expect(jobs.list(G1).every((job) => job.status === 'cancelled')).toBe(true);
  });
});

describe('match notices', () => {
  it('tells the owner of the older matching entry once per pair of entries', () => {
    const { skills, jobs } = setup();
    skills.need(actor(U.ana), { skill: 'seo' });
    const offered = skills.offer(actor(U.ben), { skill: 'search engine optimisation' });
    expect(offered.notified).toBe(1);
    expect(offered.matching).toBe(1);
    const notices = jobs.list(G1, [SKILL_JOBS.matchNotice]);
    expect(notices).toHaveLength(1);
    const notice = skills.jobs.matchNotice(G1, (notices[0]!.payload as { noticeId: number }).noticeId);
    expect(notice).toMatchObject({ toUserId: U.ana, yours: { kind: 'need' }, theirs: { userId: U.ben, kind: 'offer' } });

    expect(skills.offer(actor(U.ben), { skill: 'seo', level: 'expert' }).notified).toBe(0);
  });

  it('tells the same two members about the same skill at most once in 30 days, across remove and re-add', () => {
    const { skills, clock } = setup();
    const need = skills.need(actor(U.ana), { skill: 'seo' });
    const offered = skills.offer(actor(U.ben), { skill: 'seo' });
    expect(offered.notified).toBe(1);
    skills.remove(actor(U.ben), offered.entry.id);
    const again = skills.offer(actor(U.ben), { skill: 'seo' });
    expect(again.notified).toBe(0);
    // Either way round: ana re-adding her need after ben's offer is still the same pair and skill.
    skills.remove(actor(U.ana), need.entry.id);
    expect(skills.need(actor(U.ana), { skill: 'seo' }).notified).toBe(0);
    skills.offer(actor(U.ana), { skill: 'copywriting' });
    // A different skill between the same two is news; so is the same skill with a third member.
    expect(skills.need(actor(U.ben), { skill: 'copywriting' }).notified).toBe(1);
    expect(skills.need(actor(U.cat), { skill: 'seo' }).notified).toBe(1);
    clock.advance(31 * 24 * 3600 * 1000);
    skills.remove(actor(U.ben), again.entry.id);
    // 30 days on, ana and cat (whose needs still run) may hear about ben's offer again.
    expect(skills.offer(actor(U.ben), { skill: 'seo' }).notified).toBe(2);
  });

  it('tells no one about a category-only match, a hidden newcomer, or a hidden owner', () => {
    const { skills } = setup();
    skills.need(actor(U.ana), { skill: 'grant writing' });
    expect(skills.offer(actor(U.ben), { skill: 'fundraising' }).notified).toBe(0);
    skills.setPrivacy(actor(U.cat), { matching: 'hidden' });
    expect(skills.offer(actor(U.cat), { skill: 'grant writing' }).notified).toBe(0);
    skills.setPrivacy(actor(U.ana), { matching: 'hidden' });
    expect(skills.offer(actor(U.dan), { skill: 'grant writing' }).notified).toBe(0);
  });

  it('tells at most ten owners about one new entry', () => {
    const { skills } = setup();
    for (const user of Object.values(U).slice(1)) skills.need(actor(user), { skill: 'seo' });
    for (let i = 0; i < 6; i++) skills.need(actor(`20000000000000000${i}`), { skill: 'seo' });
    expect(skills.offer(actor(U.ana), { skill: 'seo' }).notified).toBe(10);
  });
});

describe('matching', () => {
  function complementary() {
    const env = setup();
    env.skills.offer(actor(U.ana), { skill: 'web dev', level: 'expert' });
    env.skills.need(actor(U.ana), { skill: 'grant writting' });
    env.skills.offer(actor(U.ben), { skill: 'Grant Writing', level: 'practiced' });
    env.skills.need(actor(U.ben), { skill: 'website development' });
    return env;
  }

  it('shows two complementary members to each other as a mutual match, with reasons', () => {
    const { skills } = complementary();
    const [forAna] = skills.match(actor(U.ana));
    expect(forAna).toMatchObject({ userId: U.ben, mutual: true, introsOpen: true });
    expect(matchReasons(forAna!, 'en')).toEqual([
      'they offer **Grant writing** (practiced), which you need',
      'they need **Web development**, which you offer (you wrote “web dev”, they wrote “website development”)',
    ]);
    const [forBen] = skills.match(actor(U.ben));
    expect(forBen).toMatchObject({ userId: U.ana, mutual: true });
    expect(matchReasons(forBen!, 'en')).toContain('they offer **Web development** (expert), which you need (you wrote “website development”, they wrote “web dev”)');
  });

  it('hides a member who chose hidden from matches and from who-offers, and flags closed intros', () => {
    const { skills } = complementary();
    skills.setPrivacy(actor(U.ben), { intros: 'closed' });
    expect(skills.match(actor(U.ana))[0]).toMatchObject({ userId: U.ben, introsOpen: false });
    expect(skills.privacy(actor(U.ben))).toEqual({ matching: 'visible', intros: 'closed', reminders: 'on' });
    skills.setPrivacy(actor(U.ben), { matching: 'hidden' });
    expect(skills.match(actor(U.ana))).toEqual([]);
    expect(skills.who(actor(U.ana), { skill: 'grant writing' }).offers).toEqual([]);
    skills.setPrivacy(actor(U.ben), { matching: 'visible' });
    expect(skills.match(actor(U.ana))).toHaveLength(1);
  });

  it('uses directory locality when present: nearest first, with space and city', () => {
    const places = {
      [U.ana]: { spaceId: 1, spaceName: 'Hive', city: 'Lyon', region: 'ARA', country: 'FR' },
      [U.ben]: { spaceId: 2, spaceName: 'Nest', city: 'Paris', region: 'IDF', country: 'FR' },
      [U.cat]: { spaceId: 1, spaceName: 'Hive', city: 'Lyon', region: 'ARA', country: 'FR' },
    } as Record<string, { spaceId: number; spaceName: string; city: string; region: string; country: string }>;
    const { skills } = setup({ locality: (guildId, userId) => (guildId === G1 ? (places[userId] ?? null) : null) });
    skills.need(actor(U.ana), { skill: 'seo' });
    skills.offer(actor(U.ben), { skill: 'seo', level: 'expert' });
    skills.offer(actor(U.cat), { skill: 'seo', level: 'expert' });
    skills.offer(actor(U.dan), { skill: 'seo', level: 'expert' });
    expect(skills.match(actor(U.ana)).map((m) => [m.userId, m.locality])).toEqual([
      [U.cat, 'space'],
      [U.ben, 'remote'],
      [U.dan, 'unknown'],
    ]);
    const who = skills.who(actor(U.ana), { skill: 'search engine optimization' });
    expect(who.skill.label).toBe('SEO');
    expect(who.offers.map((o) => [o.userId, o.place?.city ?? null])).toEqual([
      [U.cat, 'Lyon'],
      [U.ben, 'Paris'],
      [U.dan, null],
    ]);
  });

  it('keeps alliances apart: entries, matches, who and autocomplete', () => {
    const { skills } = setup();
    skills.need(actor(U.ana, G1), { skill: 'seo' });
    skills.offer(actor(U.ben, G2), { skill: 'seo' });
    skills.offer(actor(U.ben, G2), { skill: 'Urban beekeeping' });
    expect(skills.match(actor(U.ana, G1))).toEqual([]);
    expect(skills.who(actor(U.ana, G1), { skill: 'seo' }).offers).toEqual([]);
    expect(skills.mine(actor(U.ben, G1))).toEqual([]);
    expect(skills.suggest(G1, 'urban').map((s) => s.key)).not.toContain('custom:urban beekeeping');
    expect(skills.suggest(G2, 'urban').map((s) => s.key)).toContain('custom:urban beekeeping');
  });

  it('sees entries another process wrote since its index was built', () => {
    const { skills, otherProcess } = setup();
    skills.need(actor(U.ana), { skill: 'seo' });
    expect(skills.match(actor(U.ana))).toEqual([]);
    otherProcess().offer(actor(U.ben), { skill: 'seo' });
    expect(skills.match(actor(U.ana)).map((m) => m.userId)).toEqual([U.ben]);
  });

  it('lists the member\'s own entries for remove autocomplete', () => {
    const { skills } = setup();
    skills.offer(actor(U.ana), { skill: 'seo' });
    skills.need(actor(U.ana), { skill: 'sales' });
    const names = (query: string) => skills.suggestMine(actor(U.ana), query).map((c) => `${c.kind}: ${c.skillKey}`);
    expect(names('')).toEqual(['need: sales', 'offer: seo']);
    expect(names('se')).toEqual(['offer: seo']);
    // Found by its name in any language: "ventas" is Sales in Spanish.
    expect(names('vent')).toEqual(['need: sales']);
    expect(skills.suggestMine(actor(U.ben), '')).toEqual([]);
  });
});

describe('forgetting a member', () => {
  it('deletes everything about the member in that alliance only, and cancels their jobs', () => {
    const { skills, jobs, count } = setup();
    skills.need(actor(U.ana), { skill: 'seo' });
    skills.offer(actor(U.ana), { skill: 'Urban beekeeping' });
    skills.setPrivacy(actor(U.ana), { intros: 'closed' });
    skills.offer(actor(U.ben), { skill: 'seo' });
    skills.need(actor(U.ana, G2), { skill: 'seo' });
    expect(skills.forgetMember(G1, U.ana)).toEqual({ entries: 2 });
    expect(skills.mine(actor(U.ana))).toEqual([]);
    expect(skills.privacy(actor(U.ana)).intros).toBe('open');
    expect(count('skill_suggestions')).toBe(0);
    expect(count('skill_match_notices')).toBe(0);
    expect(skills.mine(actor(U.ana, G2))).toHaveLength(1);
    expect(skills.mine(actor(U.ben))).toHaveLength(1);
    expect(jobs.list(G1, [SKILL_JOBS.needReminder, SKILL_JOBS.needExpiry]).every((job) => job.status === 'cancelled')).toBe(true);
  });
});
