// An alliance's public listing kept between rebuilds of the listing-wide outputs (spaces.json, the map): a rebuild
// reads only the spaces changed since the newest change it saw (from the index on the last change) and moves them
// to their place in name order; after a withdrawal, a removal or a large import it reads the whole order again (ids
// and last changes) and still reads in full only the spaces that changed. With 10,000 spaces, reading every row
// again was most of a rebuild's 110-170 ms.
import { createHash } from 'node:crypto';
import type { PublicSpace } from '../directory/directory-public.rules.js';
import type { DirectoryPublicService } from '../directory/directory-public.service.js';
import { createRecentMap } from '../shared/recent-map.js';
import type { Rendered } from './cache.js';
import { spaceJson, spacesJsonFrame } from './feeds.js';

interface Kept {
  space: PublicSpace;
  /** Where it sorts: by name key, then id (the repo's order). */
  nameKey: string;
  /** The space in spaces.json as UTF-8, made for `jsonFor` (the alliance's page address, which a new slug changes). */
  json: Buffer | null;
  /** SHA-1 of `json`: the body's ETag hashes these, not 6 MB again. */
  digest: Buffer | null;
  jsonFor: string | null;
}

interface Listing {
  /** In name order. */
  order: Kept[];
  byId: Map<number, Kept>;
  /** The newest change seen: later ones are found from the index on the last change. */
  newest: number;
}

const COMMA = Buffer.from(',');
/** More changed spaces than this at once (an import): the whole order is read again instead. */
const FEW_CHANGES = 200;

/** SQLite's order of `name_key, id`: text compared as UTF-8 bytes (BINARY), not as JavaScript's UTF-16 units. */
const before = (a: { nameKey: string; space: { id: number } }, b: { nameKey: string; space: { id: number } }) =>
  a.nameKey === b.nameKey ? a.space.id < b.space.id : Buffer.compare(Buffer.from(a.nameKey), Buffer.from(b.nameKey)) < 0;

export function createListingCache(publicPage: Pick<DirectoryPublicService, 'listing' | 'changesSince' | 'spacesByIds'>, maxAlliances = 200) {
  const byGuild = createRecentMap<string, Listing>(maxAlliances);

  const kept = (space: PublicSpace, nameKey: string): Kept => ({ space, nameKey, json: null, digest: null, jsonFor: null });
  const newestOf = (order: readonly Kept[]) => order.reduce((newest, entry) => Math.max(newest, entry.space.updatedAt ?? 0), 0);

  /**
   * After a few edits: only the spaces changed since the newest change seen are read, and moved to their place in
   * name order. Null when that cannot be trusted (a space left the listing, or many changed): then read everything.
   */
  const patched = (guildId: string, listing: Listing): Kept[] | null => {
    const { count, changed } = publicPage.changesSince(guildId, listing.newest);
    const fresh = changed.filter((row) => listing.byId.get(row.id)?.space.updatedAt !== row.updatedAt);
    if (fresh.length > FEW_CHANGES) return null;
    const nameKeys = new Map(fresh.map((row) => [row.id, row.nameKey]));
    const spaces = publicPage.spacesByIds(guildId, fresh.map((row) => row.id));
    if (spaces.length !== fresh.length) return null;
    for (const space of spaces) {
      const old = listing.byId.get(space.id);
      if (old) listing.order.splice(listing.order.indexOf(old), 1);
      const entry = kept(space, nameKeys.get(space.id)!);
      let low = 0;
      let high = listing.order.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (before(listing.order[middle]!, entry)) low = middle + 1;
        else high = middle;
      }
      listing.order.splice(low, 0, entry);
      listing.byId.set(space.id, entry);
    }
    // Spaces withdrawn or removed are not among the changes: the count tells.
    if (listing.order.length !== count) return null;
    for (const space of spaces) listing.newest = Math.max(listing.newest, space.updatedAt ?? 0);
    return listing.order;
  };

  /** The listing now, in name order, reading only what changed since the last call. */
  const current = (guildId: string): Kept[] => {
    const known = byGuild.get(guildId);
    const quick = known ? patched(guildId, known) : null;
    if (quick) return quick;
    const rows = publicPage.listing(guildId);
    const byId = known?.byId ?? new Map<number, Kept>();
    const changed = rows.filter(({ id, updatedAt }) => byId.get(id)?.space.updatedAt !== updatedAt);
    const nameKeys = new Map(changed.map((row) => [row.id, row.nameKey]));
    for (const space of publicPage.spacesByIds(guildId, changed.map(({ id }) => id))) byId.set(space.id, kept(space, nameKeys.get(space.id)!));
    // Rebuilt from the order, so withdrawn and removed spaces drop out of memory too.
    const listing: Listing = { order: [], byId: new Map(), newest: 0 };
    for (const { id } of rows) {
      const entry = byId.get(id);
      // Gone between the two reads (withdrawn meanwhile): the next rebuild sees the new order.
      if (!entry) continue;
      listing.byId.set(id, entry);
      listing.order.push(entry);
    }
    listing.newest = newestOf(listing.order);
    byGuild.set(guildId, listing);
    return listing.order;
  };

  return {
    /** Every public space of the alliance, by name (the map). */
    spaces(guildId: string): PublicSpace[] {
      return current(guildId).map((entry) => entry.space);
    },
    /** spaces.json of the alliance as bytes, with an ETag hashed from the frame and each space's own hash. */
    json(guildId: string, options: { slug: string; pageUrl: string; now: number }): Rendered {
      const { head, tail } = spacesJsonFrame(options);
      const parts: Buffer[] = [Buffer.from(head)];
      const digests: Buffer[] = [];
      for (const entry of current(guildId)) {
        if (entry.jsonFor !== options.pageUrl) {
          entry.json = Buffer.from(spaceJson(entry.space, options.pageUrl));
          entry.digest = createHash('sha1').update(entry.json).digest();
          entry.jsonFor = options.pageUrl;
        }
        if (parts.length > 1) parts.push(COMMA);
        parts.push(entry.json!);
        digests.push(entry.digest!);
      }
      parts.push(Buffer.from(tail));
      const joined = Buffer.concat(parts);
      // One hashing call over the spaces' hashes (200 kB for 10,000), not one per space.
      const etag = createHash('sha1').update(head).update(Buffer.concat(digests)).update(tail).digest('base64url');
      return { body: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength), etag: `"${etag}"` };
    },
  };
}
