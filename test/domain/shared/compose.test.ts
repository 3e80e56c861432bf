// The composition root (#15): features added one call each, their services typed by name and a name given twice
// refused (by the compiler and at start), their privacy parts, update sections and job data gathered without lists.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AlliancesService } from '../../../src/alliances/alliances.service.js';
import type { DirectoryService } from '../../../src/directory/directory.feature.js';
import { directoryUpdateSection } from '../../../src/directory/directory.update-section.js';
import { createDuesUpdateSection } from '../../../src/dues/dues.update-section.js';
import { skipJob } from '../../../src/jobs/job-handler.js';
import { jobKind } from '../../../src/jobs/job-kinds.js';
import type { JobsRepo } from '../../../src/jobs/jobs.repo.js';
import { leadsUpdateSection } from '../../../src/leads/leads.update-section.js';
import type { MeetingsFacade } from '../../../src/meetings/meetings.feature.js';
import { createMeetingsUpdateSection } from '../../../src/meetings/meetings.update-section.js';
import { passUpdateSection } from '../../../src/pass/pass.update-section.js';
import type { PrivacyService } from '../../../src/privacy/privacy.service.js';
import { createProposalsUpdateSection } from '../../../src/proposals/proposals.update-section.js';
import { MONTHLY_KIND } from '../../../src/rhythm/due.rules.js';
import type { rhythmJobData } from '../../../src/rhythm/rhythm.jobs.js';
import { createServices, type Services } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { composeFeatures } from '../../../src/shared/compose.js';
import { defineFeature } from '../../../src/shared/feature.js';
import type { UpdateSectionProvider } from '../../../src/shared/update-section.js';
import { skillsUpdateSection } from '../../../src/skills/skills.update-section.js';
import { freshDb } from '../../support/db.js';
import { english, harness } from '../rhythm/harness.js';

const G = '300000000000000001';
const forget = () => ({});
const section = (id: string, order: number): UpdateSectionProvider => ({ id, order, build: () => null });

describe('composing features', () => {
  it('a service name given by two features is refused by the compiler and at start, naming both features', () => {
    const compose = () =>
      composeFeatures({ jobs: {} })
        .add('meetings', () => defineFeature({ services: { meetings: {}, calendar: {} } }))
        // @ts-expect-error `calendar` is already given by the feature meetings
        .add('events', () => defineFeature({ services: { calendar: {} } }));
    expect(compose).toThrow('the service name "calendar" is given by both the feature meetings and the feature events');
    // @ts-expect-error `jobs` is the floor's
    expect(() => composeFeatures({ jobs: {} }).add('queue', () => defineFeature({ services: { jobs: {} } }))).toThrow('the service name "jobs" is given by both the composition root and the feature queue');
    // @ts-expect-error `jobData` is the composition's own
    expect(() => composeFeatures({}).add('jobs', () => defineFeature({ services: { jobData: {} } })).services()).toThrow('the service name "jobData" is given by both the feature jobs and the composition root');
    expect(() => composeFeatures({}).add('a', () => defineFeature({ services: { a: {} } })).add('a', () => defineFeature({ services: { b: {} } }))).toThrow('the feature a is added twice');
  });

  it('a feature gets the services added before it, by name, and its own join them', () => {
    const composed = composeFeatures({ jobs: { floor: true } })
      .add('a', ({ jobs }) => defineFeature({ services: { a: { jobs } } }))
      .add('b', ({ a }) => defineFeature({ services: { b: { a }, c: { c: 1 } } }))
      .services();
    expect(Object.keys(composed)).toEqual(['jobs', 'a', 'b', 'c', 'jobData']);
    expect(composed.b.a.jobs.floor).toBe(true);
    expectTypeOf(composed.c).toEqualTypeOf<{ c: number }>();
    expectTypeOf(composed.b.a.jobs).toEqualTypeOf<{ floor: boolean }>();
  });

  it('gathers privacy parts by their own order (ties as added) and update sections, readable once every feature is added', () => {
    const builder = composeFeatures({})
      .add('reader', (_built, parts) => defineFeature({ services: { reader: { privacy: parts.privacy, sections: parts.updateSections } } }))
      .add('late', () => defineFeature({ services: { late: {} }, privacy: [{ feature: 'late', order: 5, forget }], updateSections: [section('late', 1)] }))
      .add('early', () => defineFeature({ services: { early: {} }, privacy: [{ feature: 'early1', order: 1, forget }, { feature: 'early2', order: 5, forget }], updateSections: [section('early', 2)] }));
    const reader = builder.add('none', () => defineFeature({ services: { none: {} } })).services().reader;
    expect(reader.privacy().map((part) => part.feature)).toEqual(['early1', 'late', 'early2']);
    expect(reader.sections().map((s) => s.id)).toEqual(['late', 'early']);
    expect(() => composeFeatures({}).add('eager', (_built, parts) => defineFeature({ services: { eager: parts.privacy() } }))).toThrow(
      'the privacy parts are read before every feature is added',
    );
  });

  it('two features giving data for one job kind are refused at start, naming both', () => {
    const GHOST_JOB = jobKind('ghosts.haunt');
    const compose = () =>
      composeFeatures({})
        .add('first', () => defineFeature({ services: { first: {} }, jobs: { [GHOST_JOB]: () => skipJob('first') } }))
        .add('second', () => defineFeature({ services: { second: {} }, jobs: { [GHOST_JOB]: () => skipJob('second') } }))
        .services();
    expect(compose).toThrow('the job kind ghosts.haunt is given data by both first and second');
  });
});

