// The pass domain on a real migrated SQLite: codes from the unambiguous alphabet, unique per alliance (a drawn
// code already taken is drawn again), check-ins once per pass, space and day, and alliances kept apart.
import { englishError } from '../../support/english.js';
import { describe, expect, it } from 'vitest';
import { createPassRepo } from '../../../src/pass/pass.repo.js';
import { formatCode, generateCode, normalizeCode, PASS_ALPHABET, readPassRef } from '../../../src/pass/pass.rules.js';
import { createPassService } from '../../../src/pass/pass.service.js';
import { DAY } from '../../../src/shared/clock.js';
import { actor, errorOf, GUILD, MARCUS, organizer, OTHER_GUILD, PRIYA, SAM, setup, type Setup } from '../meetings/harness.js';

function withSpace(t: Setup, guildId = GUILD) {
  const space = t.services.directory.register(actor(MARCUS, { guildId }), { name: 'Rainier Commons', city: 'Seattle', country: 'US', desks: 10 }).space;
  t.services.directory.approve(organizer(guildId), space.id);
  t.services.pass.setSpaceTerms(actor(MARCUS, { guildId }), space.id, { accepts: true });
  return space.id;
}

describe('pass codes', () => {
  it('never uses 0, O, 1, I or L, and reads codes however a host types them', () => {
    expect(PASS_ALPHABET).not.toMatch(/[0O1IL]/);
    let i = 0;
    const code = generateCode(() => i++ % PASS_ALPHABET.length);
    expect(code).toHaveLength(8);
    expect(normalizeCode(` ${formatCode(code).toLowerCase()} `)).toBe(code);
    expect(normalizeCode('ABCD-EFG0')).toBeNull();
    expect(readPassRef('<@!200000000000000002>')).toEqual({ kind: 'member', userId: '200000000000000002' });
    expect(readPassRef('abcd efgh')).toEqual({ kind: 'code', code: 'ABCDEFGH' });
  });

  it('draws again when a code is already taken in the alliance, but the same code may exist in another', () => {
    const t = setup();
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
    let n = 0;
    const pass = createPassService({ repo: createPassRepo(t.db), clock: t.clock, spaces: t.services.directory, timezone: () => 'UTC', randomIndex: () => draws[n++ % draws.length]! });
    const first = pass.issue(organizer(), { userId: MARCUS });
    const second = pass.issue(organizer(), { userId: PRIYA });
    expect(first.code).toBe('AAAAAAAA');
    expect(second.code).toBe('BBBBBBBB');
    n = 0;
    expect(pass.issue(organizer(OTHER_GUILD), { userId: SAM }).code).toBe('AAAAAAAA');
  });
});

describe('check-ins', () => {
  it('count once per pass, space and day, and stop at the visits given', () => {
    const t = setup();
    const spaceId = withSpace(t);
    const issued = t.services.pass.issue(organizer(), { userId: SAM, visits: 2 });
    const host = actor(MARCUS);
    expect(t.services.pass.checkin(host, { pass: issued.code, spaceId }).pass.left).toBe(1);
    expect(t.services.pass.checkin(host, { pass: issued.code, spaceId }).already).toBe(true);
    t.clock.advance(DAY);
    expect(t.services.pass.checkin(host, { pass: `<@${SAM}>`, spaceId }).pass.left).toBe(0);
    t.clock.advance(DAY);
    expect(englishError(() => t.services.pass.checkin(host, { pass: issued.code, spaceId }))).toContain('no visits left');
    expect(t.sqlite.prepare('SELECT COUNT(*) AS n FROM pass_visits').get()).toEqual({ n: 2 });
  });

  it('never reach another alliance’s pass or space', () => {
    const t = setup();
    const spaceId = withSpace(t);
    const otherSpace = withSpace(t, OTHER_GUILD);
    const issued = t.services.pass.issue(organizer(OTHER_GUILD), { userId: SAM });
    expect(errorOf(() => t.services.pass.checkin(actor(MARCUS), { pass: issued.code, spaceId })).kind).toBe('not_found');
    expect(errorOf(() => t.services.pass.checkin(actor(MARCUS), { pass: issued.code, spaceId: otherSpace })).kind).toBe('not_found');
    expect(t.services.pass.mine(actor(SAM))).toEqual([]);
  });
});

describe('the monthly counters', () => {
  it('always equal the visits recorded, per month, space and pass', () => {
    const t = setup({ timezone: 'UTC' });
    const spaceId = withSpace(t);
    const passes = [SAM, PRIYA, MARCUS].map((userId) => t.services.pass.issue(organizer(), { userId, visits: 50 }));
    for (let day = 0; day < 20; day++) {
      for (const [i, p] of passes.entries()) if ((day + i) % 2 === 0) t.services.pass.checkin(actor(MARCUS), { pass: p.code, spaceId });
      t.clock.advance(DAY);
    }
    const counted = t.sqlite.prepare("SELECT substr(day, 1, 7) AS month, space_id AS spaceId, COUNT(*) AS visits FROM pass_visits GROUP BY 1, 2 ORDER BY 1").all();
    expect(t.sqlite.prepare('SELECT month, space_id AS spaceId, visits FROM pass_month_spaces ORDER BY 1').all()).toEqual(counted);
    const perPass = t.sqlite.prepare("SELECT substr(day, 1, 7) AS month, pass_id AS passId, COUNT(*) AS visits FROM pass_visits GROUP BY 1, 2 ORDER BY 1, 2").all();
    expect(t.sqlite.prepare('SELECT month, pass_id AS passId, visits FROM pass_month_passes ORDER BY 1, 2').all()).toEqual(perPass);
    const november = t.services.pass.visits(organizer(), '2026-11');
    expect(november.total).toBe((counted as { month: string; visits: number }[]).find((r) => r.month === '2026-11')!.visits);
  });
});
