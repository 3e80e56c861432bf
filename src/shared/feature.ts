// The one composition contract: what every feature's `<feature>.feature.ts` factory returns to services.ts.
import type { UpdateSectionProvider } from './update-section.js';

/** A feature that stores personal data and can forget a member of one alliance (its part of /privacy delete). */
export interface MemberDataOwner {
  feature: string;
  forget(guildId: string, userId: string): Record<string, unknown>;
}

/**
 * What a feature hands the composition root. `services` holds named services (each built by its own factory,
 * never merged by object spread), which services.ts lists one by one; `privacy` and `updateSections` are
 * gathered from every feature into /privacy and the monthly update, so a feature joins both without
 * services.ts naming its parts.
 */
export interface Feature<S extends Record<string, object>> {
  services: S;
  /** Its part of /privacy export|delete: one entry per kind of personal data it keeps. */
  privacy?: readonly MemberDataOwner[];
  /** Its sections of the monthly update (ordered by their own `order`, not by this list). */
  updateSections?: readonly UpdateSectionProvider[];
}

/** Checks a feature factory's result against the contract while keeping its services' own types. */
export function defineFeature<S extends Record<string, object>>(feature: Feature<S>): Feature<S> {
  return feature;
}

/** Every privacy part of the given features, in the order given. */
export function privacyParts(features: readonly Feature<Record<string, object>>[]): MemberDataOwner[] {
  return features.flatMap((feature) => feature.privacy ?? []);
}

/** Every monthly-update section of the given features. */
export function updateSections(features: readonly Feature<Record<string, object>>[]): UpdateSectionProvider[] {
  return features.flatMap((feature) => feature.updateSections ?? []);
}
