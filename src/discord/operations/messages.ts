// Every sentence of the doctor and of backup notices, in one place: each problem with its fix in one sentence,
// for /alliance doctor (Markdown) and `npm run doctor` (plain lines).
import { BACKUP_JOB_KIND } from '../../backups/backups.service.js';
import type { ChannelRole, Finding } from '../../doctor/doctor.rules.js';
import type { Job } from '../../jobs/jobs.repo.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Send Messages, Embed Links and Manage Messages" from PermissionFlagsBits names. */
export function permissionList(names: readonly string[]): string {
  const words = names.map((name) => name.replace(/([a-z])([A-Z])/g, '$1 $2'));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const CHANNEL_OPTION: Record<ChannelRole, string> = {
  announcements: 'announcements',
  organizers: 'organizers-channel',
  proposals: 'proposals-channel',
  meetings: 'meetings-channel',
};

/** Job kinds in words; an unknown kind says what it is generically. */
function jobName(kind: string): string {
  if (kind === BACKUP_JOB_KIND) return 'The daily backup';
  if (kind.startsWith('rhythm.')) return 'A monthly update or Coworking Day post';
  if (kind.startsWith('meeting')) return 'A meeting post';
  if (kind === 'action-reminder') return 'An action item reminder';
  if (kind.startsWith('proposal')) return 'A proposal deadline or reminder';
  if (kind.startsWith('skill')) return 'A skill-share post';
  if (kind.startsWith('scheduler.')) return 'A notice to organizers about a failed post';
  return 'A scheduled post';
}

const BACKUP_FIX = 'On the bot\'s machine, check that BACKUP_DIR exists, is writable by the bot and has free space; the log says more under "scheduled job failed".';

const lastError = (error: string | null) => (error ? ` (last error: ${error.slice(0, 200)})` : '');

export function describeFinding(finding: Finding): { problem: string; fix: string } {
  switch (finding.code) {
    case 'login':
      return { problem: 'Discord refused the bot.', fix: finding.reason };
    case 'commands-missing':
      return {
        problem: `${plural(finding.names.length, 'command is', 'commands are')} not registered with Discord: ${finding.names.map((n) => `/${n}`).join(', ')}.`,
        fix: 'Run `npm run deploy-commands` (or restart the bot) to register them.',
      };
    case 'commands-extra':
      return {
        problem: `Discord still lists ${plural(finding.names.length, 'command', 'commands')} this version does not have: ${finding.names.map((n) => `/${n}`).join(', ')}.`,
        fix: 'Run `npm run deploy-commands` to replace the registered set with this version\'s.',
      };
    case 'commands-other-scope':
      return {
        problem: `${plural(finding.count, 'command is', 'commands are')} still registered ${finding.scope === 'global' ? 'globally' : 'to a single server'} as well, so members may see every command twice.`,
        fix: 'Run `npm run deploy-commands`: it registers to the scope DISCORD_GUILD_ID says and clears the other one.',
      };
    case 'database-damaged':
      return {
        problem: `The database failed its integrity check (${finding.detail.slice(0, 300)}).`,
        fix: 'Stop the bot and restore the latest backup (README → Data and backups).',
      };
    case 'backups-off':
      return { problem: 'Scheduled backups are off.', fix: 'Set BACKUP_DIR in .env (e.g. ./data/backups) and restart the bot.' };
    case 'backup-never':
      return { problem: 'No scheduled backup has been written yet.', fix: 'Leave the bot running past BACKUP_AT, or check the log for "scheduled job failed" if it already was.' };
    case 'backup-old':
      return { problem: `The last backup is ${plural(finding.days, 'day', 'days')} old.`, fix: BACKUP_FIX };
    case 'bot-gone':
      return { problem: 'I am no longer in this server.', fix: 'Invite me again with the link from README → Run it for real, or ignore this if the alliance has moved on.' };
    case 'no-announcements':
      return { problem: 'No announcements channel is set.', fix: 'Run `/alliance setup announcements:` with the channel for public posts.' };
    case 'channel-gone':
      return {
        problem: `The ${finding.role} channel set in /alliance setup no longer exists (or I cannot see it).`,
        fix: `Pick a channel with \`/alliance setup ${CHANNEL_OPTION[finding.role]}:\`, or give me View Channel there.`,
      };
    case 'channel-permissions':
      return {
        problem: `In #${finding.channel} (the ${finding.role} channel) I am missing ${permissionList(finding.missing)}.`,
        fix: `Edit #${finding.channel} → Permissions and allow ${permissionList(finding.missing)} for my role.`,
      };
    case 'server-permissions':
      return {
        problem: `I am missing ${permissionList(finding.missing)} in this server, so meetings cannot become Discord events.`,
        fix: `Server Settings → Roles → my role: allow ${permissionList(finding.missing)}.`,
      };
    case 'organizer-role-gone':
      return { problem: 'The organizer role set in /alliance setup no longer exists.', fix: 'Pick a role with `/alliance setup organizer-role:`.' };
    case 'job-failing':
      return {
        problem: `${jobName(finding.kind)} has failed ${plural(finding.attempts, 'time', 'times')} and is being retried${lastError(finding.error)}.`,
        fix: finding.kind === BACKUP_JOB_KIND ? BACKUP_FIX : 'Fix the permissions listed above if any; otherwise look in the log for "scheduled job failed".',
      };
    case 'job-failed':
      return {
        problem: `${jobName(finding.kind)} failed for good this week${lastError(finding.error)}.`,
        fix: finding.kind === BACKUP_JOB_KIND ? BACKUP_FIX : 'Fix what the error says; a monthly update can be posted again with `/updates post-now`.',
      };
    case 'no-database':
      return { problem: `There is no database at ${finding.path}.`, fix: 'Check DATABASE_PATH in .env, or start the bot once to create it.' };
    case 'migrations-pending':
      return {
        problem: `The database is ${plural(finding.count, 'upgrade', 'upgrades')} behind this version of the bot.`,
        fix: 'Start the bot: it copies the database, then upgrades it; run the doctor again after.',
      };
    case 'stray-guild-commands':
      return {
        problem: `${plural(finding.count, 'command is', 'commands are')} also registered to this server while I register globally, so members may see every command twice.`,
        fix: 'Run `npm run deploy-commands`: it clears the commands of the scope no longer used.',
      };
  }
}

export const DOCTOR_TEXT = {
  title: '🩺 Alliance bot doctor',
  allGood: '✅ Everything checked is fine.',
  problems: (n: number) => `Found ${plural(n, 'problem', 'problems')}.`,
  bot: 'The bot',
  database: (bytes: number) => `Database: ${(bytes / 1_048_576).toFixed(1)} MB, integrity ok.`,
  lastBackup: (unixSeconds: number | null, plain: boolean) =>
    unixSeconds === null ? 'Last backup: none yet.' : plain ? `Last backup: ${new Date(unixSeconds * 1000).toISOString()}.` : `Last backup: <t:${unixSeconds}:F>.`,
};

/** The notice organizers of the first alliance get once when the daily backup failed for good; null for other jobs. */
export function backupFailureNotice(job: Job, error: string): { title: string; text: string } | null {
  if (job.kind !== BACKUP_JOB_KIND) return null;
  return {
    title: '⚠️ The daily backup failed',
    text:
      `The daily backup of the bot's database could not be written after ${plural(job.attempts, 'attempt', 'attempts')} (${error}). ` +
      'Whoever runs the bot: check that BACKUP_DIR exists, is writable and has free space; `npm run doctor` shows the state of backups.',
  };
}
