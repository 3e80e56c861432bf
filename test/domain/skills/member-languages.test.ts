// The member-language memory on a real database: what a member speaks is written when it is new or changed and
// never again while it stays the same, also for members seen long ago; what the process keeps is bounded, the
// member seen longest ago let go first.
import { describe, expect, it } from 'vitest';
import { createMemberLanguages } from '../../../src/skills/member-languages.service.js';
import type { Language } from '../../../src/shared/languages.js';
import { actor, G1, setup, U } from './support.js';

function world(knownMax: number) {
  const { db, sqlite, clock } = setup();
  const languages = createMemberLanguages({ db, clock, knownMax });
  const changes = sqlite.prepare('SELECT total_changes() AS n');
  /** Rows written so far on this connection (inserted or updated). */
  const writes = () => (changes.get() as { n: number }).n;
  const stored = (userId: string) => (sqlite.prepare('SELECT language, updated_at AS at FROM member_languages WHERE guild_id = ? AND user_id = ?').get(G1, userId) as { language: string; at: number } | undefined);
  /** Another process (or a restart) wrote this member's language. */
  const elsewhere = (userId: string, language: Language) => sqlite.prepare('UPDATE member_languages SET language = ? WHERE guild_id = ? AND user_id = ?').run(language, G1, userId);
  const member = (k: number) => String(200000000000000000n + BigInt(k));
  return { languages, clock, writes, stored, elsewhere, member };
}

describe('remembering the language a member used', () => {
  it('a member who speaks the same language again writes nothing, also after more members than the bound came between', () => {
    const { languages, clock, writes, stored, member } = world(3);
    languages.remember(actor(U.ana), 'es');
    const first = stored(U.ana);
    const before = writes();
    clock.advance(5 * 60_000);
    for (let i = 0; i < 3; i++) languages.remember(actor(U.ana), 'es');
    expect(writes()).toBe(before);
    for (let k = 0; k < 10; k++) languages.remember(actor(member(k)), 'en');
    expect(writes()).toBe(before + 10);
    // Ana is no longer in memory: the stored row says she speaks Spanish, so nothing is written.
    languages.remember(actor(U.ana), 'es');
    expect(writes()).toBe(before + 10);
    expect(stored(U.ana)).toEqual(first);
  });

  it('a changed language is written once, in memory or not', () => {
    const { languages, clock, writes, stored, member } = world(3);
    languages.remember(actor(U.ana), 'es');
    const before = writes();
    clock.advance(5 * 60_000);
    for (let i = 0; i < 3; i++) languages.remember(actor(U.ana), 'fr');
    expect(writes()).toBe(before + 1);
    expect(stored(U.ana)).toEqual({ language: 'fr', at: clock.now().getTime() });
    for (let k = 0; k < 5; k++) languages.remember(actor(member(k)), 'en');
    const later = writes();
    for (let i = 0; i < 3; i++) languages.remember(actor(U.ana), 'en');
    expect(writes()).toBe(later + 1);
    expect(stored(U.ana)?.language).toBe('en');
  });

  it('keeps at most the bound in memory, letting go of the member seen longest ago', () => {
    const { languages, writes, elsewhere, stored, member } = world(100);
    for (let k = 0; k < 1000; k++) languages.remember(actor(member(k)), 'es');
    // Every stored row now says French: a member still in memory is trusted (no write), one let go is read (a write).
    for (let k = 0; k < 1000; k++) elsewhere(member(k), 'fr');
    const before = writes();
    for (let k = 999; k >= 0; k--) languages.remember(actor(member(k)), 'es');
    expect(writes() - before).toBe(900);
    expect([stored(member(999))?.language, stored(member(900))?.language, stored(member(899))?.language, stored(member(0))?.language]).toEqual(['fr', 'fr', 'es', 'es']);
  });

  it('a member seen again is kept over one seen before them', () => {
    const { languages, writes, elsewhere } = world(2);
    languages.remember(actor(U.ana), 'es');
    languages.remember(actor(U.ben), 'es');
    languages.remember(actor(U.ana), 'es');
    languages.remember(actor(U.cat), 'es');
    elsewhere(U.ana, 'fr');
    elsewhere(U.ben, 'fr');
    const before = writes();
    languages.remember(actor(U.ana), 'es');
    expect(writes()).toBe(before);
    languages.remember(actor(U.ben), 'es');
    expect(writes()).toBe(before + 1);
  });
});
