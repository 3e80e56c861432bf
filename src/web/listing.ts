// An alliance's public listing kept between rebuilds of the listing-wide outputs (spaces.json, the map): a rebuild
// reads the ids in name order with each one's last change, then reads (and serializes) again only the spaces that
// changed. With 10,000 spaces, reading every row again was most of a rebuild's 110-170 ms.
import { createHash } from 'node:crypto';
import type { PublicSpace } from '../directory/directory-public.rules.js';
import type { DirectoryPublicService } from '../directory/directory-public.service.js';
import type { Rendered } from './cache.js';
import { spaceJson, spacesJsonFrame } from './feeds.js';

interface Kept {
  space: PublicSpace;
  /** The space in spaces.json as UTF-8, made for `jsonFor` (the alliance's page address, which a new slug changes). */
  json: Buffer | null;
  /** SHA-1 of `json`: the body's ETag hashes these, not 6 MB again. */
  digest: Buffer | null;
  jsonFor: string | null;
}

const COMMA = Buffer.from(',');

export function createListingCache(publicPage: Pick<DirectoryPublicService, 'listing' | 'spacesByIds'>, maxAlliances = 200) {
  const byGuild = new Map<string, Map<number, Kept>>();

  /** The listing now, in name order, reading only what changed since the last call. */
  const current = (guildId: string): Kept[] => {
    const order = publicPage.listing(guildId);
    const kept = byGuild.get(guildId) ?? new Map<number, Kept>();
    const changed = order.filter(({ id, updatedAt }) => kept.get(id)?.space.updatedAt !== updatedAt).map(({ id }) => id);
    for (const space of publicPage.spacesByIds(guildId, changed)) kept.set(space.id, { space, json: null, digest: null, jsonFor: null });
    // Rebuilt from the order, so withdrawn and removed spaces drop out of memory too.
    const next = new Map<number, Kept>();
    const listing: Kept[] = [];
    for (const { id } of order) {
      const entry = kept.get(id);
      // Gone between the two reads (withdrawn meanwhile): the next rebuild sees the new order.
      if (!entry) continue;
      next.set(id, entry);
      listing.push(entry);
    }
    byGuild.delete(guildId);
    byGuild.set(guildId, next);
    if (byGuild.size > maxAlliances) byGuild.delete(byGuild.keys().next().value!);
    return listing;
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
