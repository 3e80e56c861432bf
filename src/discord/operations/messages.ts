// Every sentence of the doctor and of backup notices, by message key: each problem with its fix in one sentence,
// for /alliance doctor (Markdown, in the organizer's language) and `npm run doctor` (plain lines, English).
import { BACKUP_JOB_KIND } from '../../backups/backups.service.js';
import type { ChannelRole, Finding } from '../../doctor/doctor.rules.js';
import type { Job } from '../../jobs/jobs.repo.js';
import { sayIn, type Say } from '../../i18n/translate.js';
import type { Language } from '../../shared/languages.js';

/** "Send Messages, Embed Links and Manage Messages" from PermissionFlagsBits names (Discord's English names, as its settings show them to everyone), joined in the reader's language. */
export function permissionList(names: readonly string[], language: Language = 'en'): string {
  const words = names.map((name) => name.replace(/([a-z])([A-Z])/g, '$1 $2'));
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(words);
}

const CHANNEL_OPTION: Record<ChannelRole, string> = {
  announcements: 'announcements',
  organizers: 'organizers-channel',
  proposals: 'proposals-channel',
  meetings: 'meetings-channel',
};

/** Job kinds in words (a select over what they are); an unknown kind says what it is generically. */
function jobWhat(kind: string): string {
  if (kind === BACKUP_JOB_KIND) return 'backup';
  if (kind.startsWith('rhythm.')) return 'rhythm';
  if (kind.startsWith('meeting')) return 'meeting';
  if (kind === 'action-reminder') return 'action';
  if (kind.startsWith('proposal')) return 'proposal';
  if (kind.startsWith('skill')) return 'skill';
  if (kind.startsWith('scheduler.')) return 'notice';
  return 'other';
}

const lastError = (error: string) => error.slice(0, 200);
const commandList = (names: readonly string[]) => names.map((n) => `/${n}`).join(', ');

/** One finding as a problem and its fix, in `say`'s language (the CLI passes English). */
export function describeFinding(finding: Finding, say: Say = sayIn('en'), language: Language = 'en'): { problem: string; fix: string } {
  switch (finding.code) {
    case 'login':
      return { problem: say('doctor.login.problem'), fix: finding.reason };
    case 'commands-missing':
      return { problem: say('doctor.commandsMissing.problem', { count: finding.names.length, names: commandList(finding.names) }), fix: say('doctor.commandsMissing.fix') };
    case 'commands-extra':
      return { problem: say('doctor.commandsExtra.problem', { count: finding.names.length, names: commandList(finding.names) }), fix: say('doctor.commandsExtra.fix') };
    case 'commands-other-scope':
      return { problem: say('doctor.commandsOtherScope.problem', { count: finding.count, scope: finding.scope }), fix: say('doctor.commandsOtherScope.fix') };
    case 'database-damaged':
      return { problem: say('doctor.databaseDamaged.problem', { detail: finding.detail.slice(0, 300) }), fix: say('doctor.databaseDamaged.fix') };
    case 'backups-off':
      return { problem: say('doctor.backupsOff.problem'), fix: say('doctor.backupsOff.fix') };
    case 'backup-never':
      return { problem: say('doctor.backupNever.problem'), fix: say('doctor.backupNever.fix') };
    case 'backup-old':
      return { problem: say('doctor.backupOld.problem', { days: finding.days }), fix: say('doctor.backupFix') };
    case 'bot-gone':
      return { problem: say('doctor.botGone.problem'), fix: say('doctor.botGone.fix') };
    case 'no-announcements':
      return { problem: say('doctor.noAnnouncements.problem'), fix: say('doctor.noAnnouncements.fix') };
    case 'channel-gone':
      return { problem: say('doctor.channelGone.problem', { role: finding.role }), fix: say('doctor.channelGone.fix', { option: CHANNEL_OPTION[finding.role] }) };
    case 'channel-permissions': {
      const missing = permissionList(finding.missing, language);
      return { problem: say('doctor.channelPermissions.problem', { channel: finding.channel, role: finding.role, missing }), fix: say('doctor.channelPermissions.fix', { channel: finding.channel, missing }) };
    }
    case 'server-permissions': {
      const missing = permissionList(finding.missing, language);
      return { problem: say('doctor.serverPermissions.problem', { missing }), fix: say('doctor.serverPermissions.fix', { missing }) };
    }
    case 'organizer-role-gone':
      return { problem: say('doctor.organizerRoleGone.problem'), fix: say('doctor.organizerRoleGone.fix') };
    case 'job-failing':
      return {
        problem: finding.error
          ? say('doctor.jobFailing.problemWithError', { what: jobWhat(finding.kind), count: finding.attempts, error: lastError(finding.error) })
          : say('doctor.jobFailing.problem', { what: jobWhat(finding.kind), count: finding.attempts }),
        fix: finding.kind === BACKUP_JOB_KIND ? say('doctor.backupFix') : say('doctor.jobFailing.fix'),
      };
    case 'job-failed':
      return {
        problem: finding.error
          ? say('doctor.jobFailed.problemWithError', { what: jobWhat(finding.kind), error: lastError(finding.error) })
          : say('doctor.jobFailed.problem', { what: jobWhat(finding.kind) }),
        fix: finding.kind === BACKUP_JOB_KIND ? say('doctor.backupFix') : say('doctor.jobFailed.fix'),
      };
    case 'no-database':
      return { problem: say('doctor.noDatabase.problem', { path: finding.path }), fix: say('doctor.noDatabase.fix') };
    case 'migrations-pending':
      return { problem: say('doctor.migrationsPending.problem', { count: finding.count }), fix: say('doctor.migrationsPending.fix') };
    case 'stray-guild-commands':
      return { problem: say('doctor.strayGuildCommands.problem', { count: finding.count }), fix: say('doctor.strayGuildCommands.fix') };
  }
}

/** The doctor's frame (title, summary lines) in `say`'s language. */
export function doctorText(say: Say = sayIn('en')) {
  return {
    title: say('doctor.title'),
    allGood: say('doctor.allGood'),
    problems: (count: number) => say('doctor.problems', { count }),
    bot: say('doctor.bot'),
    database: (bytes: number) => say('doctor.database', { megabytes: Math.round(bytes / 104_857.6) / 10 }),
    lastBackup: (unixSeconds: number | null, plain: boolean) =>
      unixSeconds === null ? say('doctor.lastBackup.none') : say('doctor.lastBackup.at', { when: plain ? new Date(unixSeconds * 1000).toISOString() : `<t:${unixSeconds}:F>` }),
    moreHint: say('doctor.moreHint'),
  };
}

/** The notice organizers of the first alliance get once when the daily backup failed for good; null for other jobs. */
export function backupFailureNotice(job: Job, error: string, say: Say = sayIn('en')): { title: string; text: string } | null {
  if (job.kind !== BACKUP_JOB_KIND) return null;
  return { title: say('doctor.backupFailed.title'), text: say('doctor.backupFailed.text', { attempts: job.attempts, error }) };
}
