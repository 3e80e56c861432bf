// The feature wirings, found by their folders: every src/discord/<feature>/wiring.ts exports one FeatureWiring,
// checked at start-up (src/discord/discover.ts: exactly one, named like its folder), in its own `order`. A new
// feature's wiring is a new file in its folder and no line here.
import { discover } from './discover.js';
import { featureWiringShape, type FeatureWiring } from './feature-wiring.js';

export const features: readonly FeatureWiring[] = await discover(import.meta.url, { what: 'feature wiring', inFolders: 'wiring', shape: featureWiringShape, nameOf: (wiring) => wiring.name, order: (wiring) => wiring.order });
