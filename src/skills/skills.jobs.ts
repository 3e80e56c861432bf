// What skill-share's scheduled jobs need from the domain: each use case returns null when the job has nothing left
// to do (entry removed or renewed, member opted out or hidden), and the job data functions turn that into a skip.
import { z } from 'zod';
import { skipJob } from '../jobs/job-handler.js';
import type { Job } from '../jobs/jobs.repo.js';
import type { MatchEntry } from './match.rules.js';
import { SKILL_JOBS, type SkillsContext } from './skills.context.js';
import type { Intro } from './intros.service.js';

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

const entryPayload = z.object({ entryId: z.number(), expiresAt: z.number() });
const noticePayload = z.object({ noticeId: z.number() });
const introPayload = z.object({ introId: z.number() });
const suggestionPayload = z.object({ skillKey: z.string() });
const digestPayload = z.object({ from: z.number(), to: z.number() });

export interface SkillsJobDeps {
  jobs: ReturnType<typeof jobUseCases>;
  introFollowup(guildId: string, introId: number): Intro | null;
  /** The alliance's IANA time zone (the reminder says the need's end day there). */
  timezone(guildId: string): string;
  /** Where suggestions for organizers go; null when the alliance has no organizers channel. */
  organizersChannel(guildId: string): string | null;
}

/** Skill-share's job data functions: for each due job, what to send to whom, or why it is skipped. */
export function skillsJobData(deps: SkillsJobDeps) {
  return {
    [SKILL_JOBS.needReminder]: (job: Job) => {
      const { entryId, expiresAt } = entryPayload.parse(job.payload);
      const due = deps.jobs.needReminder(job.guildId, entryId, expiresAt);
      if (!due) return skipJob('need removed, renewed or reminders turned off');
      return { ...due, timezone: deps.timezone(job.guildId) };
    },
    [SKILL_JOBS.needExpiry]: (job: Job) => {
      const { entryId, expiresAt } = entryPayload.parse(job.payload);
      return deps.jobs.expireNeed(job.guildId, entryId, expiresAt) ?? skipJob('need removed or renewed');
    },
    [SKILL_JOBS.matchNotice]: (job: Job) => deps.jobs.matchNotice(job.guildId, noticePayload.parse(job.payload).noticeId) ?? skipJob('entries gone or hidden'),
    [SKILL_JOBS.introFollowup]: (job: Job) => deps.introFollowup(job.guildId, introPayload.parse(job.payload).introId) ?? skipJob('introduction gone'),
    [SKILL_JOBS.suggestion]: (job: Job) => {
      const suggestion = deps.jobs.suggestion(job.guildId, suggestionPayload.parse(job.payload).skillKey);
      const channelId = deps.organizersChannel(job.guildId);
      if (!suggestion || !channelId) return skipJob('no suggestion or no organizers channel');
      return { suggestion, channelId };
    },
    [SKILL_JOBS.suggestionDigest]: (job: Job) => {
      const suggestions = deps.jobs.suggestionDigest(job.guildId, digestPayload.parse(job.payload));
      const channelId = deps.organizersChannel(job.guildId);
      if (!suggestions.length || !channelId) return skipJob('no new skills left or no organizers channel');
      return { suggestions, channelId };
    },
  };
}
