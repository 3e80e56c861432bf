// Which language to write to a member who is not in an interaction (an introduction, a match notice, a reminder,
// a lead by DM): the one of their last answered command, button or form (Discord sends a locale only with an
// interaction). Remembered per alliance; unknown until then (the alliance's language is used).
import type { Db } from '../db/open.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { isLanguage, type Language } from '../shared/languages.js';
import { createRecentMap } from '../shared/recent-map.js';
import { createMemberLanguagesRepo } from './member-languages.repo.js';

/**
 * Members whose language this process keeps in memory, the least recently seen let go first. Each costs ~90 bytes
 * (its key, a string over the guild and user ids, and its map entry), ~180 when the ids are not also held by
 * discord.js (measured with 100,000). A member not kept costs one read of the stored row (its primary key), never a
 * write unless their language changed, so the bound only needs the members active lately: 2,000 (~0.2-0.4 MB; with
 * 10,000, the bench's 10,002 members filled it during its throughput run, after its warm reading).
 */
export const KNOWN_MAX = 2_000;

/** `knownMax`: the bound above (a test makes it small). */
export function createMemberLanguages(deps: { db: Db; clock: Clock; knownMax?: number }) {
  const repo = createMemberLanguagesRepo(deps.db);
  const knownMax = deps.knownMax ?? KNOWN_MAX;
  // What this process last wrote or read, the least recently seen let go first:
  // a member running commands all day costs one write, not one per command.
  const known = createRecentMap<string, Language>(knownMax);
  const cacheKey = (guildId: string, userId: string) => `${guildId}:${userId}`;

  function remember(actor: Actor, language: Language): void {
    const key = cacheKey(actor.guildId, actor.userId);
    const kept = known.get(key);
    // Not in memory (new here, or let go since): the stored row decides, so a member seen again after more than
    // `knownMax` others costs a read, not a write. More members than the bound is the usual case of a big bot.
    const current = kept ?? repo.get(actor.guildId, actor.userId);
    if (current !== language) repo.save({ guildId: actor.guildId, userId: actor.userId, language, updatedAt: deps.clock.now().getTime() });
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
