// The explicit list of feature wirings (no folder scanning: the compiler sees the set). One line per feature.
import type { FeatureWiring } from './feature-wiring.js';
import { backupsWiring } from './backups/wiring.js';
import { directoryWiring } from './directory/wiring.js';
import { duesWiring } from './dues/wiring.js';
import { meetingsWiring } from './meetings/wiring.js';
import { proposalsWiring } from './proposals/wiring.js';
import { rhythmWiring } from './rhythm/wiring.js';
import { skillsWiring } from './skills/wiring.js';

export const features: FeatureWiring[] = [rhythmWiring, meetingsWiring, skillsWiring, proposalsWiring, directoryWiring, duesWiring, backupsWiring];
