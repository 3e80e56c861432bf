// Builds every domain service from the database and the clock: the context command handlers receive.
// Features add their service here, one line each.
import { createAlliancesRepo } from './alliances/alliances.repo.js';
import { createAlliancesService } from './alliances/alliances.service.js';
import type { BackupSettings } from './backups/backups.rules.js';
import { createBackupsService } from './backups/backups.service.js';
import { openCacheDatabase, type CacheDatabase } from './db/cache.js';
import type { Db } from './db/open.js';
import { createDirectory } from './directory/directory.js';
import { createDoctorService } from './doctor/doctor.service.js';
import { createDuesFeature } from './dues/dues.feature.js';
import { directoryUpdateSection } from './directory/directory.update-section.js';
import type { Clock } from './shared/clock.js';
import { createMeetingsFeature } from './meetings/meetings.feature.js';
import { createPassFeature } from './pass/pass.feature.js';
import { createLeadsFeature } from './leads/leads.feature.js';
import { createPerksFeature } from './perks/perks.feature.js';
import { createMemberRowsRepo } from './privacy/member-rows.repo.js';
import { createPrivacyService } from './privacy/privacy.service.js';
import { createMeetingsUpdateSection } from './meetings/meetings.update-section.js';
import { createJobsRepo } from './jobs/jobs.repo.js';
import type { AgendaPort, SpacesPort } from './proposals/ports.js';
import { createProposalFeature } from './proposals/proposals.module.js';
import { createProposalsUpdateSection } from './proposals/proposals.update-section.js';
import { createRulesRepo } from './rules/rules.repo.js';
import { createRulesService } from './rules/rules.service.js';
import type { SpacesDirectory } from './rhythm/ports.js';
import { createRhythmRepo } from './rhythm/rhythm.repo.js';
import { createRhythmService } from './rhythm/rhythm.service.js';
import { createSkillsRepo } from './skills/skills.repo.js';
import { createSkillsService } from './skills/skills.service.js';
import { skillsUpdateSection } from './skills/skills.update-section.js';

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
  const alliances = createAlliancesService({ repo: createAlliancesRepo(db), clock });
  const directory = createDirectory({ db, cache: deps.cache ?? openCacheDatabase(':memory:'), clock, alliances });
  const { meetings, ideas, duplicates, calendar } = createMeetingsFeature({ db, clock, jobs, alliances });
  const skills = createSkillsService({
    db,
    repo: createSkillsRepo(db),
    jobs,
    clock,
    timezone: (guildId) => alliances.settings(guildId).timezone,
    locality: (guildId, userId) => directory.memberLocality(guildId, userId),
    localities: (guildId, userIds) => directory.memberLocalities(guildId, userIds),
  });
  const rules = createRulesService({ repo: createRulesRepo(db), clock });
  const { dues, duesReminders, duesUpdateSection } = createDuesFeature({ db, clock, jobs, spaces: deps.ports?.spaces ?? directory, timezone: (guildId) => alliances.settings(guildId).timezone });
  const { proposals, votes, decisions } = createProposalFeature({
    db, clock, rules, alliances, jobs, spaces: deps.ports?.spaces ?? directory, agenda: deps.ports?.agenda ?? meetings, standing: dues,
  });
  const passFeature = createPassFeature({ db, clock, spaces: directory, timezone: (guildId) => alliances.settings(guildId).timezone });
  const leadsFeature = createLeadsFeature({ db, clock, spaces: directory, timezone: (guildId) => alliances.settings(guildId).timezone });
  const perksFeature = createPerksFeature({ db, clock, timezone: (guildId) => alliances.settings(guildId).timezone });
  // Each feature's section of the monthly update, in one list.
  const sections = [
    directoryUpdateSection(directory),
    createMeetingsUpdateSection({ meetings, ideas }),
    skillsUpdateSection(skills),
    createProposalsUpdateSection({ proposals, decisions }),
    passFeature.updateSection,
    leadsFeature.updateSection,
    duesUpdateSection,
  ];
  const rhythm = createRhythmService({ repo: createRhythmRepo(db), jobs, alliances, clock, sections, directory: deps.ports?.directory ?? directory });
  // Members' own data: every feature that stores personal data forgets it here (one line each).
  const privacy = createPrivacyService({
    db, clock, rows: createMemberRowsRepo(db), spaces: directory,
    owners: [
      { feature: 'directory', forget: (g, u) => directory.removeMemberData(g, u) },
      { feature: 'skills', forget: (g, u) => skills.forgetMember(g, u) },
      { feature: 'meetings', forget: (g, u) => meetings.forgetMember(g, u) },
      { feature: 'calendar', forget: (g, u) => ({ calendarFeeds: calendar.forgetMember(g, u) }) },
      { feature: 'rhythm', forget: (g, u) => rhythm.forgetMember(g, u) },
      { feature: 'proposals', forget: (g, u) => votes.forgetMember(g, u) },
      passFeature.privacy,
      leadsFeature.privacy,
      perksFeature.privacy,
      { feature: 'dues', forget: (g, u) => dues.forgetMember(g, u) },
    ],
  });
  const backups = createBackupsService({ jobs, clock, databasePath: deps.databasePath ?? ':memory:', settings: deps.backups ?? null });
  const doctor = createDoctorService({ db, clock, backups });
  return { jobs, alliances, backups, doctor, directory, rhythm, meetings, ideas, duplicates, calendar, skills, rules, proposals, votes, decisions, privacy, dues, duesReminders, pass: passFeature.pass, leads: leadsFeature.leads, perks: perksFeature.perks };
}

export type Services = ReturnType<typeof createServices>;
