// The doctor's decisions, pure: from facts gathered about the bot, its database and each alliance's server, the list
// of problems (each with what to do, worded in src/discord/operations/messages.ts). Exit code 1 when any.
import { DAY } from '../shared/clock.js';

export const CHANNEL_ROLES = ['announcements', 'organizers', 'proposals', 'meetings'] as const;
export type ChannelRole = (typeof CHANNEL_ROLES)[number];

/** Permission names (discord.js PermissionFlagsBits keys) the bot needs in each kind of channel it posts to. */
export const NEEDED_IN_CHANNEL: Record<ChannelRole, readonly string[]> = {
  announcements: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
  organizers: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
  // Votes are reactions the bot adds and removes when invalid; each proposal gets a thread it locks when decided.
  proposals: ['ViewChannel', 'SendMessages', 'EmbedLinks', 'AddReactions', 'ReadMessageHistory', 'ManageMessages', 'CreatePublicThreads', 'SendMessagesInThreads', 'ManageThreads'],
  meetings: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
};

/** Server-wide: meetings become scheduled events. */
export const NEEDED_IN_SERVER: readonly string[] = ['CreateEvents', 'ManageEvents'];

/** A backup older than this means the daily one has stopped happening. */
export const BACKUP_MAX_AGE_MS = 2 * DAY;

export interface ChannelFacts {
  role: ChannelRole;
  id: string;
  /** Null when the channel no longer exists (or the bot cannot see it at all). */
  name: string | null;
  missing: readonly string[];
}

export interface JobTrouble {
  kind: string;
  attempts: number;
  failed: boolean;
  lastError: string | null;
}

export interface AllianceFacts {
  guildId: string;
  name: string;
  /** False when the bot is no longer in that server. */
  present: boolean;
  announcementsSet: boolean;
  channels: readonly ChannelFacts[];
  /** Null when no organizer role is set. */
  organizerRole: { exists: boolean } | null;
  serverMissing: readonly string[];
  troubledJobs: readonly JobTrouble[];
  /** Commands registered in this server while the bot registers globally (members would see them twice). */
  strayGuildCommands: number;
}

export interface CommandFacts {
  scope: 'global' | 'server';
  missing: readonly string[];
  extra: readonly string[];
  /** Commands registered in the other scope (global while registering to one server): seen twice. */
  otherScope: number;
}

export interface BotFacts {
  /** Null when login worked; otherwise what Discord said, in words (token, intents). */
  loginProblem: string | null;
  commands: CommandFacts | null;
  database: { integrity: string; bytes: number };
  backups: { enabled: boolean; lastAt: number | null };
}

export type Finding =
  | { code: 'login'; reason: string }
  | { code: 'commands-missing'; names: readonly string[] }
  | { code: 'commands-extra'; names: readonly string[] }
  | { code: 'commands-other-scope'; count: number; scope: 'global' | 'server' }
  | { code: 'database-damaged'; detail: string }
  | { code: 'backups-off' }
  | { code: 'backup-never' }
  | { code: 'backup-old'; days: number }
  | { code: 'bot-gone' }
  | { code: 'no-announcements' }
  | { code: 'channel-gone'; role: ChannelRole }
  | { code: 'channel-permissions'; role: ChannelRole; channel: string; missing: readonly string[] }
  | { code: 'server-permissions'; missing: readonly string[] }
  | { code: 'organizer-role-gone' }
  | { code: 'job-failing'; kind: string; attempts: number; error: string | null }
  | { code: 'job-failed'; kind: string; error: string | null }
  | { code: 'stray-guild-commands'; count: number }
  | { code: 'no-database'; path: string }
  | { code: 'migrations-pending'; count: number };

export interface AllianceFindings {
  guildId: string;
  name: string;
  findings: Finding[];
}

export function diagnoseBot(facts: BotFacts, now: number): Finding[] {
  const findings: Finding[] = [];
  if (facts.loginProblem) findings.push({ code: 'login', reason: facts.loginProblem });
  const commands = facts.commands;
  if (commands) {
    if (commands.missing.length) findings.push({ code: 'commands-missing', names: commands.missing });
    if (commands.extra.length) findings.push({ code: 'commands-extra', names: commands.extra });
    if (commands.otherScope > 0) findings.push({ code: 'commands-other-scope', count: commands.otherScope, scope: commands.scope === 'server' ? 'global' : 'server' });
  }
  if (facts.database.integrity !== 'ok') findings.push({ code: 'database-damaged', detail: facts.database.integrity });
  if (!facts.backups.enabled) findings.push({ code: 'backups-off' });
  else if (facts.backups.lastAt === null) findings.push({ code: 'backup-never' });
  else if (now - facts.backups.lastAt > BACKUP_MAX_AGE_MS) findings.push({ code: 'backup-old', days: Math.floor((now - facts.backups.lastAt) / DAY) });
  return findings;
}

export function diagnoseAlliance(facts: AllianceFacts): Finding[] {
  if (!facts.present) return [{ code: 'bot-gone' }];
  const findings: Finding[] = [];
  if (!facts.announcementsSet) findings.push({ code: 'no-announcements' });
  for (const channel of facts.channels) {
    if (channel.name === null) findings.push({ code: 'channel-gone', role: channel.role });
    else if (channel.missing.length) findings.push({ code: 'channel-permissions', role: channel.role, channel: channel.name, missing: channel.missing });
  }
  if (facts.serverMissing.length) findings.push({ code: 'server-permissions', missing: facts.serverMissing });
  if (facts.organizerRole && !facts.organizerRole.exists) findings.push({ code: 'organizer-role-gone' });
  findings.push(...diagnoseJobs(facts.troubledJobs));
  if (facts.strayGuildCommands > 0) findings.push({ code: 'stray-guild-commands', count: facts.strayGuildCommands });
  return findings;
}

/** Scheduled jobs still retrying after repeated failures, or failed for good recently. */
export function diagnoseJobs(jobs: readonly JobTrouble[]): Finding[] {
  return jobs.map((job) =>
    job.failed ? { code: 'job-failed', kind: job.kind, error: job.lastError } : { code: 'job-failing', kind: job.kind, attempts: job.attempts, error: job.lastError },
  );
}

/** Names in the code but not registered, and registered but not in the code. */
export function compareCommands(expected: readonly string[], registered: readonly string[]): { missing: string[]; extra: string[] } {
  const have = new Set(registered);
  const want = new Set(expected);
  return { missing: expected.filter((name) => !have.has(name)).sort(), extra: registered.filter((name) => !want.has(name)).sort() };
}
