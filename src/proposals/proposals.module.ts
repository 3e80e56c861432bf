// Builds the proposal feature's services over one repo: life cycle, voting and the decision register.
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Db } from '../db/open.js';
import type { RulesService } from '../rules/rules.service.js';
import type { JobsRepo } from '../scheduler/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import { createDecisionsService } from './decisions.service.js';
import { createProposalDraftsRepo } from './drafts.repo.js';
import type { AgendaPort, SpacesPort, StandingPort } from './ports.js';
import { createProposalsRepo } from './proposals.repo.js';
import { createProposalsService } from './proposals.service.js';
import { createVotesService } from './votes.service.js';

export interface ProposalFeatureDeps {
  db: Db;
  clock: Clock;
  rules: RulesService;
  alliances: AlliancesService;
  jobs: JobsRepo;
  spaces?: SpacesPort;
  agenda?: AgendaPort;
  standing?: StandingPort;
}

export function createProposalFeature(deps: ProposalFeatureDeps) {
  const repo = createProposalsRepo(deps.db);
  const drafts = createProposalDraftsRepo(deps.db);
  const transaction = <T>(work: () => T): T => deps.db.transaction(() => work());
  return {
    proposals: createProposalsService({ ...deps, repo, drafts, transaction }),
    votes: createVotesService({ repo, drafts, clock: deps.clock, transaction }),
    decisions: createDecisionsService({ repo }),
  };
}
