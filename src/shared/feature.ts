// The one composition contract: what every feature's `<feature>.feature.ts` factory returns to services.ts.
import type { JobDataFunction } from '../jobs/job-handler.js';
import type { JobKind } from '../jobs/job-kinds.js';
import type { UpdateSectionProvider } from './update-section.js';

/** A feature that stores personal data and can forget a member of one alliance (its part of /privacy delete). */
export interface MemberDataOwner {
  feature: string;
  forget(guildId: string, userId: string): Record<string, unknown>;
}

/** A feature's job data functions, by the job kinds it plans (src/jobs/job-kinds.ts). */
export type FeatureJobs = { readonly [K in JobKind]?: JobDataFunction<unknown> };

/**
 * What a feature hands the composition root. `services` holds named services (each built by its own factory,
 * never merged by object spread), which services.ts lists one by one; `jobs`, `privacy` and `updateSections` are
 * gathered from every feature (the scheduler's handlers, /privacy and the monthly update), so a feature joins
 * them without services.ts naming its parts.
 */
export interface Feature<S extends Record<string, object>, J extends FeatureJobs = FeatureJobs> {
  services: S;
  /**
   * Its job kinds' data functions: given a due job row, what to post and to whom, or a skip. The Discord handler
   * of the kind (src/discord/<feature>/) only renders and posts what it is given.
   */
  jobs?: J;
  /** Its part of /privacy export|delete: one entry per kind of personal data it keeps. */
  privacy?: readonly MemberDataOwner[];
  /** Its sections of the monthly update (ordered by their own `order`, not by this list). */
  updateSections?: readonly UpdateSectionProvider[];
}

/** Checks a feature factory's result against the contract while keeping its services' and jobs' own types. */
export function defineFeature<S extends Record<string, object>, J extends FeatureJobs = Record<never, never>>(feature: Feature<S, J>): Feature<S, J> {
  return feature;
}

type AnyFeature = Feature<Record<string, object>, FeatureJobs>;

/** Every privacy part of the given features, in the order given. */
export function privacyParts(features: readonly AnyFeature[]): MemberDataOwner[] {
  return features.flatMap((feature) => feature.privacy ?? []);
}

/** Every monthly-update section of the given features. */
export function updateSections(features: readonly AnyFeature[]): UpdateSectionProvider[] {
  return features.flatMap((feature) => feature.updateSections ?? []);
}

type JobsOf<F> = F extends Feature<Record<string, object>, infer J> ? J : never;
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (all: infer I) => void ? I : never;

/** Every job data function of the given features, by kind, typed as each feature declared it. */
export type GatheredJobs<F extends readonly AnyFeature[]> = Intersection<JobsOf<F[number]>>;

/**
 * Every job data function of the given features, by kind. Two features claiming one kind is a wiring mistake that
 * would silently drop one of them, so it throws at start-up.
 */
export function jobDataOf<const F extends readonly AnyFeature[]>(features: F): GatheredJobs<F> {
  const gathered: Partial<Record<JobKind, JobDataFunction<unknown>>> = {};
  for (const feature of features) {
    for (const [kind, data] of Object.entries(feature.jobs ?? {}) as [JobKind, JobDataFunction<unknown>][]) {
      if (gathered[kind]) throw new Error(`two features give data for the job kind ${kind}`);
      gathered[kind] = data;
    }
  }
  return gathered as GatheredJobs<F>;
}
