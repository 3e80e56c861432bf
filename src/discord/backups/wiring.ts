// Scheduled backups in the bot's life cycle: the daily job's handler (it logs the copy the feature's job data wrote)
// and its planner. A failure is retried by the scheduler, then told once to the organizers of the first alliance
// (see failure-notice.ts).
import { BACKUP_JOB_KIND } from '../../backups/backups.service.js';
import { isSkipped } from '../../jobs/job-handler.js';
import type { FeatureWiring } from '../feature-wiring.js';

export const backupsWiring: FeatureWiring = {
  name: 'backups',
  order: 70,
  jobHandlers: (ctx) => ({
    [BACKUP_JOB_KIND]: async (job) => {
      const run = await ctx.services.jobData[BACKUP_JOB_KIND](job);
      if (isSkipped(run)) return run;
      ctx.logger.info({ file: run.file, pages: run.pages, rotated: run.rotated.length }, 'scheduled backup written');
      return { file: run.file, rotated: run.rotated };
    },
  }),
  planners: (ctx) => [(now) => ctx.services.backups.plan(now)],
};
