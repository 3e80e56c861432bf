// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { Db } from './db/open.js';
import { createDirectory } from './directory/directory.js';
import { directoryUpdateSection } from './directory/directory.update-section.js';
import type { Clock } from './shared/clock.js';
import { createMeetingsFeature } from './meetings/meetings.feature.js';
import { createMeetingsUpdateSection } from './meetings/meetings.update-section.js';
import { createJobsRepo } from './scheduler/jobs.repo.js';
import type { AgendaPort, SpacesPort } from './proposals/ports.js';
import { createProposalFeature } from './proposals/proposals.module.js';
import { createProposalsUpdateSection } from './proposals/proposals.update-section.js';
import { createRulesRepo } from './rules/rules.repo.js';
import { createRulesService } from './rules/rules.service.js';
import { createRhythmRepo } from './rhythm/rhythm.repo.js';
import { createRhythmService } from './rhythm/rhythm.service.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  /** Stand-ins for the directory's spaces and the meetings' agenda as the proposals feature sees them (tests). */
  spaces?: SpacesPort;
  agenda?: AgendaPort;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  const directory = createDirectory({ db, clock, alliances });
  const { meetings, ideas } = createMeetingsFeature({ db, clock, jobs, alliances });
  const rules = createRulesService({ repo: createRulesRepo(db), clock });
  const { proposals, votes, decisions } = createProposalFeature({
    db, clock, rules, alliances, jobs, spaces: deps.spaces ?? directory, agenda: deps.agenda ?? meetings,
  });
  // Each feature's section of the monthly update, in one list.
  const sections = [
    directoryUpdateSection(directory),
    createMeetingsUpdateSection({ meetings, ideas }),
    createProposalsUpdateSection({ proposals, decisions }),
  ];
  const rhythm = createRhythmService({ repo: createRhythmRepo(db), jobs, alliances, clock, sections, directory });
  return { jobs, alliances, directory, rhythm, meetings, ideas, rules, proposals, votes, decisions };
}

export type Services = ReturnType<typeof createServices>;
