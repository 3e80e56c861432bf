// The composition root's one tool: features added one call each, their named services typed and gathered without
// spreads (a name taken twice is refused), their job data, privacy parts and monthly-update sections collected.
import type { JobDataFunction } from '../jobs/job-handler.js';
import type { JobKind } from '../jobs/job-kinds.js';
import type { Feature, FeatureJobs, MemberDataOwner, PrivacyPart } from './feature.js';
import type { UpdateSectionProvider } from './update-section.js';

/**
 * What every feature brings to the features that gather it, read when used (after the last feature is added), so a
 * feature that gathers the others' parts can be added before some of them.
 */
export interface GatheredParts {
  /** Every privacy part, by each part's own `order` (equal orders: as the features were added). */
  privacy(): readonly MemberDataOwner[];
  /** Every monthly-update section (the rhythm orders them by their own `order`). */
  updateSections(): readonly UpdateSectionProvider[];
}

type Named = Record<string, object>;
/** Names already given: a feature whose services reuse one no longer fits `add`, and the compiler says why. */
type NewNames<T> = { readonly [K in keyof T]?: 'this service name is already given by an earlier feature' };
type Flat<T> = { [K in keyof T]: T[K] };

export interface Composer<T extends Named, J extends FeatureJobs> {
  /**
   * Adds a feature: `build` gets the services of the features added before it (and the parts gathered from every
   * feature, to read later) and returns the feature's contract.
   */
  add<S extends Named & NewNames<T & { jobData: J }>, FJ extends FeatureJobs = Record<never, never>>(name: string, build: (built: Readonly<T>, parts: GatheredParts) => Feature<S, FJ>): Composer<T & S, J & FJ>;
  /** Every service by name, and `jobData`: every job kind's data function, as its feature typed it. */
  services(): Flat<T & { jobData: J }>;
}

interface UntypedComposer {
  add(name: string, build: (built: Named, parts: GatheredParts) => Feature<Named, FeatureJobs>): UntypedComposer;
  services(): Named;
}

/** Starts a composition from the services of the floor below the features (e.g. the jobs repo). */
export function composeFeatures<T extends Named>(floor: T): Composer<T, Record<never, never>> {
  const services: Named = {};
  /** Which feature gave each service name, and each job kind's data, to name both when one is given twice. */
  const givenBy = new Map<string, string>();
  const jobData: Partial<Record<JobKind, JobDataFunction<unknown>>> = {};
  const jobGivenBy = new Map<JobKind, string>();
  const features = new Set<string>();
  const privacy: PrivacyPart[] = [];
  const sections: UpdateSectionProvider[] = [];
  let done = false;

  function give(name: string, service: object, feature: string): void {
    const earlier = givenBy.get(name);
    if (earlier !== undefined) throw new Error(`the service name "${name}" is given by both ${earlier} and ${feature}`);
    givenBy.set(name, feature);
    services[name] = service;
  }

  for (const [name, service] of Object.entries(floor)) give(name, service, 'the composition root');

  function afterComposition<P>(what: string, read: () => P): () => P {
    return () => {
      if (!done) throw new Error(`the ${what} are read before every feature is added (read them when used, not when built)`);
      return read();
    };
  }
  let orderedPrivacy: readonly MemberDataOwner[] = [];
  const parts: GatheredParts = {
    privacy: afterComposition('privacy parts', () => orderedPrivacy),
    updateSections: afterComposition('monthly-update sections', () => sections),
  };

  // Untyped inside: the names the types track are checked here at run time.
  const composer: UntypedComposer = {
    add(name, build) {
      if (done) throw new Error(`the feature ${name} is added after the services were composed`);
      if (features.has(name)) throw new Error(`the feature ${name} is added twice`);
      features.add(name);
      const feature = build(services, parts);
      for (const [serviceName, service] of Object.entries(feature.services)) give(serviceName, service, `the feature ${name}`);
      for (const [kind, data] of Object.entries(feature.jobs ?? {}) as [JobKind, JobDataFunction<unknown>][]) {
        const earlier = jobGivenBy.get(kind);
        if (earlier !== undefined) throw new Error(`the job kind ${kind} is given data by both ${earlier} and ${name}`);
        jobGivenBy.set(kind, name);
        jobData[kind] = data;
      }
      privacy.push(...(feature.privacy ?? []));
      sections.push(...(feature.updateSections ?? []));
      return composer;
    },
    services() {
      if (!done) {
        done = true;
        // A stable sort: parts of equal order keep the order their features were added in.
        orderedPrivacy = [...privacy].sort((a, b) => a.order - b.order);
        give('jobData', jobData, 'the composition root');
      }
      return services;
    },
  };
  return composer as unknown as Composer<T, Record<never, never>>;
}
