// The explicit list of feature wirings (no folder scanning: the compiler sees the set). One line per feature.
import type { FeatureWiring } from './feature-wiring.js';
import { proposalsWiring } from './wiring/proposals.js';

export const features: FeatureWiring[] = [proposalsWiring];
