// What skill-share's scheduled jobs need from the domain: each returns null when the job has nothing left to
// do (entry removed or renewed, member opted out or hidden), so the handler skips it.
import type { MatchEntry } from './match.rules.js';
import type { SkillsContext } from './skills.context.js';

/** Data the scheduled jobs need, or null when the job has nothing left to do (removed, renewed, opted out). */
export function jobUseCases(ctx: SkillsContext) {
  const { repo } = ctx;
  return {
    needReminder(guildId: string, entryId: number, expiresAt: number): { userId: string; entry: MatchEntry } | null {
      const row = repo.entry(guildId, entryId);
      if (!row || row.expiresAt !== expiresAt) return null;
      const index = ctx.index(guildId);
      if (index.prefsOf(row.userId).remindersOff) return null;
      const entry = index.entriesOf(row.userId).find((candidate) => candidate.id === entryId);
      return entry ? { userId: row.userId, entry } : null;
    },

    /** Removes a need whose time has come (unless it was renewed since the job was planned). */
    expireNeed(guildId: string, entryId: number, expiresAt: number): MatchEntry | null {
      const row = repo.entry(guildId, entryId);
      if (!row || row.expiresAt !== expiresAt || expiresAt > ctx.now()) return null;
      const entry = ctx.index(guildId).entriesOf(row.userId).find((candidate) => candidate.id === entryId) ?? null;
      ctx.write(guildId, () => repo.deleteEntry(guildId, entryId), (index) => index.remove(entryId));
      return entry;
    },

    /** What to tell the older entry's owner about a new matching entry. */
    matchNotice(guildId: string, noticeId: number): { toUserId: string; yours: MatchEntry; theirs: MatchEntry } | null {
      const notice = repo.notice(guildId, noticeId);
      if (!notice) return null;
      const index = ctx.index(guildId);
      const yours = index.entriesOf(notice.olderUserId).find((entry) => entry.id === notice.olderEntryId);
      const theirs = index.entriesOf(notice.newerUserId).find((entry) => entry.id === notice.newerEntryId);
      if (!yours || !theirs || index.isHidden(notice.olderUserId) || index.isHidden(notice.newerUserId)) return null;
      return { toUserId: notice.olderUserId, yours, theirs };
    },

    suggestion(guildId: string, skillKey: string) {
      return repo.suggestion(guildId, skillKey);
    },

    /** The new skills of one daily digest (members who deleted their data are gone from it). */
    suggestionDigest(guildId: string, window: { from: number; to: number }) {
      return repo.suggestionsBetween(guildId, window.from, window.to);
    },
  };
}
