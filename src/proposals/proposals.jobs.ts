// The proposals feature's job data: at the deadline, the closed proposal to announce; a day before, who to remind
// (and how to mark the reminder sent once it is out); or why the job is skipped. Its Discord handlers post.
import type { AlliancesService } from '../alliances/alliances.service.js';
import { skipJob } from '../jobs/job-handler.js';
import type { Job } from '../jobs/jobs.repo.js';
import { isDomainError } from '../shared/errors.js';
import { CLOSE_JOB, REMINDER_JOB } from './ports.js';
import type { ClosedProposal, ProposalsService } from './proposals.service.js';
import type { VotesService } from './votes.service.js';

/** The job's proposal id, or null for a payload without one (the job is then skipped). */
export function proposalIdOf(job: Pick<Job, 'payload'>): number | null {
  const id = Number(job.payload.proposalId);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function proposalsJobData(deps: {
  proposals: Pick<ProposalsService, 'get' | 'close'>;
  votes: Pick<VotesService, 'reminder' | 'markReminderSent'>;
  alliances: Pick<AlliancesService, 'settings'>;
}) {
  return {
    /** Closes the proposal (unless a retry finds it closed already: publishing again is safe, posts carry nonces). */
    [CLOSE_JOB]: (job: Job) => {
      const id = proposalIdOf(job);
      if (id === null) return skipJob('job without a proposal id');
      const proposal = deps.proposals.get(job.guildId, id);
      if (proposal.status === 'withdrawn') return skipJob('proposal was withdrawn');
      const closed: ClosedProposal =
        proposal.status === 'open'
          ? deps.proposals.close(job.guildId, id, null)
          : { proposal, announcementsChannelId: deps.alliances.settings(job.guildId).announcementsChannelId, agendaUpdated: null };
      return closed;
    },

    [REMINDER_JOB]: (job: Job) => {
      const id = proposalIdOf(job);
      if (id === null) return skipJob('job without a proposal id');
      let info;
      try {
        info = deps.votes.reminder(job.guildId, id);
      } catch (error) {
        if (isDomainError(error)) return skipJob(error.message);
        throw error;
      }
      if (!info) return skipJob('proposal closed or already reminded');
      return { ...info, sent: () => deps.votes.markReminderSent(job.guildId, id) };
    },
  };
}
