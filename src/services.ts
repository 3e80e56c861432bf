// Builds every domain service from the database and the clock: the context command handlers receive.
// Each feature is one line here (its `<feature>.feature.ts` factory, see src/shared/feature.ts): its named services
// join the handlers' services by name, its job data, privacy parts and update sections are gathered (src/shared/compose.ts).
import { createAlliancesFeature } from './alliances/alliances.feature.js';
import type { AlliancesService } from './alliances/alliances.service.js';
import { createBackupsFeature } from './backups/backups.feature.js';
import type { BackupSettings } from './backups/backups.rules.js';
import { openCacheDatabase, type CacheDatabase } from './db/cache.js';
import { buildCacheApart } from './db/cache-build.js';
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
import { composeFeatures } from './shared/compose.js';
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
  const { db, clock, ports = {} } = deps;
  const jobs = createJobsRepo(db);
  // Features are added after the features they use; rhythm and privacy read every feature's sections and parts when used.
  return composeFeatures({ jobs })
    .add('alliances', () => createAlliancesFeature({ db, clock }))
    .add('directory', ({ alliances }) => createDirectoryFeature({ db, cache: deps.cache ?? openCacheDatabase(':memory:'), clock, alliances, buildApart: buildCacheApart }))
    .add('meetings', ({ alliances }) => createMeetingsFeature({ db, clock, jobs, alliances }))
    .add('skills', ({ alliances, directory }) => createSkillsFeature({ db, jobs, clock, timezone: timezoneOf(alliances), organizersChannel: (g) => alliances.organizersChannel(g), locality: (g, u) => directory.memberLocality(g, u), localities: (g, us) => directory.memberLocalities(g, us) }))
    .add('rules', () => createRulesFeature({ db, clock }))
    .add('dues', ({ alliances, directory }) => createDuesFeature({ db, clock, jobs, spaces: ports.spaces ?? directory, timezone: timezoneOf(alliances) }))
    .add('proposals', ({ alliances, directory, rules, meetings, dues }) => createProposalsFeature({ db, clock, rules, alliances, jobs, spaces: ports.spaces ?? directory, agenda: ports.agenda ?? meetings, standing: dues }))
    .add('pass', ({ alliances, directory }) => createPassFeature({ db, clock, spaces: directory, timezone: timezoneOf(alliances) }))
    .add('leads', ({ alliances, directory }) => createLeadsFeature({ db, clock, spaces: directory, timezone: timezoneOf(alliances) }))
    .add('perks', ({ alliances }) => createPerksFeature({ db, clock, timezone: timezoneOf(alliances) }))
    .add('rhythm', ({ alliances, directory }, parts) => createRhythmFeature({ db, jobs, alliances, clock, sections: parts.updateSections, directory: ports.directory ?? directory }))
    .add('privacy', ({ directory }, parts) => createPrivacyFeature({ db, clock, spaces: directory, owners: parts.privacy }))
    .add('backups', () => createBackupsFeature({ jobs, clock, databasePath: deps.databasePath ?? ':memory:', settings: deps.backups ?? null }))
    .add('doctor', ({ backups }) => createDoctorFeature({ db, clock, backups }))
    .services();
}

/** An alliance's time zone by guild, as the features that plan by the local calendar ask for it. */
function timezoneOf(alliances: AlliancesService): (guildId: string) => string {
  return (guildId) => alliances.settings(guildId).timezone;
}

export type Services = ReturnType<typeof createServices>;
