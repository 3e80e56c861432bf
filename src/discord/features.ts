// The explicit list of feature wirings (no folder scanning: the compiler sees the set). One line per feature.
import type { FeatureWiring } from './feature-wiring.js';
import { backupsWiring } from './wiring/backups.js';
import { directoryWiring } from './wiring/directory.js';
import { duesWiring } from './dues/wiring.js';
import { meetingsWiring } from './wiring/meetings.js';
import { proposalsWiring } from './wiring/proposals.js';
import { rhythmWiring } from './wiring/rhythm.js';
import { skillsWiring } from './wiring/skills.js';

export const features: FeatureWiring[] = [rhythmWiring, meetingsWiring, skillsWiring, proposalsWiring, directoryWiring, duesWiring, backupsWiring];
