// Builds a skills service on a fresh migrated database with a manual clock, plus actors for tests.
import { createJobsRepo } from '../../../src/jobs/jobs.repo.js';
import type { Actor } from '../../../src/shared/actor.js';
import { manualClock } from '../../../src/shared/clock.js';
import { DomainError } from '../../../src/shared/errors.js';
import type { Locality } from '../../../src/skills/match.rules.js';
import { createSkillsRepo } from '../../../src/skills/skills.repo.js';
import { createSkillsService } from '../../../src/skills/skills.service.js';
import { freshDb } from '../../support/db.js';

export const G1 = '900000000000000001';
export const G2 = '900000000000000002';
export const U = {
  ana: '100000000000000001',
  ben: '100000000000000002',
  cat: '100000000000000003',
  dan: '100000000000000004',
  eve: '100000000000000005',
  fox: '100000000000000006',
  gus: '100000000000000007',
  hal: '100000000000000008',
} as const;

/** The DomainError a call throws, so tests can look at its kind and fields. */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

export function actor(userId: string, guildId = G1, isOrganizer = false): Actor {
  return { guildId, userId, isOrganizer, roleIds: [] };
}

export function setup(options: { start?: string; timezone?: string; locality?: (guildId: string, userId: string) => Locality | null } = {}) {
  const open = freshDb();
  const clock = manualClock(options.start ?? '2026-03-10T09:00:00Z');
  const jobs = createJobsRepo(open.db);
  const deps = {
    db: open.db,
    repo: createSkillsRepo(open.db),
    jobs,
    clock,
    timezone: () => options.timezone ?? 'UTC',
    locality: options.locality,
  };
  const skills = createSkillsService(deps);
  /** A second service on the same database: another process, as far as the first one's cache knows. */
  const otherProcess = () => createSkillsService({ ...deps, repo: createSkillsRepo(open.db) });
  const count = (table: string) => (open.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...open, clock, jobs, skills, otherProcess, count };
}
