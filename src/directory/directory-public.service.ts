// The public web page's view of the directory (read-only), and the host's consent that decides what it shows.
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { forbidden, invalid, notFound, msg } from '../shared/errors.js';
import type { DirectoryPublicRepo, ListingRow } from './directory-public.repo.js';
import { publicView, type PublicSource, type PublicSpace } from './directory-public.rules.js';
import { canManage } from './directory.rules.js';
import type { DirectoryRepo } from './directory.repo.js';

export interface PublicConsent {
  /** Listed on the public page (`/space edit public:yes|no`). */
  listed?: boolean;
  /** Identity tags shown there too (`/space edit public-tags:yes|no`). */
  tags?: boolean;
}

export function createDirectoryPublicService(deps: { repo: DirectoryRepo; publicRepo: DirectoryPublicRepo; clock: Clock }) {
  const { repo, publicRepo, clock } = deps;
  return {
    /** Every public space of the alliance, by name. */
    spaces(guildId: string): PublicSpace[] {
      return publicRepo.all(guildId).map(publicView);
    },

    /** The public spaces' ids by name, with their name key and last change (the web layer rebuilds only what changed). */
    listing(guildId: string): ListingRow[] {
      return publicRepo.listing(guildId);
    },

    /** How many spaces are public now, and those changed at or after `since` (ms). */
    changesSince(guildId: string, since: number): { count: number; changed: ListingRow[] } {
      return { count: publicRepo.version(guildId).count, changed: publicRepo.changedSince(guildId, since) };
    },

    /** These public spaces (any order; an id that is not public is left out). */
    spacesByIds(guildId: string, ids: readonly number[]): PublicSpace[] {
      return publicRepo.byIds(guildId, ids).map(publicView);
    },

    /** A hit of publicSearch as the page shows it (identity tags dropped without the second consent). */
    fromHit(hit: PublicSource): PublicSpace {
      return publicView(hit);
    },

    /**
     * A key that changes whenever the public listing may have (a space listed, withdrawn, approved, edited or
     * removed): the web layer caches the 10,000-space JSON and map under it.
     */
    version(guildId: string): string {
      const { count, updatedAt } = publicRepo.version(guildId);
      return `${count}:${updatedAt}`;
    },

    /** One public space, or null when it is not there, not approved or not public. */
    space(guildId: string, spaceId: number): PublicSpace | null {
      const row = publicRepo.byId(guildId, spaceId);
      return row ? publicView(row) : null;
    },

    /** The host (or an organizer) says whether the space and its identity tags may be shown on the public page. */
    setConsent(actor: Actor, spaceId: number, consent: PublicConsent): { name: string; listed: boolean; tags: boolean } {
      const row = repo.get(actor.guildId, spaceId);
      if (!row) throw notFound(msg('directory.space.notFound'));
      if (!canManage(actor, repo.hosts(actor.guildId, spaceId))) throw forbidden(msg('directory.space.onlyHosts', { action: 'edit', name: row.name }));
      if (consent.listed === undefined && consent.tags === undefined) throw invalid('public', msg('directory.public.sayYesOrNo'));
      const patch = {
        ...(consent.listed === undefined ? {} : { publicListing: consent.listed }),
        ...(consent.tags === undefined ? {} : { publicTags: consent.tags }),
        updatedAt: clock.now().getTime(),
      };
      repo.update(actor.guildId, spaceId, patch);
      return { name: row.name, listed: consent.listed ?? row.publicListing, tags: consent.tags ?? row.publicTags };
    },
  };
}

export type DirectoryPublicService = ReturnType<typeof createDirectoryPublicService>;
