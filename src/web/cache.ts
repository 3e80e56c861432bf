// Rendered bodies of the listing-wide outputs (spaces.json, the map), kept per alliance under the listing's version:
// with 10,000 spaces building them costs far more than asking whether anything changed.
// Each entry carries its ETag, hashed once when built, so a request does not hash megabytes again.
import { createHash } from 'node:crypto';
import { createRecentMap } from '../shared/recent-map.js';

export interface Rendered {
  /** Encoded once: a request then copies no megabyte string into UTF-8 again. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

export function createRenderCache(maxEntries = 200) {
  // Least recently used out first: a bot serves few alliances, this only bounds a pathological case.
  const entries = createRecentMap<string, Rendered & { version: string }>(maxEntries);
  return {
    /** `build` gives the text (encoded and hashed here) or bytes with their ETag already made. */
    async get(key: string, version: string, build: () => string | Rendered | Promise<string | Rendered>): Promise<Rendered> {
      const hit = entries.get(key);
      if (hit && hit.version === version) return hit;
      const built = await build();
      const body = typeof built === 'string' ? new Uint8Array(Buffer.from(built)) : built.body;
      const entry = { version, body, etag: typeof built === 'string' ? `"${createHash('sha1').update(body).digest('base64url')}"` : built.etag };
      return entries.set(key, entry);
    },
  };
}
