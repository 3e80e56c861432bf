// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { Db } from './db/open.js';
import type { Clock } from './shared/clock.js';
import { createJobsRepo } from './scheduler/jobs.repo.js';
import type { AgendaPort, SpacesPort } from './proposals/ports.js';
import { createProposalFeature } from './proposals/proposals.module.js';
import { createRulesRepo } from './rules/rules.repo.js';
import { createRulesService } from './rules/rules.service.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  /** Other features' read models the proposals feature uses (wired at merge). */
  spaces?: SpacesPort;
  agenda?: AgendaPort;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  const rules = createRulesService({ repo: createRulesRepo(db), clock });
  const { proposals, votes, decisions } = createProposalFeature({ db, clock, rules, alliances, jobs, spaces: deps.spaces, agenda: deps.agenda });
  return { jobs, alliances, rules, proposals, votes, decisions };
}

export type Services = ReturnType<typeof createServices>;
