// The shape of bench/results/latest.json (and the committed bench/last-run.json).
import type { Memory } from './child.js';
import type { GrowthResult, LatencyResult, ThroughputResult } from './phases.js';
import type { Scale } from './scale.js';

export interface MemoryTimeline {
  /** Right after READY (bot: commands in sync). */
  ready: Memory;
  /** After the latency runs: caches warm, the baseline of the leak check. */
  warm: Memory;
  /** After `interactionsSinceReady` interactions in all (the last `interactionsSinceWarm` of them after `warm`). */
  after: Memory;
  interactionsSinceReady: number;
  interactionsSinceWarm: number;
}

export interface LatencyRow extends LatencyResult {
  kind: 'interaction' | 'effect';
}

export interface Results {
  meta: {
    date: string;
    mode: Scale['mode'];
    node: string;
    discordJs: string;
    platform: string;
    cpu: string;
    cores: number;
    memoryGB: number;
    /** Node flags the bot ran with (npm start's, plus any tried with --bot-node-flags). */
    botNodeFlags: string[];
    /** 1-minute load average at the start and at the end of the run (other work on the machine). */
    load: [number, number];
    commit: string;
    seconds: number;
    seedSeconds: number;
    scale: Scale;
  };
  floor: {
    startupMs: number;
    startupCpuMs: number;
    latency: LatencyResult;
    /** The leak burst doubles as the floor's throughput with the same number in flight. */
    throughput: ThroughputResult;
    memory: MemoryTimeline;
  };
  bot: {
    startup: {
      freshMs: number;
      seededFirstMs: number;
      existingMs: number[];
      existingMedianMs: number;
      /** CPU ms used until ready: fresh, seeded first start, existing (median). */
      cpuMs: { fresh: number; seededFirst: number; existing: number };
    };
    latency: LatencyRow[];
    throughput: ThroughputResult;
    memory: MemoryTimeline;
  };
  growth: GrowthResult[];
  targets: TargetResult[];
}

export interface TargetResult {
  target: string;
  value: string;
  pass: boolean;
}
