// The job contract (#15): each feature names its own job kinds (`jobKind(...)` where it keeps its keys) and gives
// their data in its <feature>.feature.ts; no list of kinds exists, so the kinds are read from the features' source
// and checked against the composed job data. A data function answers a due job row with what to post or a skip.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_NOTICE_KIND, isSkipped } from '../../../src/jobs/job-handler.js';
import { jobKind } from '../../../src/jobs/job-kinds.js';
import type { Job } from '../../../src/jobs/jobs.repo.js';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { BACKUP_JOB_KIND } from '../../../src/backups/backups.service.js';
import { DUE_SOON_JOB, OVERDUE_JOB } from '../../../src/dues/dues.ports.js';
import { ACTION_REMINDER_JOB, MEETING_AGENDA_JOB, MEETING_START_JOB } from '../../../src/meetings/meeting-jobs.rules.js';
import { CLOSE_JOB, REMINDER_JOB } from '../../../src/proposals/ports.js';
import { ICD_REMINDER_KIND, ICD_WEEK_KIND, MONTHLY_KIND } from '../../../src/rhythm/due.rules.js';
import { SKILL_JOBS } from '../../../src/skills/skills.context.js';
import { freshDb } from '../../support/db.js';

const G = '300000000000000001';
const SRC = join(import.meta.dirname, '../../../src');

function dueJob(kind: string, payload: Record<string, unknown>): Job {
  return { id: 1, guildId: G, key: `${kind}:test`, kind, dueAt: 0, expiresAt: null, payload, status: 'running', attempts: 1, nextAttemptAt: null, lastError: null, result: null, finishedAt: null };
}

function sourceFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [{ file: relative(SRC, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

/** The kinds the sources declare with `jobKind('...')` (src/jobs only says how), and every problem with them. */
function declaredKinds(files: readonly { file: string; text: string }[], withData: readonly string[]) {
  const kinds = new Map<string, string>();
  const problems: string[] = [];
  for (const { file, text } of files) {
    if (file.startsWith('jobs/')) continue;
    for (const [, argument] of text.matchAll(/\bjobKind\(([^)]*)\)/g)) {
      const literal = /^'([^']+)'$/.exec(argument!.trim());
      if (!literal) problems.push(`${file}: jobKind(${argument}) is not named by a string literal`);
      else if (kinds.has(literal[1]!)) problems.push(`${literal[1]}: declared in ${kinds.get(literal[1]!)} and ${file}`);
      else kinds.set(literal[1]!, file);
    }
  }
  for (const [kind, file] of kinds) if (!withData.includes(kind)) problems.push(`${kind}: declared in ${file} but no feature gives its data`);
  for (const kind of withData) if (!kinds.has(kind)) problems.push(`${kind}: given data but declared by no feature with jobKind`);
  return { kinds: [...kinds.keys()], problems };
}

describe('job kinds and the features that give their data', () => {
  const services = createServices({ db: freshDb().db, clock: manualClock('2026-11-24T15:00:00Z') });
  const withData = Object.keys(services.jobData);

  it('every kind a feature declares has a data function in the composed features, and every data function a declared kind', () => {
    const { kinds, problems } = declaredKinds(sourceFiles(SRC), withData);
    expect(problems).toEqual([]);
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of withData) expect(typeof services.jobData[kind as keyof typeof services.jobData], kind).toBe('function');
  });

  it('a kind declared and planned by a feature but given no data is found, as is one named in a way the check cannot read', () => {
    const planted = [
      { file: 'ghosts/ghosts.rules.ts', text: "export const GHOST_JOB = jobKind('ghosts.haunt');" },
      { file: 'ghosts/ghosts.keys.ts', text: 'export const KIND = jobKind(name);' },
    ];
    expect(declaredKinds(planted, []).problems).toEqual([
      'ghosts/ghosts.keys.ts: jobKind(name) is not named by a string literal',
      'ghosts.haunt: declared in ghosts/ghosts.rules.ts but no feature gives its data',
    ]);
  });

  it('the kind names stored in scheduled_jobs are the ones earlier versions planned, byte for byte', () => {
    expect([MEETING_AGENDA_JOB, MEETING_START_JOB, ACTION_REMINDER_JOB, CLOSE_JOB, REMINDER_JOB, ...Object.values(SKILL_JOBS), MONTHLY_KIND, ICD_REMINDER_KIND, ICD_WEEK_KIND, DUE_SOON_JOB, OVERDUE_JOB, BACKUP_JOB_KIND]).toEqual([
      'meeting-agenda', 'meeting-start', 'action-reminder', 'proposal-close', 'proposal-reminder',
      'skills.need-reminder', 'skills.need-expiry', 'skills.match-notice', 'skills.intro-followup', 'skills.suggestion', 'skills.suggestion-digest',
      'rhythm.monthly', 'rhythm.icd-reminder', 'rhythm.icd-week', 'dues-due-soon', 'dues-overdue', 'backups.daily',
    ]);
    expect([...withData].sort()).toEqual([
      'action-reminder', 'backups.daily', 'dues-due-soon', 'dues-overdue', 'meeting-agenda', 'meeting-start', 'proposal-close', 'proposal-reminder',
      'rhythm.icd-reminder', 'rhythm.icd-week', 'rhythm.monthly', 'skills.intro-followup', 'skills.match-notice', 'skills.need-expiry',
      'skills.need-reminder', 'skills.suggestion', 'skills.suggestion-digest',
    ]);
  });

  it("a kind's name is lowercase words joined by dots or hyphens, and never the scheduler's failure notice", () => {
    expect(jobKind('skills.need-reminder')).toBe('skills.need-reminder');
    expect(() => jobKind('Skills Need')).toThrow('is not lowercase words joined by dots or hyphens');
    expect(() => jobKind(FAILURE_NOTICE_KIND)).toThrow("is the scheduler's own failure notice");
  });

  it('a monthly update job for a month that cannot be read is skipped by its data, with the reason kept', () => {
    const answer = services.jobData[MONTHLY_KIND](dueJob(MONTHLY_KIND, { period: 'soon' }));
    expect(isSkipped(answer) && answer.reason).toBe('bad period in payload: soon');
  });

  it('a proposal deadline without a proposal is skipped by its data, before anything is closed', () => {
    const answer = services.jobData[CLOSE_JOB](dueJob(CLOSE_JOB, {}));
    expect(isSkipped(answer) && answer.reason).toBe('job without a proposal id');
  });

  it("a dues reminder for a space the alliance does not have is skipped by its data", () => {
    const answer = services.jobData[OVERDUE_JOB](dueJob(OVERDUE_JOB, { spaceId: 42, dueOn: '2026-12-01' }));
    expect(isSkipped(answer) && answer.reason).toMatch(/no plan, space gone/);
  });

  it('a job whose payload is not what its planner writes fails (and is retried) rather than guessing', () => {
    expect(() => services.jobData[MEETING_AGENDA_JOB](dueJob(MEETING_AGENDA_JOB, { meetingId: 'x' }))).toThrow();
  });
});
