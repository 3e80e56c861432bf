// What the dues feature needs from other features, injected so neither side imports the other: the directory's
// approved member spaces with their hosts, and the alliance's time zone.
import { jobKind } from '../jobs/job-kinds.js';

export interface DuesSpace {
  id: number;
  name: string;
  hostUserIds: string[];
}

export interface DuesSpacesPort {
  approvedSpaces(guildId: string): DuesSpace[];
  /** The approved spaces a member hosts (a host's /dues status reads only these); else filtered from approvedSpaces. */
  spacesHostedBy?(guildId: string, userId: string): { id: number; name: string }[];
}

export const DUE_SOON_JOB = jobKind('dues-due-soon');
export const OVERDUE_JOB = jobKind('dues-overdue');
export type DuesReminderKind = typeof DUE_SOON_JOB | typeof OVERDUE_JOB;

/** One key per space and due day: at most one reminder of each kind per period, whatever restarts happen. */
export const reminderJobKey = (kind: DuesReminderKind, guildId: string, spaceId: number, dueOn: string) => `${kind}:${guildId}:${spaceId}:${dueOn}`;
export const reminderJobPrefix = (guildId: string, spaceId: number) => [`${DUE_SOON_JOB}:${guildId}:${spaceId}:`, `${OVERDUE_JOB}:${guildId}:${spaceId}:`];
