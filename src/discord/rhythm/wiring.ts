// The rhythm feature in the bot's life cycle: its job handlers (monthly update, Coworking Day reminders and week
// announcement: the feature's job data written in each alliance's language and posted through the poster), and its
// planner run on every scheduler tick.
import type { FeatureWiring } from '../feature-wiring.js';
import { rhythmJobHandlers } from './jobs.js';
import { writerFor } from './posts.js';
import { publishWith } from './render.js';

export const rhythmWiring: FeatureWiring = {
  name: 'rhythm',
  order: 10,
  jobHandlers: (ctx) => rhythmJobHandlers(ctx.services.jobData, publishWith(ctx.poster), writerFor(ctx.client, (guildId) => ctx.services.alliances.settings(guildId))),
  planners: (ctx) => [(now) => ctx.services.rhythm.plan(now)],
};
