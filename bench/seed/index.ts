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
  { feature: 'directory', name: '/directory search (text + filters)', how: 'seeded (seed/directory.ts): approved spaces; search a common word with a city/amenity filter as a member' },
  { feature: 'directory', name: '/directory near', how: 'near a seeded city; spaces spread over ~200 cities' },
  { feature: 'directory', name: 'autocomplete: space name', how: 'autocomplete on the space option with 2-4 typed letters' },
  { feature: 'directory', name: 'button: next page', how: 'prepare: one /directory search; then click its next-page button (timing by the click\'s interactionId)' },
  { feature: 'proposals', name: '/proposal show', how: 'on main since 489dcac, seeder not written yet: seed 500 proposals with 20,000 votes; show one with many votes' },
  { feature: 'proposals', name: 'reaction vote → stored', how: 'driver.react on an open proposal\'s message; self-timed until the vote row is in the DB file (untilStored on ctx.readDb())' },
];
