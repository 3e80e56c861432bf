// Builds the proposals feature over one repo: life cycle, voting and the decision register as named services,
// with its jobs' data (deadline, reminder), its monthly-update section and its privacy part (a member's votes).
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Db } from '../db/open.js';
import type { RulesService } from '../rules/rules.service.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createDecisionsService } from './decisions.service.js';
import { createProposalDraftsRepo } from './drafts.repo.js';
import type { AgendaPort, SpacesPort, StandingPort } from './ports.js';
import { proposalsJobData } from './proposals.jobs.js';
import { createProposalsRepo } from './proposals.repo.js';
import { createProposalsService } from './proposals.service.js';
import { createProposalsUpdateSection } from './proposals.update-section.js';
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

export function createProposalsFeature(deps: ProposalFeatureDeps) {
  const repo = createProposalsRepo(deps.db);
  const drafts = createProposalDraftsRepo(deps.db);
  const transaction = <T>(work: () => T): T => deps.db.transaction(() => work());
  const proposals = createProposalsService({ ...deps, repo, drafts, transaction });
  const votes = createVotesService({ repo, drafts, clock: deps.clock, transaction });
  const decisions = createDecisionsService({ repo });
  return defineFeature({
    services: { proposals, votes, decisions },
    jobs: proposalsJobData({ proposals, votes, alliances: deps.alliances }),
    updateSections: [createProposalsUpdateSection({ proposals, decisions })],
    privacy: [{ feature: 'proposals', order: 50, forget: (guildId: string, userId: string) => votes.forgetMember(guildId, userId) }],
  });
}
