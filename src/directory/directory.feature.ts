// The directory feature: its one service object (profiles, finding, CSV, composed from their factories), its
// monthly-update section and its privacy part.
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { CacheDatabase } from '../db/cache.js';
import type { CacheBuilder } from '../db/cache-build.js';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createCsvService } from './directory-csv.service.js';
import { createDirectoryPublicRepo } from './directory-public.repo.js';
import { createDirectoryPublicService } from './directory-public.service.js';
import { createDirectoryRepo } from './directory.repo.js';
import { createDirectorySearchRepo } from './directory-search.repo.js';
import { createSearchService } from './directory-search.service.js';
import { createSpacesService } from './directory.service.js';
import { directoryUpdateSection } from './directory.update-section.js';
import { ensureGazetteerStored, worldGazetteer, type Gazetteer } from './gazetteer.js';
import { createGazetteerStore, GAZETTEER_CACHE_BUILD } from './gazetteer-cache.js';
import { createTimeZoneRanking } from './timezones.js';

export interface DirectoryDeps {
  db: Db;
  /** Where the built gazetteer is kept between starts (the cache file, not the members' database). */
  cache: CacheDatabase;
  clock: Clock;
  alliances: Pick<AlliancesService, 'settings'>;
  /** The shipped gazetteer unless a test brings its own. */
  gazetteer?: () => Gazetteer;
  /** Builds the gazetteer's cache in a child process when the cache is a file (absent, or a cache in memory: here). */
  buildApart?: CacheBuilder;
}

/** How storeGazetteer went: it was there, or it was built in this process or apart. */
export type GazetteerStored = 'already' | 'here' | 'apart';

export function createDirectoryFeature(deps: DirectoryDeps) {
  const directory = createDirectory(deps);
  return defineFeature({
    services: { directory },
    updateSections: [directoryUpdateSection(directory)],
    privacy: [{ feature: 'directory', order: 10, forget: (guildId: string, userId: string) => directory.removeMemberData(guildId, userId) }],
  });
}

/** The directory's one service object. */
export function createDirectory(deps: DirectoryDeps) {
  const repo = createDirectoryRepo(deps.db);
  const searchRepo = createDirectorySearchRepo(deps.db);
  const store = createGazetteerStore(deps.cache, () => deps.clock.now().getTime());
  const gazetteer = deps.gazetteer ?? (() => worldGazetteer(store));
  const common = { repo, gazetteer, clock: deps.clock };
  const maintainIndexes = () => {
    searchRepo.optimizeIndex();
    searchRepo.refreshStatistics();
  };
  const zones = createTimeZoneRanking({ search: searchRepo, gazetteer, clock: deps.clock });
  const spaces = createSpacesService({ ...common, alliances: deps.alliances });
  const finding = createSearchService({ ...common, search: searchRepo });
  const csv = createCsvService({ ...common, afterImport: () => maintainIndexes() });
  // The one service commands see, named verb by verb (no spread: a verb added to a part is added here on purpose).
  return {
    profile: spaces.profile,
    register: spaces.register,
    prepareRegistration: spaces.prepareRegistration,
    completeRegistration: spaces.completeRegistration,
    show: spaces.show,
    edit: spaces.edit,
    remove: spaces.remove,
    pending: spaces.pending,
    approve: spaces.approve,
    reject: spaces.reject,
    addHost: spaces.addHost,
    removeHost: spaces.removeHost,
    requestJoin: spaces.requestJoin,
    decideJoin: spaces.decideJoin,
    leave: spaces.leave,
    memberLocality: spaces.memberLocality,
    memberLocalities: spaces.memberLocalities,
    spacesHostedBy: spaces.spacesHostedBy,
    approvedSpace: spaces.approvedSpace,
    approvedSpaces: spaces.approvedSpaces,
    memberSpaces: spaces.memberSpaces,
    removeMemberData: spaces.removeMemberData,
    search: finding.search,
    searchPage: finding.searchPage,
    publicSearch: finding.publicSearch,
    near: finding.near,
    nearPage: finding.nearPage,
    stats: finding.stats,
    spaceAutocomplete: finding.spaceAutocomplete,
    placeAutocomplete: finding.placeAutocomplete,
    directoryCityAutocomplete: finding.directoryCityAutocomplete,
    countryAutocomplete: finding.countryAutocomplete,
    tagAutocomplete: finding.tagAutocomplete,
    exportCsv: csv.exportCsv,
    hostIdsInCsv: csv.hostIdsInCsv,
    importCsv: csv.importCsv,
    /** Time zones members likely mean: their spaces' zones, then by population (the time-zone autocomplete). */
    likelyTimeZones: zones.likelyTimeZones,
    /** The public web page's read-only view and the hosts' consent to it. */
    publicPage: createDirectoryPublicService({ repo, publicRepo: createDirectoryPublicRepo(deps.db), clock: deps.clock }),
    /** New spaces welcomed (approved) in [from, to): the monthly update section. */
    welcomedBetween(guildId: string, from: number, to: number) {
      return repo.approvedBetween(guildId, from, to);
    },
    /** Once the bot is up: compacts the search index and refreshes the planner's statistics. */
    warmUp(): void {
      maintainIndexes();
    },
    /**
     * Once the bot is up, on a first start: stores the gazetteer in the cache (~1 s of decoding and ~50 MB of
     * short-lived objects), in a child process when the cache is a file, so neither the time nor the memory the build
     * leaves behind lands in the bot's process. The gazetteer itself is not kept: from the cache it loads in ~60 ms
     * on first use, and a bot whose members never type a city saves its ~14 MB. When the child fails, a city lookup
     * builds it in this process (worldGazetteer).
     */
    async storeGazetteer(): Promise<GazetteerStored> {
      if (deps.gazetteer || store.has()) return 'already';
      if (deps.buildApart && !deps.cache.memory) {
        await deps.buildApart(GAZETTEER_CACHE_BUILD, deps.cache.name);
        return 'apart';
      }
      ensureGazetteerStored(store);
      return 'here';
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectory>;
