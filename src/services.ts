// Builds every domain service from the database and the clock: the context command handlers receive.
// Each feature is one line here (its `<feature>.feature.ts` factory, see src/shared/feature.ts); its named
// services are listed in the return, its job data, privacy parts and monthly-update sections are gathered below.
import { createAlliancesFeature } from './alliances/alliances.feature.js';
import { createBackupsFeature } from './backups/backups.feature.js';
import type { BackupSettings } from './backups/backups.rules.js';
import { openCacheDatabase, type CacheDatabase } from './db/cache.js';
import type { Db } from './db/open.js';
import { createDirectoryFeature } from './directory/directory.feature.js';
import { createDoctorFeature } from './doctor/doctor.feature.js';
import { createDuesFeature } from './dues/dues.feature.js';
import { createLeadsFeature } from './leads/leads.feature.js';
import { createMeetingsFeature } from './meetings/meetings.feature.js';
import { createPassFeature } from './pass/pass.feature.js';
import { createPerksFeature } from './perks/perks.feature.js';
import { createPrivacyFeature } from './privacy/privacy.feature.js';
import type { AgendaPort, SpacesPort } from './proposals/ports.js';
import { createProposalsFeature } from './proposals/proposals.feature.js';
import type { SpacesDirectory } from './rhythm/ports.js';
import { createRhythmFeature } from './rhythm/rhythm.feature.js';
import { createRulesFeature } from './rules/rules.feature.js';
import { createJobsRepo } from './jobs/jobs.repo.js';
import type { Clock } from './shared/clock.js';
import { jobDataOf, privacyParts, updateSections } from './shared/feature.js';
import { createSkillsFeature } from './skills/skills.feature.js';

/** Stand-ins for features that have not landed yet (or for end-to-end tests that need a known world). */
export interface ServicePorts {
  directory?: SpacesDirectory;
  /** Stand-ins for the directory's spaces and the meetings' agenda as the proposals feature sees them. */
  spaces?: SpacesPort;
  agenda?: AgendaPort;
}

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  ports?: ServicePorts;
  /** The live database file (scheduled backups copy it) and the backup settings (null or absent: off). */
  databasePath?: string;
  backups?: BackupSettings | null;
  /** The cache file (rebuildable data such as the gazetteer); an in-memory one when absent. */
  cache?: CacheDatabase;
}

export function createServices(deps: ServiceDeps) {
  const { db, clock } = deps;
  const jobs = createJobsRepo(db);
  const timezone = (guildId: string) => alliances.settings(guildId).timezone;

  const alliancesFeature = createAlliancesFeature({ db, clock });
  const { alliances } = alliancesFeature.services;
  const directoryFeature = createDirectoryFeature({ db, cache: deps.cache ?? openCacheDatabase(':memory:'), clock, alliances });
  const { directory } = directoryFeature.services;
  // The directory's spaces as other features see them (end-to-end tests may bring a known world instead).
  const spaces = deps.ports?.spaces ?? directory;
  const meetingsFeature = createMeetingsFeature({ db, clock, jobs, alliances });
  const skillsFeature = createSkillsFeature({ db, jobs, clock, timezone, organizersChannel: (g) => alliances.organizersChannel(g), locality: (g, u) => directory.memberLocality(g, u), localities: (g, us) => directory.memberLocalities(g, us) });
  const rulesFeature = createRulesFeature({ db, clock });
  const duesFeature = createDuesFeature({ db, clock, jobs, spaces, timezone });
  const proposalsFeature = createProposalsFeature({ db, clock, rules: rulesFeature.services.rules, alliances, jobs, spaces, agenda: deps.ports?.agenda ?? meetingsFeature.services.meetings, standing: duesFeature.services.dues });
  const passFeature = createPassFeature({ db, clock, spaces: directory, timezone });
  const leadsFeature = createLeadsFeature({ db, clock, spaces: directory, timezone });
  const perksFeature = createPerksFeature({ db, clock, timezone });
  // The rhythm's monthly update carries every other feature's section.
  const sectionFeatures = [directoryFeature, meetingsFeature, skillsFeature, proposalsFeature, passFeature, leadsFeature, duesFeature];
  const rhythmFeature = createRhythmFeature({ db, jobs, alliances, clock, sections: updateSections(sectionFeatures), directory: deps.ports?.directory ?? directory });
  // Members' own data: every feature that stores personal data brings its part (the order is /privacy's order).
  const owners = privacyParts([directoryFeature, skillsFeature, meetingsFeature, rhythmFeature, proposalsFeature, passFeature, leadsFeature, perksFeature, duesFeature]);
  const privacyFeature = createPrivacyFeature({ db, clock, spaces: directory, owners });
  const backupsFeature = createBackupsFeature({ jobs, clock, databasePath: deps.databasePath ?? ':memory:', settings: deps.backups ?? null });
  const doctorFeature = createDoctorFeature({ db, clock, backups: backupsFeature.services.backups });
  // What each due job is about, by kind, from the feature that plans it (the Discord handlers render and post it).
  const jobData = jobDataOf([
    alliancesFeature, directoryFeature, meetingsFeature, skillsFeature, rulesFeature, duesFeature, proposalsFeature, passFeature,
    leadsFeature, perksFeature, rhythmFeature, privacyFeature, backupsFeature, doctorFeature,
  ]);

  return {
    jobs,
    jobData,
    alliances,
    backups: backupsFeature.services.backups,
    doctor: doctorFeature.services.doctor,
    directory,
    rhythm: rhythmFeature.services.rhythm,
    meetings: meetingsFeature.services.meetings,
    ideas: meetingsFeature.services.ideas,
    duplicates: meetingsFeature.services.duplicates,
    calendar: meetingsFeature.services.calendar,
    skills: skillsFeature.services.skills,
    memberLanguages: skillsFeature.services.memberLanguages,
    rules: rulesFeature.services.rules,
    proposals: proposalsFeature.services.proposals,
    votes: proposalsFeature.services.votes,
    decisions: proposalsFeature.services.decisions,
    privacy: privacyFeature.services.privacy,
    dues: duesFeature.services.dues,
    duesReminders: duesFeature.services.duesReminders,
    pass: passFeature.services.pass,
    leads: leadsFeature.services.leads,
    perks: perksFeature.services.perks,
  };
}

export type Services = ReturnType<typeof createServices>;
