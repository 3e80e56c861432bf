// Which language to write to a member who is not in an interaction (an introduction, a match notice, a reminder,
// a lead by DM): the one of their last answered command, button or form (Discord sends a locale only with an
// interaction). Remembered per alliance; unknown until then (the alliance's language is used).
import type { Db } from '../db/open.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { isLanguage, type Language } from '../shared/languages.js';
import { createMemberLanguagesRepo } from './member-languages.repo.js';

/** Members whose language this process remembers writing (a few hundred KB at most). */
const KNOWN_MAX = 10_000;

export function createMemberLanguages(deps: { db: Db; clock: Clock }) {
  const repo = createMemberLanguagesRepo(deps.db);
  // What this process last wrote: a member running commands all day costs one write, not one per command.
  const known = new Map<string, Language>();
  const cacheKey = (guildId: string, userId: string) => `${guildId}:${userId}`;

  function remember(actor: Actor, language: Language): void {
    const key = cacheKey(actor.guildId, actor.userId);
    if (known.get(key) === language) return;
    repo.save({ guildId: actor.guildId, userId: actor.userId, language, updatedAt: deps.clock.now().getTime() });
    // Bounded: past it, members are written once more each rather than the map growing with every member seen.
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, language);
  }

  /** The member's language, or null when they never had an answer from the bot here. */
  function languageOf(guildId: string, userId: string): Language | null {
    const stored = repo.get(guildId, userId);
    return isLanguage(stored) ? stored : null;
  }

  function forget(guildId: string, userId: string): void {
    repo.forget(guildId, userId);
    known.delete(cacheKey(guildId, userId));
  }

  return { remember, languageOf, forget };
}

export type MemberLanguages = ReturnType<typeof createMemberLanguages>;
