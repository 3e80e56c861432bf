// The registry: every feature the bench seeds and measures, in seeding order. A feature that lands on main adds
// bench/seed/<feature>.ts (seeder + measured interactions + growth probes), one line here, and removes its rows
// from PENDING.
import { alliance } from './alliance.js';
import { directory } from './directory.js';
import { meetings } from './meetings.js';
import { skills } from './skills.js';
import type { BenchFeature, PendingInteraction } from './types.js';

export const features: BenchFeature[] = [alliance, directory, meetings, skills];

/** TODO: what the issue asks to measure once each feature is merged into main. */
export const PENDING: PendingInteraction[] = [
  { feature: 'proposals', name: '/proposal show', how: 'on main since 489dcac, seeder not written yet: seed 500 proposals with 20,000 votes; show one with many votes' },
  { feature: 'proposals', name: 'reaction vote → stored', how: 'driver.react on an open proposal\'s message; self-timed until the vote row is in the DB file (untilStored on ctx.readDb())' },
];
