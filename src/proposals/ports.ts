// What the proposals feature needs from other features, injected (directory spaces, meeting agenda items) so
// neither side imports the other; and what it needs to know about the guild's people from the adapter.
import { jobKind } from '../jobs/job-kinds.js';
import type { MessageRef } from '../shared/errors.js';

export interface SpacesPort {
  approvedSpaces(guildId: string): { id: number; name: string; hostUserIds: string[] }[];
}

/** The dues feature's view of which member spaces are in good standing today (voters:spaces-in-good-standing). */
export interface StandingPort {
  spacesInGoodStanding(guildId: string): Set<number>;
}

export interface AgendaPort {
  agendaItemsForProposal(guildId: string, query: string, limit?: number): { id: number; label: string }[];
  agendaItem(guildId: string, itemId: number): { id: number; topic: string; meetingId: number; meetingTitle: string } | null;
  /** The decision as a sentence by key (stored as data, said in the reader's language when read). */
  recordItemDecision(guildId: string, itemId: number, decision: MessageRef): void;
}

/** The guild's human members as the adapter fetched them when the proposal opens (bots already left out). */
export interface GuildPeople {
  humans: { id: string; roleIds: readonly string[] }[];
}

export const CLOSE_JOB = jobKind('proposal-close');
export const REMINDER_JOB = jobKind('proposal-reminder');
export const closeJobKey = (proposalId: number) => `${CLOSE_JOB}:${proposalId}`;
export const reminderJobKey = (proposalId: number) => `${REMINDER_JOB}:${proposalId}`;
