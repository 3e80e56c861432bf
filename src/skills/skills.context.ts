// What the skill-share use cases share: dependencies, the per-guild match index kept in step with the
// database, the one write path (transaction + version bump), input parsing and the scheduled job keys.
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { jobKind } from '../jobs/job-kinds.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import { invalidFields } from '../shared/errors.js';
import { issueProblem } from '../shared/validate.js';
import type { Locality } from './match.rules.js';
import { GuildSkillIndex } from './skills.index.js';
import type { SkillsRepo } from './skills.repo.js';
import { LIMITS } from './skills.rules.js';
import { CUSTOM_PREFIX } from './taxonomy.rules.js';

export interface SkillsServiceDeps {
  db: Db;
  repo: SkillsRepo;
  jobs: JobsRepo;
  clock: Clock;
  /** The alliance's IANA time zone (reminders go out at 10:00 there). */
  timezone(guildId: string): string;
  /** Directory data when that feature is present: a member's space and city. Matching works without it. */
  locality?: ((guildId: string, userId: string) => Locality | null) | undefined;
  /**
   * The same for many members at once (members without a place may be left out). Ranking needs the place of
   * every person near the cut-off, often hundreds: one lookup each took ~1 ms (seconds-long tails at 50,000 entries).
   */
  localities?: ((guildId: string, userIds: readonly string[]) => ReadonlyMap<string, Locality | null>) | undefined;
  /**
   * A number that moves whenever any member's place may have changed. When given, places found are kept between
   * requests while it stays put: a match asks for the places of hundreds of people near its cut-off, and reading
   * them again every time was the largest part of a match for members who have a space.
   */
  placesVersion?: ((guildId: string) => number) | undefined;
}

/** A member → place lookup for one request, memoized; `prefetch` loads many members in one bulk call. */
export interface LocalityLookup {
  (userId: string): Locality | null;
  prefetch(userIds: readonly string[]): void;
}

/** Scheduled job kinds skill-share creates (its own: named here, nowhere else); skills.jobs.ts gives each one's data. */
export const SKILL_JOBS = {
  needReminder: jobKind('skills.need-reminder'),
  needExpiry: jobKind('skills.need-expiry'),
  matchNotice: jobKind('skills.match-notice'),
  introFollowup: jobKind('skills.intro-followup'),
  /** One post per skill: only jobs scheduled before the daily digest existed still run it. */
  suggestion: jobKind('skills.suggestion'),
  suggestionDigest: jobKind('skills.suggestion-digest'),
} as const;

/** Every job about one need shares this prefix, so removing or renewing it cancels them in one call. */
export const needJobPrefix = (entryId: number) => `skills:need:${entryId}:`;

const MAX_PLACES_KEPT = 100_000;

export function createSkillsContext(deps: SkillsServiceDeps) {
  const { db, repo } = deps;
  const indexes = new Map<string, GuildSkillIndex>();
  /** Places found per guild, valid while its places version stays put. */
  const places = new Map<string, { version: number; found: Map<string, Locality | null> }>();

  /** The remembered places of a guild (a fresh map when places may have changed, or when none can be kept). */
  function placesOf(guildId: string): Map<string, Locality | null> {
    if (!deps.placesVersion) return new Map();
    const version = deps.placesVersion(guildId);
    let known = places.get(guildId);
    // Bounded: an alliance has at most this many members worth remembering before it starts again.
    if (!known || known.version !== version || known.found.size > MAX_PLACES_KEPT) {
      known = { version, found: new Map() };
      places.set(guildId, known);
    }
    return known.found;
  }

  /** The guild's index, rebuilt when the version row says someone else wrote since it was built. */
  function index(guildId: string): GuildSkillIndex {
    const version = repo.version(guildId);
    let current = indexes.get(guildId);
    if (!current || current.version !== version) {
      current = new GuildSkillIndex(version, repo.allEntries(guildId), repo.allPrefs(guildId));
      indexes.set(guildId, current);
    }
    return current;
  }

  /**
   * Runs `change` in one transaction with a version bump, then lets `apply` move the cached index along;
   * if the cache was already behind, it is dropped and rebuilt on next read instead.
   */
  function write<T>(guildId: string, change: () => T, apply?: (index: GuildSkillIndex, result: T) => void): T {
    const { result, version } = db.transaction(() => ({ result: change(), version: repo.bumpVersion(guildId) }));
    const cached = indexes.get(guildId);
    if (cached && cached.version === version - 1 && apply) {
      apply(cached, result);
      cached.version = version;
    } else {
      indexes.delete(guildId);
    }
    return result;
  }

  function locality(guildId: string): LocalityLookup | undefined {
    const lookup = deps.locality;
    if (!lookup) return undefined;
    const bulk = deps.localities;
    const memo = placesOf(guildId);
    const locate = (userId: string) => {
      let place = memo.get(userId);
      if (place === undefined) memo.set(userId, (place = lookup(guildId, userId)));
      return place;
    };
    // Called with hundreds of members per match, nearly all of them known once places are kept: only those missing
    // are gathered (once each).
    locate.prefetch = (userIds: readonly string[]) => {
      if (!bulk) return;
      const missing = new Set<string>();
      for (const userId of userIds) if (!memo.has(userId)) missing.add(userId);
      if (missing.size === 0) return;
      const found = bulk(guildId, [...missing]);
      for (const userId of missing) memo.set(userId, found.get(userId) ?? null);
    };
    return locate;
  }

  return { ...deps, index, write, locality, now: () => deps.clock.now().getTime() };
}

export type SkillsContext = ReturnType<typeof createSkillsContext>;

/** Parses input with a zod schema; every problem is reported at once under the option name the member used. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidFields(parsed.error.issues.map((issue) => issueProblem(issue, String(issue.path[0] ?? 'input'))));
}

const bare = (text: string) => (text.startsWith(CUSTOM_PREFIX) ? text.slice(CUSTOM_PREFIX.length) : text);
const length = (text: string) => [...text].length;

/** A skill as typed or picked from autocomplete (`custom:<text>` values count without their prefix). */
export const skillField = z
  .string()
  .trim()
  .refine((text) => bare(text).trim().length > 0, { message: 'validation.empty', abort: true })
  .refine((text) => length(bare(text).trim()) >= LIMITS.skillMin, { message: 'validation.tooShort', params: { limit: LIMITS.skillMin }, abort: true })
  .refine((text) => length(bare(text)) <= LIMITS.skillMax, { message: 'validation.tooLong', params: { limit: LIMITS.skillMax } });

export const noteField = z
  .string()
  .trim()
  .refine((text) => length(text) <= LIMITS.noteMax, { message: 'validation.tooLong', params: { limit: LIMITS.noteMax } })
  .nullish()
  .transform((text) => (text ? text : null));

