// The registry: every feature the bench seeds and measures, in seeding order. A feature that lands on main adds
// bench/seed/<feature>.ts (seeder + measured interactions + growth probes) and one line here.
import { alliance } from './alliance.js';
import { directory } from './directory.js';
import { meetings } from './meetings.js';
import { proposals } from './proposals.js';
import { skills } from './skills.js';
import type { BenchFeature } from './types.js';

export const features: BenchFeature[] = [alliance, directory, meetings, proposals, skills];
