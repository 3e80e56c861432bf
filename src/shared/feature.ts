// The one composition contract: what every feature's `<feature>.feature.ts` factory returns to services.ts.
import type { JobDataFunction } from '../jobs/job-handler.js';
import type { JobKind } from '../jobs/job-kinds.js';
import type { UpdateSectionProvider } from './update-section.js';

/** A feature that stores personal data and can forget a member of one alliance (its part of /privacy delete). */
export interface MemberDataOwner {
  feature: string;
  forget(guildId: string, userId: string): Record<string, unknown>;
}

/** A feature's part of /privacy: its place among the others (lower first: deletion order) says where it runs. */
export interface PrivacyPart extends MemberDataOwner {
  order: number;
}

/** A feature's job data functions, by the job kinds it plans (each declared by the feature with `jobKind`, src/jobs/job-kinds.ts). */
export type FeatureJobs = { readonly [K in JobKind]?: JobDataFunction<unknown> };

/**
 * What a feature hands the composition root (src/shared/compose.ts). `services` holds named services (each built by
 * its own factory, never merged by object spread), which become the handlers' services by those names; `jobs`,
 * `privacy` and `updateSections` are gathered from every feature (the scheduler's handlers, /privacy and the monthly
 * update), so a feature joins them without services.ts naming its parts.
 */
export interface Feature<S extends Record<string, object>, J extends FeatureJobs = FeatureJobs> {
  services: S;
  /**
   * Its job kinds' data functions: given a due job row, what to post and to whom, or a skip. The Discord handler
   * of the kind (src/discord/<feature>/) only renders and posts what it is given.
   */
  jobs?: J;
  /** Its part of /privacy delete: one entry per kind of personal data it keeps, each with its place. */
  privacy?: readonly PrivacyPart[];
  /** Its sections of the monthly update (ordered by their own `order`, not by this list). */
  updateSections?: readonly UpdateSectionProvider[];
}

/** Checks a feature factory's result against the contract while keeping its services' and jobs' own types. */
export function defineFeature<S extends Record<string, object>, J extends FeatureJobs = Record<never, never>>(feature: Feature<S, J>): Feature<S, J> {
  return feature;
}