describe('the services of services.ts', () => {
  const services = createServices({ db: freshDb().db, clock: manualClock('2026-03-02T10:00:00Z') });

  it('are typed by name, as each feature built them', () => {
    expectTypeOf<keyof Services>().toEqualTypeOf<
      | 'jobs' | 'jobData' | 'alliances' | 'backups' | 'doctor' | 'directory' | 'rhythm' | 'meetings' | 'ideas' | 'duplicates' | 'calendar' | 'skills'
      | 'memberLanguages' | 'rules' | 'proposals' | 'votes' | 'decisions' | 'privacy' | 'dues' | 'duesReminders' | 'pass' | 'leads' | 'perks'
    >();
    expectTypeOf(services.jobs).toEqualTypeOf<JobsRepo>();
    expectTypeOf(services.alliances).toEqualTypeOf<AlliancesService>();
    expectTypeOf(services.directory).toEqualTypeOf<DirectoryService>();
    expectTypeOf(services.meetings).toEqualTypeOf<MeetingsFacade>();
    expectTypeOf(services.privacy).toEqualTypeOf<PrivacyService>();
    expectTypeOf(services.jobData[MONTHLY_KIND]).toEqualTypeOf<ReturnType<typeof rhythmJobData>[typeof MONTHLY_KIND]>();
    expect(typeof services.jobData[MONTHLY_KIND]).toBe('function');
  });

  it('a member deletion runs every feature part in the order /privacy has always used', () => {
    const summary = services.privacy.delete({ guildId: G, userId: '200000000000000001', isOrganizer: false, roleIds: [] });
    expect(Object.keys(summary)).toEqual(['directory', 'skills', 'meetings', 'calendar', 'rhythm', 'proposals', 'pass', 'leads', 'perks', 'dues', 'attribution']);
  });

  it("the monthly update's sections keep their order, by each section's own place", () => {
    const sections = [
      createDuesUpdateSection(services.dues),
      createProposalsUpdateSection({ proposals: services.proposals, decisions: services.decisions }),
      leadsUpdateSection(services.leads),
      passUpdateSection(services.pass),
      skillsUpdateSection(services.skills),
      createMeetingsUpdateSection({ meetings: services.meetings, ideas: services.ideas }),
      directoryUpdateSection(services.directory),
    ];
    // Each says something, so the real rhythm lays every one out, in the order it gives them.
    const speaking = sections.map((s) => ({ ...s, build: () => ({ title: s.id, lines: ['something'] }) }));
    const h = harness({ start: '2026-11-10T00:00:00Z', sections: speaking });
    const preview = h.services.rhythm.updates.preview(h.setupAlliance(G, 'UTC'), {}, english);
    expect(preview.sectionIds).toEqual(['directory', 'meetings', 'skills', 'pass', 'leads', 'proposals', 'dues']);
  });
});
