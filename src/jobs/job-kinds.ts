// Every kind of scheduled job the features plan, in one list on the ground floor: each gets its data from exactly one
// feature (`jobs` in its <feature>.feature.ts) and is run by exactly one Discord handler (test/domain/shared/job-kinds.test.ts
// and test/discord/job-handlers.test.ts hold both).
export const JOB_KINDS = {
  meetingAgenda: 'meeting-agenda',
  meetingStart: 'meeting-start',
  actionReminder: 'action-reminder',
  proposalClose: 'proposal-close',
  proposalReminder: 'proposal-reminder',
  skillsNeedReminder: 'skills.need-reminder',
  skillsNeedExpiry: 'skills.need-expiry',
  skillsMatchNotice: 'skills.match-notice',
  skillsIntroFollowup: 'skills.intro-followup',
  skillsSuggestion: 'skills.suggestion',
  skillsSuggestionDigest: 'skills.suggestion-digest',
  rhythmMonthly: 'rhythm.monthly',
  rhythmIcdReminder: 'rhythm.icd-reminder',
  rhythmIcdWeek: 'rhythm.icd-week',
  duesDueSoon: 'dues-due-soon',
  duesOverdue: 'dues-overdue',
  backupsDaily: 'backups.daily',
} as const;

/** A kind a feature plans (the scheduler's own failure notice, FAILURE_NOTICE_KIND, is not one). */
export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];

export const FEATURE_JOB_KINDS: readonly JobKind[] = Object.values(JOB_KINDS);
