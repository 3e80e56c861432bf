// The rhythm feature in the bot's life cycle: its job handlers (monthly update, Coworking Day reminders and week
// announcement) posting through the poster, and its planner run on every scheduler tick.
import type { FeatureWiring } from '../feature-wiring.js';
import { publishWith } from './render.js';

export const rhythmWiring: FeatureWiring = {
  name: 'rhythm',
  jobHandlers: (ctx) => ctx.services.rhythm.jobHandlers(publishWith(ctx.poster)),
  planners: (ctx) => [(now) => ctx.services.rhythm.plan(now)],
};
