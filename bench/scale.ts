// How big the full bench and the seconds-long smoke run are: same code paths, different counts.

export interface Scale {
  mode: 'full' | 'smoke';
  /** Plain members added to the guild (besides the owner and the organizer). */
  members: number;
  /** The large alliance the issue describes; each feature's seeder reads its own count. */
  spaces: number;
  skillEntries: number;
  meetings: number;
  proposals: number;
  votes: number;
  /** Measured runs per interaction (after `warmup` unmeasured ones). */
  latencyRuns: number;
  warmup: number;
  throughputSeconds: number;
  inFlight: number;
  /** Interactions between the two memory readings of the leak check. */
  leakInteractions: number;
  growthSizes: number[];
  /** Restarts on the existing database for the start-up median. */
  startupRepeats: number;
}

export const FULL: Scale = {
  mode: 'full',
  members: 10_000,
  spaces: 10_000,
  skillEntries: 50_000,
  meetings: 200,
  proposals: 500,
  votes: 20_000,
  latencyRuns: 1_000,
  warmup: 100,
  throughputSeconds: 30,
  inFlight: 50,
  leakInteractions: 20_000,
  growthSizes: [100, 1_000, 10_000, 100_000],
  startupRepeats: 3,
};

export const SMOKE: Scale = {
  mode: 'smoke',
  members: 200,
  spaces: 50,
  skillEntries: 200,
  meetings: 5,
  proposals: 5,
  votes: 50,
  latencyRuns: 20,
  warmup: 5,
  throughputSeconds: 1,
  inFlight: 10,
  leakInteractions: 100,
  growthSizes: [10, 100],
  startupRepeats: 1,
};
