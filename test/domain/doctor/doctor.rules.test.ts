// The doctor's decisions as a table: which facts are problems, and that each problem has a fix to read.
import { describe, expect, it } from 'vitest';
import { compareCommands, diagnoseAlliance, diagnoseBot, type AllianceFacts, type BotFacts } from '../../../src/doctor/doctor.rules.js';
import { describeFinding } from '../../../src/discord/operations/messages.js';
import { DAY } from '../../../src/shared/clock.js';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const healthyBot: BotFacts = {
  loginProblem: null,
  commands: { scope: 'global', missing: [], extra: [], otherScope: 0 },
  database: { integrity: 'ok', bytes: 1024 },
  backups: { enabled: true, lastAt: NOW - DAY },
};
const healthyAlliance: AllianceFacts = {
  guildId: '1', name: 'A', present: true, announcementsSet: true,
  channels: [{ role: 'proposals', id: '2', name: 'proposals', missing: [] }],
  organizerRole: { exists: true }, serverMissing: [], troubledJobs: [], strayGuildCommands: 0,
};

describe('doctor rules', () => {
  it('finds nothing wrong with a healthy bot and alliance', () => {
    expect(diagnoseBot(healthyBot, NOW)).toEqual([]);
    expect(diagnoseAlliance(healthyAlliance)).toEqual([]);
  });

  it.each([
    [{ backups: { enabled: true, lastAt: NOW - 3 * DAY } }, { code: 'backup-old', days: 3 }],
    [{ backups: { enabled: true, lastAt: null } }, { code: 'backup-never' }],
    [{ backups: { enabled: false, lastAt: null } }, { code: 'backups-off' }],
    [{ database: { integrity: '*** in database main *** Page 5 is never used', bytes: 1 } }, { code: 'database-damaged', detail: '*** in database main *** Page 5 is never used' }],
    [{ commands: { scope: 'server', missing: [], extra: [], otherScope: 17 } }, { code: 'commands-other-scope', count: 17, scope: 'global' }],
    [{ commands: { scope: 'global', missing: ['help'], extra: [], otherScope: 0 } }, { code: 'commands-missing', names: ['help'] }],
    [{ loginProblem: 'Discord refused the token (DISCORD_TOKEN).' }, { code: 'login', reason: 'Discord refused the token (DISCORD_TOKEN).' }],
  ] as [Partial<BotFacts>, object][])('bot facts %o are the problem %o', (change, finding) => {
    expect(diagnoseBot({ ...healthyBot, ...change }, NOW)).toEqual([finding]);
  });

  it('a backup a day and a half old is not yet a problem', () => {
    expect(diagnoseBot({ ...healthyBot, backups: { enabled: true, lastAt: NOW - 1.5 * DAY } }, NOW)).toEqual([]);
  });

  it.each([
    [{ present: false }, { code: 'bot-gone' }],
    [{ announcementsSet: false }, { code: 'no-announcements' }],
    [{ organizerRole: { exists: false } }, { code: 'organizer-role-gone' }],
    [{ organizerRole: null }, null],
    [{ serverMissing: ['CreateEvents'] }, { code: 'server-permissions', missing: ['CreateEvents'] }],
    [{ strayGuildCommands: 3 }, { code: 'stray-guild-commands', count: 3 }],
    [{ troubledJobs: [{ kind: 'rhythm.monthly', attempts: 5, failed: true, lastError: 'Missing Access' }] }, { code: 'job-failed', kind: 'rhythm.monthly', error: 'Missing Access' }],
  ] as [Partial<AllianceFacts>, object | null][])('alliance facts %o are the problem %o', (change, finding) => {
    expect(diagnoseAlliance({ ...healthyAlliance, ...change })).toEqual(finding ? [finding] : []);
  });

  it('compares the commands in the code with those registered, both ways', () => {
    expect(compareCommands(['alliance', 'help', 'space'], ['space', 'old', 'alliance'])).toEqual({ missing: ['help'], extra: ['old'] });
  });

  it('every kind of problem reads as a sentence with a one-sentence fix, with correct plurals', () => {
    const one = describeFinding({ code: 'commands-missing', names: ['help'] });
    const two = describeFinding({ code: 'commands-missing', names: ['help', 'space'] });
    expect(one.problem).toBe('1 command is not registered with Discord: /help.');
    expect(two.problem).toBe('2 commands are not registered with Discord: /help, /space.');
    expect(describeFinding({ code: 'backup-old', days: 1 }).problem).toBe('The last backup is 1 day old.');
    for (const finding of [
      { code: 'backups-off' }, { code: 'backup-never' }, { code: 'bot-gone' }, { code: 'no-announcements' }, { code: 'organizer-role-gone' },
      { code: 'channel-gone', role: 'organizers' }, { code: 'server-permissions', missing: ['CreateEvents', 'ManageEvents'] },
      { code: 'database-damaged', detail: 'x' }, { code: 'stray-guild-commands', count: 1 }, { code: 'commands-other-scope', count: 2, scope: 'global' },
      { code: 'job-failing', kind: 'meeting-agenda', attempts: 2, error: null },
    ] as const) {
      const { problem, fix } = describeFinding(finding);
      expect(problem, finding.code).toMatch(/^\S.*[.)]$/);
      expect(fix, finding.code).toMatch(/^\S.*[.`]$/);
    }
    expect(describeFinding({ code: 'server-permissions', missing: ['CreateEvents', 'ManageEvents'] }).problem).toContain('Create Events and Manage Events');
  });
});
