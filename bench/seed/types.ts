// What a feature plugs into the bench: a seeder for the large alliance, the interactions measured against the
// floor, and the domain queries whose growth is measured. One file per feature, listed in seed/index.ts.
import type Database from 'better-sqlite3';
import type { Db } from '../../src/db/open.js';
import type { Services } from '../../src/services.js';
import type { Actor } from '../../src/shared/actor.js';
import type { Clock } from '../../src/shared/clock.js';
import type { Driver, GuildHandle, TestBed } from '../../src/testbed/index.js';
import type { Scale } from '../scale.js';

/** Ids the seeders and interactions share (a seeder records what it made; an interaction reads it). */
export type BenchState = Record<string, unknown>;

export interface SeedContext {
  db: Db;
  sqlite: Database.Database;
  services: Services;
  clock: Clock;
  guild: GuildHandle;
  /** The owner acting as an organizer (Manage Server). */
  organizer: Actor;
  /** Plain member ids (scale.members of them). */
  members: readonly string[];
  scale: Scale;
  state: BenchState;
}

export interface BenchContext {
  bed: TestBed;
  driver: Driver;
  guild: GuildHandle;
  /** Plain member ids; interactions rotate through them so the bot meets many different members. */
  members: readonly string[];
  /** Member for the i-th run. */
  member(i: number): string;
  organizerId: string;
  scale: Scale;
  state: BenchState;
  /** A read-only connection to the bot's database file, for effects that are not interaction responses (votes). */
  readDb(): Database.Database;
}

/**
 * One measured action. `send` resolves when the answer arrived and throws on a wrong one. Its return value says how
 * it was timed: nothing → the bed's dispatch → initial response of the interaction it sent; `{ interactionId }` → that
 * interaction's (when send needs a preparatory one); a number → milliseconds it timed itself (e.g. reaction → stored vote).
 */
export interface Measured {
  name: string;
  send(ctx: BenchContext, i: number): Promise<void | number | { interactionId: string }>;
  /** 'interaction' (default): a command, autocomplete or component, held to the floor targets. 'effect': a
   * self-timed outcome that is not an interaction (reaction → stored vote): shown beside the floor, no target. */
  kind?: 'interaction' | 'effect';
  /** Part of the throughput mix (default: true for interactions, never for effects). */
  inMix?: boolean;
  /** One-time preparation before the runs (e.g. post the message whose button is clicked). */
  prepare?(ctx: BenchContext): Promise<void>;
}

/**
 * Domain queries measured in-process as their table grows. One probe fills one fresh, migrated in-memory database
 * (rows may be written in bulk: the fill is set-up, not what is measured) and times each of its queries at every size.
 */
export interface GrowthProbe {
  /** What grows, e.g. "approved spaces". */
  rows: string;
  start(ctx: { db: Db; sqlite: Database.Database; services: Services; clock: Clock }): GrowthSubject | Promise<GrowthSubject>;
}

export interface GrowthSubject {
  /** Adds rows until there are n (sizes only grow). */
  fillTo(n: number): void | Promise<void>;
  queries: GrowthQuery[];
}

export interface GrowthQuery {
  name: string;
  /** 'log': the target (at most logarithmic growth); 'report': shown without a target. */
  target: 'log' | 'report';
  /** One call through the service; i varies the input. */
  run(i: number): unknown;
  /**
   * Before each call, untimed: e.g. a real write that moves what the service remembers answers by, so that the call
   * answers its question for the first time as it would after any edit (the bench's "first ask").
   */
  before?(i: number): void;
}

export interface BenchFeature {
  name: string;
  seed?(ctx: SeedContext): void | Promise<void>;
  interactions: Measured[];
  growth?: GrowthProbe[];
}
