// The match index moved along by each write (offer, need, update, renew, remove, privacy, forget): the next match
// sees the change at once, and equals what an index built afresh from the database gives.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/shared/clock.js';
import { actor, setup, U } from './support.js';

const who = (matches: { userId: string }[]) => matches.map((m) => m.userId);
/** Without the index's own numbers (owner, skill and term numbers differ between two indexes of the same rows). */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'owner' || key === 'skillRef' || key === 'termRef' ? undefined : inner)));

function world() {
  const w = setup();
  const { skills } = w;
  skills.need(actor(U.ana), { skill: 'seo' });
  skills.offer(actor(U.ana), { skill: 'bookkeeping', level: 'expert' });
  skills.offer(actor(U.ben), { skill: 'seo', level: 'practiced', note: 'audits' });
  skills.offer(actor(U.cat), { skill: 'search engine optimization', level: 'learning' });
  skills.need(actor(U.dan), { skill: 'bookkeeping', by: 'in 3 weeks' });
  // The index is built now; every write below moves it along instead of rebuilding it.
  skills.match(actor(U.ana));
  /** What a process that just started would answer: an index built from the rows. */
  const fresh = () => plain(w.otherProcess().match(actor(U.ana)));
  return { ...w, fresh };
}

describe('the match index after each write', () => {
  it('a new offer shows in the next match, with its reason', () => {
    const { skills, fresh } = world();
    expect(who(skills.match(actor(U.ana)))).not.toContain(U.eve);
    skills.offer(actor(U.eve), { skill: 'seo', level: 'expert' });
    const matches = skills.match(actor(U.ana));
    expect(matches.find((m) => m.userId === U.eve)).toMatchObject({ theyOffer: [{ theirs: { skillKey: 'seo', level: 'expert' }, closeness: 'same' }] });
    expect(plain(matches)).toEqual(fresh());
  });

  it('an offer updated to a higher level moves its owner up at once', () => {
    const { skills, fresh } = world();
    expect(who(skills.match(actor(U.ana))).indexOf(U.cat)).toBeGreaterThan(who(skills.match(actor(U.ana))).indexOf(U.ben));
    skills.offer(actor(U.cat), { skill: 'seo', level: 'expert' });
    const matches = skills.match(actor(U.ana));
    expect(who(matches).indexOf(U.cat)).toBeLessThan(who(matches).indexOf(U.ben));
    expect(plain(matches)).toEqual(fresh());
  });

  it('a removed entry is gone from the next match, and a new entry in its place carries none of its details', () => {
    const { skills, fresh } = world();
    const seo = skills.mine(actor(U.ben)).find((entry) => entry.skillKey === 'seo')!;
    skills.remove(actor(U.ben), seo.id);
    expect(who(skills.match(actor(U.ana)))).not.toContain(U.ben);
    skills.offer(actor(U.fox), { skill: 'seo' });
    expect(skills.mine(actor(U.fox))).toEqual([expect.objectContaining({ userId: U.fox, note: null, level: null, byDate: null, skillKey: 'seo' })]);
    expect(skills.mine(actor(U.ben))).toEqual([]);
    expect(plain(skills.match(actor(U.ana)))).toEqual(fresh());
  });

  it('a need renewed keeps matching after its first 90 days, and one left to lapse does not', () => {
    const { skills, clock, fresh } = world();
    const need = skills.mine(actor(U.dan)).find((entry) => entry.kind === 'need')!;
    clock.advance(89 * DAY);
    skills.renew(actor(U.dan), need.id);
    clock.advance(2 * DAY);
    expect(who(skills.match(actor(U.ana)))).toContain(U.dan);
    expect(plain(skills.match(actor(U.ana)))).toEqual(fresh());
    clock.advance(90 * DAY);
    expect(who(skills.match(actor(U.ana)))).not.toContain(U.dan);
  });

  it('a member who hides from matching is gone from the next match, and back when visible again', () => {
    const { skills, fresh } = world();
    skills.setPrivacy(actor(U.ben), { matching: 'hidden' });
    expect(who(skills.match(actor(U.ana)))).not.toContain(U.ben);
    expect(plain(skills.match(actor(U.ana)))).toEqual(fresh());
    skills.setPrivacy(actor(U.ben), { matching: 'visible' });
    expect(who(skills.match(actor(U.ana)))).toContain(U.ben);
  });

  it('a member whose data is deleted is gone from the next match; coming back, they match again', () => {
    const { skills, fresh } = world();
    skills.forgetMember(actor(U.cat).guildId, U.cat);
    expect(who(skills.match(actor(U.ana)))).not.toContain(U.cat);
    expect(plain(skills.match(actor(U.ana)))).toEqual(fresh());
    skills.offer(actor(U.cat), { skill: 'seo', level: 'expert', note: 'back' });
    expect(skills.match(actor(U.ana)).find((m) => m.userId === U.cat)).toMatchObject({ theyOffer: [{ theirs: { note: 'back', level: 'expert' } }] });
    expect(plain(skills.match(actor(U.ana)))).toEqual(fresh());
  });

  it('many writes in a row leave the same index as one built from the rows', () => {
    const { skills, fresh, otherProcess } = world();
    const users = [U.ben, U.cat, U.dan, U.eve, U.fox, U.gus];
    const skillsTyped = ['seo', 'bookkeeping', 'grant writing', 'fundraising', 'web dev', 'Urban beekeeping'];
    for (let i = 0; i < 60; i++) {
      const user = actor(users[i % users.length]!);
      const skill = skillsTyped[(i * 7) % skillsTyped.length]!;
      if (i % 5 === 4) {
        const mine = skills.mine(user);
        if (mine.length) skills.remove(user, mine[i % mine.length]!.id);
      } else if (i % 2) skills.offer(user, { skill, level: (['learning', 'practiced', 'expert'] as const)[i % 3], note: i % 3 ? `note ${i}` : null });
      else skills.need(user, { skill, note: i % 4 ? null : `need ${i}` });
    }
    expect(plain(skills.match(actor(U.ana)))).toEqual(fresh());
    const byId = (entries: { id: number }[]) => plain([...entries].sort((a, b) => a.id - b.id));
    for (const user of users) expect(byId(skills.mine(actor(user)))).toEqual(byId(otherProcess().mine(actor(user))));
  });
});
