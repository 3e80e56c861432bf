// The rhythm feature in the bot's life cycle: its job handlers (monthly update, Coworking Day reminders and week
// announcement) posting through the poster in each alliance's language, and its planner run on every scheduler tick.
import type { FeatureWiring } from '../feature-wiring.js';
import { writerFor } from './posts.js';
import { publishWith } from './render.js';

export const rhythmWiring: FeatureWiring = {
  name: 'rhythm',
  jobHandlers: (ctx) => ctx.services.rhythm.jobHandlers(publishWith(ctx.poster), writerFor(ctx.client, (guildId) => ctx.services.alliances.settings(guildId))),
  planners: (ctx) => [(now) => ctx.services.rhythm.plan(now)],
};
